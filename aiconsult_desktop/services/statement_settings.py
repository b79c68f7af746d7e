"""The organisation's settings for statements: its Word letterhead, reading speed and the
salutation a new déclaration liminaire starts with.

Kept out of `services.organisation` (whose form saves name, signature…) so that saving
one never overwrites the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.markdown_doc import BlockKind
from aiconsult_desktop.domain.salutation import DEFAULT_SALUTATION
from aiconsult_desktop.domain.text import optional_line
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Organisation

if TYPE_CHECKING:  # python-docx is loaded when a document is first shown or written
    from aiconsult_desktop.export.paragraph_spacing import Spacing

DEFAULT_WORDS_PER_MINUTE = 130


def _row(session: Session) -> Organisation:
    row = session.scalars(select(Organisation).limit(1)).first()
    if row is None:
        row = Organisation()
        session.add(row)
    return row


def get_letterhead(store: Store) -> Path | None:
    with store.session() as session:
        row = session.scalars(select(Organisation).limit(1)).first()
        return Path(row.letterhead_path) if row is not None and row.letterhead_path else None


def set_letterhead(store: Store, path: Path | None) -> None:
    """Remember the union's letterhead (None: back to the default template)."""
    value = clean_letterhead(str(path) if path is not None else "")
    with store.session() as session:
        _row(session).letterhead_path = value


def get_words_per_minute(store: Store) -> int:
    with store.session() as session:
        row = session.scalars(select(Organisation).limit(1)).first()
        return row.words_per_minute if row is not None else DEFAULT_WORDS_PER_MINUTE


def check_words_per_minute(value: int) -> int:
    if not 40 <= value <= 400:
        raise ValidationError(
            "Indiquez une vitesse de lecture entre 40 et 400 mots par minute.",
            field="Mots par minute",
        )
    return value


def clean_letterhead(value: str) -> str:
    return optional_line(value, "Papier à en-tête", 1000)


def set_words_per_minute(store: Store, value: int) -> None:
    check_words_per_minute(value)
    with store.session() as session:
        _row(session).words_per_minute = value


def reading_minutes(words: int, words_per_minute: int) -> float:
    return words / max(words_per_minute, 1)


def check_letterhead(path: Path) -> tuple[str, list[str]]:
    """("", missing styles' French names) for a usable letterhead; (message, []) if not.

    Paramètres asks before keeping a letterhead, and says what it lacks; the export asks
    again before using it (the file may have changed since).
    """
    from aiconsult_desktop.export.letterhead import check_letterhead as check

    return check(path)


def get_salutation(store: Store) -> str:
    """The line a new déclaration liminaire starts with (Paramètres)."""
    with store.session() as session:
        row = session.scalars(select(Organisation).limit(1)).first()
        return row.salutation if row is not None else DEFAULT_SALUTATION


def set_salutation(store: Store, salutation: str) -> str:
    value = optional_line(salutation, "Formule d'appel", 200)
    with store.session() as session:
        _row(session).salutation = value
    return value


def paragraph_spacing(kind: BlockKind, level: int = 0) -> Spacing:
    """How the Word export spaces a block of `kind`, in points (the editor shows the
    same). Read once from the default template."""
    from aiconsult_desktop.export.paragraph_spacing import block_spacing

    return block_spacing(kind, level)
