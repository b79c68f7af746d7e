"""Ctrl+K: type, Entrée, and the item is open on its own page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aiconsult_desktop.services.search import SearchKind
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.search_dialog import HINT, SearchDialog
from tests.gui_support import CTRL, make_window, type_text
from tests.search_data import WORDS, one_of_each

PAGES = {
    SearchKind.QUESTION: "questions",
    SearchKind.STATEMENT: "statements",
    SearchKind.MEETING: "meetings",
    SearchKind.TOOL: "ai_tools",
    SearchKind.FACT: "dossiers",
    SearchKind.DOSSIER: "dossiers",
}


def _ctrl_k(qtbot: QtBot, window: MainWindow) -> SearchDialog:
    window.activateWindow()  # offscreen gives it back only when asked, once a dialog closed
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_K, CTRL)
    dialog = window.search_dialog
    assert isinstance(dialog, SearchDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.box.hasFocus)
    return dialog


@pytest.mark.parametrize("kind", list(SearchKind))
def test_ctrl_k_type_enter_opens_the_item_on_its_page(
    qtbot: QtBot, store: Store, kind: SearchKind
) -> None:
    ids = one_of_each(store)
    window = make_window(qtbot, store)
    window.go_to("dashboard")
    dialog = _ctrl_k(qtbot, window)
    assert dialog.status.text() == HINT
    type_text(qtbot, dialog.box, WORDS[kind][0])
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    page = getattr(window, PAGES[kind])
    assert window.stack.currentWidget() is page
    if kind is SearchKind.FACT:
        assert page.editing_id() == ids[SearchKind.DOSSIER]
        assert page.selected_fact() == ids[SearchKind.FACT]
    else:
        assert page.editing_id() == ids[kind]


def test_arrows_choose_escape_closes_and_nothing_found_says_so(qtbot: QtBot, store: Store) -> None:
    ids = one_of_each(store)
    window = make_window(qtbot, store)
    dialog = _ctrl_k(qtbot, window)
    type_text(qtbot, dialog.box, "reunion")
    qtbot.waitUntil(lambda: dialog.status.text() != HINT)
    assert (
        dialog.status.text() == "Aucun résultat pour « reunion ». Vérifiez l'orthographe, "
        "essayez un autre mot ou le début d'un mot seulement."
    )
    assert dialog.results.count() == 0
    qtbot.keyClick(dialog.box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    assert _ctrl_k(qtbot, window) is dialog and dialog.box.selectedText() == "reunion"
    type_text(qtbot, dialog.box, "e")  # in every item: each kind under its own title
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    assert sorted(dialog.headings()) == sorted(kind.label for kind in SearchKind)
    first = dialog.current_hit()
    assert first is not None
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    second = dialog.current_hit()
    assert second is not None and second != first
    qtbot.keyClick(dialog.box, Qt.Key.Key_Up)
    assert dialog.current_hit() == first
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.box, Qt.Key.Key_Enter)
    assert window.stack.currentWidget() is getattr(window, PAGES[second.kind])
    assert second.id in ids.values()
