"""Plain records of the AI tools register (issue 10), exchanged with the GUI, the CLI and
the exports. As in `records.py`: `id=None` means new; fields under "Filled on read" are
computed by the services and ignored on write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from aiconsult_desktop.domain.ai_status import ItemState, ToolStatus
from aiconsult_desktop.domain.ai_tools import AiActClass, LearnedFrom, LifeStage, ToolKind
from aiconsult_desktop.domain.employer_names import EmployerName, employer_name
from aiconsult_desktop.domain.enums import DatePrecision


@dataclass
class LifeEventData:
    """A step of the tool's life; `on` is the 1st of the month when only the month is known."""

    tool_id: int
    stage: LifeStage
    on: date
    precision: DatePrecision = DatePrecision.DAY
    learned_from: LearnedFrom = LearnedFrom.OTHER
    meeting_id: int | None = None
    """The meeting where the union learned it (learned_from = meeting)."""
    source: str = ""
    """In words: « Communication du DGS du 12 juin 2025 »."""
    id: int | None = None
    # Filled on read.
    meeting_title: str = ""
    when: str = ""
    """ "12 juin 2025" or "décembre 2024"."""


@dataclass
class ItemStateData:
    """The state of one checklist item of one tool, with its date and its evidence."""

    tool_id: int
    rule_key: str
    state: ItemState
    on: date | None = None
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    question_id: int | None = None
    document: str = ""
    """A document received: title, path or link."""
    note: str = ""
    id: int | None = None
    # Filled on read.
    evidence: str = ""
    """Every piece of evidence in words, for lists and documents."""


@dataclass
class AiToolData:
    employer_id: int
    name: str
    vendor: str = ""
    purpose: str = ""
    services: str = ""
    agents_count: int | None = None
    kind: ToolKind = ToolKind.OTHER
    personal_data: bool | None = None
    changes_organisation: bool | None = None
    affects_working_conditions: bool | None = None
    decisions_about_people: bool | None = None
    ai_class: AiActClass = AiActClass.UNDETERMINED
    ai_class_reason: str = ""
    dossier_id: int | None = None
    notes: str = ""
    id: int | None = None
    version: int = 0
    # Filled on read.
    employer_name: str = ""
    employer_article: str | None = None
    """The employer's stored article (`EmployerData.article`), for `employer_in_sentence`."""
    dossier_title: str = ""
    events: list[LifeEventData] = field(default_factory=list)
    items: list[ItemStateData] = field(default_factory=list)
    """The states recorded by the union (the computed checklist is in `status.items`)."""
    agenda_item_ids: list[int] = field(default_factory=list)
    """Agenda items about the tool: a vote on a « pour avis » one is the body's opinion."""
    status: ToolStatus | None = None

    @property
    def employer_in_sentence(self) -> EmployerName:
        return employer_name(self.employer_name, self.employer_article)


@dataclass(frozen=True)
class EvidenceLoss:
    """What a meeting's deletion would take away from the register (the GUI asks first)."""

    tool_name: str
    what: str
    """« Avis du CST avant le déploiement » or « étape Expérimenté »."""

    def describe(self) -> str:
        return f"{self.tool_name} : {self.what}"
