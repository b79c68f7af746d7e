"""The dated events of a question: add, correct, remove, and the "liste de relance".

Every change goes through `rederive`, which checks the whole history (nothing before
the question was asked…) and stores the derived state, first-asked date and latest
answer on the question, so lists and filters never recompute them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.question_state import (
    EVENT_FOR_STATE,
    Channel,
    Event,
    EventKind,
    check_events,
    derive,
)
from aiconsult_desktop.domain.text import long_text
from aiconsult_desktop.errors import NotFoundError, UserError, ValidationError
from aiconsult_desktop.services.records import MeetingData, QuestionEventData
from aiconsult_desktop.services.rows import load_row
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Meeting, Question, QuestionEvent


def _to_event(row: QuestionEvent) -> Event:
    # A row not yet flushed has no id: it was entered last.
    order = row.id if row.id is not None else 1 << 62
    return Event(EventKind(row.kind), row.on, order, row.text, promised_for=row.promised_for)


def _to_record(row: QuestionEvent, meeting_title: str | None) -> QuestionEventData:
    return QuestionEventData(
        id=row.id,
        question_id=row.question_id,
        kind=EventKind(row.kind),
        on=row.on,
        meeting_id=row.meeting_id,
        channel=Channel(row.channel),
        text=row.text,
        promised_for=row.promised_for,
        meeting_title=meeting_title or "",
    )


def _events_of(session: Session, question_id: int) -> list[QuestionEvent]:
    return list(
        session.scalars(
            select(QuestionEvent)
            .where(QuestionEvent.question_id == question_id)
            .order_by(QuestionEvent.on, QuestionEvent.id)
        )
    )


def derived_columns(events: Sequence[QuestionEvent]) -> dict[str, object]:
    """Check the history; the question's columns it implies (state, first asked…)."""
    plain = [_to_event(e) for e in events]
    check_events(plain)
    summary = derive(plain)
    asked = next(e for e in events if e.kind == EventKind.ASKED.value)
    return {
        "state": summary.state.value,
        "asked_on": asked.on,
        "meeting_id": asked.meeting_id,
        "answer": summary.answer,
    }


