"""Meetings of the employers' bodies, with their agenda."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from aiconsult_desktop.domain.enums import AgendaItemKind, DatePrecision, MeetingKind
from aiconsult_desktop.domain.rules import check_meeting_times
from aiconsult_desktop.domain.text import long_text, optional_line, required_line
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services.records import AgendaItemData, MeetingData
from aiconsult_desktop.services.rows import load_row, not_found
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import AgendaItem, Body, Employer, Meeting, Statement


def _to_record(row: Meeting, employer: Employer, body: Body | None, statements: int) -> MeetingData:
    return MeetingData(
        id=row.id,
        employer_id=row.employer_id,
        body_id=row.body_id,
        dossier_id=row.dossier_id,
        kind=MeetingKind(row.kind),
        title=row.title,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        date_precision=DatePrecision(row.date_precision),
        place=row.place,
        notes=row.notes,
        agenda=[
            AgendaItemData(id=a.id, position=a.position, title=a.title, kind=AgendaItemKind(a.kind))
            for a in row.agenda
        ],
        employer_name=employer.name,
        body_name=body.name if body else "",
        statement_count=statements,
    )


def _query(session: Session, *where: object) -> list[MeetingData]:
    counts = (
        select(Statement.meeting_id, func.count().label("n"))
        .group_by(Statement.meeting_id)
        .subquery()
    )
    rows = session.execute(
        select(Meeting, Employer, Body, func.coalesce(counts.c.n, 0))
        .join(Employer, Meeting.employer_id == Employer.id)
        .outerjoin(Body, Meeting.body_id == Body.id)
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .options(selectinload(Meeting.agenda))
        .where(*where)  # type: ignore[arg-type]
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [_to_record(m, e, b, n) for m, e, b, n in rows]


def list_meetings(store: Store, employer_id: int | None = None) -> list[MeetingData]:
    """Ordered by date, oldest first."""
    with store.session() as session:
        where = [Meeting.employer_id == employer_id] if employer_id is not None else []
        return _query(session, *where)


def get_meeting(store: Store, meeting_id: int) -> MeetingData:
    with store.session() as session:
        found = _query(session, Meeting.id == meeting_id)
        if not found:
            raise not_found(Meeting, meeting_id)
        return found[0]


def save_meeting(store: Store, data: MeetingData) -> MeetingData:
    title = required_line(data.title, "Intitulé de la réunion")
    place = optional_line(data.place, "Lieu")
    notes = long_text(data.notes, "Notes", required=False)
    check_meeting_times(data.starts_at, data.ends_at)
    agenda = [
        AgendaItemData(
            id=item.id,
            position=index + 1,
            title=required_line(item.title, "Point de l'ordre du jour", 1000),
            kind=AgendaItemKind(item.kind),
        )
        for index, item in enumerate(sorted(data.agenda, key=lambda a: a.position))
    ]
    with store.session() as session:
        if session.get(Employer, data.employer_id) is None:
            raise ValidationError("Choisissez l'employeur de la réunion.", field="employer")
        if data.body_id is not None:
            body = session.get(Body, data.body_id)
            if body is None or body.employer_id != data.employer_id:
                raise ValidationError(
                    "L'instance choisie n'appartient pas à cet employeur.", field="body"
                )
        if data.id is None:
            row = Meeting()
            session.add(row)
        else:
            row = load_row(session, Meeting, data.id, options=[selectinload(Meeting.agenda)])
        row.employer_id, row.body_id, row.dossier_id = (
            data.employer_id,
            data.body_id,
            data.dossier_id,
        )
        row.kind, row.title, row.place, row.notes = (
            MeetingKind(data.kind).value,
            title,
            place,
            notes,
        )
        row.starts_at, row.ends_at = data.starts_at, data.ends_at
        row.date_precision = DatePrecision(data.date_precision).value
        existing = {item.id: item for item in row.agenda}
        kept: list[AgendaItem] = []
        for item in agenda:
            target = existing.pop(item.id, None) if item.id is not None else None
            if target is None:
                target = AgendaItem()
            target.position, target.title, target.kind = item.position, item.title, item.kind.value
            kept.append(target)
        row.agenda = kept
        session.flush()
        meeting_id = row.id
    return get_meeting(store, meeting_id)


def delete_meeting(store: Store, meeting_id: int, *, with_statements: bool = False) -> None:
    """Delete a meeting; its statements go only when the user confirmed it.

    Questions first put at this meeting stay, with their date.
    """
    with store.session() as session:
        row = load_row(session, Meeting, meeting_id)
        statements = list(
            session.scalars(select(Statement).where(Statement.meeting_id == meeting_id))
        )
        if statements and not with_statements:
            raise UserError(
                f"La réunion « {row.title} » a {len(statements)} déclaration(s). "
                "Supprimez-les d'abord, ou confirmez leur suppression avec la réunion."
            )
        for statement in statements:
            session.delete(statement)
        session.flush()
        session.delete(row)
