"""A statement's text as blocks of formatted spans, and its one canonical Markdown.

Statements are stored as Markdown with footnotes (`mot[^1]` and `[^1]: texte`): readable
in any editor, diffable between versions. The editor (`ui/markdown_qt.py`) and the Word
writer (`export/intervention.py`) both work on this small block model, parsed by
markdown-it-py (`domain/markdown_parse.py`); `to_markdown` writes it back in one dialect,
so that loading then saving a statement changes nothing.

The dialect keeps what users typed in the plain editor before: one paragraph per line
(a single newline separates paragraphs; a list or quotation is followed by a blank line
so the next line is not taken in), `-` bullets, `1.` numbers, `>` quotations, `#`
headings, `**gras**`, `*italique*`, `<u>souligné</u>`, then the notes after a blank line.
Where `**` would not be read back as bold (next to a letter, say), `<b>`/`<i>` are
written instead: the text always reads back as it was.

A blank line the user typed (an empty paragraph, printed as one) is the line `&nbsp;`:
in Markdown a blank line only separates blocks, and texts stored before held blank lines
with that meaning, so an empty paragraph needs a line of its own that every Markdown
reader, markdown-it-py included, reads as a paragraph whose only character is a no-break
space (the HTML entity, readable in any text editor where a bare U+00A0 would not be).
Empty paragraphs at the very start or end of a text are dropped: they print as nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BULLET = "bullet"
    NUMBERED = "numbered"
    QUOTE = "quote"


@dataclass(frozen=True)
class Span:
    """Text in one formatting, or (when `note` is set) the call of a footnote."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    underline: bool = False
    note: tuple[Span, ...] | None = None
    """The note's own text, when this span is a footnote call (`text` is then empty)."""

    @property
    def formats(self) -> tuple[bool, bool, bool]:
        return (self.bold, self.italic, self.underline)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    spans: tuple[Span, ...]
    level: int = 0
    """Heading level, 1 to 3 (0 for other blocks)."""
    new_list: bool = False
    """First item of a numbered list: numbering starts again at 1."""


@dataclass(frozen=True)
class MarkdownDoc:
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return not self.blocks


