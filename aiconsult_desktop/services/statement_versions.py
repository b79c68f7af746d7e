"""The versions kept of each statement: on explicit save, on a change of state, before a
restore. Autosaves (a few seconds after typing stops) keep none: they would drown the
versions users chose to keep."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.enums import StatementState
from aiconsult_desktop.services.statement_records import StatementVersionData
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.base import utc_now
from aiconsult_desktop.store.models import Statement
from aiconsult_desktop.store.statement_models import StatementVersion

SAVED = "Enregistrement"
BEFORE_RESTORE = "Avant restauration"
REOPENED = "Texte lu en séance, avant modification"


def record_version(session: Session, row: Statement, reason: str) -> None:
    """Keep `row` as it is now as its next version (nothing if identical to the last)."""
    last = session.scalars(
        select(StatementVersion)
        .where(StatementVersion.statement_id == row.id)
        .order_by(StatementVersion.number.desc())
        .limit(1)
    ).first()
    if last is not None and (last.text, last.title, last.state) == (row.text, row.title, row.state):
        return
    number = (last.number if last is not None else 0) + 1
    session.add(
        StatementVersion(
            statement_id=row.id,
            number=number,
            title=row.title,
            text=row.text,
            state=row.state,
            saved_at=utc_now(),
            reason=reason,
        )
    )


def _to_record(row: StatementVersion) -> StatementVersionData:
    return StatementVersionData(
        statement_id=row.statement_id,
        number=row.number,
        title=row.title,
        text=row.text,
        state=StatementState(row.state),
        saved_at=row.saved_at,
        reason=row.reason,
    )


def list_versions(store: Store, statement_id: int) -> list[StatementVersionData]:
    """Newest first: the one users look for is usually the last but one."""
    with store.session() as session:
        rows = session.scalars(
            select(StatementVersion)
            .where(StatementVersion.statement_id == statement_id)
            .order_by(StatementVersion.number.desc())
        )
        return [_to_record(row) for row in rows]


def version_count(store: Store, statement_id: int) -> int:
    with store.session() as session:
        return (
            session.scalar(
                select(func.count()).where(StatementVersion.statement_id == statement_id)
            )
            or 0
        )
