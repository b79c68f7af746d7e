"""A dossier's chronology (issue 11): a view of what the base already holds, in date order.

Nothing here is typed by the user: the meetings of the dossier (or holding its
statements and questions) with the union's statements and the questions asked there,
the questions asked again, answered or refused on other days, the dossier's facts, the
life steps of its AI tools, and what is still owed (pending questions and their age,
checklist items not done). Headings and sentences come from `domain.chronology`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.domain.chronology import (
    Chronology,
    DueLine,
    Entry,
    EntryKind,
    QuestionLine,
    StatementPart,
    fact_heading,
    meeting_heading,
    silence_sentence,
)
from aiconsult_desktop.domain.enums import DatePrecision, MeetingKind, QuestionState, StatementKind
from aiconsult_desktop.domain.facts import check_period
from aiconsult_desktop.domain.french import day_month_year, on_phrase
from aiconsult_desktop.domain.question_state import EventKind, waited
from aiconsult_desktop.domain.similarity import fold
from aiconsult_desktop.services.ai_register import list_tools
from aiconsult_desktop.services.rows import load_row
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import AiTool, AiToolEvent
from aiconsult_desktop.store.dossier_models import Fact
from aiconsult_desktop.store.models import (
    Body,
    Dossier,
    Employer,
    Meeting,
    Organisation,
    Question,
    QuestionEvent,
    Statement,
)

_KIND_ORDER = {kind: index for index, kind in enumerate(EntryKind)}
_EVENT_WORDS = {
    EventKind.ASKED_AGAIN: "Relance",
    EventKind.ANSWER_PROMISED: "Réponse promise",
    EventKind.PARTIAL_ANSWER: "Réponse partielle de l'employeur",
    EventKind.ANSWERED: "Réponse de l'employeur",
    EventKind.REFUSED: "Refus de répondre de l'employeur",
}


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the chronology to; the default shows everything."""

    kinds: frozenset[EntryKind] = frozenset(EntryKind)
    start: date | None = None
    end: date | None = None
    search: str = ""
    extracts: bool = False
    """Each statement's first paragraph only, marked « Extrait »."""


def dossier_chronology(
    store: Store, dossier_id: int, filters: Filters | None = None, today: date | None = None
) -> Chronology:
    """The chronology of one dossier; refused in French when the period is reversed."""
    filters = filters or Filters()
    check_period(filters.start, filters.end)
    today = today or date.today()
    with store.session() as session:
        dossier = load_row(session, Dossier, dossier_id)
        organisation = session.scalar(select(Organisation))
        name = organisation.name if organisation is not None else ""
        short = (organisation.short_name if organisation is not None else "") or name
        entries = _meeting_entries(session, dossier_id, short, filters.extracts)
        entries += _question_entries(session, dossier_id, entries)
        entries += _fact_entries(session, dossier_id)
        entries = _with_tool_steps(session, dossier_id, entries, filters.kinds)
        due = _due(session, dossier_id, today)
        meeting_ids = [e.item[1] for e in entries if e.kind is EntryKind.MEETING]
        employers = sorted(
            set(
                session.scalars(
                    select(Employer.name).join(Meeting).where(Meeting.id.in_(meeting_ids))
                )
            )
            | set(
                session.scalars(
                    select(Employer.name).join(AiTool).where(AiTool.dossier_id == dossier_id)
                )
            )
        )
        chronology = Chronology(
            dossier_id,
            dossier.title,
            short,
            name,
            employers,
            analysis=dossier.analysis,
        )
    due += _checklist_due(store, dossier_id)
    wanted = fold(filters.search.strip())
    chronology.entries = [
        e
        for e in sorted(entries, key=lambda e: (e.on, _KIND_ORDER[e.kind], e.order))
        if e.kind in filters.kinds
        and (filters.start is None or e.on >= _month_start(filters.start, e))
        and (filters.end is None or e.on <= filters.end)
        and (not wanted or wanted in fold(e.text()))
    ]
    if EntryKind.DUE in filters.kinds:
        chronology.due = [d for d in due if not wanted or wanted in fold(d.text)]
    return chronology


def _month_start(start: date, entry: Entry) -> date:
    """A month-only entry (« mars 2025 ») is in a period starting within that month."""
    return start.replace(day=1) if entry.month_only else start


def _dossier_questions(session: Session, dossier_id: int) -> list[Question]:
    dossier_meetings = select(Meeting.id).where(Meeting.dossier_id == dossier_id)
    query = select(Question).where(
        or_(
            Question.dossier_id == dossier_id,
            Question.dossier_id.is_(None) & Question.meeting_id.in_(dossier_meetings),
        )
    )
    return list(session.scalars(query.order_by(Question.asked_on, Question.id)))


