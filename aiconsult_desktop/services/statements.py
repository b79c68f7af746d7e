"""Statements (déclarations liminaires, interventions, motions…) of a meeting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.enums import StatementKind, StatementState
from aiconsult_desktop.domain.french import unsaved_copy_label
from aiconsult_desktop.domain.text import long_text, required_line
from aiconsult_desktop.errors import ConflictError, ValidationError
from aiconsult_desktop.identity import current_user
from aiconsult_desktop.services.records import StatementData
from aiconsult_desktop.services.rows import check_version, kept_in_copy, load_row, not_found
from aiconsult_desktop.services.statement_versions import BEFORE_RESTORE, REOPENED, record_version
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import AgendaItem, Dossier, Employer, Meeting, Statement
from aiconsult_desktop.store.statement_models import StatementVersion

LOCKED = (
    "Cette déclaration a été lue en séance : son texte est verrouillé. Cliquez sur "
    "« Modifier » pour en commencer une nouvelle version."
)


def _select() -> Select[Statement, Meeting, str, str | None]:
    return (
        select(Statement, Meeting, Employer.name, AgendaItem.title)
        .join(Meeting, Statement.meeting_id == Meeting.id)
        .join(Employer, Meeting.employer_id == Employer.id)
        .outerjoin(AgendaItem, Statement.agenda_item_id == AgendaItem.id)
    )


def _to_record(row: Statement, meeting: Meeting, employer: str, item: str | None) -> StatementData:
    return StatementData(
        id=row.id,
        meeting_id=row.meeting_id,
        agenda_item_id=row.agenda_item_id,
        dossier_id=row.dossier_id,
        kind=StatementKind(row.kind),
        title=row.title,
        text=row.text,
        state=StatementState(row.state),
        excerpt=row.excerpt,
        read_on=row.read_on,
        version=row.version,
        meeting_title=meeting.title,
        meeting_starts_at=meeting.starts_at,
        employer_name=employer,
        agenda_item_title=item or "",
    )


def list_statements(store: Store, meeting_id: int | None = None) -> list[StatementData]:
    """By meeting date, then agenda order: the order they are read in."""
    query = _select().order_by(Meeting.starts_at, Meeting.id, AgendaItem.position, Statement.id)
    if meeting_id is not None:
        query = query.where(Statement.meeting_id == meeting_id)
    with store.session() as session:
        return [_to_record(*row) for row in session.execute(query)]


def get_statement(store: Store, statement_id: int) -> StatementData:
    with store.session() as session:
        found = session.execute(_select().where(Statement.id == statement_id)).first()
        if found is None:
            raise not_found(Statement, statement_id)
        return _to_record(*found)


def save_statement(store: Store, data: StatementData, *, reason: str = "") -> StatementData:
    """Save `data`; keep a version when `reason` is given (explicit save) or the state
    changes. A statement read at a meeting is locked: see `reopen_statement`.

    On a shared base, a save over someone else's newer one is refused and the refused text
    is kept as a copy (a draft), so both texts survive."""
    title, text = clean_statement_text(data.title, data.text)
    try:
        return _save_statement(store, data, title, text, reason)
    except ConflictError as conflict:
        copy_title = f"{title} {unsaved_copy_label(current_user())}"[:500]
        draft = replace(data, id=None, version=0, state=StatementState.DRAFT)
        copy = _save_statement(store, draft, copy_title, text, "")
        raise kept_in_copy(conflict, copy, f"« {copy.title} »") from conflict


def clean_statement_text(title: str, text: str) -> tuple[str, str]:
    """The editor's rules on title and text (`save_statement` and `load`)."""
    return required_line(title, "Titre de la déclaration"), long_text(text, "Texte", required=False)


def check_statement_links(session: Session, data: StatementData) -> None:
    if session.get(Meeting, data.meeting_id) is None:
        raise ValidationError("Choisissez la réunion de la déclaration.", field="meeting")
    if data.agenda_item_id is not None:
        item = session.get(AgendaItem, data.agenda_item_id)
        if item is None or item.meeting_id != data.meeting_id:
            raise ValidationError(
                "Le point de l'ordre du jour choisi n'appartient pas à cette réunion.",
                field="agenda_item",
            )
    if data.dossier_id is not None and session.get(Dossier, data.dossier_id) is None:
        raise ValidationError("Le dossier choisi n'existe plus.", field="dossier")


def read_on(
    session: Session, data: StatementData, state: StatementState, current: date | None
) -> date | None:
    """Only a statement read at a meeting has a reading date: the one given, else the
    one it had, else the meeting's day."""
    if state is not StatementState.READ:
        return None
    meeting = session.get(Meeting, data.meeting_id)
    return data.read_on or current or (meeting.starts_at.date() if meeting else None)


def _save_statement(
    store: Store, data: StatementData, title: str, text: str, reason: str
) -> StatementData:
    state = StatementState(data.state)
    with store.session() as session:
        check_statement_links(session, data)
        previous_state: str | None = None
        if data.id is None:
            row = Statement()
            session.add(row)
        else:
            row = load_row(session, Statement, data.id)
            check_version(row, data.version)
            previous_state = row.state
            if (
                row.state == StatementState.READ.value
                and state is StatementState.READ
                and row.text != text
            ):
                raise ValidationError(LOCKED, field="Texte")
        row.meeting_id, row.agenda_item_id, row.dossier_id = (
            data.meeting_id,
            data.agenda_item_id,
            data.dossier_id,
        )
        row.kind, row.state = StatementKind(data.kind).value, state.value
        row.title, row.text, row.excerpt = title, text, bool(data.excerpt)
        row.read_on = read_on(session, data, state, row.read_on)
        session.flush()
        statement_id = row.id
        if previous_state is not None and previous_state != state.value:
            record_version(session, row, f"État : {state.label}")
        elif reason:
            record_version(session, row, reason)
    return get_statement(store, statement_id)


def reopen_statement(store: Store, statement_id: int) -> StatementData:
    """ "Modifier" on a statement read at a meeting: the read text stays as a version and
    the statement goes back to draft."""
    with store.session() as session:
        row = load_row(session, Statement, statement_id)
        if row.state == StatementState.READ.value:
            record_version(session, row, REOPENED)
            row.state, row.read_on = StatementState.DRAFT.value, None
    return get_statement(store, statement_id)


def delete_statement(store: Store, statement_id: int) -> None:
    with store.session() as session:
        row = load_row(session, Statement, statement_id)
        session.delete(row)


def restore_version(store: Store, statement_id: int, number: int) -> StatementData:
    """Put an older version's title and text back; the current text is kept first."""
    with store.session() as session:
        row = load_row(session, Statement, statement_id)
        if row.state == StatementState.READ.value:
            raise ValidationError(
                "Cette déclaration a été lue en séance : cliquez d'abord sur « Modifier » "
                "pour en commencer une nouvelle version."
            )
        version = session.scalars(
            select(StatementVersion).where(
                StatementVersion.statement_id == statement_id, StatementVersion.number == number
            )
        ).first()
        if version is None:
            raise ValidationError(f"La version n° {number} n'existe plus.")
        record_version(session, row, BEFORE_RESTORE)
        row.title, row.text = version.title, version.text
        session.flush()
        record_version(session, row, f"Restauration de la version n° {number}")
    return get_statement(store, statement_id)
