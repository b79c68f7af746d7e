"""Turning what a user typed into a safe full-text query over questions.

Whatever is typed ("l'IA", `"`, `*`, `(`, a lone accent…) becomes a list of plain words,
each quoted for FTS5 and matched as a prefix, all required: no user text ever reaches
the MATCH syntax as operators, so nothing typed can raise an SQL error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, TextClause, and_, func, literal_column, or_, select, text

if TYPE_CHECKING:
    from aiconsult_desktop.services.rows import AnySelect
from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.store.fts import FTS_TABLE, PG_SEARCH_CONFIG, STATE_COLUMN, TEXT_COLUMNS
from aiconsult_desktop.store.models import Question

_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 20


def search_words(typed: str) -> list[str]:
    """Words as FTS5's unicode61 tokenizer would cut them (accents kept: it folds them)."""
    normalised = unicodedata.normalize("NFC", typed)
    return _WORD.findall(normalised)[:MAX_WORDS]


def match_expression(typed: str, states: Iterable[QuestionState] | None = None) -> str | None:
    """ "reconnaissance des emotions" → '{text answer} : ("reconnaissance"* "des"* "emotions"*)'.

    With `states`, the FTS5 query also requires one of them (the index holds each
    question's state). None when nothing searchable was typed.
    """
    words = search_words(typed)
    if not words:
        return None
    expression = f"{TEXT_COLUMNS} : (" + " ".join(f'"{word}"*' for word in words) + ")"
    if states:
        wanted = " OR ".join(sorted(state.value for state in states))
        expression += f" AND {STATE_COLUMN} : ({wanted})"
    return expression


def fts_rowids(expression: str) -> AnySelect:
    """The ids of the questions an FTS5 query matches (SQLite only)."""
    return (
        select(text("rowid"))
        .select_from(text(FTS_TABLE))
        .where(text(f"{FTS_TABLE} MATCH :fts_query").bindparams(fts_query=expression))
    )


def fts_count(expression: str) -> AnySelect:
    """How many questions an FTS5 query matches, from the index alone."""
    return (
        select(func.count())
        .select_from(text(FTS_TABLE))
        .where(text(f"{FTS_TABLE} MATCH :fts_query").bindparams(fts_query=expression))
    )


def in_fts(expression: str) -> ColumnElement[bool]:
    """`question.id` among the matches, written `+question.id` on purpose.

    The unary plus keeps SQLite from reading every match's row by id and sorting them
    all: it walks the date index instead (oldest first, as listed) and stops at the end
    of the page, probing the matches as it goes. On 47,000 matches: 60 ms → 18 ms.
    """
    return literal_column("+question.id").in_(fts_rowids(expression))


def text_condition(typed: str, *, dialect: str) -> ColumnElement[bool] | TextClause | None:
    """A WHERE condition on Question for the typed words; None when nothing to search.

    On SQLite, `in_fts(match_expression(...))` does the same and can take the states.
    """
    words = search_words(typed)
    if not words:
        return None
    if dialect == "postgresql":
        # French stemming with accents folded (configuration made by migration 0005); the
        # words are letters and digits only, each quoted, so nothing typed is an operator.
        query = " & ".join(f"'{word}':*" for word in words)
        return text(
            f"to_tsvector('{PG_SEARCH_CONFIG}', question.text || ' ' || question.answer) "
            f"@@ to_tsquery('{PG_SEARCH_CONFIG}', :pg_query)"
        ).bindparams(pg_query=query)
    if dialect == "sqlite":
        expression = match_expression(typed)
        assert expression is not None
        return in_fts(expression)
    # Any other engine: case-insensitive LIKE, accents not folded.
    return and_(
        *(
            or_(Question.text.ilike(f"%{word}%"), Question.answer.ilike(f"%{word}%"))
            for word in words
        )
    )
