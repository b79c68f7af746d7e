"""The Dossiers page's chronology table: one row per dated entry of
`services.chronology.dossier_chronology`, in the service's date order.

The model only shows what the service computed (filters are applied by the service, so
the page, the export and the CLI agree on what « Fait » or a search keeps)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from aiconsult_desktop.domain.chronology import Entry

HEADERS = ("Date", "Nature", "Titre ou résumé")

Index = QModelIndex | QPersistentModelIndex


def summary(entry: Entry) -> str:
    """The heading, then the first words of what the entry quotes or notes."""
    detail = entry.extract or entry.notes or entry.comment or entry.silence
    first = detail.strip().splitlines()[0] if detail.strip() else ""
    return f"{entry.heading} — {first[:160]}" if first else entry.heading


class ChronologyModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.when, entry.kind.label, summary(entry))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.text()[:1000] + "\n\nDouble-cliquez pour ouvrir."
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None
