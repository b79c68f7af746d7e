"""The salutation that opens a déclaration liminaire (« Monsieur le Président, … »).

It is part of the statement's text: the first paragraph, seen and edited in the editor,
exported as written. The organisation's setting (Paramètres) only gives the line a new
déclaration liminaire starts with; nothing is added at export.
"""

from __future__ import annotations

from aiconsult_desktop.domain.markdown_doc import Block, BlockKind, MarkdownDoc, Span, to_markdown

DEFAULT_SALUTATION = "Monsieur le Président, Mesdames et Messieurs les membres du comité,"
"""What the export used to add above every déclaration liminaire (migration 0012)."""

SALUTATION_CHOICES = (
    DEFAULT_SALUTATION,
    "Madame la Présidente, Mesdames et Messieurs les membres du comité,",
    "Monsieur le Président,",
    "Madame la Présidente,",
    "Monsieur le Maire,",
    "Madame la Maire,",
    "Mesdames et Messieurs,",
)
"""Offered in Paramètres; the user may type any other."""


def with_salutation(text: str, salutation: str) -> str:
    """`text` (Markdown) opened by `salutation` as a paragraph of its own (escaped, so a
    salutation that starts like a list or a heading stays a sentence)."""
    line = to_markdown(MarkdownDoc((Block(BlockKind.PARAGRAPH, (Span(salutation),)),)))
    if not line:
        return text
    return f"{line}\n\n{text}" if text.strip() else line
