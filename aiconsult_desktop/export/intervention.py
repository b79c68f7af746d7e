"""Word export of one statement (intervention, déclaration liminaire, motion…).

Layout (docs: DOMAIN.md, "Format of an exported intervention"): the organisation in the
header, the title in capitals, an optional subtitle, "Extrait", the salutation, the
body, then the signature and place/date on the right. The body is the light Markdown
users type: one paragraph per line, `#` headings, `-`/`•` bullets, `1.` numbered items,
`>` quotations, `**gras**`, `*italique*` and footnotes `[^1]`.

The template gives the page, styles, header and footer; its own body is replaced (as
pandoc does with a reference document). Every style is looked up by name and, when a
union's letterhead lacks it, replaced by direct formatting, so any `.docx` works.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.section import _Footer, _Header
from docx.shared import Cm, Length, Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.export.docx_fields import add_page_of_pages
from aiconsult_desktop.export.docx_io import open_template, save_document
from aiconsult_desktop.export.docx_metadata import scrub_package, set_core_properties
from aiconsult_desktop.export.docx_runs import append_run
from aiconsult_desktop.export.docx_styles import find_style
from aiconsult_desktop.export.docx_text import clean_for_docx, one_line_for_docx
from aiconsult_desktop.export.footnotes import FootnoteWriter, collect_notes

_LOG = logging.getLogger(__name__)

EXCERPT_MENTION = "Extrait"
LOGO_HEIGHT = Cm(1.2)
LOGO_MAX_WIDTH = Cm(5)

_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")
_BULLET = re.compile(r"^[-•*–]\s+(.+)$")
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(.+)$")
_QUOTE = re.compile(r"^>\s?(.+)$")
_INLINE = re.compile(
    r"\*\*(?P<bold>(?=\S).+?(?<=\S))\*\*"
    r"|\*(?P<italic>(?=[^\s*]).+?(?<=[^\s*]))\*"
    r"|\[\^(?P<note>[^\]\s]+)\]"
)
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
# w:pPr children that follow w:bidi in the schema's sequence.
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


@dataclass(frozen=True)
class _Look:
    """A Word style, and the direct formatting that stands in when a template lacks it."""

    style: str
    alignment: WD_ALIGN_PARAGRAPH | None = None
    bold: bool = False
    italic: bool = False
    size: Length | None = None
    space_before: Length | None = None
    keep_with_next: bool = False
    indent: Length | None = None


_TITLE = _Look("Title", WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=Pt(15), keep_with_next=True)
_SUBTITLE = _Look("Subtitle", WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12), keep_with_next=True)
_MENTION = _Look("Mention", WD_ALIGN_PARAGRAPH.CENTER, italic=True, keep_with_next=True)
_HEADINGS = {
    1: _Look("Heading 1", bold=True, size=Pt(13), space_before=Pt(18), keep_with_next=True),
    2: _Look("Heading 2", bold=True, space_before=Pt(12), keep_with_next=True),
    3: _Look("Heading 3", bold=True, italic=True, space_before=Pt(10), keep_with_next=True),
}
_BULLET_ITEM = _Look("List Bullet", indent=Cm(1))
_NUMBERED_ITEM = _Look("List Number", indent=Cm(1))
_QUOTATION = _Look("Quote", italic=True, indent=Cm(1))
_SIGNATURE = _Look(
    "Signature", WD_ALIGN_PARAGRAPH.RIGHT, bold=True, space_before=Pt(24), keep_with_next=True
)
_PLACE_DATE = _Look("Date", WD_ALIGN_PARAGRAPH.RIGHT)
_NORMAL = _Look("Normal")


def write_intervention(doc: InterventionDocument, path: Path, template: Path | None = None) -> None:
    """Write `doc` as a Word document at `path`, from `template` or the default one.

    Raises `UserError` (in French) when the template is not a readable Word document or
    when `path` cannot be written.
    """
    document = open_template(template)
    _InterventionWriter(document).write(doc)
    save_document(document, path)


class _InterventionWriter:
    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._styles: dict[str, BaseStyle | None] = {}
        self._numberings: dict[str, int | None] = {}
        self._notes = FootnoteWriter(document)
        self._definitions: dict[str, str] = {}
        self._clear_body()

    def write(self, doc: InterventionDocument) -> None:
        title = one_line_for_docx(doc.heading).upper()
        organisation = one_line_for_docx(doc.organisation_name)

        self._fill_header(organisation, _read_logo(doc.logo_path))
        self._fill_footer()
        if title:
            self._paragraph(_TITLE, title, inline=False)
        if subtitle := one_line_for_docx(doc.subtitle):
            self._paragraph(_SUBTITLE, subtitle, inline=False)
        if doc.excerpt:
            self._paragraph(_MENTION, EXCERPT_MENTION, inline=False)
        if salutation := one_line_for_docx(doc.salutation):
            self._paragraph(_NORMAL, salutation, inline=False)
        last = self._write_body(clean_for_docx(doc.body))
        if last is not None:
            last.paragraph_format.keep_with_next = True  # no signature alone on a page
        if signature := one_line_for_docx(doc.signature):
            self._paragraph(_SIGNATURE, signature, inline=False)
        if place_date := one_line_for_docx(doc.place_date):
            self._paragraph(_PLACE_DATE, place_date, inline=False)

        set_core_properties(self._document, author=organisation, title=title)
        scrub_package(self._document)

    # -- body -----------------------------------------------------------------------

    def _write_body(self, body: str) -> Paragraph | None:
        notes = collect_notes(line.strip() for line in body.split("\n"))
        self._definitions = notes.definitions
        last: Paragraph | None = None
        numbered_list: int | None = None
        for line in notes.lines:
            if not line:
                continue
            if match := _NUMBERED.match(line):
                if numbered_list is None:
                    numbered_list = self._new_numbering()
                last = self._list_item(_NUMBERED_ITEM, match.group(2), numbered_list, line)
                continue
            numbered_list = None
            if match := _HEADING.match(line):
                last = self._paragraph(_HEADINGS[len(match.group(1))], match.group(2))
            elif match := _BULLET.match(line):
                last = self._list_item(_BULLET_ITEM, match.group(1), None, "• " + match.group(1))
            elif match := _QUOTE.match(line):
                last = self._paragraph(_QUOTATION, match.group(1))
            else:
                last = self._paragraph(_NORMAL, line)
        return last

    def _list_item(self, look: _Look, text: str, num_id: int | None, literal: str) -> Paragraph:
        """A list item; without the template's list style, the marker stays as text."""
        style = self._style(look.style)
        if style is None or self._numbering_of(style) is None:
            paragraph = self._paragraph(_NORMAL, literal)
            paragraph.paragraph_format.left_indent = look.indent
            paragraph.paragraph_format.first_line_indent = -Cm(0.5)
            return paragraph
        paragraph, p = self._new_paragraph(style)
        if num_id is not None:
            num_pr = p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        self._inline(p, text, None)
        return paragraph

    def _new_numbering(self) -> int | None:
        """A fresh numbering instance, so that each numbered list starts again at 1."""
        style = self._style(_NUMBERED_ITEM.style)
        num_id = self._numbering_of(style) if style is not None else None
        if num_id is None:
            return None
        numbering = self._document.part.numbering_part.element
        try:
            abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
        except KeyError:
            return None
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    # -- paragraphs -----------------------------------------------------------------

    def _paragraph(self, look: _Look, text: str, *, inline: bool = True) -> Paragraph:
        """A paragraph in `look`'s style, or in its direct formatting when the template
        has no such style."""
        style = self._style(look.style) if look.style != "Normal" else None
        fallback = look if style is None and look.style != "Normal" else None
        paragraph, p = self._new_paragraph(style)
        if _is_right_to_left(text):
            _set_bidi(p)
        if fallback is not None:
            fmt = paragraph.paragraph_format
            if fallback.alignment is not None:
                fmt.alignment = fallback.alignment
            if fallback.space_before is not None:
                fmt.space_before = fallback.space_before
            if fallback.keep_with_next:
                fmt.keep_with_next = True
            if fallback.indent is not None:
                fmt.left_indent = fallback.indent
                if fallback.style == "Quote":
                    fmt.right_indent = fallback.indent
        if inline:
            self._inline(p, text, fallback)
        elif fallback is not None:
            append_run(p, text, bold=fallback.bold, italic=fallback.italic, size=fallback.size)
        else:
            append_run(p, text)
        return paragraph

    def _inline(self, p: CT_P, text: str, fallback: _Look | None) -> None:
        """Runs for `text` with its bold, italics and note calls."""
        bold = fallback.bold if fallback else False
        italic = fallback.italic if fallback else False
        size = fallback.size if fallback else None
        for piece in _inline_pieces(text, bold, italic):
            if piece.note is not None and piece.note in self._definitions:
                self._add_note(p, self._definitions[piece.note])
            else:  # text, or a call to an unknown note, which stays as typed
                append_run(p, piece.text, bold=piece.bold, italic=piece.italic, size=size)

    def _add_note(self, p: CT_P, text: str) -> None:
        note = self._notes.add(p)
        size = Pt(9) if self._notes.needs_direct_size else None
        for piece in _inline_pieces(text, False, False, notes=False):
            append_run(note, piece.text, bold=piece.bold, italic=piece.italic, size=size)

    def _new_paragraph(self, style: BaseStyle | None = None) -> tuple[Paragraph, CT_P]:
        """An empty paragraph at the end of the body (python-docx's `add_paragraph`
        searches the whole body each time: quadratic on a long text)."""
        p = OxmlElement("w:p")
        if style is not None:  # written directly: python-docx's setter costs an XPath search
            pPr = etree.SubElement(p, qn("w:pPr"))
            etree.SubElement(pPr, qn("w:pStyle")).set(qn("w:val"), style.style_id)
        if self._sect_pr is not None:
            self._sect_pr.addprevious(p)
        else:
            self._document.element.body.append(p)
        return Paragraph(p, self._document), p

    def _numbering_of(self, style: BaseStyle) -> int | None:
        if style.style_id not in self._numberings:
            self._numberings[style.style_id] = _style_numbering(style)
        return self._numberings[style.style_id]

    def _style(self, name: str) -> BaseStyle | None:
        if name not in self._styles:
            self._styles[name] = find_style(self._document, name)
        return self._styles[name]

    def _clear_body(self) -> None:
        body = self._document.element.body
        self._sect_pr = body.sectPr
        for child in list(body):
            if child is not self._sect_pr:
                body.remove(child)
        self._notes.drop_template_notes()

    # -- header and footer ----------------------------------------------------------

    def _fill_header(self, organisation: str, logo: bytes | None) -> None:
        """Put the organisation (and logo) in the header, unless the letterhead has one."""
        for header in _page_headers(self._document):
            if not _is_blank(header):
                continue
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            style = self._style("Header")
            if style is not None and (paragraph.style is None or paragraph.style.name == "Normal"):
                paragraph.style = style
            size = _add_logo(paragraph, logo) if logo is not None else None
            name = paragraph.add_run(organisation)
            name.bold = True
            if size is not None:
                # The name follows the logo after an em space (a tab would land on the
                # style's centre stop), raised to the logo's middle, not its bottom edge.
                name.text = "\u2003" + organisation
                _raise_run(name, Length((size[1] - Pt(7)) // 2))

    def _fill_footer(self) -> None:
        """Write "Page n / N" in the footer, unless the letterhead already has a footer."""
        for footer in _page_footers(self._document):
            if not _is_blank(footer):
                continue
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            style = self._style("Footer")
            if style is not None:
                paragraph.style = style
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_page_of_pages(paragraph)


@dataclass(frozen=True)
class _Piece:
    text: str
    bold: bool
    italic: bool
    note: str | None = None
    """The label of a note call `[^label]`; `text` then holds the call as typed."""


def _inline_pieces(text: str, bold: bool, italic: bool, *, notes: bool = True) -> Iterator[_Piece]:
    """Split `text` at `**bold**`, `*italic*` and (when `notes`) note calls."""
    position = 0
    for match in _INLINE.finditer(text):
        if match.group("note") is not None and not notes:
            continue
        if match.start() > position:
            yield _Piece(text[position : match.start()], bold, italic)
        if match.group("bold") is not None:
            yield from _inline_pieces(match.group("bold"), True, italic, notes=notes)
        elif match.group("italic") is not None:
            yield from _inline_pieces(match.group("italic"), bold, True, notes=notes)
        else:
            yield _Piece(match.group(0), bold, italic, note=match.group("note"))
        position = match.end()
    if position < len(text):
        yield _Piece(text[position:], bold, italic)


def _style_numbering(style: BaseStyle) -> int | None:
    """The list a paragraph style is bound to (`w:numPr/w:numId` in its definition)."""
    values = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None


def _is_right_to_left(text: str) -> bool:
    """True when the first letter with a direction is Arabic or Hebrew (or alike)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


def _set_bidi(p: CT_P) -> None:
    pPr = p.get_or_add_pPr()
    pPr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _page_headers(document: DocxDocument) -> list[_Header]:
    section = document.sections[-1]
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    return headers


def _page_footers(document: DocxDocument) -> list[_Footer]:
    section = document.sections[-1]
    footers = [section.footer]
    if section.different_first_page_header_footer:
        footers.append(section.first_page_footer)
    return footers


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
    height = LOGO_HEIGHT
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
