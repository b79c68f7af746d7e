"""Everything the dashboard shows, read at once: one unit of work, one connection.

The dashboard is the page shown most often and the one that sums up the whole base, so it
reads what it shows in one go (the pending-questions chart and the open counts from
aggregated queries, the meetings and statements once for the cards and the next 30
days), and a failure shows one message instead of a card each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from weakref import WeakKeyDictionary

from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.services.ai_records import AiToolData
from aiconsult_desktop.services.ai_register import list_tools
from aiconsult_desktop.services.deadlines import Upcoming, upcoming
from aiconsult_desktop.services.employers import list_employers
from aiconsult_desktop.services.meetings import list_meetings
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.question_trend import pending_by_month
from aiconsult_desktop.services.questions import count_open_questions
from aiconsult_desktop.services.records import (
    EmployerData,
    MeetingData,
    OrganisationData,
    StatementData,
)
from aiconsult_desktop.services.statements import list_statements
from aiconsult_desktop.services.transfer import is_empty
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.changes import WriteLog

UPCOMING_DAYS = 30
SHOWN: frozenset[DataKind] = frozenset(
    {"organisation", "employers", "meetings", "questions", "statements", "ai_tools"}
)
"""The kinds of data the dashboard shows: a dossier's fact or a legal ground saved
elsewhere does not make it read again."""


@dataclass(frozen=True)
class DashboardSnapshot:
    organisation: OrganisationData
    employers: list[EmployerData]
    open_questions: dict[int, tuple[int, date]]
    """Per employer id: how many questions are owed an answer, and the oldest date."""
    pending: list[tuple[date, int]]
    """Questions waiting at the end of each month (empty when none is waiting)."""
    meetings: list[MeetingData]
    statements: list[StatementData]
    tools_in_breach: list[AiToolData]
    upcoming: list[Upcoming]
    """Meetings and deadlines of the next UPCOMING_DAYS days."""
    empty: bool
    """Nothing entered yet: the dashboard says where to start."""


@dataclass(frozen=True)
class _Figures:
    tick: int
    today: date
    open_questions: dict[int, tuple[int, date]]
    pending: list[tuple[date, int]]


_FIGURES: WeakKeyDictionary[WriteLog, _Figures] = WeakKeyDictionary()
"""Per store (by its write log, which lives as long as it): the question figures last
read, reused until a question is written or the day changes. Both aggregate every
question: the costliest part of a refresh at 100,000 questions, and needless when a
meeting or a statement was what changed."""


def _question_figures(
    store: Store, today: date
) -> tuple[dict[int, tuple[int, date]], list[tuple[date, int]]]:
    """The open counts per employer and the chart's points, read again only if needed.

    Only this process's writes are known (store/changes.py): on a shared server, where
    others write too, they are read every time.
    """
    kept = _FIGURES.get(store.writes)
    if (
        kept is not None
        and store.path is not None
        and kept.today == today
        and "questions" not in store.writes.kinds_since(kept.tick)
    ):
        return kept.open_questions, kept.pending
    tick = store.writes.tick()
    open_questions = count_open_questions(store)
    pending = pending_by_month(store, today) if open_questions else []
    _FIGURES[store.writes] = _Figures(tick, today, open_questions, pending)
    return open_questions, pending


def read_dashboard(store: Store, today: date) -> DashboardSnapshot:
    with store.transaction():  # every read below shares this session and its connection
        employers = list_employers(store)
        empty = not employers and is_empty(store)
        organisation = get_organisation(store)
        if empty or not employers:  # the "where to start" card alone is shown
            return DashboardSnapshot(organisation, employers, {}, [], [], [], [], [], empty)
        open_questions, pending = _question_figures(store, today)
        meetings = list_meetings(store)
        statements = list_statements(store)
        return DashboardSnapshot(
            organisation=organisation,
            employers=employers,
            open_questions=open_questions,
            pending=pending,
            meetings=meetings,
            statements=statements,
            tools_in_breach=list_tools(store, in_breach=True),
            upcoming=upcoming(
                store, today, UPCOMING_DAYS, meetings=meetings, statements=statements
            ),
            empty=empty,
        )
