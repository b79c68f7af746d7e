"""A question's life as dated events, and the state derived from them.

The state shown to users is never typed in: it follows from what happened (asked, asked
again, answer promised, answered…), so correcting or removing an event corrects the
state. The store keeps the derived state in a column only so filters stay fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from aiconsult_desktop.domain.enums import LabelledEnum, QuestionState
from aiconsult_desktop.domain.french import day_month_year, plural
from aiconsult_desktop.domain.rules import check_year
from aiconsult_desktop.errors import ValidationError


class EventKind(LabelledEnum):
    ASKED = ("asked", "Posée")
    ASKED_AGAIN = ("asked_again", "Relancée")
    ANSWER_PROMISED = ("answer_promised", "Réponse promise")
    PARTIAL_ANSWER = ("partial_answer", "Réponse partielle")
    ANSWERED = ("answered", "Réponse")
    REFUSED = ("refused", "Refus de répondre")
    WITHDRAWN = ("withdrawn", "Retirée")
    OBSOLETE = ("obsolete", "Sans objet")


class Channel(LabelledEnum):
    MEETING = ("meeting", "En réunion")
    LETTER = ("letter", "Par courrier")
    EMAIL = ("email", "Par courriel")
    OTHER = ("other", "Autrement")


# The state each event leads to; a relance is handled apart (it depends on the state before).
_STATE_AFTER = {
    EventKind.ASKED: QuestionState.PENDING,
    EventKind.ANSWER_PROMISED: QuestionState.PROMISED,
    EventKind.PARTIAL_ANSWER: QuestionState.PARTIAL,
    EventKind.ANSWERED: QuestionState.ANSWERED,
    EventKind.REFUSED: QuestionState.REFUSED,
    EventKind.WITHDRAWN: QuestionState.WITHDRAWN,
    EventKind.OBSOLETE: QuestionState.OBSOLETE,
}
# Which event leads to a state, for records that still say "answered" without events.
EVENT_FOR_STATE = {state: kind for kind, state in _STATE_AFTER.items()}

ANSWER_KINDS = (EventKind.PARTIAL_ANSWER, EventKind.ANSWERED)

DEFAULT_ANSWER_DEADLINE_DAYS = 61
"""About two months: the Senate's deadline for answering a written question."""


MAX_ANSWER_DEADLINE_DAYS = 3 * 366


def check_deadline_days(days: int) -> int:
    if not 1 <= days <= MAX_ANSWER_DEADLINE_DAYS:
        raise ValidationError(
            f"Le délai de réponse doit être compris entre 1 et {MAX_ANSWER_DEADLINE_DAYS} jours.",
            field="answer_deadline_days",
        )
    return days


@dataclass(frozen=True)
class Event:
    """What the derivation needs of one event; `order` breaks ties on the same day."""

    kind: EventKind
    on: date
    order: int = 0
    text: str = ""
    promised_for: date | None = None


@dataclass(frozen=True)
class Summary:
    state: QuestionState
    first_asked: date | None
    last_asked: date | None
    relances: int
    answered_on: date | None
    answer: str
    promised_for: date | None


def chronological(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.on, e.kind is not EventKind.ASKED, e.order))


def derive(events: Iterable[Event]) -> Summary:
    """The state after every event, in date order (the order of entry breaks ties).

    A relance reopens a closed question (the union found the answer wanting, or asks
    again after a refusal) but leaves a promise or a partial answer as it was.
    """
    state = QuestionState.PENDING
    first_asked = last_asked = answered_on = promised_for = None
    relances = 0
    answer = ""
    for event in chronological(events):
        if event.kind is EventKind.ASKED_AGAIN:
            relances += 1
            last_asked = event.on
            if not state.is_open:
                state = QuestionState.PENDING
            continue
        state = _STATE_AFTER[event.kind]
        if event.kind is EventKind.ASKED:
            first_asked = first_asked or event.on
            last_asked = max(last_asked or event.on, event.on)
        elif event.kind in ANSWER_KINDS:
            answered_on, answer = event.on, event.text
        elif event.kind is EventKind.ANSWER_PROMISED:
            promised_for = event.promised_for
    return Summary(state, first_asked, last_asked, relances, answered_on, answer, promised_for)


def check_events(events: Sequence[Event]) -> None:
    """Refuse a history that cannot have happened, in French."""
    asked = [e for e in events if e.kind is EventKind.ASKED]
    if not asked:
        raise ValidationError(
            "La date où la question a été posée ne peut pas être supprimée ; "
            "supprimez plutôt la question.",
            field="kind",
        )
    if len(asked) > 1:
        raise ValidationError(
            "La question a déjà été posée : enregistrez plutôt une relance.", field="kind"
        )
    first = asked[0].on
    for event in events:
        check_year(event.on, f"pour « {event.kind.label} »", field="on")
        if event.promised_for is not None:
            check_year(event.promised_for, "pour la réponse promise", field="promised_for")
        if event.on < first:
            raise ValidationError(
                f"« {event.kind.label} » est daté du {day_month_year(event.on)}, avant que la "
                f"question soit posée (le {day_month_year(first)}). Corrigez la date.",
                field="on",
            )
        if event.promised_for is not None and event.promised_for < event.on:
            raise ValidationError(
                "La réponse ne peut pas être promise pour une date passée au moment de la "
                "promesse.",
                field="promised_for",
            )


def months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def waited(start: date, today: date) -> str:
    """ "18 mois", "3 semaines", "5 jours": the unit a reader cares about."""
    months = months_between(start, today)
    if months >= 1:
        return f"{months} mois"
    days = max((today - start).days, 0)
    if days >= 14:
        return plural(days // 7, "semaine")
    return plural(days, "jour")


def is_overdue(summary: Summary, deadline_days: int, today: date) -> bool:
    """Still owed an answer past the employer's deadline, counted from when first asked."""
    return summary.state.is_open and is_late(summary.first_asked, deadline_days, today)


def is_late(first_asked: date | None, deadline_days: int, today: date) -> bool:
    """The employer's deadline has passed since the question was first asked (whatever
    its state: `is_overdue` adds that it is still open)."""
    return first_asked is not None and (today - first_asked).days > deadline_days


def age_text(summary: Summary, today: date) -> str:
    """ "posée le 15 mai 2025, sans réponse depuis 18 mois, relancée 2 fois"."""
    if summary.first_asked is None:
        return ""
    parts = [f"posée le {day_month_year(summary.first_asked)}"]
    state = summary.state
    if state is QuestionState.PENDING:
        parts.append(f"sans réponse depuis {waited(summary.first_asked, today)}")
    elif state is QuestionState.PROMISED:
        when = summary.promised_for
        parts.append(
            f"réponse promise pour le {day_month_year(when)}" if when else "réponse promise"
        )
    elif state is QuestionState.PARTIAL and summary.answered_on:
        parts.append(f"réponse partielle le {day_month_year(summary.answered_on)}")
    elif state is QuestionState.ANSWERED and summary.answered_on:
        parts.append(f"répondue le {day_month_year(summary.answered_on)}")
    else:
        parts.append(state.label.lower())
    if summary.relances:
        parts.append(f"relancée {plural(summary.relances, 'fois', 'fois')}")
    return ", ".join(parts)
