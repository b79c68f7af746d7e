"""The Aide menu's windows: keyboard shortcuts, getting started, about.

The shortcuts list is read from the window's QActions themselves (the menus', the
window's and every page's), never written by hand: a shortcut added to a page shows
here with the description its action carries, and one that carries none is a bug a test
catches.
"""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop import __version__

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow

EVERYWHERE = "Partout"
NATIVE = QKeySequence.SequenceFormat.NativeText
_SHORTCUT_IN_TIP = re.compile(r"\s*\([^()]*\)\s*$")


class ShortcutRow(NamedTuple):
    keys: str
    description: str
    where: str


def describe(action: QAction) -> str:
    """What an action does, in the words its menu entry or tooltip uses."""
    text = action.text().replace("&", "").strip()
    tip = _SHORTCUT_IN_TIP.sub("", action.toolTip()).strip()
    # An explicit tooltip says more than a toolbar's short label (« G » → « Gras »).
    return tip if len(tip) > len(text) else text


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += _menu_actions(submenu)
        elif not action.isSeparator():
            found.append(action)
    return found


def shortcut_rows(window: MainWindow) -> list[ShortcutRow]:
    """Every shortcut of the window: menus first, then each page's own keys.

    Builds every page (their keys exist once they do). The same key doing the same thing
    on several pages (Ctrl+S) is one row naming those pages.
    """
    from aiconsult_desktop.ui.main_window import PAGES
    from aiconsult_desktop.ui.menus import NEW_ITEMS, NEW_KEYS

    new_pages = {window.menu_actions[name]: page for name, _text, page in NEW_ITEMS}
    titles = {spec.attribute: spec.title for spec in PAGES}
    rows: list[ShortcutRow] = []
    seen: set[QAction] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in _menu_actions(menu):
            seen.add(action)
            keys = action.shortcut()
            where = EVERYWHERE
            if action in new_pages:
                keys, where = QKeySequence(NEW_KEYS), f"Page « {titles[new_pages[action]]} »"
            if not keys.isEmpty():
                rows.append(ShortcutRow(keys.toString(NATIVE), describe(action), where))
    for action in window.actions():
        if action not in seen and not action.shortcut().isEmpty():
            seen.add(action)
            keys_text = action.shortcut().toString(NATIVE)
            rows.append(ShortcutRow(keys_text, describe(action), EVERYWHERE))
    places: dict[tuple[str, str], list[str]] = {}
    for spec, page in zip(PAGES, window.pages, strict=True):
        found = [(a.shortcut(), describe(a)) for a in page.findChildren(QAction) if a not in seen]
        # A bare QShortcut says what it does in its « What's this? » text.
        found += [(s.key(), s.whatsThis()) for s in page.findChildren(QShortcut)]
        for sequence, description in found:
            if sequence.isEmpty():
                continue
            key = (sequence.toString(NATIVE), description)
            if spec.title not in places.setdefault(key, []):
                places[key].append(spec.title)
    for (shown, description), pages in places.items():
        where = ", ".join(f"« {title} »" for title in pages)
        rows.append(ShortcutRow(shown, description, f"Page{'s' if len(pages) > 1 else ''} {where}"))
    return rows


def close_buttons() -> QDialogButtonBox:
    """« Fermer », in French even where Qt's own translation is missing."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    if close is not None:
        close.setText("Fermer")
    return buttons


class ShortcutsDialog(QDialog):
    """A table of every shortcut: key, what it does, where it works."""

    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Raccourcis clavier")
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Raccourci", "Action", "Où"])
        self.table.setAccessibleName("Raccourcis clavier")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = close_buttons()
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 560)


GUIDE = """
<h2>Prise en main</h2>
<p>AIConsult Desktop garde au même endroit ce que vous préparez pour les instances
(CST, F3SCT…) : les réunions, les questions posées à l'employeur, vos déclarations et le
suivi des outils d'IA. Tout est enregistré sur cet ordinateur (ou sur le serveur partagé
de votre section) à chaque changement de fiche ; Ctrl+S enregistre tout de suite.</p>
<ol>
<li><b>Paramètres</b> (Ctrl+8) : le nom de votre organisation, sa ligne de signature et
son logo. Ils figurent dans chaque document exporté.</li>
<li><b>Employeurs et instances</b> (Ctrl+7) : l'employeur que vous suivez, ses instances
(CST, F3SCT…) et leurs délais.</li>
<li><b>Calendrier</b> (Ctrl+2) : les séances et réunions, avec leur ordre du jour ; les
échéances (convocation, documents, procès-verbal) se calculent seules.</li>
<li><b>Questions</b> (Ctrl+3) : chaque question posée, sa date et la réponse de
l'employeur. Celles restées sans réponse forment la liste de relance.</li>
<li><b>Déclarations</b> (Ctrl+4) : écrivez une déclaration liminaire ou une intervention,
insérez les questions sans réponse, puis exportez-la en Word ou en PDF (Ctrl+E).</li>
<li><b>Outils d'IA</b> (Ctrl+5) et <b>Dossiers</b> (Ctrl+6) : ce que l'employeur déploie,
ce qu'il devait faire avant, et la chronologie d'un sujet suivi sur plusieurs mois.</li>
</ol>
<p><b>Retrouver quelque chose :</b> Ctrl+K cherche partout à la fois (questions,
déclarations, réunions, outils, faits, dossiers), avec ou sans accents.</p>
<p><b>Ne rien perdre :</b> une sauvegarde est faite automatiquement ; Fichier › Sauvegarder
maintenant en fait une tout de suite et Fichier › Restaurer une sauvegarde… revient à
l'une d'elles.</p>
<p>La liste complète des raccourcis est dans Aide › Raccourcis clavier.</p>
"""


def guide_dialog(parent: QWidget | None = None) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Prise en main")
    text = QTextBrowser()
    text.setAccessibleName("Guide de prise en main")
    text.setHtml(GUIDE)
    buttons = close_buttons()
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(640, 560)
    return dialog


def show_shortcuts(window: MainWindow) -> None:
    dialog = ShortcutsDialog(shortcut_rows(window), window)
    window.help_dialog = dialog
    dialog.open()


def show_guide(window: MainWindow) -> None:
    dialog = guide_dialog(window)
    window.help_dialog = dialog
    dialog.open()


def about_text(folder: Path | None) -> str:
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


def show_about(window: QWidget, folder: Path | None) -> None:
    QMessageBox.about(window, "À propos d'AIConsult Desktop", about_text(folder))
