"""Plain records exchanged between the services and their callers (GUI, CLI, dump).

The same record serves to read and to write: `id=None` means "new". Fields after the
editable ones are filled on read for display and ignored on write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from aiconsult_desktop.domain.enums import (
    AgendaItemKind,
    BodyKind,
    DatePrecision,
    MeetingKind,
    QuestionState,
    StatementKind,
    StatementState,
)


@dataclass
class OrganisationData:
    name: str = ""
    short_name: str = ""
    signature: str = ""
    place: str = ""
    logo_path: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.name.strip())


@dataclass
class BodyData:
    kind: BodyKind
    name: str
    id: int | None = None


@dataclass
class EmployerData:
    name: str
    short_name: str = ""
    bodies: list[BodyData] = field(default_factory=list)
    id: int | None = None

    def body(self, body_id: int | None) -> BodyData | None:
        return next((b for b in self.bodies if b.id == body_id), None)


@dataclass
class DossierData:
    title: str
    description: str = ""
    id: int | None = None


@dataclass
class AgendaItemData:
    title: str
    kind: AgendaItemKind = AgendaItemKind.INFORMATION
    position: int = 0
    id: int | None = None


@dataclass
class MeetingData:
    employer_id: int
    kind: MeetingKind
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    body_id: int | None = None
    dossier_id: int | None = None
    date_precision: DatePrecision = DatePrecision.DAY
    place: str = ""
    notes: str = ""
    agenda: list[AgendaItemData] = field(default_factory=list)
    id: int | None = None
    # Filled on read.
    employer_name: str = ""
    body_name: str = ""
    statement_count: int = 0

    @property
    def month_only(self) -> bool:
        return self.date_precision is DatePrecision.MONTH


@dataclass
class QuestionData:
    employer_id: int
    text: str
    asked_on: date
    state: QuestionState = QuestionState.PENDING
    dossier_id: int | None = None
    meeting_id: int | None = None
    answer: str = ""
    id: int | None = None
    version: int = 0
    # Filled on read.
    employer_name: str = ""
    dossier_title: str = ""
    meeting_title: str = ""


@dataclass
class StatementData:
    meeting_id: int
    kind: StatementKind
    title: str
    text: str = ""
    state: StatementState = StatementState.DRAFT
    agenda_item_id: int | None = None
    dossier_id: int | None = None
    excerpt: bool = False
    id: int | None = None
    version: int = 0
    # Filled on read.
    meeting_title: str = ""
    meeting_starts_at: datetime | None = None
    employer_name: str = ""
    agenda_item_title: str = ""
