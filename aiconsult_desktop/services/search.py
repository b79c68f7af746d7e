"""Search everywhere (Ctrl+K): questions, statements, meetings, AI tools, facts, dossiers.

Accents, case and ligatures do not matter (« reunion » finds « Réunion », « oeuvre »
finds « œuvre »). The database does the filtering, so a base of 100,000 questions is never
read into Python: questions through their full-text index (SQLite FTS5, which folds
accents; each « oe »/« ae » is also tried as « œ »/« æ », which FTS5 does not fold), the
other kinds through `folded(column) LIKE '%mot%'`. Only a few candidates of each kind
come back, the most recent first; they are then ranked here: words in the title before
words in the text, a word's start before its middle, the whole phrase first of all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import product
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, literal, select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.collation import fold
from aiconsult_desktop.domain.enums import DatePrecision, LabelledEnum, QuestionState, StatementKind
from aiconsult_desktop.domain.facts import FactKind
from aiconsult_desktop.domain.french import day_month_year, month_year
from aiconsult_desktop.services.question_search import in_fts, search_words, text_condition
from aiconsult_desktop.store.ai_models import AiTool
from aiconsult_desktop.store.dossier_models import Fact
from aiconsult_desktop.store.folding import folded
from aiconsult_desktop.store.fts import TEXT_COLUMNS
from aiconsult_desktop.store.models import Dossier, Employer, Meeting, Question, Statement

if TYPE_CHECKING:
    from aiconsult_desktop.services.opening import Store

CANDIDATES = 60
"""Rows of each kind the database hands over for ranking (the most recent first)."""
PER_KIND = 8
"""Results of each kind shown: enough to choose from, few enough to read."""
SNIPPET = 90


class SearchKind(LabelledEnum):
    """What a result is; its label heads its group in the Ctrl+K window."""

    QUESTION = ("question", "Questions")
    STATEMENT = ("statement", "Déclarations")
    MEETING = ("meeting", "Réunions")
    TOOL = ("tool", "Outils d'IA")
    FACT = ("fact", "Faits")
    DOSSIER = ("dossier", "Dossiers")


@dataclass(frozen=True)
class SearchHit:
    """One item found, as the results list shows it and the window opens it."""

    kind: SearchKind
    id: int
    title: str
    when: str
    """« 5 juin 2025 », « mars 2025 », or "" for what has no date (a dossier)."""
    context: str
    """Where it belongs and the words found: « Région… · En attente », an extract…"""
    score: float
    on: date | None = None
    parent_id: int | None = None
    """The statement's meeting, the fact's dossier: where the item is shown."""


@dataclass(frozen=True)
class _Found:
    """A candidate row, before ranking."""

    id: int
    title: str
    body: str
    on: date | None
    month_only: bool
    context: str
    parent_id: int | None = None


def search(store: Store, typed: str, per_kind: int = PER_KIND) -> list[SearchHit]:
    """The best matches of every kind for what was typed, best first; [] for no word."""
    words = [fold(word) for word in search_words(typed)]
    if not words:
        return []
    phrase = " ".join(words)
    hits: list[SearchHit] = []
    with store.session() as session:
        dialect = session.get_bind().dialect.name
        for kind, finder in _FINDERS.items():
            found = finder(session, typed, words, dialect)
            ranked = sorted(
                (_hit(kind, row, words, phrase) for row in found),
                key=lambda hit: (hit.score, hit.on or date.min),
                reverse=True,
            )
            hits += [hit for hit in ranked if hit.score > 0][:per_kind]
    return sorted(hits, key=lambda hit: (hit.score, hit.on or date.min), reverse=True)


# Ranking -----------------------------------------------------------------------------


def _word_starts(folded_text: str, word: str) -> bool:
    return re.search(rf"(?<![^\W_]){re.escape(word)}", folded_text) is not None


def _score(title: str, body: str, words: Sequence[str], phrase: str) -> float:
    """Title before text, a word's start before its middle, the whole phrase above all.

    0 when a word is in neither (the database's candidate matched in a field not shown).
    """
    folded_title, folded_body = fold(title), fold(body)
    score = 0.0
    for word in words:
        if _word_starts(folded_title, word):
            score += 4
        elif word in folded_title:
            score += 3
        elif _word_starts(folded_body, word):
            score += 2
        elif word in folded_body:
            score += 1
        else:
            return 0.0
    if len(words) > 1 and phrase in folded_title:
        score += 3
    elif len(words) > 1 and phrase in folded_body:
        score += 1
    if folded_title.startswith(phrase):
        score += 2
    return score


def _hit(kind: SearchKind, row: _Found, words: Sequence[str], phrase: str) -> SearchHit:
    when = ""
    if row.on is not None:
        when = month_year(row.on) if row.month_only else day_month_year(row.on)
    context = row.context
    extract = snippet(row.body, words)
    if extract and not all(word in fold(row.title) for word in words):
        context = f"{context} · {extract}" if context else extract
    return SearchHit(
        kind=kind,
        id=row.id,
        title=_one_line(row.title, 300),
        when=when,
        context=context,
        score=_score(row.title, row.body, words, phrase),
        on=row.on,
        parent_id=row.parent_id,
    )


def _one_line(value: str, limit: int) -> str:
    line = " ".join(re.sub(r"[*#>_`]+", " ", value).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def snippet(body: str, words: Sequence[str], width: int = SNIPPET) -> str:
    """The words around the first folded `words` found in `body` (« …texte… »); ""."""
    clean = _one_line(body, 1_000_000)
    folded_chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(clean):
        for folded_char in fold(char):
            folded_chars.append(folded_char)
            origin.append(index)
    folded_body = "".join(folded_chars)
    positions = [folded_body.find(word) for word in words if word in folded_body]
    if not positions:
        return ""
    at = origin[min(positions)]
    start = max(0, at - width // 3)
    if start > 0:  # whole words only: from the first space before the match
        start = clean.find(" ", start, at) + 1 or at
    end = min(len(clean), start + width)
    if end < len(clean):
        end = clean.rfind(" ", at, end) if clean.rfind(" ", at, end) > at else end
    extract = clean[start:end].strip()
    return ("…" if start > 0 else "") + extract + ("…" if end < len(clean) else "")


# What the database is asked -------------------------------------------------------------


def _all_words(columns: Iterable[Any], words: Sequence[str]) -> ColumnElement[bool]:
    """Every word somewhere in these columns, folded on both sides."""
    joined: Any = literal("")
    for column in columns:
        joined = joined + " " + column
    haystack = folded(joined)
    return and_(*(haystack.like(f"%{word}%") for word in words))


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def ligature_variants(word: str) -> list[str]:
    """« oeuvre » → [« oeuvre », « œuvre »]: FTS5 folds accents, not ligatures."""
    parts = re.split(r"(oe|ae)", word)
    choices = [
        (part, {"oe": "œ", "ae": "æ"}[part]) if part in ("oe", "ae") else (part,) for part in parts
    ]
    return ["".join(combination) for combination in product(*choices)][:8]


def _fts_expression(words: Sequence[str]) -> str:
    groups = []
    for word in words:
        variants = " OR ".join(f'"{variant}"*' for variant in ligature_variants(word))
        groups.append(f"({variants})")
    return f"{TEXT_COLUMNS} : (" + " AND ".join(groups) + ")"


def _questions(session: Session, typed: str, words: Sequence[str], dialect: str) -> list[_Found]:
    condition: Any
    if dialect == "sqlite":
        condition = in_fts(_fts_expression(words))
    else:
        condition = text_condition(typed, dialect=dialect)
    query = (
        select(Question.id, Question.text, Question.answer, Question.asked_on, Question.state)
        .add_columns(Employer.name)
        .join(Employer, Employer.id == Question.employer_id)
        .where(condition)
        .order_by(Question.asked_on.desc())
        .limit(CANDIDATES)
    )
    return [
        _Found(
            id=row.id,
            title=row.text,
            body=row.answer,
            on=row.asked_on,
            month_only=False,
            context=f"{row.name} · {QuestionState.parse(row.state).label}",
        )
        for row in session.execute(query)
    ]


def _statements(session: Session, _typed: str, words: Sequence[str], _dialect: str) -> list[_Found]:
    query = (
        select(Statement.id, Statement.title, Statement.text, Statement.kind, Statement.meeting_id)
        .add_columns(Meeting.title.label("meeting"), Meeting.starts_at, Meeting.date_precision)
        .join(Meeting, Meeting.id == Statement.meeting_id)
        .where(_all_words((Statement.title, Statement.text), words))
        .order_by(Meeting.starts_at.desc(), Statement.id.desc())
        .limit(CANDIDATES)
    )
    return [
        _Found(
            id=row.id,
            title=row.title,
            body=row.text,
            on=_day(row.starts_at),
            month_only=row.date_precision == DatePrecision.MONTH.value,
            context=f"{StatementKind.parse(row.kind).label} · {row.meeting}",
            parent_id=row.meeting_id,
        )
        for row in session.execute(query)
    ]


def _meetings(session: Session, _typed: str, words: Sequence[str], _dialect: str) -> list[_Found]:
    query = (
        select(Meeting.id, Meeting.title, Meeting.place, Meeting.notes, Meeting.starts_at)
        .add_columns(Meeting.date_precision, Employer.name)
        .join(Employer, Employer.id == Meeting.employer_id)
        .where(_all_words((Meeting.title, Meeting.place, Meeting.notes), words))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(CANDIDATES)
    )
    return [
        _Found(
            id=row.id,
            title=row.title,
            body=f"{row.place} {row.notes}",
            on=_day(row.starts_at),
            month_only=row.date_precision == DatePrecision.MONTH.value,
            context=" · ".join(part for part in (row.name, row.place) if part),
        )
        for row in session.execute(query)
    ]


def _tools(session: Session, _typed: str, words: Sequence[str], _dialect: str) -> list[_Found]:
    columns = (AiTool.name, AiTool.vendor, AiTool.purpose, AiTool.services, AiTool.notes)
    query = (
        select(*columns, AiTool.id, Employer.name.label("employer"))
        .join(Employer, Employer.id == AiTool.employer_id)
        .where(_all_words(columns, words))
        .order_by(AiTool.id.desc())
        .limit(CANDIDATES)
    )
    return [
        _Found(
            id=row.id,
            title=row.name,
            body=" ".join((row.vendor, row.purpose, row.services, row.notes)),
            on=None,
            month_only=False,
            context=" · ".join(part for part in (row.employer, row.vendor) if part),
        )
        for row in session.execute(query)
    ]


def _facts(session: Session, _typed: str, words: Sequence[str], _dialect: str) -> list[_Found]:
    columns = (Fact.title, Fact.extract, Fact.comment, Fact.source)
    query = (
        select(*columns, Fact.id, Fact.on, Fact.date_precision, Fact.kind, Fact.dossier_id)
        .add_columns(Dossier.title.label("dossier"))
        .join(Dossier, Dossier.id == Fact.dossier_id)
        .where(_all_words(columns, words))
        .order_by(Fact.on.desc(), Fact.id.desc())
        .limit(CANDIDATES)
    )
    return [
        _Found(
            id=row.id,
            title=row.title,
            body=" ".join((row.extract, row.comment, row.source)),
            on=row.on,
            month_only=row.date_precision == DatePrecision.MONTH.value,
            context=f"{FactKind.parse(row.kind).label} · Dossier « {row.dossier} »",
            parent_id=row.dossier_id,
        )
        for row in session.execute(query)
    ]


def _dossiers(session: Session, _typed: str, words: Sequence[str], _dialect: str) -> list[_Found]:
    columns = (Dossier.title, Dossier.description, Dossier.analysis)
    query = (
        select(*columns, Dossier.id)
        .where(_all_words(columns, words))
        .order_by(Dossier.title)
        .limit(CANDIDATES)
    )
    return [
        _Found(
            id=row.id,
            title=row.title,
            body=f"{row.description} {row.analysis}",
            on=None,
            month_only=False,
            context=_one_line(row.description, 80),
        )
        for row in session.execute(query)
    ]


_FINDERS: dict[SearchKind, Callable[[Session, str, Sequence[str], str], list[_Found]]] = {
    SearchKind.QUESTION: _questions,
    SearchKind.STATEMENT: _statements,
    SearchKind.MEETING: _meetings,
    SearchKind.TOOL: _tools,
    SearchKind.FACT: _facts,
    SearchKind.DOSSIER: _dossiers,
}
