"""Ctrl+K: « Rechercher partout ». One box, the results grouped by kind, the keyboard
alone enough: type, ↑ ↓ to choose, Entrée to open the item on its page, Échap to leave.

The search itself is `services.search` (the same for any front end); this window only
shows its hits and asks the window (`Navigation`) to open the one chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.services.search import SearchHit, SearchKind, search
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.widgets import wrapping_list

if TYPE_CHECKING:
    from aiconsult_desktop.services.opening import Store
    from aiconsult_desktop.ui.navigation import Navigation

HIT_ROLE = Qt.ItemDataRole.UserRole
DELAY_MS = 150
"""Typing pauses this long before a search: each key does not query the base."""
HINT = (
    "Tapez un mot ou le début d'un mot : les questions, déclarations, réunions, outils "
    "d'IA, faits et dossiers sont cherchés à la fois, sans tenir compte des accents ni "
    "des majuscules. ↑ ↓ pour choisir, Entrée pour ouvrir, Échap pour fermer."
)
MOVES = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 5,
    Qt.Key.Key_PageUp: -5,
}


def nothing_found(typed: str) -> str:
    return (
        f"Aucun résultat pour « {typed.strip()} ». Vérifiez l'orthographe, essayez un "
        "autre mot ou le début d'un mot seulement."
    )


def open_hit(navigation: Navigation, hit: SearchHit) -> None:
    """The item on its own page, as a double-click in its list would show it."""
    if hit.kind is SearchKind.QUESTION:
        navigation.show_question(hit.id)
    elif hit.kind is SearchKind.STATEMENT:
        navigation.show_statement(hit.id, hit.parent_id)
    elif hit.kind is SearchKind.MEETING:
        navigation.show_meeting(hit.id)
    elif hit.kind is SearchKind.TOOL:
        navigation.show_tool(hit.id)
    elif hit.kind is SearchKind.FACT and hit.parent_id is not None:
        navigation.show_dossier(hit.parent_id, hit.id)
    elif hit.kind is SearchKind.DOSSIER:
        navigation.show_dossier(hit.id)


class SearchDialog(QDialog):
    def __init__(self, store: Store, navigation: Navigation, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.store = store
        self.navigation = navigation
        self.setWindowTitle("Rechercher partout")
        self.box = QLineEdit()
        self.box.setPlaceholderText("Rechercher dans les questions, déclarations, réunions…")
        self.box.setAccessibleName("Rechercher partout")
        self.box.setClearButtonEnabled(True)
        self.status = QLabel(HINT)
        self.status.setWordWrap(True)
        # Each result wraps on its lines (a question is a long sentence): its title,
        # then its date and where it belongs; each kind under its own heading.
        self.results = wrapping_list()
        self.results.setAccessibleName("Résultats de la recherche")
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys go to the box
        self.results.setSpacing(2)
        self.results.itemActivated.connect(self._open_item)
        self.hits: list[SearchHit] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.resize(900, 520)

    def start(self) -> None:
        """Open (again): the last words selected, so typing replaces them, and searched
        afresh (the base may have changed since)."""
        self.box.selectAll()
        self.box.setFocus()
        self.run_search()
        self.open()

    def run_search(self) -> None:
        typed = self.box.text()
        self._timer.stop()
        found = attempt(self, lambda: search(self.store, typed)) if typed.strip() else []
        self.show_hits(typed, found or [])

    def show_hits(self, typed: str, hits: list[SearchHit]) -> None:
        """Grouped by kind, the kind of the best hit first; the best hit selected."""
        self.hits = hits
        self.results.clear()
        if not typed.strip():
            self.status.setText(HINT)
            return
        if not hits:
            self.status.setText(nothing_found(typed))
            return
        self.status.setText(plural(len(hits), "résultat"))
        kinds = list(dict.fromkeys(hit.kind for hit in hits))  # the best kind first
        for kind in kinds:
            heading = QListWidgetItem(kind.label, self.results)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            for hit in hits:
                if hit.kind is kind:
                    where = " · ".join(part for part in (hit.when, hit.context) if part)
                    item = QListWidgetItem(f"{hit.title}\n{where}", self.results)
                    item.setData(HIT_ROLE, hit)
        self.step(1)

    def headings(self) -> list[str]:
        return [item.text() for item in self._items() if item.data(HIT_ROLE) is None]

    def _items(self) -> list[QListWidgetItem]:
        found = (self.results.item(row) for row in range(self.results.count()))
        return [item for item in found if item is not None]

    def selectable_items(self) -> list[QListWidgetItem]:
        return [item for item in self._items() if item.data(HIT_ROLE) is not None]

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, SearchHit) else None

    def step(self, by: int) -> None:
        """↑ ↓ (and the page keys) from the box: the results skip their groups' titles."""
        items = self.selectable_items()
        if not items:
            return
        current = self.results.currentItem()
        at = items.index(current) if current in items else -1
        chosen = items[max(0, min(len(items) - 1, at + by))] if at >= 0 else items[0]
        self.results.setCurrentItem(chosen)
        self.results.scrollToItem(chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key in MOVES:
                self.step(MOVES[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # typed and pressed Entrée at once
                    self.run_search()
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    def open_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        self.accept()
        open_hit(self.navigation, hit)
