"""Text as python-docx will accept it.

Stored text has already been through `domain.text.clean_text`, but the writer also
receives text that never went through the store (a heading composed by a service, a
place typed in a dialog, a test). python-docx raises `ValueError: All strings must be
XML compatible` on control characters and lxml refuses lone surrogates (which can come
from file names decoded with `surrogateescape`): one bad character would cost the user
the whole export, so the writer cleans again at its boundary.
"""

from __future__ import annotations

import re

from aiconsult_desktop.domain.text import clean_text

# Lone surrogates are not characters and cannot be written as UTF-8 XML.
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_for_docx(text: str) -> str:
    """Return `text` with everything python-docx refuses removed; newlines are kept."""
    return clean_text(_SURROGATES.sub("", text))


def one_line_for_docx(text: str) -> str:
    """Return `text` cleaned for a one-line place (title, header, signature)."""
    return " ".join(clean_for_docx(text).split())
