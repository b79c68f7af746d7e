"""The agenda of a meeting, in order: each item's title and kind (pour avis, pour
information), moved up and down, added and removed, as rows of a small table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.enums import AgendaItemKind
from aiconsult_desktop.domain.followup import Opinion
from aiconsult_desktop.services.records import (
    AgendaItemData,
    VotesData,
)
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.forms import (
    add_shortcut,
    button,
)
from aiconsult_desktop.ui.widgets import EnumCombo


class AgendaEditor(QWidget):
    """Agenda items in order: title and "Pour avis"/"Pour information".

    The table is rebuilt after each add/remove/move: simpler and safer than moving cell
    widgets around, and an agenda has a dozen items at most.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int | None] = []
        self._items: list[AgendaItemData] = []
        """As loaded, row by row: carries each item's outcome (edited in the follow-up tab)."""
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Point", "Nature"])
        self.table.setAccessibleName("Ordre du jour")
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())

        self.add_button = button(
            "A&jouter un point", "Ajouter un point à la fin de l'ordre du jour", self.add
        )
        self.remove_button = button(
            "Retirer le &point", "Retirer le point sélectionné", self.remove
        )
        self.up_button = button(
            "&Monter", "Avancer le point dans l'ordre du jour (Ctrl+Haut)", self.move_up
        )
        self.down_button = button(
            "&Descendre", "Reculer le point dans l'ordre du jour (Ctrl+Bas)", self.move_down
        )
        self.tool_button = button(
            "Lier à un outil d'IA…",
            "Ce point porte sur un outil d'IA : pour avis, son vote remplit « Avis du CST » "
            "de la liste de contrôle de l'outil (Ctrl+Alt+I)",
            self.link_tool,
        )
        self.on_link_tool: Callable[[int], None] | None = None
        """Set by the Calendrier page: link the saved item of this id to a tool."""
        in_table = Qt.ShortcutContext.WidgetShortcut
        add_shortcut(
            self.table, "Ctrl+Alt+I", self.link_tool, in_table, text="Lier le point à un outil d'IA"
        )
        add_shortcut(self.table, "Ctrl+Up", self.move_up, in_table, text="Avancer le point")
        add_shortcut(self.table, "Ctrl+Down", self.move_down, in_table, text="Reculer le point")
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        tools = QHBoxLayout()  # its own line: the editor keeps its width beside the month
        tools.addWidget(self.tool_button)
        tools.addStretch(1)
        layout.addLayout(tools)

    def items(self) -> list[AgendaItemData]:
        """In display order; positions are renumbered from 1 (the service does too)."""
        self.commit_edit()
        result = []
        for row, item_id in enumerate(self._ids):
            cell = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            kind = combo.value() if isinstance(combo, EnumCombo) else AgendaItemKind.INFORMATION
            loaded = self._items[row] if row < len(self._items) else AgendaItemData("")
            result.append(
                AgendaItemData(
                    id=item_id,
                    title=cell.text() if cell is not None else "",
                    kind=kind,
                    position=row + 1,
                    opinion=loaded.opinion,
                    votes=replace(loaded.votes),
                )
            )
        return result

    def set_outcome(self, row: int, opinion: Opinion | None, votes: VotesData) -> None:
        """The follow-up tab records the opinion and votes of a "pour avis" item."""
        if 0 <= row < len(self._items):
            self._items[row] = replace(self._items[row], opinion=opinion, votes=votes)

    def commit_edit(self) -> None:
        """Take in a title still being typed in its cell.

        Qt commits a cell editor when it loses focus; Ctrl+S keeps the focus where it is,
        so without this the last title typed would be saved empty.
        """
        index = self.table.currentIndex()
        if not index.isValid() or index.column() != 0:
            return
        editor = self.table.indexWidget(index)
        if editor is not None:
            self.table.commitData(editor)

    def set_items(self, items: list[AgendaItemData], select: int = -1) -> None:
        blocked = self.table.blockSignals(True)
        try:
            self.table.setRowCount(0)
            ordered = sorted(items, key=lambda a: a.position)
            self._ids = [item.id for item in ordered]
            self._items = [replace(item, votes=replace(item.votes)) for item in ordered]
            self.table.setRowCount(len(ordered))
            for row, item in enumerate(ordered):
                self.table.setItem(row, 0, QTableWidgetItem(item.title))
                combo: EnumCombo[AgendaItemKind] = EnumCombo(AgendaItemKind)
                combo.set_value(item.kind)
                combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.table.setCellWidget(row, 1, combo)
        finally:
            self.table.blockSignals(blocked)
        if 0 <= select < len(ordered):
            self.table.setCurrentCell(select, 0)

    def add(self) -> None:
        items = self.items()
        items.append(AgendaItemData(title="", position=len(items) + 1))
        self.set_items(items, select=len(items) - 1)
        cell = self.table.item(len(items) - 1, 0)
        if cell is not None:
            self.table.editItem(cell)  # type the new item's title straight away
        self.changed.emit()

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        items = self.items()
        del items[row]
        self.set_items(items, select=min(row, len(items) - 1))
        self.changed.emit()

    def link_tool(self) -> None:
        """The chosen item, once saved, goes to the page's linking (it asks which tool)."""
        row = self.table.currentRow()
        if self.on_link_tool is None or not 0 <= row < len(self._ids):
            return
        item_id = self._ids[row]
        if item_id is None:
            dialogs.show_info(
                self, "Enregistrez d'abord la réunion : ce point pourra ensuite être lié."
            )
            return
        self.on_link_tool(item_id)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        items = self.items()
        if row < 0 or not 0 <= target < len(items):
            return
        items[row], items[target] = items[target], items[row]
        for position, item in enumerate(items, start=1):
            item.position = position
        self.set_items(items, select=target)
        self.changed.emit()
