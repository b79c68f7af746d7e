"""The menu bar does what the pages' own buttons and shortcuts do."""

from __future__ import annotations

import platform
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTextBrowser
from pytestqt.qtbot import QtBot

from aiconsult_desktop import __version__
from aiconsult_desktop.services.backups import list_backups
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import help_dialogs, locale, menus
from tests.gui_support import CTRL, Dialogs, make_window, type_text


def test_the_menu_bar_has_the_four_menus(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["Fichier", "Édition", "Affichage", "Aide"]
    view = window.menuBar().actions()[2].menu()
    shortcuts = [action.shortcut().toString() for action in view.actions()]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 9)]
    view.actions()[2].trigger()
    assert window.stack.currentWidget() is window.questions


NEW_COMMANDS = [
    ("new_meeting", "meetings"),
    ("new_question", "questions"),
    ("new_statement", "statements"),
    ("new_tool", "ai_tools"),
]


def _titles(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_each_menu_lists_its_commands(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    file_menu, edit, _view, help_menu = (a.menu() for a in window.menuBar().actions())
    assert _titles(file_menu) == [
        "Nouvelle réunion",
        "Nouvelle question",
        "Nouvelle déclaration",
        "Nouvel outil d'IA",
        "Exporter…",
        "Sauvegarder maintenant",
        "Restaurer une sauvegarde…",
        "Quitter",
    ]
    assert _titles(edit) == [
        "Annuler",
        "Rétablir",
        "Couper",
        "Copier",
        "Coller",
        "Rechercher partout…",
    ]
    assert window.menu_actions["search"].shortcut().toString() == "Ctrl+K"
    assert _titles(help_menu) == [
        "Raccourcis clavier",
        "Prise en main",
        "Ouvrir le dossier des données",
        "Ouvrir le journal",
        "À propos d'AIConsult Desktop",
    ]


@pytest.mark.parametrize(("command", "page_name"), NEW_COMMANDS)
def test_new_from_the_menu_is_the_pages_button_and_its_ctrl_n(
    qtbot: QtBot, demo_store: Store, command: str, page_name: str
) -> None:
    window = make_window(qtbot, demo_store)
    action = window.menu_actions[command]
    page = getattr(window, page_name)
    window.go_to("dashboard")
    assert action.shortcut().isEmpty()  # Ctrl+N means « Nouveau » of the page shown
    action.trigger()
    assert window.stack.currentWidget() is page
    assert page.editing is None and page.form_title.text() == page._form_title(None)
    assert action.shortcut().toString() == "Ctrl+N"
    # The page's button is the same command: clicking it triggers the menu's action.
    page.view.selectRow(0)
    assert page.editing is not None
    with qtbot.waitSignal(action.triggered, timeout=2000):
        page.new_button.click()
    assert page.editing is None
    page.view.selectRow(0)
    page.view.setFocus()
    with qtbot.waitSignal(action.triggered, timeout=2000):
        qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL)
    assert page.editing is None


def test_export_from_the_file_menu_is_the_pages_export_button(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_store)
    export = window.menu_actions["export"]
    window.go_to("dashboard")
    assert not export.isEnabled()  # nothing to export on the dashboard
    window.go_to("questions")
    said.save_to = tmp_path / "menu.csv"
    export.trigger()
    qtbot.waitUntil(lambda: len(said.infos) == 1)  # written off the GUI thread
    said.save_to = tmp_path / "bouton.csv"
    with qtbot.waitSignal(export.triggered, timeout=2000):
        window.questions.export_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 2)
    assert said.errors == []
    menu_rows = (tmp_path / "menu.csv").read_text(encoding="utf-8-sig")
    assert menu_rows == (tmp_path / "bouton.csv").read_text(encoding="utf-8-sig")
    for page_name, button in (
        ("statements", "export_button"),
        ("ai_tools", "sheet_button"),
        ("dossiers", None),
    ):
        page = getattr(window, page_name)
        window.open_page(page)
        assert export.isEnabled()
        if button is not None:
            with qtbot.waitSignal(export.triggered, timeout=2000):
                monkey_calls: list[str] = []
                page.export = lambda n=page_name, c=monkey_calls: c.append(n)
                getattr(page, button).click()
            assert monkey_calls == [page_name]


def test_settings_buttons_are_the_menus_restore_and_folder(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, store)
    settings = window.settings
    window.open_page(settings)
    opened: list[str] = []
    monkeypatch.setattr(settings, "open_backups", lambda: opened.append("sauvegardes"))
    monkeypatch.setattr(menus, "open_data_folder", lambda _w: opened.append("dossier"))
    with qtbot.waitSignal(window.menu_actions["restore"].triggered, timeout=2000):
        settings.restore_button.click()
    with qtbot.waitSignal(window.menu_actions["data_folder"].triggered, timeout=2000):
        settings.open_folder_button.click()
    window.menu_actions["restore"].trigger()
    assert opened == ["sauvegardes", "dossier", "sauvegardes"]


def test_the_shortcuts_list_is_read_from_every_action(qtbot: QtBot, store: Store) -> None:
    # As the app starts: Qt's French, so the list says « Ctrl+Maj+E » (whichever test ran first).
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale.install_french(app)
    window = make_window(qtbot, store)
    window.menu_actions["shortcuts"].trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, help_dialogs.ShortcutsDialog)
    rows = help_dialogs.shortcut_rows(window)
    assert dialog.table.rowCount() == len(rows)
    listed = {(row.keys, row.description) for row in rows}
    native = QKeySequence.SequenceFormat.NativeText
    # Every action of the window and of every page that answers a key is in the list,
    # with a description: a shortcut added without one fails here.
    for action in window.findChildren(QAction):
        if action.shortcut().isEmpty():
            continue
        description = help_dialogs.describe(action)
        assert description, action.shortcut().toString()
        assert (action.shortcut().toString(native), description) in listed
    for shortcut in window.findChildren(QShortcut):
        assert shortcut.whatsThis(), shortcut.key().toString()
        assert (shortcut.key().toString(native), shortcut.whatsThis()) in listed
    by_keys = {row.keys: row for row in rows}
    assert by_keys["Ctrl+E"].description == "Exporter…"
    assert by_keys["Ctrl+K"].description == "Rechercher partout…"
    assert by_keys["F10"].where == "Partout"
    assert by_keys["Ctrl+Maj+E"].where == "Page « Déclarations »"
    news = [row for row in rows if row.keys == "Ctrl+N"]
    assert ("Nouvelle question", "Page « Questions »") in {
        (row.description, row.where) for row in news
    }
    save = next(row for row in rows if row.keys == "Ctrl+S" and "Questions" in row.where)
    assert "« Calendrier »" in save.where and save.where.startswith("Pages ")


def test_getting_started_guide(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.menu_actions["guide"].trigger()
    dialog = window.help_dialog
    assert dialog is not None and dialog.windowTitle() == "Prise en main"
    text = dialog.findChild(QTextBrowser).toPlainText()
    for expected in ("Paramètres", "Questions", "Déclarations", "Ctrl+K", "sauvegarde"):
        assert expected in text


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
