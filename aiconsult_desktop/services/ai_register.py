"""Reading the AI tools register with each tool's computed status (issue 10).

The status (headline, pending questions, alerts, « en infraction », checklist) comes from
`domain.ai_status`, fed here with what the store knows: the rules of the tool's
employer, the states the union recorded, the votes on the agenda items linked to the
tool (the committee's opinion is derived from them, never copied), and the open
questions of the tool's dossier for that employer.

One tool or the whole register is read in about ten set-based statements, never a
statement per tool (issue 14: the dashboard's card asks once, at any size).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session, selectinload

from aiconsult_desktop.domain.ai_rules import Rule
from aiconsult_desktop.domain.ai_status import (
    ItemRecord,
    ItemState,
    OpinionGiven,
    tool_status,
)
from aiconsult_desktop.domain.ai_tools import AiActClass, LifeStage, ToolFacts, ToolKind
from aiconsult_desktop.domain.collation import sort_key
from aiconsult_desktop.domain.enums import BodyKind, DatePrecision, QuestionState
from aiconsult_desktop.domain.followup import Opinion
from aiconsult_desktop.domain.french import day_month_year, on_phrase
from aiconsult_desktop.services.ai_records import (
    AiToolData,
    EvidenceLoss,
    ItemStateData,
    LifeEventData,
)
from aiconsult_desktop.services.ai_rules import rules_by_employer, rules_for_employer
from aiconsult_desktop.services.ai_tools import to_life_event
from aiconsult_desktop.services.rows import not_found
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import AiTool, AiToolAgendaItem, AiToolEvent, AiToolItem
from aiconsult_desktop.store.models import (
    AgendaItem,
    Body,
    Dossier,
    Employer,
    Meeting,
    Question,
)

OPEN_STATES = [s.value for s in QuestionState if s.is_open]
M = TypeVar("M", AgendaItem, Meeting, Question)


def meeting_label(title: str, starts_at: date, month_only: bool) -> str:
    """« Réunion technique sur l'IA, le 11 décembre 2024 »: a meeting named as evidence;
    its title alone when it already says the date (« CST du 5 juin 2025 »)."""
    when = on_phrase(starts_at, month_only)
    return title if when.split(" ", 1)[1] in title else f"{title}, {when}"


def _meeting_label(meeting: Meeting) -> str:
    month_only = meeting.date_precision == DatePrecision.MONTH.value
    return meeting_label(meeting.title, meeting.starts_at, month_only)


@dataclass(frozen=True)
class _Read:
    """What the tools' records and statuses are made of, read for all of them at once."""

    meetings: dict[int, Meeting]
    items: dict[int, AgendaItem]
    questions: dict[int, Question]
    """The meetings, agenda items and questions the tools' states and life cite, by id."""
    f3sct: set[int]
    """The employers with an F3SCT."""
    rules: dict[int, list[Rule]]
    opinions: dict[int, list[OpinionGiven]]
    """By tool."""
    asked: dict[tuple[int | None, int], list[date]]
    """When the open questions of each (dossier, employer) were asked."""


def _read_around(session: Session, tools: list[AiTool], chosen: Select[int]) -> _Read:
    """Everything the tools cite or their status counts, in at most seven statements."""
    states = [item for tool in tools for item in tool.items]
    item_ids = {s.agenda_item_id for s in states if s.agenda_item_id is not None}
    items = _by_id(session, AgendaItem, item_ids)
    meeting_ids = {s.meeting_id for s in states if s.meeting_id is not None}
    meeting_ids |= {e.meeting_id for t in tools for e in t.events if e.meeting_id is not None}
    meeting_ids |= {item.meeting_id for item in items.values()}
    question_ids = {s.question_id for s in states if s.question_id is not None}
    return _Read(
        meetings=_by_id(session, Meeting, meeting_ids),
        items=items,
        questions=_by_id(session, Question, question_ids),
        f3sct=_with_f3sct(session),
        rules=rules_by_employer(session, (t.employer_id for t in tools)),
        opinions=_opinions(session, chosen),
        asked=_open_questions(session, tools),
    )


def _by_id(session: Session, model: type[M], ids: set[int]) -> dict[int, M]:
    """The rows the tools cite, in one statement (none when they cite none)."""
    if not ids:
        return {}
    rows = session.scalars(select(model).where(model.id.in_(sorted(ids))))
    return {row.id: row for row in rows}


