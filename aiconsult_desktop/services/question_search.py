"""Turning what a user typed into a safe full-text query over questions.

Whatever is typed ("l'IA", `"`, `*`, `(`, a lone accent…) becomes a list of plain words,
each quoted for FTS5 and matched as a prefix, all required: no user text ever reaches
the MATCH syntax as operators, so nothing typed can raise an SQL error.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, and_, or_, select, text

from aiconsult_desktop.store.fts import FTS_TABLE, PG_SEARCH_CONFIG
from aiconsult_desktop.store.models import Question

_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 20


def search_words(typed: str) -> list[str]:
    """Words as FTS5's unicode61 tokenizer would cut them (accents kept: it folds them)."""
    normalised = unicodedata.normalize("NFC", typed)
    return _WORD.findall(normalised)[:MAX_WORDS]


def match_expression(typed: str) -> str | None:
    """ "reconnaissance des emotions" → '"reconnaissance"* "des"* "emotions"*' (or None)."""
    words = search_words(typed)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def text_condition(typed: str, *, dialect: str) -> ColumnElement[bool] | None:
    """A WHERE condition on Question for the typed words; None when nothing to search."""
    expression = match_expression(typed)
    if expression is None:
        return None
    if dialect == "postgresql":
        # French stemming with accents folded (configuration made by migration 0005); the
        # words are letters and digits only, each quoted, so nothing typed is an operator.
        query = " & ".join(f"'{word}':*" for word in search_words(typed))
        return text(
            f"to_tsvector('{PG_SEARCH_CONFIG}', question.text || ' ' || question.answer) "
            f"@@ to_tsquery('{PG_SEARCH_CONFIG}', :pg_query)"
        ).bindparams(pg_query=query)
    if dialect == "sqlite":
        matching = (
            select(text("rowid"))
            .select_from(text(FTS_TABLE))
            .where(text(f"{FTS_TABLE} MATCH :fts_query").bindparams(fts_query=expression))
        )
        return Question.id.in_(matching)
    # Any other engine: case-insensitive LIKE, accents not folded.
    return and_(
        *(
            or_(Question.text.ilike(f"%{word}%"), Question.answer.ilike(f"%{word}%"))
            for word in search_words(typed)
        )
    )
