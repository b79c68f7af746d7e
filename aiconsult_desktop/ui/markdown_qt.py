"""The block model of `domain.markdown_doc` in a QTextDocument, and back.

Qt's own `setMarkdown`/`toMarkdown` drop footnotes and speak another dialect, so the
editor goes through the same block model as the Word writer. In the document:

- a heading is a block with `headingLevel()` (its size comes from a char property the
  reader ignores, so headings are not read back as bold);
- a quotation is a block carrying `QUOTE_PROPERTY`, shown indented;
- lists are QTextLists (decimal: numbered; each list restarts at 1);
- a footnote call is a superscript number whose char format carries the note's text
  (one line of Markdown) in `NOTE_PROPERTY`.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextListFormat,
)

from aiconsult_desktop.domain.markdown_doc import (
    Block,
    BlockKind,
    MarkdownDoc,
    Span,
    inline_markdown,
    normalise,
)
from aiconsult_desktop.domain.markdown_parse import parse_inline
from aiconsult_desktop.domain.text import clean_text
from aiconsult_desktop.services.statement_settings import paragraph_spacing

NOTE_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
QUOTE_PROPERTY = int(QTextFormat.Property.UserProperty) + 2
QUOTE_MARGIN = 28.0
HEADING_SIZE = {1: 3, 2: 2, 3: 1}
NOTE_COLOUR = QColor("#1f5fa8")
_OBJECT = "\ufffc"


def block_format(kind: BlockKind, level: int = 0) -> QTextBlockFormat:
    """A block of `kind`, spaced as the Word export spaces it (`paragraph_spacing`)."""
    fmt = QTextBlockFormat()
    spacing = paragraph_spacing(kind, level)
    fmt.setTopMargin(points_to_pixels(spacing.before))
    fmt.setBottomMargin(points_to_pixels(spacing.after))
    fmt.setLineHeight(
        round(spacing.line * 100), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    if kind is BlockKind.HEADING:
        fmt.setHeadingLevel(level)
    elif kind is BlockKind.QUOTE:
        fmt.setProperty(QUOTE_PROPERTY, True)
        fmt.setLeftMargin(QUOTE_MARGIN)
        fmt.setRightMargin(QUOTE_MARGIN)
    return fmt


def points_to_pixels(points: float) -> float:
    """Block margins are in pixels; fonts in points take the screen's DPI, so do they."""
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0
    return points * dpi / 72.0


def char_format(span: Span, heading_level: int = 0) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if span.bold else QFont.Weight.Normal)
    fmt.setFontItalic(span.italic)
    fmt.setFontUnderline(span.underline)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE.get(heading_level, 0))
    return fmt


def note_format(note: tuple[Span, ...], heading_level: int = 0) -> QTextCharFormat:
    fmt = char_format(Span(), heading_level)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setForeground(NOTE_COLOUR)
    text = inline_markdown(note)
    fmt.setProperty(NOTE_PROPERTY, text)
    fmt.setToolTip(f"Note : {text}")
    return fmt