def _evidence(read: _Read, row: AiToolItem) -> str:
    parts = []
    if row.agenda_item_id is not None:
        item = read.items.get(row.agenda_item_id)
        if item is not None:
            meeting = read.meetings.get(item.meeting_id)
            where = f" ({_meeting_label(meeting)})" if meeting else ""
            parts.append(f"point « {item.title} »{where}")
    if row.meeting_id is not None:
        meeting = read.meetings.get(row.meeting_id)
        if meeting is not None:
            parts.append(_meeting_label(meeting))
    if row.question_id is not None:
        question = read.questions.get(row.question_id)
        if question is not None:
            text = question.text if len(question.text) <= 90 else question.text[:89] + "…"
            parts.append(f"question du {day_month_year(question.asked_on)} « {text} »")
    if row.document:
        parts.append(f"document « {row.document} »")
    return " ; ".join(parts)


def _item_record(read: _Read, row: AiToolItem) -> ItemStateData:
    return ItemStateData(
        tool_id=row.tool_id,
        rule_key=row.rule_key,
        state=ItemState(row.state),
        on=row.on,
        meeting_id=row.meeting_id,
        agenda_item_id=row.agenda_item_id,
        question_id=row.question_id,
        document=row.document,
        note=row.note,
        id=row.id,
        evidence=_evidence(read, row),
    )


def _event_record(read: _Read, row: AiToolEvent) -> LifeEventData:
    meeting = read.meetings.get(row.meeting_id) if row.meeting_id else None
    event = to_life_event(row)
    return LifeEventData(
        tool_id=row.tool_id,
        stage=event.stage,
        on=row.on,
        precision=event.precision,
        learned_from=event.learned_from,
        meeting_id=row.meeting_id,
        source=row.source,
        id=row.id,
        meeting_title=_meeting_label(meeting) if meeting else "",
        when=event.when(),
    )


