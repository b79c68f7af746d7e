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


def pending_by_month(
    store: Store, today: date, months: int = 24, employer_id: int | None = None
) -> list[tuple[date, int]]:
    closed = (
        select(QuestionEvent.question_id, func.min(QuestionEvent.on).label("closed_on"))
        .where(QuestionEvent.kind.in_([kind.value for kind in CLOSING]))
        .group_by(QuestionEvent.question_id)
        .subquery()
    )
    query = select(Question.asked_on, closed.c.closed_on).outerjoin(
        closed, closed.c.question_id == Question.id
    )
    if employer_id is not None:
        query = query.where(Question.employer_id == employer_id)
    with store.session() as session:
        rows = session.execute(query).all()
    asked = sorted(row.asked_on for row in rows)
    closings = sorted(row.closed_on for row in rows if row.closed_on is not None)
    return [
        (end, bisect_right(asked, end) - bisect_right(closings, end))
        for end in month_ends(today, months)
    ]
