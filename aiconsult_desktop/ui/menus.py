"""The menu bar: Fichier, Édition, Affichage, Aide.

Each menu entry is one QAction whose shortcut is the one the user already knows, and it
does what the page's own button does (it clicks that button, or calls the navigation the
pages use), so a menu never has a second version of a feature.

The menu titles carry no Alt letter: every letter is taken by some page's fields, and a
menu answering the same Alt letter as a field would steal it. F10 opens the menu bar.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from aiconsult_desktop import __version__
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow
    from aiconsult_desktop.ui.navigation import PageName

NEW_ITEMS: tuple[tuple[str, PageName], ...] = (
    ("Nouvelle &réunion", "meetings"),
    ("Nouvelle &question", "questions"),
    ("Nouvelle &déclaration", "statements"),
    ("Nouvel &outil d'IA", "ai_tools"),
)
EDITING = (
    ("&Annuler", QKeySequence.StandardKey.Undo, "undo"),
    ("&Rétablir", QKeySequence.StandardKey.Redo, "redo"),
    ("Co&uper", QKeySequence.StandardKey.Cut, "cut"),
    ("&Copier", QKeySequence.StandardKey.Copy, "copy"),
    ("Co&ller", QKeySequence.StandardKey.Paste, "paste"),
)


def _action(window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow, page_actions: list[QAction], quit_action: QAction) -> None:
    """Fill the window's menu bar; `page_actions` are the Ctrl+number actions."""
    bar = window.menuBar()
    file_menu = bar.addMenu("Fichier")
    for text, page in NEW_ITEMS:
        action = _action(window, file_menu, text, partial(new_record, window, page))
        window.menu_actions[page] = action
    file_menu.addSeparator()
    backup = _action(window, file_menu, "&Sauvegarder maintenant", lambda: backup_now(window))
    window.menu_actions["backup"] = backup
    window.menu_actions["restore"] = _action(
        window, file_menu, "Res&taurer une sauvegarde…", lambda: window.settings.open_backups()
    )
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu("Édition")
    for text, key, method in EDITING:
        action = _action(window, edit_menu, text, partial(_on_focus, method))
        action.setShortcut(QKeySequence(key))
        # Shown in the menu as a reminder; the field with the focus answers the keys itself.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    view_menu = bar.addMenu("Affichage")
    for action in page_actions:
        view_menu.addAction(action)

    help_menu = bar.addMenu("Aide")
    window.menu_actions["folder"] = _action(
        window, help_menu, "Ouvrir le &dossier des données", lambda: open_data_folder(window)
    )
    window.menu_actions["log"] = _action(
        window, help_menu, "Ouvrir le &journal", lambda: open_log(window)
    )
    help_menu.addSeparator()
    window.menu_actions["about"] = _action(
        window, help_menu, "À &propos d'AIConsult Desktop", lambda: show_about(window)
    )

    open_bar = QAction(window)
    open_bar.setShortcut(QKeySequence(Qt.Key.Key_F10))
    open_bar.triggered.connect(lambda: bar.setActiveAction(file_menu.menuAction()))
    window.addAction(open_bar)


def new_record(window: MainWindow, page: PageName) -> None:
    """As the page's « Nouveau » button: its own click, on its own page."""
    window.go_to(page)
    getattr(window, page).new_button.click()


def _on_focus(method: str) -> None:
    """Undo, copy… in the field that has the focus, as its own shortcut would."""
    widget = QApplication.focusWidget()
    if widget is not None and callable(getattr(widget, method, None)):
        getattr(widget, method)()


def data_dir(window: MainWindow) -> Path | None:
    """The local data folder (None on a shared server without one remembered)."""
    if window.store is not None and window.store.path is not None:
        return window.store.path.parent
    return window.memory_dir


def backup_now(window: MainWindow) -> None:
    from aiconsult_desktop.services.backups import make_backup

    if window.store is None or window.store.path is None:
        dialogs.show_info(
            window,
            "Les données sont sur le serveur partagé : elles sont sauvegardées sur le "
            "serveur, pas sur cet ordinateur.",
        )
        return
    path = window.store.path
    made = attempt(window, lambda: make_backup(path))
    if made is not None:
        dialogs.show_info(window, f"Sauvegarde faite dans le fichier :\n{made}", "Sauvegarde")


def open_data_folder(window: MainWindow) -> None:
    folder = data_dir(window)
    if folder is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def open_log(window: MainWindow) -> None:
    from aiconsult_desktop.paths import LOG_FILE

    folder = data_dir(window)
    if folder is None:
        return
    log = folder / LOG_FILE
    if not log.exists():
        dialogs.show_info(window, f"Le journal est encore vide : rien n'a été écrit dans\n{log}")
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log)))


def about_text(window: MainWindow) -> str:
    folder = data_dir(window)
    return (
        f"<h3>AIConsult Desktop {__version__}</h3>"
        "<p>Préparer les instances (CST, F3SCT) : réunions, questions, déclarations, "
        "outils d'IA.</p>"
        "<p>Logiciel libre sous licence <b>AGPL-3.0-or-later</b> (GNU Affero General "
        "Public License, version 3 ou ultérieure).</p>"
        f"<p>Dossier des données : {folder if folder else 'serveur partagé'}</p>"
        f"<p>Qt {qVersion()} · PySide6 {pyside_version} · Python "
        f"{platform.python_version()} ({sys.platform})</p>"
    )


def show_about(window: MainWindow) -> None:
    QMessageBox.about(window, "À propos d'AIConsult Desktop", about_text(window))
