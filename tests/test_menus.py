"""The menu bar does what the pages' own buttons and shortcuts do."""

from __future__ import annotations

import platform

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from aiconsult_desktop import __version__
from aiconsult_desktop.services.backups import list_backups
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import menus
from tests.gui_support import Dialogs, make_window, type_text


def test_the_menu_bar_has_the_four_menus(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["Fichier", "Édition", "Affichage", "Aide"]
    view = window.menuBar().actions()[2].menu()
    shortcuts = [action.shortcut().toString() for action in view.actions()]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 9)]
    view.actions()[2].trigger()
    assert window.stack.currentWidget() is window.questions


def test_new_question_from_the_menu_clicks_the_pages_button(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    window.go_to("dashboard")
    with qtbot.waitSignal(window.questions.new_button.clicked, timeout=2000):
        window.menu_actions["questions"].trigger()
    assert window.stack.currentWidget() is window.questions
    assert window.questions.form_title.text() == window.questions._form_title(None)


def test_undo_from_the_edit_menu_undoes_in_the_focused_field(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.go_to("settings")
    field = window.settings.findChild(QLineEdit)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(qtbot, field, "abc")
    edit = window.menuBar().actions()[1].menu()
    edit.actions()[0].trigger()  # « Annuler »
    assert field.text() == ""


def test_backup_from_the_file_menu(qtbot: QtBot, store: Store, said: Dialogs) -> None:
    assert store.path is not None
    before = len(list_backups(store.path))
    window = make_window(qtbot, store)
    window.menu_actions["backup"].trigger()
    assert len(list_backups(store.path)) == before + 1
    assert said.infos and "Sauvegarde faite" in said.infos[-1]


def test_about_says_version_licence_folder_and_versions(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    text = menus.about_text(window)
    assert store.path is not None
    for expected in (
        __version__,
        "AGPL-3.0-or-later",
        str(store.path.parent),
        f"Qt {qVersion()}",
        platform.python_version(),
    ):
        assert expected in text
