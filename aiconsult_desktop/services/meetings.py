"""Meetings of the employers' bodies, with their agenda."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from aiconsult_desktop.domain.enums import AgendaItemKind, BodyKind, DatePrecision, MeetingKind
from aiconsult_desktop.domain.followup import AttendeeRole, Opinion
from aiconsult_desktop.domain.french import agreed, plural
from aiconsult_desktop.domain.rules import check_meeting_times, check_year
from aiconsult_desktop.domain.text import clean_line, long_text, optional_line, required_line
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services.records import (
    AgendaItemData,
    AttendeeData,
    MeetingData,
    MeetingDocumentData,
    VotesData,
)
from aiconsult_desktop.services.rows import check_version, load_row, not_found, touch
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import (
    AgendaItem,
    Body,
    Employer,
    Meeting,
    MeetingAttendee,
    MeetingDocument,
    Statement,
)

VOTE_FIELDS = tuple(VotesData.__dataclass_fields__)


def _agenda_record(item: AgendaItem) -> AgendaItemData:
    return AgendaItemData(
        id=item.id,
        position=item.position,
        title=item.title,
        kind=AgendaItemKind(item.kind),
        opinion=Opinion(item.opinion) if item.opinion else None,
        votes=VotesData(**{name: getattr(item, name) for name in VOTE_FIELDS}),
    )


def _to_record(row: Meeting, employer: Employer, body: Body | None, statements: int) -> MeetingData:
    return MeetingData(
        id=row.id,
        version=row.version,
        updated_at=row.updated_at,
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
        agenda=[_agenda_record(a) for a in row.agenda],
        convocation_received_on=row.convocation_received_on,
        documents_received_on=row.documents_received_on,
        minutes_received_on=row.minutes_received_on,
        minutes_approved_on=row.minutes_approved_on,
        urgent=row.urgent,
        documents=[
            MeetingDocumentData(id=d.id, title=d.title, location=d.location) for d in row.documents
        ],
        attendees=[
            AttendeeData(id=a.id, name=a.name, role=AttendeeRole(a.role)) for a in row.attendees
        ],
        ics_uid=row.ics_uid,
        employer_name=employer.name,
        employer_article=employer.article,
        body_name=body.name if body else "",
        statement_count=statements,
        body_kind=BodyKind(body.kind) if body else None,
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
        .options(
            selectinload(Meeting.agenda),
            selectinload(Meeting.documents),
            selectinload(Meeting.attendees),
        )
        .where(*where)  # type: ignore[arg-type]
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [_to_record(m, e, b, n) for m, e, b, n in rows]


def all_meetings(session: Session) -> list[MeetingData]:
    """Every meeting as the form opens it, in a session already open (`load` checks)."""
    return _query(session)


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


def clean_meeting(data: MeetingData) -> MeetingData:
    """The form's rules on a meeting, without the store: text cleaned, agenda numbered
    1, 2…, times and follow-up dates checked. `save_meeting` and `load` both use it."""
    check_meeting_times(data.starts_at, data.ends_at)
    check_followup_dates(data)
    return replace(
        data,
        title=required_line(data.title, "Intitulé de la réunion"),
        place=optional_line(data.place, "Lieu"),
        notes=long_text(data.notes, "Notes", required=False),
        agenda=[
            AgendaItemData(
                id=item.id,
                position=index + 1,
                title=required_line(item.title, "Point de l'ordre du jour", 1000),
                kind=AgendaItemKind(item.kind),
                opinion=Opinion(item.opinion) if item.opinion else None,
                votes=check_votes(item.votes),
            )
            for index, item in enumerate(sorted(data.agenda, key=lambda a: a.position))
        ],
        documents=[
            MeetingDocumentData(
                id=d.id,
                location=required_line(d.location, "Emplacement du document", 2000),
                title=optional_line(d.title, "Titre du document"),
            )
            for d in data.documents
        ],
        attendees=[
            AttendeeData(
                id=a.id,
                name=required_line(a.name, "Nom du ou de la représentant·e", 200),
                role=AttendeeRole(a.role),
            )
            for a in data.attendees
        ],
    )


def check_meeting_links(session: Session, data: MeetingData) -> None:
    if session.get(Employer, data.employer_id) is None:
        raise ValidationError("Choisissez l'employeur de la réunion.", field="employer")
    if data.body_id is not None:
        body = session.get(Body, data.body_id)
        if body is None or body.employer_id != data.employer_id:
            raise ValidationError(
                "L'instance choisie n'appartient pas à cet employeur.", field="body"
            )


def save_meeting(store: Store, data: MeetingData) -> MeetingData:
    cleaned = clean_meeting(data)
    title, place, notes = cleaned.title, cleaned.place, cleaned.notes
    agenda, documents, attendees = cleaned.agenda, cleaned.documents, cleaned.attendees
    with store.session() as session:
        check_meeting_links(session, data)
        if data.id is None:
            row = Meeting()
            session.add(row)
        else:
            row = load_row(session, Meeting, data.id, options=[selectinload(Meeting.agenda)])
            check_version(row, data.version)
        uid = clean_line(data.ics_uid)  # from a file: no control or lone surrogate
        if uid and uid != row.ics_uid:
            row.ics_uid = _free_uid(session, uid, data.id)
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
            target.opinion = item.opinion.value if item.opinion else None
            for name in VOTE_FIELDS:
                setattr(target, name, getattr(item.votes, name))
            kept.append(target)
        row.agenda = kept
        # Agenda-only edits leave the meeting's columns untouched: stamp it anyway, so a
        # re-exported invitation carries a higher SEQUENCE and others' stale copies are
        # refused.
        touch(row)
        row.convocation_received_on = data.convocation_received_on
        row.documents_received_on = data.documents_received_on
        row.minutes_received_on = data.minutes_received_on
        row.minutes_approved_on = data.minutes_approved_on
        row.urgent = bool(data.urgent)
        # Documents and attendees: the list as given, rows kept by id (a save that
        # changes nothing rewrites nothing).
        documents_by_id: dict[int | None, MeetingDocument] = {d.id: d for d in row.documents}
        row.documents = [
            _set(
                documents_by_id.pop(d.id) if d.id in documents_by_id else MeetingDocument(),
                n,
                title=d.title,
                location=d.location,
            )
            for n, d in enumerate(documents, start=1)
        ]
        attendees_by_id: dict[int | None, MeetingAttendee] = {a.id: a for a in row.attendees}
        row.attendees = [
            _set(
                attendees_by_id.pop(a.id) if a.id in attendees_by_id else MeetingAttendee(),
                n,
                name=a.name,
                role=AttendeeRole(a.role).value,
            )
            for n, a in enumerate(attendees, start=1)
        ]
        session.flush()
        meeting_id = row.id
    return get_meeting(store, meeting_id)


Child = TypeVar("Child", MeetingDocument, MeetingAttendee)


def _set(row: Child, position: int, **values: str) -> Child:
    row.position = position
    for name, value in values.items():
        setattr(row, name, value)
    return row


def _free_uid(session: Session, uid: str, meeting_id: int | None) -> str:
    with session.no_autoflush:  # the new row is not complete yet
        clash = session.scalar(select(Meeting.id).where(Meeting.ics_uid == uid))
    if clash is not None and clash != meeting_id:
        raise UserError(f"Une autre réunion (n° {clash}) porte déjà l'identifiant iCalendar {uid}.")
    return uid


def find_by_uid(store: Store, uid: str) -> MeetingData | None:
    """The meeting an invitation refers to (its iCalendar UID), if we have it."""
    with store.session() as session:
        found = _query(session, Meeting.ics_uid == uid)
        return found[0] if found else None


def check_votes(votes: VotesData) -> VotesData:
    for name in VOTE_FIELDS:
        value = getattr(votes, name)
        if value is not None and not 0 <= value <= 999:
            raise ValidationError(f"Nombre de voix impossible : {value}.", field="votes")
    return votes


def check_followup_dates(data: MeetingData) -> None:
    """Dates the employer sent things: plausible around the meeting, in French when not."""
    for value, label in (
        (data.convocation_received_on, "Convocation reçue le"),
        (data.documents_received_on, "Documents reçus le"),
        (data.minutes_received_on, "Procès-verbal reçu le"),
        (data.minutes_approved_on, "Procès-verbal approuvé le"),
    ):
        if value is not None:
            check_year(value, f"pour « {label} »")
    received, approved = data.minutes_received_on, data.minutes_approved_on
    if received and approved and approved < received:
        raise ValidationError(
            "Le procès-verbal est approuvé avant d'avoir été reçu : vérifiez les dates.",
            field="minutes_approved_on",
        )


def delete_meeting(
    store: Store, meeting_id: int, *, with_statements: bool = False, with_evidence: bool = False
) -> None:
    """Delete a meeting; its statements go only when the user confirmed it, and so does
    the evidence it gives to the AI tools register (`ai_register.meeting_evidence` says
    which items lose it, for the confirmation).

    Questions first put at this meeting stay, with their date.
    """
    from aiconsult_desktop.services.ai_register import meeting_evidence

    losses = [] if with_evidence else meeting_evidence(store, meeting_id)
    with store.session() as session:
        row = load_row(session, Meeting, meeting_id)
        statements = list(
            session.scalars(select(Statement).where(Statement.meeting_id == meeting_id))
        )
        if statements and not with_statements:
            raise UserError(
                f"La réunion « {row.title} » a {plural(len(statements), 'déclaration')}. "
                f"{agreed(len(statements), 'Supprimez-la', 'Supprimez-les')} d'abord, ou "
                f"confirmez {agreed(len(statements), 'sa', 'leur')} suppression avec la réunion."
            )
        if losses:
            shown = " ; ".join(loss.describe() for loss in losses[:5])
            more = f" et {plural(len(losses) - 5, 'autre')}" if len(losses) > 5 else ""
            raise UserError(
                f"La réunion « {row.title} » sert de preuve dans le registre des outils d'IA "
                f"({shown}{more}). Confirmez sa suppression : ces éléments perdront leur preuve."
            )
        for statement in statements:
            session.delete(statement)
        session.flush()
        session.delete(row)
