"""The pages come back as the user arranged them: where they dragged a splitter, how wide
they made a column, which column they sorted by (issue 12, item 1)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import window_state
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.pages.question_model import DATE_COLUMN
from tests.gui_support import type_text


def _window(qtbot: QtBot, store: Store, data_dir: Path) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window, before_close_func=lambda w: [p.discard() for p in w.pages])
    window.remember_in(data_dir)
    window.show()
    window.setGeometry(QRect(30, 40, 1200, 700))
    return window


def _names(window: MainWindow) -> list[str]:
    view_model = window.ai_tools.view.model()
    return [view_model.index(row, 0).data() for row in range(view_model.rowCount())]


def test_splitters_columns_and_sort_come_back_after_a_restart(
    qtbot: QtBot, demo_store: Store, data_dir: Path
) -> None:
    first = _window(qtbot, demo_store, data_dir)
    first.go_to("ai_tools")
    first.ai_tools.new()
    type_text(qtbot, first.ai_tools.form.name, "Albert")
    first.ai_tools.save()
    first.ai_tools.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert _names(first) == ["LigérIA", "Albert"]
    first.go_to("meetings")
    meetings = first.meetings
    meetings.splitter.setSizes([250, 700])
    arranged = meetings.splitter.sizes()
    first.go_to("questions")
    first.questions.view.setColumnWidth(DATE_COLUMN, 233)
    first.close()

    second = _window(qtbot, demo_store, data_dir)
    second.go_to("meetings")
    assert second.meetings.splitter.sizes() == arranged
    second.go_to("questions")
    assert second.questions.view.columnWidth(DATE_COLUMN) == 233
    second.go_to("ai_tools")
    header = second.ai_tools.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )
    assert _names(second) == ["LigérIA", "Albert"]


def test_a_page_not_shown_keeps_what_an_earlier_start_saved(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    first = _window(qtbot, store, data_dir)
    first.go_to("questions")
    first.questions.splitter.setSizes([300, 650])
    arranged = first.questions.splitter.sizes()
    first.close()

    _window(qtbot, store, data_dir).close()  # a start that never opens « Questions »

    third = _window(qtbot, store, data_dir)
    third.go_to("questions")
    assert third.questions.splitter.sizes() == arranged


def test_a_saved_table_of_other_columns_is_not_applied(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    """After an update that changed a table's columns, the old widths are dropped, not
    spread over the wrong columns."""
    first = _window(qtbot, store, data_dir)
    first.go_to("questions")
    default = first.questions.view.columnWidth(DATE_COLUMN)
    first.questions.view.setColumnWidth(DATE_COLUMN, 233)
    first.close()
    settings = QSettings(str(data_dir / window_state.SETTINGS_FILE), QSettings.Format.IniFormat)
    assert str(settings.value("questions/tableau0-colonnes")) == "6"
    settings.setValue("questions/tableau0-colonnes", 5)
    settings.sync()

    second = _window(qtbot, store, data_dir)
    second.go_to("questions")
    assert second.questions.view.columnWidth(DATE_COLUMN) == default