HEADING_LEVELS = (1, 2, 3)
EMPTY_PARAGRAPH_LINE = "&nbsp;"
"""An empty paragraph in the stored Markdown (see the module's docstring)."""
_LINE_BREAKS = re.compile("[\n\r\u2028\u2029\x0b]")
_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(?:([#>+=-])|(\d+)([.)]))")
_CLOSE_FOLLOWERS = frozenset(".,;:!?)»…'\"’")


# -- normalising -------------------------------------------------------------------------


def normalise_spans(spans: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """One canonical list of spans for what a reader sees.

    Line breaks become spaces, whitespace at the edge of a formatted span is taken out of
    the formatting (Markdown cannot say "bold space"), neighbours in the same format are
    merged and the block's outer whitespace is dropped.
    """
    pieces: list[Span] = []
    for span in spans:
        if span.note is not None:
            note = tuple(s for s in normalise_spans(span.note) if s.note is None)
            if note:  # a note without text is no note
                pieces.append(Span(note=note))
            continue
        text = _LINE_BREAKS.sub(" ", span.text)
        if not text:
            continue
        if any(span.formats) and (text.strip() != text):
            core = text.strip()
            start = text.index(core[0]) if core else len(text)
            head, tail = text[:start], text[start + len(core) :]
            if head:
                pieces.append(Span(head))
            if core:
                pieces.append(replace(span, text=core))
            if tail:
                pieces.append(Span(tail))
        else:
            pieces.append(span)
    merged: list[Span] = []
    for span in pieces:
        if span.note is None and span.text.isspace():
            span = Span(span.text)
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.note is None
            and span.note is None
            and previous.formats == span.formats
        ):
            merged[-1] = replace(previous, text=previous.text + span.text)
        else:
            merged.append(span)
    # Outer whitespace goes, as Markdown drops it around a line.
    while merged and merged[0].note is None and not merged[0].text.strip():
        merged.pop(0)
    while merged and merged[-1].note is None and not merged[-1].text.strip():
        merged.pop()
    if merged and merged[0].note is None and merged[0].text[:1].isspace():
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
    if merged and merged[-1].note is None and merged[-1].text[-1:].isspace():
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return tuple(merged)


def normalise(doc: MarkdownDoc) -> MarkdownDoc:
    """Clamp heading levels, mark where numbered lists start. An empty block is an empty
    paragraph (a blank line the user typed; an empty list item goes), except at the
    start or the end of the text."""
    blocks: list[Block] = []
    for block in doc.blocks:
        spans = normalise_spans(block.spans)
        if not spans:
            if block.kind not in (BlockKind.BULLET, BlockKind.NUMBERED) and blocks:
                blocks.append(Block(BlockKind.PARAGRAPH, ()))
            continue
        level = min(max(block.level, 1), 3) if block.kind is BlockKind.HEADING else 0
        previous = blocks[-1] if blocks else None
        new_list = block.kind is BlockKind.NUMBERED and (
            block.new_list or previous is None or previous.kind is not BlockKind.NUMBERED
        )
        blocks.append(Block(block.kind, spans, level, new_list))
    while blocks and not blocks[-1].spans:
        blocks.pop()
    return MarkdownDoc(tuple(blocks))


# -- plain text --------------------------------------------------------------------------


def plain_text(spans: tuple[Span, ...], *, notes: bool = False) -> str:
    """The spans' text; with `notes`, each note's text in brackets where it is called."""
    parts = []
    for span in spans:
        if span.note is not None:
            if notes:
                parts.append(f" [{plain_text(span.note)}]")
        else:
            parts.append(span.text)
    return "".join(parts)


def word_count(doc: MarkdownDoc) -> int:
    """Words read aloud: the body's words, not the footnotes'."""
    return sum(len(plain_text(block.spans).split()) for block in doc.blocks)


# -- writing Markdown ----------------------------------------------------------------------


def to_markdown(doc: MarkdownDoc) -> str:
    """The canonical Markdown of `doc`; `parse_markdown` reads it back unchanged."""
    doc = normalise(doc)
    lines: list[str] = []
    notes: list[tuple[Span, ...]] = []
    number = 0
    delimiter = "."
    previous: Block | None = None
    for block in doc.blocks:
        if previous is not None:
            container = previous.kind in (BlockKind.BULLET, BlockKind.NUMBERED, BlockKind.QUOTE)
            if container and previous.kind is not block.kind:
                lines.append("")
        text = _inline(block.spans, notes)
        if block.kind is BlockKind.NUMBERED:
            if block.new_list:
                # Two lists in a row are kept apart by changing the delimiter.
                follows_list = previous is not None and previous.kind is BlockKind.NUMBERED
                delimiter = (")" if delimiter == "." else ".") if follows_list else "."
                number = 0
            number += 1
            lines.append(f"{number}{delimiter} {text}")
        elif block.kind is BlockKind.BULLET:
            lines.append(f"- {text}")
        elif block.kind is BlockKind.QUOTE:
            lines.append(f"> {text}")
        elif block.kind is BlockKind.HEADING:
            lines.append(f"{'#' * block.level} {text}")
        else:
            lines.append(text or EMPTY_PARAGRAPH_LINE)
        previous = block
    if notes:
        lines.append("")
        for index, note in enumerate(notes, start=1):
            lines.append(f"[^{index}]: {_inline(note, None)}")
    return "\n".join(lines)


def _inline(spans: tuple[Span, ...], notes: list[tuple[Span, ...]] | None) -> str:
    out: list[str] = []
    for index, span in enumerate(spans):
        if span.note is not None:
            if notes is not None:
                notes.append(span.note)
                out.append(f"[^{len(notes)}]")
            continue
        text = _escape(span.text)
        if index == 0:
            text = _escape_line_start(text)
        elif spans[index - 1].note is not None and text.startswith("("):
            text = "\\" + text  # "[^1](…)" would read as a link, the note lost
        if not any(span.formats):
            out.append(text)
            continue
        before = out[-1][-1] if out and out[-1] else None
        following = spans[index + 1] if index + 1 < len(spans) else None
        after = following.text[:1] if following is not None and following.note is None else None
        if following is not None and following.note is not None:
            after = "["
        if span.underline:
            text = f"<u>{text}</u>"
        markdown = (before is None or before.isspace()) and (
            following is None
            or (after is not None and (after.isspace() or after in _CLOSE_FOLLOWERS))
        )
        if span.italic:
            text = f"*{text}*" if markdown else f"<i>{text}</i>"
        if span.bold:
            text = f"**{text}**" if markdown else f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    if text.endswith("^"):  # "^" then a note call would read as an inline note "^[…]"
        text = text[:-1] + "\\^"
    return _ENTITY_LIKE.sub(r"\\&", text)


def _escape_line_start(text: str) -> str:
    """Keep a paragraph that starts like a list, heading or quotation a paragraph."""
    if text[:1] in ("•", "–") and text[1:2].isspace():
        # Bullets of the plain editor's days (see markdown_parse): kept as a character.
        return f"&#{ord(text[0])};{text[1:]}"
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match.group(1):
        return "\\" + text
    end = match.end(2)
    return text[:end] + "\\" + text[end:]


def inline_markdown(spans: tuple[Span, ...]) -> str:
    """One line of Markdown for `spans` (a note's text: notes inside it are dropped)."""
    return _inline(normalise_spans(spans), None)
