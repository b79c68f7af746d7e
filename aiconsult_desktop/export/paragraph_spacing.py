"""The space the Word export puts around a paragraph, read from the default template.

The statement editor shows paragraphs spaced as the exported document will be (a text
typed without blank lines is not a wall of text on screen and airy on paper). The
template is the one truth: its styles' spacing is read here, following each style's
`basedOn` chain (the shipped template sets the body's on "Normal", which the others are
based on), rather than copied as numbers that would drift from the template. A union's
own letterhead may space its paragraphs otherwise: the editor shows the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docx.document import Document as DocxDocument
from docx.shared import Length
from docx.styles.style import BaseStyle, ParagraphStyle

from aiconsult_desktop.domain.markdown_doc import BlockKind
from aiconsult_desktop.export.docx_io import open_template
from aiconsult_desktop.export.docx_styles import find_style

BODY_STYLE = "Normal"
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}


@dataclass(frozen=True)
class Spacing:
    """Space before and after a paragraph, in points, and its line height (1.15 = 115 %)."""

    before: float = 0.0
    after: float = 0.0
    line: float = 1.0


def block_spacing(kind: BlockKind, level: int = 0) -> Spacing:
    """How the export spaces a block of `kind` (a heading of `level`): the style it is
    written in ("Heading 2"), else the body's ("Normal": lists and quotations too)."""
    spacing = template_spacing()
    name = HEADING_STYLES.get(level, BODY_STYLE) if kind is BlockKind.HEADING else BODY_STYLE
    return spacing.get(name, Spacing())


@lru_cache(maxsize=1)
def template_spacing() -> dict[str, Spacing]:
    """The spacing of the body text and of each heading level in the default template,
    keyed by style name ("Normal", "Heading 1"…)."""
    document = open_template(None)
    names = [BODY_STYLE, *HEADING_STYLES.values()]
    return {name: _spacing(document, name) for name in names}


def _spacing(document: DocxDocument, name: str) -> Spacing:
    style = find_style(document, name)
    before = _inherited(style, "space_before")
    after = _inherited(style, "space_after")
    line = _inherited(style, "line_spacing")
    return Spacing(
        before=_points(before),
        after=_points(after),
        line=float(line) if isinstance(line, float) else 1.0,
    )


def _inherited(style: BaseStyle | None, attribute: str) -> object:
    """`attribute` of the style's paragraph format, or of the style it is based on."""
    while isinstance(style, ParagraphStyle):
        value = getattr(style.paragraph_format, attribute, None)
        if value is not None:
            return value
        style = style.base_style
    return None


def _points(value: object) -> float:
    return float(value.pt) if isinstance(value, Length) else 0.0
