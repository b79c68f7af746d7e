"""The dashboard's chart of pending questions month by month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.services import question_events, questions
from aiconsult_desktop.services.question_trend import month_ends, pending_by_month
from aiconsult_desktop.services.records import QuestionEventData
from aiconsult_desktop.store import Store, open_store
from aiconsult_desktop.ui.charts import PendingChart
from tests.gui_support import make_window
from tests.helpers import base_at_revision


def test_month_ends_run_up_to_today() -> None:
    assert month_ends(date(2025, 3, 14), 4) == [
        date(2024, 12, 31),
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 14),
    ]


def test_questions_count_from_asked_until_answered(demo_store: Store) -> None:
    first = questions.list_questions(demo_store)[0]  # asked 3 Oct 2024
    question_events.save_event(
        demo_store,
        QuestionEventData(
            question_id=first.id or 0, kind=EventKind.ANSWERED, on=date(2025, 1, 10), text="Oui."
        ),
    )
    counts = dict(pending_by_month(demo_store, date(2025, 6, 20), months=10))
    assert counts[date(2024, 9, 30)] == 0
    assert counts[date(2024, 10, 31)] == 3  # the three questions of 3 October
    assert counts[date(2024, 12, 31)] == 4  # + 11 December
    assert counts[date(2025, 1, 31)] == 3  # one answered on 10 January
    assert counts[date(2025, 5, 31)] == 11  # + the eight of 15 May
    assert counts[date(2025, 6, 20)] == 11


def test_the_dashboard_shows_the_chart(qtbot: QtBot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    chart = window.dashboard.findChild(QWidget, "pendingChart")
    assert isinstance(chart, PendingChart)
    assert chart.points[-1][1] == 12 and len(chart.points) == 24
    assert "aujourd'hui : 12" in chart.toolTip()
    assert not chart.grab().isNull()


def test_a_base_of_revision_0012_gets_the_chart_index_and_the_same_chart(tmp_path: Path) -> None:
    """Migration 0013 adds the index the chart reads; the questions and events are kept."""
    path = tmp_path / "old.sqlite3"
    base_at_revision(path, "0012")
    store = open_store(path)
    indexes = {index["name"] for index in sa.inspect(store.engine).get_indexes("question_event")}
    assert "ix_question_event_question_kind_on" in indexes
    assert pending_by_month(store, date(2025, 4, 20), months=4) == [
        (date(2025, 1, 31), 1),
        (date(2025, 2, 28), 2),
        (date(2025, 3, 31), 1),
        (date(2025, 4, 20), 1),
    ]
    store.close()
