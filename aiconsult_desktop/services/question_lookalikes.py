"""Questions of an employer that look like the one being typed: candidates for a relance
rather than a new question."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy import text as sa_text

from aiconsult_desktop.services.questions import get_question
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Question


def similar_questions(
    store: Store, employer_id: int, text: str, exclude: int | None = None, limit: int = 5
) -> list[QuestionData]:
    """Questions of this employer that look like `text`: candidates for a relance."""
    from aiconsult_desktop.domain.similarity import look_alikes, words

    wanted = words(text)
    if len(wanted) < 3:
        return []
    # Narrow with the full-text index (any of the words), then score the few candidates.
    with store.session() as session:
        query = select(Question.id, Question.text).where(Question.employer_id == employer_id)
        if session.get_bind().dialect.name == "sqlite":
            from aiconsult_desktop.store.fts import FTS_TABLE

            any_word = " OR ".join(f'"{w}"*' for w in sorted(wanted))
            query = query.where(
                Question.id.in_(
                    select(sa_text("rowid"))
                    .select_from(sa_text(FTS_TABLE))
                    .where(sa_text(f"{FTS_TABLE} MATCH :q").bindparams(q=any_word))
                )
            ).limit(2_000)
        candidates = [(i, t) for i, t in session.execute(query) if i != exclude]
    matches = look_alikes(text, candidates, limit=limit)
    return [get_question(store, m.id) for m in matches]
