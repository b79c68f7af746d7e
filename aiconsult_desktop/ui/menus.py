"""The menu bar (Fichier, Édition, Affichage, Aide) and the window's commands.

Each command is ONE QAction, made here and kept in `window.menu_actions`: the menu shows
it, its shortcut belongs to it, and a page's button for the same command triggers it
(`Navigation.command`), so « Nouvelle question » in the menu, the Questions page's
button and Ctrl+N on that page run the same code. Ctrl+N follows the page on screen
(`follow_page`): the menu then shows which « Nouveau » it means.

The menu titles carry no Alt letter: every letter is taken by some page's fields, and a
menu answering the same Alt letter as a field would steal it. F10 opens the menu bar.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from aiconsult_desktop.ui import dialogs, help_dialogs
from aiconsult_desktop.ui.guard import attempt

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow
    from aiconsult_desktop.ui.navigation import CommandName, PageName

NEW_ITEMS: tuple[tuple[CommandName, str, PageName], ...] = (
    ("new_meeting", "Nouvelle &réunion", "meetings"),
    ("new_question", "Nouvelle &question", "questions"),
    ("new_statement", "Nouvelle &déclaration", "statements"),
    ("new_tool", "Nouvel &outil d'IA", "ai_tools"),
)
EDITING = (
    ("&Annuler", QKeySequence.StandardKey.Undo, "undo"),
    ("&Rétablir", QKeySequence.StandardKey.Redo, "redo"),
    ("Co&uper", QKeySequence.StandardKey.Cut, "cut"),
    ("&Copier", QKeySequence.StandardKey.Copy, "copy"),
    ("Co&ller", QKeySequence.StandardKey.Paste, "paste"),
)
NEW_KEYS = QKeySequence.StandardKey.New
EXPORT_KEYS = "Ctrl+E"
SEARCH_KEYS = "Ctrl+K"
"""Key sequences as Qt takes them (a QKeySequence made before the application crashes)."""


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    action.triggered.connect(lambda _checked=False: slot())
    if keys is not None:
        action.setShortcut(QKeySequence(keys))
    menu.addAction(action)
    return action


def build_menus(window: MainWindow, page_actions: list[QAction], quit_action: QAction) -> None:
    """Fill the window's menu bar; `page_actions` are the Ctrl+number actions."""
    bar = window.menuBar()
    commands = window.menu_actions
    file_menu = bar.addMenu("Fichier")
    for name, text, page in NEW_ITEMS:
        commands[name] = _action(window, file_menu, text, partial(new_record, window, page))
    file_menu.addSeparator()
    commands["export"] = _action(
        window, file_menu, "E&xporter…", lambda: export_current(window), EXPORT_KEYS
    )
    commands["backup"] = _action(
        window, file_menu, "&Sauvegarder maintenant", lambda: backup_now(window)
    )
    commands["restore"] = _action(
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
    edit_menu.addSeparator()
    commands["search"] = _action(
        window, edit_menu, "Rec&hercher partout…", lambda: open_search(window), SEARCH_KEYS
    )

    view_menu = bar.addMenu("Affichage")
    for action in page_actions:
        view_menu.addAction(action)

    help_menu = bar.addMenu("Aide")
    commands["shortcuts"] = _action(
        window, help_menu, "&Raccourcis clavier", lambda: help_dialogs.show_shortcuts(window)
    )
    commands["guide"] = _action(
        window,
        help_menu,
        "&Prise en main",
        lambda: help_dialogs.show_guide(window),
        QKeySequence.StandardKey.HelpContents,
    )
    help_menu.addSeparator()
    commands["data_folder"] = _action(
        window, help_menu, "Ouvrir le &dossier des données", lambda: open_data_folder(window)
    )
    commands["log"] = _action(window, help_menu, "Ouvrir le &journal", lambda: open_log(window))
    help_menu.addSeparator()
    commands["about"] = _action(
        window,
        help_menu,
        "À &propos d'AIConsult Desktop",
        lambda: help_dialogs.show_about(window, data_dir(window)),
    )

    open_bar = QAction("Ouvrir la barre de menus", window)
    open_bar.setShortcut(QKeySequence(Qt.Key.Key_F10))
    open_bar.triggered.connect(lambda: bar.setActiveAction(file_menu.menuAction()))
    window.addAction(open_bar)


def follow_page(window: MainWindow, page: PageName) -> None:
    """The page on screen changed: Ctrl+N becomes its « Nouveau », Ctrl+E its export.

    A page's own Ctrl+N would be ambiguous with a window-wide one, so the key moves to the
    command of the page shown (the menu then tells which one it means).
    """
    for name, _text, new_page in NEW_ITEMS:
        keys = QKeySequence(NEW_KEYS if new_page == page else "")
        window.menu_actions[name].setShortcut(keys)
    window.menu_actions["export"].setEnabled(page in EXPORTING_PAGES)


EXPORTING_PAGES: frozenset[PageName] = frozenset(
    {"meetings", "questions", "statements", "ai_tools", "dossiers"}
)
"""The pages with an `export()` method: what « Exporter… » (Ctrl+E) runs on each."""


def new_record(window: MainWindow, page: PageName) -> None:
    """« Nouveau » on its own page, whether from the menu, the page's button or Ctrl+N."""
    window.go_to(page)
    getattr(window, page).new()


def export_current(window: MainWindow) -> None:
    """The export of the page on screen, as its « Exporter… » button does."""
    page: QWidget | None = window.stack.currentWidget()
    export = getattr(page, "export", None)
    if callable(export):
        export()


def open_search(window: MainWindow) -> None:
    """Ctrl+K: one window searching every kind of item, opening the one chosen."""
    from aiconsult_desktop.ui.search_dialog import SearchDialog

    if window.store is None:
        return
    dialog = window.search_dialog
    if not isinstance(dialog, SearchDialog):
        dialog = window.search_dialog = SearchDialog(window.store, window, window)
    dialog.start()


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
    return help_dialogs.about_text(data_dir(window))
