"""Checking a union's letterhead before using it: is it a Word document, which of the
styles the writers use does it lack? The writers cope with missing styles (direct
formatting stands in), so these are facts to tell the user, not refusals."""

from __future__ import annotations

from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.docx_io import open_template
from aiconsult_desktop.export.docx_styles import find_style

# The styles the intervention writer asks for, with the name French Word shows.
WANTED_STYLES = {
    "Title": "Titre",
    "Heading 1": "Titre 1",
    "Heading 2": "Titre 2",
    "List Bullet": "Liste à puces",
    "List Number": "Liste numérotée",
    "Quote": "Citation",
}


def check_letterhead(path: Path) -> tuple[str, list[str]]:
    """("", missing styles' French names) for a usable letterhead; (message, []) if not."""
    try:
        document = open_template(path)
    except UserError as error:
        return str(error), []
    missing = [
        french
        for name, french in WANTED_STYLES.items()
        if find_style(document, name, WD_STYLE_TYPE.PARAGRAPH) is None
    ]
    return "", missing
