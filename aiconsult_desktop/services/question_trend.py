"""How many questions were waiting for an answer at the end of each month.

The dashboard's chart: a union sees at a glance whether the employer's debt of answers
grows. A question counts from the day it was first asked until its first answer, refusal,
withdrawal or "sans objet" (a later relance reopening it is not redrawn).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from sqlalchemy import func, select

from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Question
from aiconsult_desktop.store.tallies import CLOSING, DAY_TALLY


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
    """Read from the per-day tally the database keeps (`store.tallies`): a few thousand
    rows even for 100,000 questions; one employer's, counted per day in SQL."""
    if employer_id is None:
        asked_query = select(DAY_TALLY.c.day, DAY_TALLY.c.asked).where(DAY_TALLY.c.asked != 0)
        closed_query = select(DAY_TALLY.c.day, DAY_TALLY.c.closed).where(DAY_TALLY.c.closed != 0)
    else:
        asked_query = (
            select(Question.asked_on, func.count())
            .where(Question.employer_id == employer_id)
            .group_by(Question.asked_on)
        )
        closed_query = (
            select(CLOSING.c.closed_on, func.count())
            .join(Question, Question.id == CLOSING.c.question_id)
            .where(Question.employer_id == employer_id)
            .group_by(CLOSING.c.closed_on)
        )
    with store.session() as session:
        asked = _cumulative([(day, n) for day, n in session.execute(asked_query)])
        answered = _cumulative([(day, n) for day, n in session.execute(closed_query)])
    return [
        (end, _up_to(*asked, end) - _up_to(*answered, end)) for end in month_ends(today, months)
    ]
