"""Typing in the Questions page's search box runs no search per key: the list follows once
typing pauses, or at once on Entrée (issue 14: the window never held while one types)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.pages.questions import QuestionsPage
from aiconsult_desktop.ui.widgets import TYPING_PAUSE_MS
from tests.gui_support import make_window, type_text
from tests.helpers import counted_queries


@pytest.fixture
def page(qtbot: QtBot, demo_store: Store) -> QuestionsPage:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    return window.questions


def test_typing_reads_nothing_until_it_pauses_then_the_list_follows(
    qtbot: QtBot, demo_store: Store, page: QuestionsPage
) -> None:
    shown = page.view.model()
    everything = shown.rowCount()
    with counted_queries(demo_store) as while_typing:
        type_text(qtbot, page.search, "reconnaissance des émotions")
    assert while_typing == []  # not one query for the 27 keys
    assert shown.rowCount() == everything
    qtbot.waitUntil(lambda: shown.rowCount() == 1)
    assert "1 question" in page.count_label.text()


def test_entree_searches_at_once_and_the_pause_does_not_search_again(
    qtbot: QtBot, demo_store: Store, page: QuestionsPage
) -> None:
    type_text(qtbot, page.search, "reconnaissance des emotions")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.view.model().rowCount() == 1
    with counted_queries(demo_store) as after:
        qtbot.wait(TYPING_PAUSE_MS * 2)
    assert after == []
