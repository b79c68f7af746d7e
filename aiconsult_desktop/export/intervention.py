"""Word export of one statement (intervention, déclaration liminaire, motion…).

Layout (docs: DOMAIN.md, "Format of an exported intervention"): the organisation in the
header, the title in capitals, an optional subtitle, "Extrait", the body, the pending
questions, then the signature and place/date on the right. Nothing is added that the
editor does not show: a déclaration liminaire's salutation is the first paragraph of its
text. The body is the statement's Markdown, read into blocks by `domain.markdown_parse`
(the same model the editor shows): paragraphs, headings, bullets, numbered lists (each
starting again at 1), quotations, bold, italics, underline and real Word footnotes.

The template gives the page, styles, header and footer; its own body is replaced (as
pandoc does with a reference document). Every style is looked up by name and, when a
union's letterhead lacks it, replaced by direct formatting, so any `.docx` works.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm, Length, Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from lxml import etree

from aiconsult_desktop.domain.markdown_doc import Block, BlockKind, Span, plain_text
from aiconsult_desktop.domain.markdown_parse import parse_markdown
from aiconsult_desktop.domain.typography import glue_spans, typeset
from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.export.docx_bidi import is_right_to_left, set_bidi
from aiconsult_desktop.export.docx_io import open_template, save_document
from aiconsult_desktop.export.docx_metadata import scrub_package, set_core_properties
from aiconsult_desktop.export.docx_runs import append_run
from aiconsult_desktop.export.docx_styles import find_style
from aiconsult_desktop.export.docx_text import clean_for_docx, one_line_for_docx
from aiconsult_desktop.export.footnotes import FootnoteWriter
from aiconsult_desktop.export.page_frame import fill_footer, fill_header

_LOG = logging.getLogger(__name__)

EXCERPT_MENTION = "Extrait"
QUESTIONS_HEADING = "Questions en attente de réponse"


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
    InterventionWriter(document).write(doc)
    save_document(document, path)


class InterventionWriter:
    """Lays out statements in one document (one for an intervention, several for a
    meeting pack); `write` adds the header, footer and document properties."""

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._styles: dict[str, BaseStyle | None] = {}
        self._numberings: dict[str, int | None] = {}
        self._notes = FootnoteWriter(document)
        self._clear_body()

    def write(self, doc: InterventionDocument) -> None:
        self.write_statement(doc)
        self.finish(doc.organisation_name, doc.heading.upper(), doc.logo_path)

    def write_statement(
        self, doc: InterventionDocument, *, in_pack: bool = False, under: str = ""
    ) -> None:
        """Title, body and signature of one statement; in a meeting pack its own title
        (else the composed one) is a second-level heading under its agenda item."""
        title = one_line_for_docx(doc.heading)
        subtitle = one_line_for_docx(doc.subtitle)
        if in_pack:
            # The pack's title already names the organisation, body and date: each
            # statement is headed by its own title.
            heading = subtitle or title
            if heading and heading.casefold() != under.casefold():  # not "Déclaration
                self._paragraph(_HEADINGS[2], heading)  # liminaire" twice in a row
            subtitle = ""
        elif title:
            self._paragraph(_TITLE, title.upper())
        if subtitle:
            self._paragraph(_SUBTITLE, subtitle)
        if doc.excerpt:
            self._paragraph(_MENTION, EXCERPT_MENTION)
        last = self.write_body(clean_for_docx(doc.body))
        if doc.pending_questions:
            self._paragraph(_HEADINGS[2], QUESTIONS_HEADING)
            numbering = self._new_numbering()
            for number, question in enumerate(doc.pending_questions, start=1):
                spans = (Span(one_line_for_docx(question)),)
                last = self._list_item(_NUMBERED_ITEM, spans, numbering, f"{number}. ")
        self.sign(doc.signature, doc.place_date, after=last)

    def sign(self, signature: str, place_date: str, *, after: Paragraph | None) -> None:
        """The signature and place/date on the right, kept on the page of `after` (the
        last paragraph of the text): never a signature alone on a last page."""
        if after is not None:
            after.paragraph_format.keep_with_next = True
        if signature := one_line_for_docx(signature):
            self._paragraph(_SIGNATURE, signature)
        if place_date := one_line_for_docx(place_date):
            self._paragraph(_PLACE_DATE, place_date)

    # -- body -----------------------------------------------------------------------

    def write_body(self, body: str) -> Paragraph | None:
        """The statement's Markdown as Word paragraphs; returns the last one written."""
        last: Paragraph | None = None
        numbering: int | None = None
        number = 0
        for block in parse_markdown(body).blocks:
            if block.kind is BlockKind.NUMBERED:
                if block.new_list:
                    numbering, number = self._new_numbering(), 0
                number += 1
                last = self._list_item(_NUMBERED_ITEM, block.spans, numbering, f"{number}. ")
            elif block.kind is BlockKind.BULLET:
                last = self._list_item(_BULLET_ITEM, block.spans, None, "• ")
            else:
                last = self._paragraph(_block_look(block), block.spans)
        return last

    def _list_item(
        self, look: _Look, spans: tuple[Span, ...], num_id: int | None, marker: str
    ) -> Paragraph:
        """A list item; without the template's list style, the marker stays as text."""
        style = self._style(look.style)
        if style is None or self._numbering_of(style) is None:
            paragraph = self._paragraph(_NORMAL, (Span(marker), *spans))
            paragraph.paragraph_format.left_indent = look.indent
            paragraph.paragraph_format.first_line_indent = -Cm(0.5)
            return paragraph
        paragraph, p = self._new_paragraph(style)
        if is_right_to_left(plain_text(spans)):
            set_bidi(p)
        if num_id is not None:
            num_pr = p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        self._inline(p, spans, None)
        return paragraph

    def heading(self, level: int, text: str, *, new_page: bool = False) -> Paragraph:
        paragraph = self._paragraph(_HEADINGS[level], one_line_for_docx(text))
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def title(self, text: str) -> Paragraph:
        return self._paragraph(_TITLE, one_line_for_docx(text).upper())

    def paragraph(self, spans: tuple[Span, ...]) -> Paragraph:
        return self._paragraph(_NORMAL, spans)

    def numbered_list(self, items: list[tuple[Span, ...]]) -> Paragraph | None:
        """A list numbered from 1; returns its last item."""
        numbering = self._new_numbering()
        last = None
        for number, spans in enumerate(items, start=1):
            last = self._list_item(_NUMBERED_ITEM, spans, numbering, f"{number}. ")
        return last

    def finish(self, organisation: str, title: str, logo: Path | None = None) -> None:
        """Header, footer and document properties, once everything is written."""
        organisation = one_line_for_docx(organisation)
        fill_header(self._document, organisation, logo, self._style("Header"))
        fill_footer(self._document, self._style("Footer"))
        set_core_properties(self._document, author=organisation, title=one_line_for_docx(title))
        scrub_package(self._document)

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

    def _paragraph(self, look: _Look, content: str | tuple[Span, ...]) -> Paragraph:
        """A paragraph in `look`'s style, or in its direct formatting when the template
        has no such style. `content` is plain text or formatted spans."""
        style = self._style(look.style) if look.style != "Normal" else None
        fallback = look if style is None and look.style != "Normal" else None
        paragraph, p = self._new_paragraph(style)
        text = content if isinstance(content, str) else plain_text(content)
        if is_right_to_left(text):
            set_bidi(p)
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
        self._inline(p, (Span(content),) if isinstance(content, str) else content, fallback)
        return paragraph

    def _inline(self, p: CT_P, spans: tuple[Span, ...], fallback: _Look | None) -> None:
        """Runs for `spans`, with their bold, italics, underline and footnotes, in French
        typography (`domain.typography`): the stored text is never changed."""
        bold = fallback.bold if fallback else False
        italic = fallback.italic if fallback else False
        size = fallback.size if fallback else None
        texts = glue_spans([span.text for span in spans])
        before = ""
        for span, text in zip(spans, texts, strict=True):
            if span.note is not None:
                self._add_note(p, span.note)
                continue
            append_run(
                p,
                typeset(text, before),
                bold=bold or span.bold,
                italic=italic or span.italic,
                underline=span.underline,
                size=size,
            )
            before = text

    def _add_note(self, p: CT_P, spans: tuple[Span, ...]) -> None:
        note = self._notes.add(p)
        size = Pt(9) if self._notes.needs_direct_size else None
        texts = glue_spans([span.text for span in spans])
        before = ""
        for span, text in zip(spans, texts, strict=True):
            if span.note is None:
                append_run(
                    note,
                    typeset(text, before),
                    bold=span.bold,
                    italic=span.italic,
                    underline=span.underline,
                    size=size,
                )
                before = text

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


def _block_look(block: Block) -> _Look:
    if block.kind is BlockKind.HEADING:
        return _HEADINGS[block.level]
    if block.kind is BlockKind.QUOTE:
        return _QUOTATION
    return _NORMAL


def _style_numbering(style: BaseStyle) -> int | None:
    """The list a paragraph style is bound to (`w:numPr/w:numId` in its definition)."""
    values = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None
