"""The dialogs a user opens from the pages are named for a screen reader as the pages are
(issue 12, item 8): every control of each, once it is the active window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.employer_names import employer_name
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.pages import ai_tool_dialogs, question_dialogs
from aiconsult_desktop.ui.pages.ai_rules_dialog import RulesDialog
from aiconsult_desktop.ui.pages.fact_dialog import FactDialog
from aiconsult_desktop.ui.restore_dialog import RestoreDialog
from aiconsult_desktop.ui.search_dialog import SearchDialog
from tests.gui_support import make_window
from tests.test_accessibility import _describe, _spoken_name, _stops

DIALOGS: dict[str, Callable[[MainWindow, Store], QDialog]] = {
    "fait": lambda w, s: FactDialog(s, 1, None, w),
    "événement d'une question": lambda w, _s: question_dialogs.EventDialog(w, 1, []),
    "coller une liste": lambda w, _s: question_dialogs.PasteDialog(
        w, employer_name("Région"), date.today()
    ),
    "étape d'un outil d'IA": lambda w, s: ai_tool_dialogs.EventDialog(w, s, 1, []),
    "règles de l'employeur": lambda w, s: RulesDialog(w, s, 1, "Région"),
    "rechercher partout": lambda w, s: SearchDialog(s, w, w),
    "restaurer": lambda w, s: RestoreDialog(s, w),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_control_of_the_dialog_has_a_name(qtbot: QtBot, demo_store: Store, name: str) -> None:
    window = make_window(qtbot, demo_store)
    dialog = DIALOGS[name](window, demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert {_describe(w) for w in _stops(dialog) if not _spoken_name(w).strip()} == set()