def _state_phrase(question: Question) -> str:
    state = QuestionState(question.state)
    if state is QuestionState.PENDING:
        return "sans réponse à ce jour"
    if state in (QuestionState.ANSWERED, QuestionState.PARTIAL) and question.answer.strip():
        return f"{state.label.lower()} : {question.answer.strip()}"
    return state.label.lower()


def _meeting_entries(
    session: Session, dossier_id: int, organisation: str, extracts: bool
) -> list[Entry]:
    statements = list(
        session.scalars(
            select(Statement)
            .join(Meeting)
            .where(
                or_(
                    Statement.dossier_id == dossier_id,
                    Statement.dossier_id.is_(None) & (Meeting.dossier_id == dossier_id),
                )
            )
            .order_by(Statement.id)
        )
    )
    questions = _dossier_questions(session, dossier_id)
    meeting_ids = {s.meeting_id for s in statements} | {
        q.meeting_id for q in questions if q.meeting_id is not None
    }
    query = select(Meeting).where(
        or_(Meeting.dossier_id == dossier_id, Meeting.id.in_(meeting_ids))
    )
    meetings = sorted(session.scalars(query), key=lambda m: (m.starts_at, m.id))
    kinds_seen: defaultdict[str, int] = defaultdict(int)
    for meeting in meetings:
        kinds_seen[meeting.kind] += 1
    first_done: set[str] = set()
    entries = []
    for meeting in meetings:
        mine = [s for s in statements if s.meeting_id == meeting.id]
        asked = [q for q in questions if q.meeting_id == meeting.id]
        body = session.get(Body, meeting.body_id) if meeting.body_id else None
        kind = MeetingKind(meeting.kind)
        only_interventions = bool(mine) and all(
            s.kind == StatementKind.INTERVENTION.value for s in mine
        )
        month_only = meeting.date_precision == DatePrecision.MONTH.value
        heading = meeting_heading(
            kind,
            body.name if body else "",
            meeting.starts_at.date(),
            month_only,
            first_of_several=kinds_seen[meeting.kind] > 1 and meeting.kind not in first_done,
            intervention_by=organisation if only_interventions and not asked else "",
        )
        first_done.add(meeting.kind)
        pending = [q for q in asked if QuestionState(q.state) is QuestionState.PENDING]
        entries.append(
            Entry(
                EntryKind.MEETING,
                meeting.starts_at.date(),
                month_only,
                heading,
                ("meetings", meeting.id),
                statements=tuple(_part(s, extracts) for s in mine),
                questions=tuple(QuestionLine(q.id, q.text, _state_phrase(q)) for q in asked),
                notes=meeting.notes,
                silence=silence_sentence(len(pending), meeting.starts_at.date(), month_only)
                if pending
                else "",
                order=meeting.id,
            )
        )
    return entries


def _part(statement: Statement, extracts: bool) -> StatementPart:
    text = statement.text.strip()
    excerpt = statement.excerpt
    if extracts:
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        if len(paragraphs) > 1:
            text, excerpt = paragraphs[0], True
    return StatementPart(
        statement.id,
        statement.title,
        text,
        intervention=statement.kind == StatementKind.INTERVENTION.value,
        excerpt=excerpt or statement.kind == StatementKind.INTERVENTION.value,
    )


def _question_entries(session: Session, dossier_id: int, meetings: list[Entry]) -> list[Entry]:
    """Relances, answers and refusals: on their meeting's entry when held at one of the
    dossier's meetings, else one entry per day and kind."""
    by_id = {q.id: q for q in _dossier_questions(session, dossier_id)}
    events = session.scalars(
        select(QuestionEvent)
        .where(QuestionEvent.question_id.in_(by_id), QuestionEvent.kind != EventKind.ASKED.value)
        .order_by(QuestionEvent.on, QuestionEvent.id)
    )
    at_meeting: dict[int, list[str]] = defaultdict(list)
    alone: dict[tuple[date, EventKind], list[QuestionEvent]] = defaultdict(list)
    meeting_ids = {e.item[1] for e in meetings}
    for event in events:
        kind = EventKind(event.kind)
        if kind not in _EVENT_WORDS:
            continue
        line = f"{_EVENT_WORDS[kind]} : {by_id[event.question_id].text}" + (
            f" — {event.text.strip()}" if event.text.strip() else ""
        )
        if event.meeting_id in meeting_ids:
            at_meeting[event.meeting_id].append(line)
        else:
            alone[(event.on, kind)].append(event)
    for index, entry in enumerate(meetings):
        if at_meeting[entry.item[1]]:
            meetings[index] = _plus(entry, tuple(at_meeting[entry.item[1]]))
    found = []
    for (on, kind), group in alone.items():
        heading = f"{_EVENT_WORDS[kind]} du {day_month_year(on)}".upper()
        lines = tuple(
            by_id[e.question_id].text + (f" — {e.text.strip()}" if e.text.strip() else "")
            for e in group
        )
        found.append(
            Entry(
                EntryKind.QUESTION,
                on,
                False,
                heading,
                ("questions", group[0].question_id),
                events=lines,
                order=group[0].id,
            )
        )
    return found


