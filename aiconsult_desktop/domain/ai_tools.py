"""The employer's AI tools (issue 10): vocabulary, life events and their checks.

Each AI tool an employer introduces is followed like a small case file: what it is, when
it was announced, experimented and deployed, and where the union learned each step. The
dates are the same day-or-month dates as meetings (`DatePrecision`): seed 001 knows the
experiments only as "presented in December 2024".

Stored values are stable English words (JSON dump, CLI `--json`); users see the labels.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from aiconsult_desktop.domain.enums import DatePrecision, LabelledEnum
from aiconsult_desktop.domain.french import day_month_year, month_year
from aiconsult_desktop.errors import ValidationError


class ToolKind(LabelledEnum):
    GENERATIVE = ("generative", "IA générative")
    DECISION_SUPPORT = ("decision_support", "Aide à la décision")
    AUTOMATION = ("automation", "Automatisation de tâches")
    RECOGNITION = ("recognition", "Reconnaissance (image, voix, émotions…)")
    OTHER = ("other", "Autre")


class AiActClass(LabelledEnum):
    """The class of the EU AI Act the union believes applies (with its reason)."""

    PROHIBITED = ("prohibited", "Interdit (art. 5)")
    HIGH_RISK = ("high_risk", "Haut risque (annexe III)")
    TRANSPARENCY = ("transparency", "Obligations de transparence (art. 50)")
    MINIMAL = ("minimal", "Risque minimal")
    UNDETERMINED = ("undetermined", "À déterminer")


class LifeStage(LabelledEnum):
    """A step of a tool's life; its current stage is the latest one."""

    ANNOUNCED = ("announced", "Annoncé")
    EXPERIMENTED = ("experimented", "Expérimenté")
    DEPLOYED = ("deployed", "Déployé")
    SUSPENDED = ("suspended", "Suspendu")
    ABANDONED = ("abandoned", "Abandonné")

    @property
    def running(self) -> bool:
        """Agents use the tool (experiment or deployment): what is owed before must be done."""
        return self in (LifeStage.EXPERIMENTED, LifeStage.DEPLOYED)


class LearnedFrom(LabelledEnum):
    """Where the union learned a step: a meeting, the employer's word, a paper."""

    MEETING = ("meeting", "Réunion")
    COMMUNICATION = ("communication", "Communication de l'employeur")
    DOCUMENT = ("document", "Document")
    PRESS = ("press", "Article de presse")
    OTHER = ("other", "Autre")


@dataclass(frozen=True)
class LifeEvent:
    """One dated step: `on` is the first day of the month when only the month is known."""

    stage: LifeStage
    on: date
    precision: DatePrecision = DatePrecision.DAY
    learned_from: LearnedFrom = LearnedFrom.OTHER
    source: str = ""
    """How the union learned it, in words: « Communication du DGS du 12 juin 2025 »."""

    @property
    def month_only(self) -> bool:
        return self.precision is DatePrecision.MONTH

    @property
    def earliest(self) -> date:
        return self.on.replace(day=1) if self.month_only else self.on

    @property
    def latest(self) -> date:
        if not self.month_only:
            return self.on
        return self.on.replace(day=calendar.monthrange(self.on.year, self.on.month)[1])

    def when(self) -> str:
        """ "12 juin 2025" or "décembre 2024", for messages."""
        return month_year(self.on) if self.month_only else day_month_year(self.on)


@dataclass(frozen=True)
class ToolFacts:
    """What the rules' conditions look at. None: not known, which never dismisses a rule."""

    kind: ToolKind = ToolKind.OTHER
    ai_class: AiActClass = AiActClass.UNDETERMINED
    personal_data: bool | None = None
    changes_organisation: bool | None = None
    affects_working_conditions: bool | None = None
    decisions_about_people: bool | None = None
    has_f3sct: bool = False
    """The employer has an F3SCT (a body of that kind): its consultation can be owed."""


def current_stage(events: list[LifeEvent]) -> LifeEvent | None:
    """The latest step (by date; on a tie, the later stage in the life order)."""
    if not events:
        return None
    order = list(LifeStage)
    return max(events, key=lambda e: (e.earliest, order.index(e.stage)))


def first(events: list[LifeEvent], stage: LifeStage) -> LifeEvent | None:
    """The earliest event of a stage (a tool may be deployed twice, after a suspension)."""
    found = [e for e in events if e.stage is stage]
    return min(found, key=lambda e: e.earliest) if found else None


def running_since(events: list[LifeEvent]) -> LifeEvent | None:
    """When agents first used the tool: its first experiment, else its first deployment."""
    return first(events, LifeStage.EXPERIMENTED) or first(events, LifeStage.DEPLOYED)


def check_event(event: LifeEvent, today: date) -> LifeEvent:
    """Refuse a step dated in the future: the register holds what happened.

    A month alone is in the future only when the whole month is.
    """
    if not 1900 <= event.on.year <= 2200:
        raise ValidationError(
            f"L'année {event.on.year} n'est pas plausible pour l'étape « {event.stage.label} ».",
            field="on",
        )
    if event.earliest > today:
        raise ValidationError(
            f"L'étape « {event.stage.label} » est datée du {event.when()}, dans le futur : "
            "le registre garde ce qui a eu lieu. Indiquez la date où c'est arrivé "
            "(ou enregistrez l'annonce, datée du jour où elle a été faite).",
            field="on",
        )
    return event


def check_events(events: list[LifeEvent], today: date) -> None:
    """The whole life must hold together: no step in the future, and no deployment
    known to come before the tool's announcement (a month alone is compared at its
    widest, so "juin 2025" is never before "12 juin 2025")."""
    for event in events:
        check_event(event, today)
    announced = first(events, LifeStage.ANNOUNCED)
    deployed = first(events, LifeStage.DEPLOYED)
    if announced and deployed and deployed.latest < announced.earliest:
        raise ValidationError(
            f"Le déploiement ({deployed.when()}) serait antérieur à l'annonce "
            f"({announced.when()}) : vérifiez les deux dates. Si l'outil a été déployé "
            "sans annonce, supprimez l'annonce ou datez-la du jour où vous l'avez apprise.",
            field="on",
        )
