"""Cleaning and checking text typed or pasted by users.

Text pasted from Word or e-mail carries control characters that SQLite accepts but that
python-docx refuses (`ValueError: All strings must be XML compatible`): we normalise them
once, on the way in, so everything stored can be exported.
"""

from __future__ import annotations

import re
import unicodedata

from aiconsult_desktop.errors import ValidationError

# Word's "manual line break" and "page break" have meaning: keep it as a newline.
_MEANINGFUL = {"\x0b": "\n", "\x0c": "\n", "\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n"}
# Everything else below U+0020 except tab and newline, DEL, and the C1 block; plus the
# two non-characters XML forbids, and lone surrogates: valid UTF-8 cannot carry them, but
# a JSON file can ("\ud800"), and no file or database encoder would accept them.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

MAX_SHORT_TEXT = 500
MAX_LONG_TEXT = 5_000_000


def clean_text(value: str) -> str:
    """Make user text storable and exportable, keeping everything a reader would see."""
    for raw, replacement in _MEANINGFUL.items():
        value = value.replace(raw, replacement)
    value = _FORBIDDEN.sub("", value)
    return unicodedata.normalize("NFC", value)


def clean_line(value: str) -> str:
    """One-line fields (names, titles, places): newlines become spaces."""
    return " ".join(clean_text(value).split())


def is_visible(value: str) -> bool:
    """Whether a reader would see anything: zero-width spaces and joiners, the byte-order
    mark and other format characters (category Cf) alone are not a name."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in value)


def required_line(value: str | None, field: str, max_length: int = MAX_SHORT_TEXT) -> str:
    cleaned = optional_line(value, field, max_length)
    if not is_visible(cleaned):
        raise ValidationError(f"Le champ « {field} » est obligatoire.", field=field)
    return cleaned


def optional_line(value: str | None, field: str, max_length: int = MAX_SHORT_TEXT) -> str:
    cleaned = clean_line(value or "")
    if len(cleaned) > max_length:
        raise ValidationError(
            f"Le champ « {field} » est trop long ({len(cleaned)} caractères, "
            f"{max_length} au plus).",
            field=field,
        )
    return cleaned


def long_text(value: str | None, field: str, *, required: bool) -> str:
    cleaned = clean_text(value or "").strip("\n")
    if required and not is_visible(cleaned):
        raise ValidationError(f"Le champ « {field} » est obligatoire.", field=field)
    if len(cleaned) > MAX_LONG_TEXT:
        raise ValidationError(
            f"Le texte « {field} » dépasse la taille admise "
            f"({len(cleaned) // 1_000_000} millions de caractères, 5 au plus).",
            field=field,
        )
    return cleaned