def _plus(entry: Entry, lines: tuple[str, ...]) -> Entry:
    return replace(entry, events=entry.events + lines)


def _fact_entries(session: Session, dossier_id: int) -> list[Entry]:
    rows = session.scalars(select(Fact).where(Fact.dossier_id == dossier_id).order_by(Fact.id))
    return [
        Entry(
            EntryKind.FACT,
            row.on,
            row.date_precision == DatePrecision.MONTH.value,
            fact_heading(row.title, row.on, row.date_precision == DatePrecision.MONTH.value),
            ("facts", row.id),
            extract=row.extract,
            source=row.source,
            comment=row.comment,
            order=row.id,
        )
        for row in rows
    ]


def _with_tool_steps(
    session: Session, dossier_id: int, entries: list[Entry], kinds: frozenset[EntryKind]
) -> list[Entry]:
    """Each life step of the dossier's tools, said once: on the fact or meeting it was
    learned from, else on a fact of the same day, else as its own entry (also when the
    kind filter hides that fact or meeting: « Outil d'IA » alone opens the tool)."""
    fact_of_event = {
        f.tool_event_id: f.id
        for f in session.scalars(select(Fact).where(Fact.tool_event_id.is_not(None)))
    }
    rows = session.execute(
        select(AiToolEvent, AiTool.name)
        .join(AiTool)
        .where(AiTool.dossier_id == dossier_id)
        .order_by(AiToolEvent.on, AiToolEvent.id)
    )
    result = list(entries)
    for event, tool in rows:
        month_only = event.date_precision == DatePrecision.MONTH.value
        line = f"{tool} : {LifeStage(event.stage).label.lower()} {on_phrase(event.on, month_only)}"
        if event.source.strip():
            line += f" ({event.source.strip()})"
        shown = [e if e.kind in kinds else None for e in result]
        target = _entry_for(shown, event, fact_of_event.get(event.id))
        if target is None:
            heading = f"{tool} : {LifeStage(event.stage).label} {on_phrase(event.on, month_only)}"
            result.append(
                Entry(
                    EntryKind.TOOL,
                    event.on,
                    month_only,
                    heading.upper(),
                    ("ai_tools", event.tool_id),
                    events=(line,),
                    order=event.id,
                )
            )
        else:
            result[target] = _plus(result[target], (line,))
    return result


def _entry_for(entries: list[Entry | None], event: AiToolEvent, fact: int | None) -> int | None:
    for index, entry in enumerate(entries):
        item = entry.item if entry is not None else None
        if fact is not None and item == ("facts", fact):
            return index
        if event.meeting_id is not None and item == ("meetings", event.meeting_id):
            return index
    if fact is None and event.meeting_id is None:
        for index, entry in enumerate(entries):
            if entry is not None and entry.kind is EntryKind.FACT and entry.on == event.on:
                return index
    return None


def _due(session: Session, dossier_id: int, today: date) -> list[DueLine]:
    found = []
    for question in _dossier_questions(session, dossier_id):
        if QuestionState(question.state).is_open:
            found.append(
                DueLine(
                    f"Question posée le {day_month_year(question.asked_on)}, sans réponse "
                    f"depuis {waited(question.asked_on, today)} : {question.text}",
                    ("questions", question.id),
                )
            )
    return found


def _checklist_due(store: Store, dossier_id: int) -> list[DueLine]:
    found = []
    for tool in list_tools(store):
        if tool.dossier_id != dossier_id or tool.status is None or tool.id is None:
            continue
        for item in tool.status.open_items:
            if item.due_from is not None:
                found.append(DueLine(f"{tool.name} : {item.sentence()}", ("ai_tools", tool.id)))
    return found


def list_dossier_rows(store: Store) -> list[tuple[int, str, int, int, int]]:
    """Each dossier with its counts: (id, title, meetings, open questions, facts)."""
    from aiconsult_desktop.services.dossiers import list_dossiers

    rows = []
    with store.session() as session:
        for dossier in list_dossiers(store):
            assert dossier.id is not None
            questions = _dossier_questions(session, dossier.id)
            meetings = session.scalars(select(Meeting.id).where(Meeting.dossier_id == dossier.id))
            facts = session.scalars(select(Fact.id).where(Fact.dossier_id == dossier.id))
            open_count = sum(QuestionState(q.state).is_open for q in questions)
            rows.append(
                (dossier.id, dossier.title, len(list(meetings)), open_count, len(list(facts)))
            )
    return rows
