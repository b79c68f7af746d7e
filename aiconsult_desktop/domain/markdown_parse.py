"""Reading a statement's Markdown into the block model of `domain.markdown_doc`.

markdown-it-py (CommonMark) with mdit-py-plugins' footnotes does the parsing; this
module only walks its tokens. The plugin's last step, which moves note definitions to
the end and drops those nobody calls, is switched off: a definition nobody calls stays
in the text as typed (losing a sentence silently is worse than printing `[^3]: …`), and
a call to an unknown note stays literal, as the plugin leaves it.

Nested structures are flattened to what a statement needs: a line in a quotation is a
quoted paragraph, a list inside a list continues it, a second paragraph of a list item
joins the item.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from aiconsult_desktop.domain.markdown_doc import (
    Block,
    BlockKind,
    MarkdownDoc,
    Span,
    normalise,
    normalise_spans,
)

_CONTAINER_LINE = re.compile(r"^ {0,3}(?:[-+*•–]|\d{1,9}[.)]|>)(?:\s|$)")
_OLD_BULLET = re.compile(r"^( {0,3})[•–](?=\s)")
_TAG = re.compile(r"^<(/?)(b|strong|i|em|u)\s*>$", re.IGNORECASE)
_BREAK = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_SPLIT = Span(text="\x00split")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).use(footnote_plugin)
    md.disable("footnote_tail")
    return md


def parse_markdown(text: str) -> MarkdownDoc:
    """The blocks of `text` (any Markdown; the stored dialect reads back exactly)."""
    env: dict[str, Any] = {}
    tokens = _parser().parse(_one_paragraph_per_line(text), env)
    return _Walker(tokens, env).document()


def parse_inline(text: str) -> tuple[Span, ...]:
    """The spans of one line of Markdown (a note's text), notes inside it dropped."""
    doc = parse_markdown(text.replace("\n", " "))
    spans: list[Span] = []
    for block in doc.blocks:
        if spans:
            spans.append(Span(" "))
        spans.extend(s for s in block.spans if s.note is None)
    return normalise_spans(spans)


class _Walker:
    def __init__(self, tokens: list[Token], env: dict[str, Any]) -> None:
        self._env = env
        self._definitions: dict[str, list[Token]] = {}
        self._flat_notes: dict[str, tuple[Span, ...]] = {}
        self._called: set[str] = set()
        self._body: list[Token] = []
        self._unused: list[tuple[str, list[Token]]] = []
        label: str | None = None
        for token in tokens:
            if token.type == "footnote_reference_open":
                label = str(token.meta["label"])
                self._definitions.setdefault(label, [])
            elif token.type == "footnote_reference_close":
                label = None
            elif label is not None:
                self._definitions[label].append(token)
            else:
                self._body.append(token)
        for token in self._body:
            for child in token.children or []:
                if child.type == "footnote_ref" and "label" in child.meta:
                    self._called.add(str(child.meta["label"]))

    def document(self) -> MarkdownDoc:
        blocks: list[Block] = []
        stack: list[str] = []
        item_block: int | None = None  # index in `blocks` of the open list item's block
        new_list = False
        heading = 0
        for token in self._body:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
                stack.append(kind.removesuffix("_open"))
                new_list = new_list or kind == "ordered_list_open"
            elif kind in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
                stack.pop()
            elif kind == "list_item_open":
                item_block = None
            elif kind == "heading_open":
                heading = int(token.tag[1:])
            elif kind == "heading_close":
                heading = 0
            elif kind == "inline" or kind in ("code_block", "fence", "html_block"):
                spans = (
                    self._spans(token.children or []) if kind == "inline" else _lines(token.content)
                )
                container = _container(stack)
                if container in ("bullet_list", "ordered_list"):
                    joined = [Span(" ") if s is _SPLIT else s for s in spans]
                    if item_block is not None and item_block == len(blocks) - 1:
                        old = blocks[item_block]
                        blocks[item_block] = Block(
                            old.kind, (*old.spans, Span(" "), *joined), 0, old.new_list
                        )
                        continue
                    block_kind = (
                        BlockKind.NUMBERED if container == "ordered_list" else BlockKind.BULLET
                    )
                    blocks.append(Block(block_kind, tuple(joined), 0, new_list))
                    new_list = False
                    item_block = len(blocks) - 1
                elif container == "blockquote":
                    blocks.extend(Block(BlockKind.QUOTE, part) for part in _split(spans))
                elif heading:
                    joined = [Span(" ") if s is _SPLIT else s for s in spans]
                    blocks.append(Block(BlockKind.HEADING, tuple(joined), min(heading, 3)))
                else:
                    blocks.extend(Block(BlockKind.PARAGRAPH, part) for part in _split(spans))
        for label, tokens in self._definitions.items():
            if label not in self._called:
                text = self._flat(tokens)
                blocks.append(Block(BlockKind.PARAGRAPH, (Span(f"[^{label}]: "), *text)))
        return normalise(MarkdownDoc(tuple(blocks)))

    def _flat(self, tokens: list[Token]) -> tuple[Span, ...]:
        """A note's text on one line, whatever blocks it was written in."""
        spans: list[Span] = []
        for token in tokens:
            if token.type == "inline":
                if spans:
                    spans.append(Span(" "))
                spans.extend(
                    Span(" ") if s is _SPLIT else s
                    for s in self._spans(token.children or [], notes=False)
                )
        return normalise_spans(spans)

    def _spans(self, children: list[Token], *, notes: bool = True) -> list[Span]:
        bold = italic = underline = 0
        spans: list[Span] = []

        def add(text: str) -> None:
            spans.append(Span(text, bold > 0, italic > 0, underline > 0))

        for child in children:
            kind = child.type
            if kind in ("text", "code_inline"):
                add(child.content)
            elif kind in ("softbreak", "hardbreak"):
                spans.append(_SPLIT)
            elif kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind == "image":
                add(child.content)
            elif kind == "html_inline":
                tag = _TAG.match(child.content.strip())
                if tag is None:
                    if _BREAK.match(child.content.strip()):
                        spans.append(_SPLIT)
                    else:
                        add(child.content)
                    continue
                step = -1 if tag.group(1) else 1
                name = tag.group(2).lower()
                if name in ("b", "strong"):
                    bold = max(bold + step, 0)
                elif name in ("i", "em"):
                    italic = max(italic + step, 0)
                else:
                    underline = max(underline + step, 0)
            elif kind == "footnote_ref" and notes:
                spans.append(Span(note=self._note(child)))
            # link_open/close and the like: their text comes as text tokens.
        return spans

    def _note(self, reference: Token) -> tuple[Span, ...]:
        label = reference.meta.get("label")
        if label is not None and str(label) in self._definitions:
            key = str(label)
            if key not in self._flat_notes:  # a note called many times is read once
                self._flat_notes[key] = self._flat(self._definitions[key])
            return self._flat_notes[key]
        # An inline note `^[texte]`: the plugin keeps its tokens in the environment.
        entries = self._env.get("footnotes", {}).get("list", {})
        entry = entries.get(reference.meta.get("id"), {})
        return normalise_spans(self._spans(entry.get("tokens", []), notes=False))


def _one_paragraph_per_line(text: str) -> str:
    """Read text typed in the plain editor as it was meant.

    There, each line was a paragraph and `•` a bullet: a line right after a list item or
    a quotation is a new paragraph, not (as CommonMark's "lazy continuation" would have
    it) more of the item. A blank line is put between them; an indented line still
    continues the item.
    """
    lines = text.split("\n")
    out: list[str] = []
    previous_container = False
    for line in lines:
        line = _OLD_BULLET.sub(r"\1-", line)
        container = bool(_CONTAINER_LINE.match(line))
        if previous_container and not container and line.strip() and not line[:1].isspace():
            out.append("")
        out.append(line)
        previous_container = container and bool(line.strip())
    return "\n".join(out)


def _lines(content: str) -> list[Span]:
    """A code or HTML block's lines, as text."""
    spans: list[Span] = []
    for line in content.rstrip("\n").split("\n"):
        if spans:
            spans.append(_SPLIT)
        if line:
            spans.append(Span(line))
    return spans


def _container(stack: list[str]) -> str | None:
    if "blockquote" in stack:
        return "blockquote"
    return stack[-1] if stack else None


def _split(spans: list[Span]) -> list[tuple[Span, ...]]:
    """Lines of a paragraph: each one is a paragraph of its own in a statement."""
    parts: list[list[Span]] = [[]]
    for span in spans:
        if span is _SPLIT:
            parts.append([])
        else:
            parts[-1].append(span)
    return [tuple(part) for part in parts if part]
