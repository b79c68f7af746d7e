"""How many questions were waiting for an answer at the end of each month.

The dashboard's chart: a union sees at a glance whether the employer's debt of answers
grows. A question counts from the day it was first asked until its first answer, refusal,
withdrawal or "sans objet" (a later relance reopening it is not redrawn).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from sqlalchemy import func, select

from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Question, QuestionEvent

CLOSING = (EventKind.ANSWERED, EventKind.REFUSED, EventKind.WITHDRAWN, EventKind.OBSOLETE)


def month_ends(today: date, months: int) -> list[date]:
    """The last day of each of the `months` months up to today's (today for the current one)."""
    ends = [today]
    first = today.replace(day=1)
    for _ in range(months - 1):
        last = first - timedelta(days=1)
        ends.append(last)
        first = last.replace(day=1)
    return ends[::-1]


def _cumulative(counts: list[tuple[date, int]]) -> tuple[list[date], list[int]]:
    days, totals, running = [], [], 0
    for day, count in sorted(counts):
        running += count
        days.append(day)
        totals.append(running)
    return days, totals


def _up_to(days: list[date], totals: list[int], end: date) -> int:
    index = bisect_right(days, end)
    return totals[index - 1] if index else 0


def pending_by_month(
    store: Store, today: date, months: int = 24, employer_id: int | None = None
) -> list[tuple[date, int]]:
    """Counted per day in SQL (a few thousand rows even for 100,000 questions), then summed."""
    closed = (
        select(QuestionEvent.question_id, func.min(QuestionEvent.on).label("closed_on"))
        .where(QuestionEvent.kind.in_([kind.value for kind in CLOSING]))
        .group_by(QuestionEvent.question_id)
        .subquery()
    )
    asked_query = select(Question.asked_on, func.count()).group_by(Question.asked_on)
    closed_query = select(closed.c.closed_on, func.count()).group_by(closed.c.closed_on)
    if employer_id is not None:  # every event belongs to a question: join only to filter
        asked_query = asked_query.where(Question.employer_id == employer_id)
        closed_query = closed_query.join(Question, Question.id == closed.c.question_id).where(
            Question.employer_id == employer_id
        )
    with store.session() as session:
        asked = _cumulative([(day, n) for day, n in session.execute(asked_query)])
        answered = _cumulative([(day, n) for day, n in session.execute(closed_query)])
    return [
        (end, _up_to(*asked, end) - _up_to(*answered, end)) for end in month_ends(today, months)
    ]