def rederive(session: Session, question: Question, events: Sequence[QuestionEvent]) -> None:
    """Check the history and copy what it implies onto the question row."""
    values = derived_columns(events)
    if any(getattr(question, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(question, name, value)


def list_events(store: Store, question_id: int) -> list[QuestionEventData]:
    """Oldest first; the first is when the question was asked."""
    with store.session() as session:
        load_row(session, Question, question_id)
        return histories(session, [question_id])[question_id]


def histories(session: Session, question_ids: Sequence[int]) -> dict[int, list[QuestionEventData]]:
    """The events of many questions in one query (the register export reads 100,000),
    each list oldest first as `list_events` gives it."""
    found: dict[int, list[QuestionEventData]] = {question_id: [] for question_id in question_ids}
    rows = session.execute(
        select(QuestionEvent, Meeting.title)
        .outerjoin(Meeting, QuestionEvent.meeting_id == Meeting.id)
        .where(QuestionEvent.question_id.in_(question_ids))
    )
    for row in rows:
        found[row[0].question_id].append(_to_record(*row))
    for events in found.values():
        events.sort(key=lambda e: (e.on, e.kind is not EventKind.ASKED, e.id or 0))
    return found


def check_event_meeting(session: Session, question: Question, meeting_id: int | None) -> None:
    if meeting_id is None:
        return
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise ValidationError("La réunion choisie n'existe plus.", field="meeting")
    if meeting.employer_id != question.employer_id:
        raise ValidationError(
            "La réunion choisie n'est pas une réunion de l'employeur de la question.",
            field="meeting",
        )


def event_columns(data: QuestionEventData) -> dict[str, object]:
    """The event form's rules: text cleaned, a promised date only on a promise."""
    kind = EventKind(data.kind)
    return {
        "kind": kind.value,
        "on": data.on,
        "meeting_id": data.meeting_id,
        "channel": Channel(data.channel).value,
        "text": long_text(data.text, "Texte", required=False),
        "promised_for": data.promised_for if kind is EventKind.ANSWER_PROMISED else None,
    }


def asked_channel(question: Question, asked: QuestionEvent) -> str:
    """A question first put at a meeting was asked there (the form says so on save)."""
    return Channel.MEETING.value if question.meeting_id is not None else asked.channel


def _apply(row: QuestionEvent, data: QuestionEventData) -> None:
    for name, value in event_columns(data).items():
        setattr(row, name, value)


def save_event(store: Store, data: QuestionEventData) -> QuestionEventData:
    """Add an event (id None) or correct one; refused if the history becomes impossible."""
    with store.session() as session:
        question = load_row(session, Question, data.question_id)
        check_event_meeting(session, question, data.meeting_id)
        events = _events_of(session, question.id)
        if data.id is None:
            row = QuestionEvent(question_id=question.id)
            session.add(row)
            events.append(row)
        else:
            row = next((e for e in events if e.id == data.id), None)  # type: ignore[assignment]
            if row is None:
                raise NotFoundError("Cet événement n'existe plus : la liste a été rechargée.")
        _apply(row, data)
        rederive(session, question, events)
        session.flush()
        event_id = row.id
    return next(e for e in list_events(store, data.question_id) if e.id == event_id)


def delete_event(store: Store, event_id: int) -> None:
    with store.session() as session:
        row = session.get(QuestionEvent, event_id)
        if row is None:
            raise NotFoundError("Cet événement n'existe plus : la liste a été rechargée.")
        question = load_row(session, Question, row.question_id)
        events = [e for e in _events_of(session, question.id) if e.id != event_id]
        rederive(session, question, events)
        session.delete(row)


def write_first_events(session: Session, question: Question, channel: Channel | None) -> None:
    """A new question: asked on its date (at its meeting), plus its answer if it has one."""
    session.add(
        QuestionEvent(
            question_id=question.id,
            kind=EventKind.ASKED.value,
            on=question.asked_on,
            meeting_id=question.meeting_id,
            channel=(channel or (Channel.MEETING if question.meeting_id else Channel.OTHER)).value,
            text="",
        )
    )
    state = QuestionState(question.state)
    if state is not QuestionState.PENDING:
        session.add(
            QuestionEvent(
                question_id=question.id,
                kind=EVENT_FOR_STATE[state].value,
                on=question.asked_on,
                channel=Channel.OTHER.value,
                text=question.answer,
            )
        )


def update_from_form(
    session: Session, question: Question, asked_on: date, state: QuestionState, answer: str
) -> None:
    """The question form moved the first-asked date or meeting, or (CLI, older callers)
    set a state: record it as events, so the state stays derived from them."""
    events = _events_of(session, question.id)
    asked = next(e for e in events if e.kind == EventKind.ASKED.value)
    asked.on, asked.meeting_id = asked_on, question.meeting_id
    asked.channel = asked_channel(question, asked)
    current = derive([_to_event(e) for e in events])
    if state is not current.state or (answer and answer != current.answer):
        kind = EventKind.ASKED_AGAIN if state is QuestionState.PENDING else EVENT_FOR_STATE[state]
        event = QuestionEvent(
            question_id=question.id,
            kind=kind.value,
            on=max(date.today(), asked_on),
            channel=Channel.OTHER.value,
            text=answer,
        )
        session.add(event)
        events.append(event)
    rederive(session, question, events)


def ensure_events(session: Session) -> None:
    """Questions loaded from a file written before events existed get their first events."""
    with_events = select(QuestionEvent.question_id)
    for question in session.scalars(select(Question).where(Question.id.not_in(with_events))):
        write_first_events(session, question, None)
    session.flush()


# The liste de relance --------------------------------------------------------------------


def next_meeting(store: Store, employer_id: int, today: date | None = None) -> MeetingData | None:
    """The employer's next meeting from today on, where pending questions will be raised."""
    from aiconsult_desktop.services.meetings import list_meetings

    start = datetime.combine(today or date.today(), datetime.min.time())
    upcoming = [
        m for m in list_meetings(store) if m.employer_id == employer_id and m.starts_at >= start
    ]
    return min(upcoming, key=lambda m: m.starts_at, default=None)


def mark_asked_again(
    store: Store, question_ids: Iterable[int], meeting_id: int | None, on: date
) -> int:
    """One relance per question, at that meeting; all or nothing. Returns how many."""
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        raise UserError("Aucune question à relancer.")
    with store.session() as session:
        for question_id in ids:
            question = load_row(session, Question, question_id)
            check_event_meeting(session, question, meeting_id)
            events = _events_of(session, question_id)
            event = QuestionEvent(
                question_id=question_id,
                kind=EventKind.ASKED_AGAIN.value,
                on=on,
                meeting_id=meeting_id,
                channel=(Channel.MEETING if meeting_id else Channel.OTHER).value,
                text="",
            )
            session.add(event)
            rederive(session, question, [*events, event])
    return len(ids)
