"""Finding a template's styles by what they are, whatever language Word was in.

A French Word saves "Titre 1" with the style ID `Titre1` and the internal name
`heading 1`; an English one `Heading1` / `heading 1`. Only the name is stable, so styles
are looked up by name, case-insensitively. python-docx's own `styles[name]` falls back
to a lookup by ID with a deprecation warning and raises `KeyError` when nothing
matches: a union's letterhead lacking our styles must not cost the export, so callers
get `None` and fall back to direct formatting.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.styles import BabelFish
from docx.styles.style import BaseStyle


def find_style(
    document: DocxDocument, name: str, style_type: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH
) -> BaseStyle | None:
    """Return the style of `style_type` named `name` ("Heading 1", "footnote text"…)."""
    wanted = {name.casefold(), BabelFish.ui2internal(name).casefold()}
    for style in document.styles:
        if style.type != style_type:
            continue
        style_name = style.element.name_val
        if style_name is not None and style_name.casefold() in wanted:
            return cast("BaseStyle", style)
    return None
