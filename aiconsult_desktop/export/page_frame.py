"""The page around a document's text: the organisation (and logo) in the header and
« Page n / N » in the footer, unless the union's letterhead already prints its own.

Kept apart from the text writer (`export/intervention.py`) because it works on the
header and footer parts, pictures and fields, never on the body.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import _Footer, _Header
from docx.shared import Cm, Length, Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from aiconsult_desktop.domain.typography import typeset
from aiconsult_desktop.export.docx_fields import add_page_of_pages

_LOG = logging.getLogger(__name__)

LOGO_HEIGHT = Cm(1.2)
LOGO_MAX_WIDTH = Cm(5)
# w:rPr children that follow w:position in the schema's sequence.
_AFTER_POSITION = (
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


def fill_header(
    document: DocxDocument, organisation: str, logo: Path | None, style: BaseStyle | None
) -> None:
    """Put the organisation (and logo) in the header, unless the letterhead has one."""
    organisation = typeset(organisation)
    blob = _read_logo(logo)
    for header in _page_headers(document):
        if not _is_blank(header):
            continue
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        if style is not None and (paragraph.style is None or paragraph.style.name == "Normal"):
            paragraph.style = style
        size = _add_logo(paragraph, blob) if blob is not None else None
        name = paragraph.add_run(organisation)
        name.bold = True
        if size is not None:
            # The name follows the logo after an em space (a tab would land on the
            # style's centre stop), raised to the logo's middle, not its bottom edge.
            name.text = "\u2003" + organisation
            _raise_run(name, Length((size[1] - Pt(7)) // 2))


def fill_footer(document: DocxDocument, style: BaseStyle | None) -> None:
    """Write "Page n / N" in the footer, unless the letterhead already has a footer."""
    for footer in _page_footers(document):
        if not _is_blank(footer):
            continue
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        if style is not None:
            paragraph.style = style
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_page_of_pages(paragraph)


def _page_headers(document: DocxDocument) -> list[_Header]:
    section = document.sections[-1]
    first = section.different_first_page_header_footer
    return [section.header, section.first_page_header] if first else [section.header]


def _page_footers(document: DocxDocument) -> list[_Footer]:
    section = document.sections[-1]
    first = section.different_first_page_header_footer
    return [section.footer, section.first_page_footer] if first else [section.footer]


def _is_blank(part: _Header | _Footer) -> bool:
    """Nothing printed: no text, picture, shape or field."""
    if part.is_linked_to_previous:
        return True
    visible = part.part.element.xpath(
        ".//w:t[normalize-space()] | .//w:drawing | .//w:pict | .//w:object"
        " | .//w:fldSimple | .//w:fldChar"
    )
    return not visible


def _read_logo(path: Path | None) -> bytes | None:
    """The logo's bytes if it is an image Word can show; `None` otherwise (logged)."""
    if path is None:
        return None
    try:
        blob = Path(path).read_bytes()
    except OSError:
        _LOG.warning("logo %s unreadable, exported without it", path, exc_info=True)
        return None
    try:
        image = Image.from_blob(blob)
        if image.px_width <= 0 or image.px_height <= 0:
            raise ValueError("empty image")
    except Exception:
        # The user picked any file as a logo; whatever the image parser raises, the
        # statement is exported without the logo rather than not at all.
        _LOG.warning("logo %s is not a usable image, exported without it", path, exc_info=True)
        return None
    return blob


def _add_logo(paragraph: Paragraph, blob: bytes) -> tuple[Length, Length] | None:
    """Add the logo at a modest height; return its size, or `None` if it failed."""
    image = Image.from_blob(blob)
    ratio = image.px_width / image.px_height
    height: Length = LOGO_HEIGHT
    width = Length(int(height * ratio))
    if width > LOGO_MAX_WIDTH:
        width = LOGO_MAX_WIDTH
        height = Length(int(width / ratio))
    try:
        paragraph.add_run().add_picture(io.BytesIO(blob), width=width, height=height)
    except Exception:
        _LOG.warning("logo could not be placed, exported without it", exc_info=True)
        return None
    return width, height


def _raise_run(run: Run, offset: Length) -> None:
    """Raise `run` above the baseline by `offset` (`w:position`, in half-points)."""
    position = OxmlElement("w:position")
    position.set(qn("w:val"), str(round(offset.pt * 2)))
    run.element.get_or_add_rPr().insert_element_before(position, *_AFTER_POSITION)
