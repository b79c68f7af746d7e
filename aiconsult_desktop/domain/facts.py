"""Facts of a dossier (issue 11): what is neither a meeting nor a question.

An employer's communication, a job posting, a service note, a press article, a court
decision, a letter: seed 001 holds the employer to account with them (« OFFRE D'EMPLOI
DRH PARUE LE 15 MAI 2025 EN EXTERNE », « COMMUNICATION DU 12 JUIN 2025 DU DGS »). A fact
is dated like a meeting, by day or by month alone (`DatePrecision`).

The checks live here, once: the forms, the load of a JSON file and the command line
refuse the same facts with the same French sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aiconsult_desktop.domain.ai_tools import LearnedFrom
from aiconsult_desktop.domain.enums import DatePrecision, LabelledEnum
from aiconsult_desktop.domain.french import day_month_year, month_year
from aiconsult_desktop.domain.rules import check_year
from aiconsult_desktop.errors import ValidationError

MAX_EXTRACT = 100_000
"""Characters of a quoted extract: a few pages. A whole report belongs in the source (a
file or a link), not pasted: a 1 MB paste is refused with this figure in the message."""


class FactKind(LabelledEnum):
    """What the fact is; its label opens the heading of the chronology's entry."""

    COMMUNICATION = ("communication", "Communication")
    JOB_POSTING = ("job_posting", "Offre d'emploi")
    SERVICE_NOTE = ("service_note", "Note de service")
    PRESS = ("press", "Article de presse")
    COURT = ("court", "Décision de justice")
    LETTER_SENT = ("letter_sent", "Courrier envoyé")
    LETTER_RECEIVED = ("letter_received", "Courrier reçu")
    OTHER = ("other", "Autre fait")

    @property
    def learned_from(self) -> LearnedFrom:
        """Where a tool's life step is learned from, when this fact moves it."""
        if self is FactKind.COMMUNICATION:
            return LearnedFrom.COMMUNICATION
        if self is FactKind.PRESS:
            return LearnedFrom.PRESS
        if self is FactKind.OTHER:
            return LearnedFrom.OTHER
        return LearnedFrom.DOCUMENT


@dataclass(frozen=True)
class FactDate:
    """A fact's date: `on` is the first of the month when only the month is known."""

    on: date
    precision: DatePrecision = DatePrecision.DAY

    @property
    def month_only(self) -> bool:
        return self.precision is DatePrecision.MONTH

    def words(self) -> str:
        """ "12 juin 2025" or "mai 2025"."""
        return month_year(self.on) if self.month_only else day_month_year(self.on)


def fact_date(year: int, month: int, day: int | None) -> FactDate:
    """A date typed as numbers; refused in French when the day does not exist."""
    if day is None:
        return FactDate(_real_day(year, month, 1), DatePrecision.MONTH)
    return FactDate(_real_day(year, month, day))


def _real_day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValidationError(
            f"Le {day:02d}/{month:02d}/{year} n'existe pas : vérifiez le jour et le mois.",
            field="on",
        ) from error


def check_fact_date(when: FactDate, today: date) -> FactDate:
    """The date stored: a month alone becomes its first day; never after today."""
    on = when.on.replace(day=1) if when.month_only else when.on
    check_year(on, "pour un fait", "on")
    if on > today:
        raise ValidationError(
            f"Le fait est daté du {day_month_year(on)}, qui n'est pas encore arrivé : un "
            "fait se note une fois qu'il a eu lieu. Corrigez la date.",
            field="on",
        )
    return FactDate(on, when.precision)


def check_extract(text: str) -> str:
    if len(text) > MAX_EXTRACT:
        raise ValidationError(
            f"L'extrait cité fait {len(text):,} caractères, {MAX_EXTRACT:,} au plus : citez "
            "les passages utiles et donnez le document entier comme source (fichier ou "
            "lien).".replace(",", "\u202f"),
            field="extract",
        )
    return text


def check_period(start: date | None, end: date | None) -> None:
    """A period of the chronology: refused when it ends before it starts."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"La période se termine le {day_month_year(end)}, avant de commencer le "
            f"{day_month_year(start)} : inversez les deux dates.",
            field="period",
        )