def fill_document(document: QTextDocument, doc: MarkdownDoc) -> None:
    """Replace `document`'s content with `doc`."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.setBlockFormat(block_format(BlockKind.PARAGRAPH))  # what is typed in an empty one
    _write(cursor, doc, first_block_existing=True)
    renumber_notes(document)


def insert_doc(cursor: QTextCursor, doc: MarkdownDoc) -> None:
    """Insert `doc` at `cursor` (pasted text, pending questions, a template)."""
    if doc.is_empty:
        return
    scratch = QTextDocument()
    fill_document(scratch, doc)
    cursor.insertFragment(QTextDocumentFragment(scratch))
    renumber_notes(cursor.document())


def _write(cursor: QTextCursor, doc: MarkdownDoc, *, first_block_existing: bool) -> None:
    current_list = None
    previous: Block | None = None
    for index, block in enumerate(normalise(doc).blocks):
        fmt = block_format(block.kind, block.level)
        if index == 0 and first_block_existing:
            cursor.setBlockFormat(fmt)
        else:
            cursor.insertBlock(fmt, QTextCharFormat())
        if block.kind in (BlockKind.BULLET, BlockKind.NUMBERED):
            same_list = (
                current_list is not None
                and previous is not None
                and previous.kind is block.kind
                and not block.new_list
            )
            if same_list:
                assert current_list is not None
                current_list.add(cursor.block())
            else:
                style = (
                    QTextListFormat.Style.ListDecimal
                    if block.kind is BlockKind.NUMBERED
                    else QTextListFormat.Style.ListDisc
                )
                list_format = QTextListFormat()
                list_format.setStyle(style)
                current_list = cursor.createList(list_format)
        else:
            current_list = None
        for span in block.spans:
            if span.note is not None:
                cursor.insertText("0", note_format(span.note, block.level))
            else:
                cursor.insertText(span.text, char_format(span, block.level))
        previous = block


def renumber_notes(document: QTextDocument) -> int:
    """Number the note calls 1, 2… in reading order; return how many there are."""
    calls = [(start, length) for start, length, _ in note_calls(document)]
    cursor = QTextCursor(document)
    number = len(calls)
    # From the end, so earlier positions stay valid as lengths change.
    for start, length in reversed(calls):
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != str(number):
            fmt = cursor.charFormat()
            cursor.insertText(str(number), fmt)
        number -= 1
    return len(calls)


def note_calls(document: QTextDocument) -> list[tuple[int, int, str]]:
    """(position, length, note text) of each note call, in reading order."""
    calls = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                value = fragment.charFormat().property(NOTE_PROPERTY)
                if isinstance(value, str) and value:
                    calls.append((fragment.position(), fragment.length(), value))
            iterator += 1
        block = block.next()
    return calls


def read_document(document: QTextDocument, *, pasted: bool = False) -> MarkdownDoc:
    """The blocks of `document`. With `pasted` (HTML from Word or a web page), indented
    blocks are quotations and bold in headings is the heading's look, not emphasis."""
    blocks: list[Block] = []
    seen_lists: set[int] = set()
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        text_list = block.textList()
        level = min(fmt.headingLevel(), 3)
        if text_list is not None:
            numbered = text_list.format().style() in _NUMBERED_STYLES
            kind = BlockKind.NUMBERED if numbered else BlockKind.BULLET
            key = id(text_list)
            new_list = text_list.itemNumber(block) == 0 or key not in seen_lists
            seen_lists.add(key)
            level = 0
        elif level > 0:
            kind, new_list = BlockKind.HEADING, False
        elif fmt.property(QUOTE_PROPERTY) or (pasted and fmt.leftMargin() >= QUOTE_MARGIN):
            kind, new_list = BlockKind.QUOTE, False
        else:
            kind, new_list = BlockKind.PARAGRAPH, False
        spans = _spans(block, keep_bold=not (pasted and kind is BlockKind.HEADING))
        blocks.append(Block(kind, spans, level, new_list))
        block = block.next()
    return normalise(MarkdownDoc(tuple(blocks)))


_NUMBERED_STYLES = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


def _spans(block: object, *, keep_bold: bool) -> tuple[Span, ...]:
    spans: list[Span] = []
    iterator = block.begin()  # type: ignore[attr-defined]
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        note = fmt.property(NOTE_PROPERTY)
        if isinstance(note, str) and note:
            spans.append(Span(note=parse_inline(note)))
            continue
        text = clean_text(fragment.text().replace(_OBJECT, ""))
        spans.append(
            Span(
                text,
                bold=keep_bold and fmt.fontWeight() >= int(QFont.Weight.DemiBold),
                italic=fmt.fontItalic(),
                underline=fmt.fontUnderline(),
            )
        )
    return tuple(spans)