def _opinions(session: Session, chosen: Select[int]) -> dict[int, list[OpinionGiven]]:
    """Votes recorded on the « pour avis » items linked to each tool, with their body."""
    rows = session.execute(
        select(AiToolAgendaItem.tool_id, AgendaItem, Meeting, Body)
        .join(AgendaItem, AiToolAgendaItem.agenda_item_id == AgendaItem.id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(
            AiToolAgendaItem.tool_id.in_(chosen),
            AgendaItem.kind == "opinion",
            AgendaItem.opinion.is_not(None),
        )
        .order_by(AiToolAgendaItem.id)
    )
    found: dict[int, list[OpinionGiven]] = defaultdict(list)
    for tool_id, item, meeting, body in rows:
        found[tool_id].append(
            OpinionGiven(
                BodyKind(body.kind),
                meeting.starts_at.date(),
                Opinion(item.opinion or "").label,
                f"vote sur le point « {item.title} » ({_meeting_label(meeting)})",
                DatePrecision(meeting.date_precision),
            )
        )
    return found


def _open_questions(
    session: Session, tools: list[AiTool]
) -> dict[tuple[int | None, int], list[date]]:
    """When the open questions of each (dossier, employer) of the tools were asked."""
    dossier_ids = sorted({t.dossier_id for t in tools if t.dossier_id is not None})
    found: dict[tuple[int | None, int], list[date]] = defaultdict(list)
    if dossier_ids:
        query = select(Question.dossier_id, Question.employer_id, Question.asked_on).where(
            Question.dossier_id.in_(dossier_ids), Question.state.in_(OPEN_STATES)
        )
        for dossier_id, employer_id, asked_on in session.execute(query):
            found[(dossier_id, employer_id)].append(asked_on)
    return found


def _read(session: Session, where: ColumnElement[bool] | None) -> list[AiToolData]:
    """The tools `where` chooses (all when None), by id, each with its life, states and
    status, in a dozen statements whatever their number (no statement per tool)."""
    chosen = select(AiTool.id)
    query = (
        select(AiTool, Employer, Dossier)
        .outerjoin(Employer, Employer.id == AiTool.employer_id)
        .outerjoin(Dossier, Dossier.id == AiTool.dossier_id)
        .options(
            selectinload(AiTool.events),
            selectinload(AiTool.items),
            selectinload(AiTool.agenda_links),
        )
        .order_by(AiTool.id)
    )
    if where is not None:
        chosen, query = chosen.where(where), query.where(where)
    rows = session.execute(query).all()
    if not rows:
        return []
    read = _read_around(session, [tool for tool, _employer, _dossier in rows], chosen)
    return [_record(read, tool, employer, dossier) for tool, employer, dossier in rows]


def _record(
    read: _Read, row: AiTool, employer: Employer | None, dossier: Dossier | None
) -> AiToolData:
    events = [_event_record(read, e) for e in row.events]
    # The order the states were recorded in, then by rule (as `row.items` then sorted).
    by_id = sorted(row.items, key=lambda i: i.id)
    items = [_item_record(read, i) for i in sorted(by_id, key=lambda i: i.rule_key)]
    facts = ToolFacts(
        kind=ToolKind(row.kind),
        ai_class=AiActClass(row.ai_class),
        personal_data=row.personal_data,
        changes_organisation=row.changes_organisation,
        affects_working_conditions=row.affects_working_conditions,
        decisions_about_people=row.decisions_about_people,
        has_f3sct=row.employer_id in read.f3sct,
    )
    status = tool_status(
        read.rules[row.employer_id],
        facts,
        [ItemRecord(i.rule_key, i.state, i.on, i.evidence, i.note) for i in items],
        [to_life_event(e) for e in row.events],
        read.opinions.get(row.id, []),
        read.asked.get((row.dossier_id, row.employer_id), []) if row.dossier_id else [],
    )
    return AiToolData(
        employer_id=row.employer_id,
        name=row.name,
        vendor=row.vendor,
        purpose=row.purpose,
        services=row.services,
        agents_count=row.agents_count,
        kind=facts.kind,
        personal_data=row.personal_data,
        changes_organisation=row.changes_organisation,
        affects_working_conditions=row.affects_working_conditions,
        decisions_about_people=row.decisions_about_people,
        ai_class=facts.ai_class,
        ai_class_reason=row.ai_class_reason,
        dossier_id=row.dossier_id,
        notes=row.notes,
        id=row.id,
        version=row.version,
        employer_name=employer.name if employer else "",
        employer_article=employer.article if employer else None,
        dossier_title=dossier.title if dossier else "",
        events=events,
        items=items,
        agenda_item_ids=sorted(link.agenda_item_id for link in row.agenda_links),
        status=status,
    )


def _with_f3sct(session: Session) -> set[int]:
    return set(session.scalars(select(Body.employer_id).where(Body.kind == BodyKind.F3SCT.value)))


def get_tool(store: Store, tool_id: int) -> AiToolData:
    """One tool with its life, its recorded states and its computed status."""
    with store.session() as session:
        found = _read(session, AiTool.id == tool_id)
        if not found:
            raise not_found(AiTool, tool_id)
        return found[0]


def list_tools(
    store: Store,
    *,
    employer_id: int | None = None,
    stage: LifeStage | None = None,
    in_breach: bool | None = None,
) -> list[AiToolData]:
    """The register, by employer then tool name, with each tool's computed status.

    Filters: one employer; the current stage (latest step of the tool's life); only the
    tools « en infraction » (True) or only the others (False).
    """
    with store.session() as session:
        found = _read(session, None if employer_id is None else AiTool.employer_id == employer_id)
    found.sort(key=lambda tool: (sort_key(tool.employer_name), sort_key(tool.name)))  # French
    return [
        tool
        for tool in found
        if tool.status is not None
        and (stage is None or tool.status.stage is stage)
        and (in_breach is None or tool.status.in_breach is in_breach)
    ]


def meeting_evidence(store: Store, meeting_id: int) -> list[EvidenceLoss]:
    """What deleting a meeting would take from the register: the checklist items it (or
    one of its agenda items) proves, the opinions derived from its votes, and the life
    steps learned there. The GUI asks before deleting when this is not empty."""
    with store.session() as session:
        agenda_ids = list(
            session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id))
        )
        losses: list[EvidenceLoss] = []
        names = {t.id: t.name for t in session.scalars(select(AiTool))}
        labels: dict[int, dict[str, str]] = defaultdict(dict)
        for row in session.scalars(
            select(AiToolItem).where(
                (AiToolItem.meeting_id == meeting_id) | AiToolItem.agenda_item_id.in_(agenda_ids)
            )
        ):
            tool = session.get(AiTool, row.tool_id)
            assert tool is not None
            if not labels[tool.employer_id]:
                labels[tool.employer_id] = {
                    r.key: r.label for r in rules_for_employer(session, tool.employer_id)
                }
            label = labels[tool.employer_id].get(row.rule_key) or row.rule_key
            losses.append(EvidenceLoss(tool.name, f"preuve de « {label} »"))
        for link in session.scalars(
            select(AiToolAgendaItem).where(AiToolAgendaItem.agenda_item_id.in_(agenda_ids))
        ):
            losses.append(EvidenceLoss(names[link.tool_id], "point de l'ordre du jour lié"))
        for event in session.scalars(
            select(AiToolEvent).where(AiToolEvent.meeting_id == meeting_id)
        ):
            stage = LifeStage(event.stage).label
            losses.append(EvidenceLoss(names[event.tool_id], f"source de l'étape « {stage} »"))
        return losses
