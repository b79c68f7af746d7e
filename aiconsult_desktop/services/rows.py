"""Fetching a row a user chose, when it may have been deleted meanwhile (another window,
another person on a shared base): one French sentence for every kind of record."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from aiconsult_desktop.domain.french import conflict_message
from aiconsult_desktop.errors import ConflictError, NotFoundError
from aiconsult_desktop.store.models import Base

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
    "agenda_item": ("Le point de l'ordre du jour", "Ce point de l'ordre du jour"),
}


def load_row(session: Session, model: type[M], row_id: int, **options: object) -> M:
    row = session.get(model, row_id, **options)  # type: ignore[arg-type]
    if row is None:
        raise not_found(model, row_id)
    return row


def not_found(model: type[Base], row_id: int) -> NotFoundError:
    return NotFoundError(f"{NAMES[model.__tablename__][0]} n° {row_id} n'existe pas (ou plus).")


def check_version(row: Base, seen_version: int) -> None:
    """Optimistic locking: refuse to overwrite a save made since the user opened the record."""
    current = getattr(row, "version")  # noqa: B009
    if seen_version and current != seen_version:
        raise ConflictError(
            conflict_message(
                NAMES[row.__tablename__][1],
                row.updated_at,  # type: ignore[attr-defined]
                getattr(row, "updated_by", ""),
            )
        )
