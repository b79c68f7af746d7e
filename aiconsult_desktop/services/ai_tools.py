"""The AI tools register (issue 10): one function per action a user takes on a tool.

Each function is one unit of work, validates like the forms do and raises a French
`ValidationError`/`UserError` that leaves everything saved as it was. Reading tools with
their computed status is in `services.ai_register`; rules per employer in
`services.ai_rules`; the statement paragraph in `services.ai_paragraph`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.ai_status import ItemRecord, ItemState, check_record
from aiconsult_desktop.domain.ai_tools import (
    AiActClass,
    LearnedFrom,
    LifeEvent,
    LifeStage,
    ToolKind,
    check_events,
)
from aiconsult_desktop.domain.enums import DatePrecision
from aiconsult_desktop.domain.text import long_text, optional_line, required_line
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services.ai_records import AiToolData, ItemStateData, LifeEventData
from aiconsult_desktop.services.rows import check_version, load_row
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import AiTool, AiToolAgendaItem, AiToolEvent, AiToolItem
from aiconsult_desktop.store.models import AgendaItem, Dossier, Employer, Meeting, Question

MAX_AGENTS = 10_000_000


def save_tool(store: Store, data: AiToolData) -> int:
    """Create or update a tool's description (not its life nor its checklist); its id.

    A name is unique per employer; a stale copy (`version`) cannot overwrite a newer save.
    """
    name = required_line(data.name, "Nom de l'outil", 200)
    vendor = optional_line(data.vendor, "Éditeur ou prestataire", 300)
    purpose = long_text(data.purpose, "Finalité", required=False)
    services = long_text(data.services, "Services concernés", required=False)
    reason = long_text(data.ai_class_reason, "Motif du classement", required=False)
    notes = long_text(data.notes, "Notes", required=False)
    if data.agents_count is not None and not 0 <= data.agents_count <= MAX_AGENTS:
        raise ValidationError(
            "Le nombre d'agents concernés doit être un nombre positif (ou laissé vide).",
            field="agents_count",
        )
    with store.session() as session:
        if session.get(Employer, data.employer_id) is None:
            raise ValidationError(
                "Choisissez l'employeur qui utilise l'outil (celui-ci n'existe plus).",
                field="employer",
            )
        if data.dossier_id is not None and session.get(Dossier, data.dossier_id) is None:
            raise ValidationError("Le dossier choisi n'existe plus.", field="dossier")
        clash = session.scalar(
            select(AiTool.id).where(
                AiTool.employer_id == data.employer_id,
                func.lower(AiTool.name) == name.lower(),
                AiTool.id != (data.id or 0),
            )
        )
        if clash is not None:
            raise ValidationError(
                f"Cet employeur a déjà un outil nommé « {name} » : ouvrez sa fiche, ou "
                "choisissez un autre nom.",
                field="name",
            )
        if data.id is None:
            row = AiTool()
            session.add(row)
        else:
            row = load_row(session, AiTool, data.id)
            check_version(row, data.version)
        row.employer_id, row.dossier_id, row.name, row.vendor = (
            data.employer_id,
            data.dossier_id,
            name,
            vendor,
        )
        row.purpose, row.services, row.agents_count = purpose, services, data.agents_count
        row.kind = ToolKind(data.kind).value
        row.ai_class, row.ai_class_reason = AiActClass(data.ai_class).value, reason
        row.personal_data = data.personal_data
        row.changes_organisation = data.changes_organisation
        row.affects_working_conditions = data.affects_working_conditions
        row.decisions_about_people = data.decisions_about_people
        row.notes = notes
        session.flush()
        return row.id


def delete_tool(store: Store, tool_id: int) -> None:
    """Delete a tool with its life, its checklist states and its agenda links.

    The meetings, questions and dossier it refers to stay.
    """
    with store.session() as session:
        session.delete(load_row(session, AiTool, tool_id))


def _life(session: Session, tool_id: int, leaving_out: int | None = None) -> list[LifeEvent]:
    rows = session.scalars(select(AiToolEvent).where(AiToolEvent.tool_id == tool_id))
    return [to_life_event(r) for r in rows if r.id != leaving_out]


def to_life_event(row: AiToolEvent) -> LifeEvent:
    return LifeEvent(
        LifeStage(row.stage),
        row.on,
        DatePrecision(row.date_precision),
        LearnedFrom(row.learned_from),
        row.source,
    )


def save_event(store: Store, data: LifeEventData, today: date | None = None) -> int:
    """Record (or correct) a step of the tool's life; its id.

    Refused, with the tool's life unchanged: a step in the future, a deployment known to
    come before the announcement. A month alone is stored as its first day.
    """
    precision = DatePrecision(data.precision)
    on = data.on.replace(day=1) if precision is DatePrecision.MONTH else data.on
    source = optional_line(data.source, "Source", 1000)
    event = LifeEvent(LifeStage(data.stage), on, precision, LearnedFrom(data.learned_from), source)
    with store.session() as session:
        load_row(session, AiTool, data.tool_id)
        if data.meeting_id is not None and session.get(Meeting, data.meeting_id) is None:
            raise ValidationError("La réunion choisie n'existe plus.", field="meeting")
        check_events([*_life(session, data.tool_id, data.id), event], today or date.today())
        if data.id is None:
            row = AiToolEvent(tool_id=data.tool_id)
            session.add(row)
        else:
            row = load_row(session, AiToolEvent, data.id)
        row.stage, row.on, row.date_precision = event.stage.value, on, precision.value
        row.learned_from, row.meeting_id, row.source = (
            event.learned_from.value,
            data.meeting_id,
            source,
        )
        session.flush()
        return row.id


def delete_event(store: Store, event_id: int) -> None:
    with store.session() as session:
        session.delete(load_row(session, AiToolEvent, event_id))


def set_item_state(store: Store, data: ItemStateData, today: date | None = None) -> None:
    """Record the state of one checklist item, its date and its evidence.

    « Non renseigné » forgets what was recorded. Refused: « fait » or « partiel » without
    a date, a date in the future, evidence that no longer exists, an unknown rule.
    """
    from aiconsult_desktop.services.ai_rules import rules_for_employer

    state = ItemState(data.state)
    document = optional_line(data.document, "Document", 2000)
    note = long_text(data.note, "Note", required=False)
    check_record(ItemRecord(data.rule_key, state, data.on), today or date.today())
    with store.session() as session:
        tool = load_row(session, AiTool, data.tool_id)
        if data.rule_key not in {r.key for r in rules_for_employer(session, tool.employer_id)}:
            raise ValidationError(
                f"La règle « {data.rule_key} » n'existe pas pour cet employeur.", field="rule"
            )
        for model, wanted, what in (
            (Meeting, data.meeting_id, "La réunion"),
            (AgendaItem, data.agenda_item_id, "Le point de l'ordre du jour"),
            (Question, data.question_id, "La question"),
        ):
            if wanted is not None and session.get(model, wanted) is None:
                raise ValidationError(
                    f"{what} donnée comme preuve n'existe plus.", field="evidence"
                )
        row = session.scalar(
            select(AiToolItem).where(
                AiToolItem.tool_id == data.tool_id, AiToolItem.rule_key == data.rule_key
            )
        )
        if state is ItemState.UNKNOWN:
            if row is not None:
                session.delete(row)
            return
        if row is None:
            row = AiToolItem(tool_id=data.tool_id, rule_key=data.rule_key)
            session.add(row)
        row.state, row.on, row.document, row.note = state.value, data.on, document, note
        row.meeting_id, row.agenda_item_id, row.question_id = (
            data.meeting_id,
            data.agenda_item_id,
            data.question_id,
        )


def link_agenda_item(store: Store, tool_id: int, agenda_item_id: int) -> None:
    """Say an agenda item is about the tool. Once the vote of a « pour avis » item is
    recorded on its meeting, the body's opinion item of the checklist is filled by it."""
    with store.session() as session:
        tool = load_row(session, AiTool, tool_id)
        item = load_row(session, AgendaItem, agenda_item_id)
        meeting = session.get(Meeting, item.meeting_id)
        if meeting is not None and meeting.employer_id != tool.employer_id:
            raise ValidationError(
                "Ce point est à l'ordre du jour d'une réunion d'un autre employeur que celui "
                "de l'outil.",
                field="agenda_item",
            )
        exists = session.scalar(
            select(AiToolAgendaItem.id).where(
                AiToolAgendaItem.tool_id == tool_id,
                AiToolAgendaItem.agenda_item_id == agenda_item_id,
            )
        )
        if exists is None:
            session.add(AiToolAgendaItem(tool_id=tool_id, agenda_item_id=agenda_item_id))


def unlink_agenda_item(store: Store, tool_id: int, agenda_item_id: int) -> None:
    with store.session() as session:
        for row in session.scalars(
            select(AiToolAgendaItem).where(
                AiToolAgendaItem.tool_id == tool_id,
                AiToolAgendaItem.agenda_item_id == agenda_item_id,
            )
        ):
            session.delete(row)
