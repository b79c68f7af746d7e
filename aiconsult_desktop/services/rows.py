"""Fetching a row a user chose, when it may have been deleted meanwhile (another window,
another person on a shared base): one French sentence for every kind of record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.orm.attributes import flag_modified

from aiconsult_desktop.domain.french import conflict_message
from aiconsult_desktop.errors import ConflictError, NotFoundError, ValidationError
from aiconsult_desktop.store.base import Base, utc_now

if TYPE_CHECKING:
    from sqlalchemy import Select

    AnySelect: TypeAlias = Select[*tuple[Any, ...]]
    """A query whose columns vary (filters added to several selects)."""

M = TypeVar("M", bound=Base)

# How each record is named in messages: ("La question", "Cette question").
NAMES: dict[str, tuple[str, str]] = {
    "employer": ("L'employeur", "Cet employeur"),
    "dossier": ("Le dossier", "Ce dossier"),
    "meeting": ("La réunion", "Cette réunion"),
    "question": ("La question", "Cette question"),
    "statement": ("La déclaration", "Cette déclaration"),
    "ai_tool": ("La fiche de l'outil d'IA", "Cette fiche d'outil d'IA"),
    "ai_tool_event": ("L'étape", "Cette étape"),
    "fact": ("Le fait", "Ce fait"),
    "agenda_item": ("Le point de l'ordre du jour", "Ce point de l'ordre du jour"),
}


MAX_ID = 2**31 - 1
"""The largest id either base can hold (PostgreSQL's integer); SQLite's own limit, 2^63,
makes its driver raise OverflowError, so a number typed beyond it must stop here."""


def load_row(session: Session, model: type[M], row_id: int, **options: object) -> M:
    if not 0 < row_id <= MAX_ID:
        raise not_found(model, row_id)
    row = session.get(model, row_id, **options)  # type: ignore[arg-type]
    if row is None:
        raise not_found(model, row_id)
    return row


def not_found(model: type[Base], row_id: int) -> NotFoundError:
    return NotFoundError(f"{NAMES[model.__tablename__][0]} n° {row_id} n'existe pas (ou plus).")


def check_name_free(
    session: Session, column: InstrumentedAttribute[str], value: str, row_id: int | None, taken: str
) -> None:
    """Names users tell apart only by case are one name: refuse a second with `taken`."""
    model = column.class_
    clash = session.scalar(
        select(model.id).where(func.lower(column) == value.lower(), model.id != (row_id or 0))
    )
    if clash is not None:
        raise ValidationError(taken, field=column.key)


MASCULINE = frozenset({"employer", "dossier"})


def check_version(row: Base, seen_version: int) -> None:
    """Optimistic locking: refuse to overwrite a save made since the user opened the record.

    The one check of every record people edit side by side on a shared server (employers,
    meetings, questions, statements: `store.models.SavedBy`). `seen_version` 0 is a
    caller that did not read the record first (an import, a script): no check.
    """
    current = getattr(row, "version")  # noqa: B009
    if seen_version and current != seen_version:
        raise ConflictError(
            conflict_message(
                NAMES[row.__tablename__][1],
                row.updated_at,  # type: ignore[attr-defined]
                getattr(row, "updated_by", ""),
                feminine=row.__tablename__ not in MASCULINE,
            )
        )


def kept_in_copy(conflict: ConflictError, copy: object, where: str) -> ConflictError:
    """The refusal once the refused text is saved in `copy` (named by `where`), which the
    editor moves onto: one conflict, one copy, however often the editor saves after."""
    return ConflictError(
        f"{conflict.message} Votre texte est gardé dans une copie : {where}.", kept=copy
    )


def touch(row: Base) -> None:
    """Count a save that changed only related rows (agenda, bodies) as an edit of `row`:
    its version moves on and who saved it is stamped, so others' stale copies are refused."""
    row.updated_at = utc_now()  # type: ignore[attr-defined]
    flag_modified(row, "updated_at")
