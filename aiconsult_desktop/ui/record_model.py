"""The lists of the list-and-form pages: a thin read-only table model over service records
with named roles, a filter that ignores case and accents, and the table view's set-up.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

T = TypeVar("T")
R = TypeVar("R")

AnyIndex = QModelIndex | QPersistentModelIndex

RecordRole = Qt.ItemDataRole.UserRole + 1
"""The whole record of the row (a services dataclass)."""
IdRole = Qt.ItemDataRole.UserRole + 2
"""The record's id (int), so selections survive a reload."""
SearchRole = Qt.ItemDataRole.UserRole + 3
"""Folded text of the row (no case, no accents) that `SearchProxy` matches against."""

ROLE_NAMES = {RecordRole: b"record", IdRole: b"recordId", SearchRole: b"searchText"}


def fold(text: str) -> str:
    """Lower-case, accent-free text: users type "emotions" and expect "émotions".

    Both the searched text and the query go through this, so "Élections" and "elections"
    meet in the middle. "œ" stays "œ" (it is a letter, not an accented "o").
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def one_line(text: str) -> str:
    """Multi-line text shown in a table cell: the view elides, but only one line."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a `RecordTableModel`: its French header and how a record shows in it."""

    header: str
    text: Callable[[T], str]
    tooltip: Callable[[T], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows are service records, kept as they came; nothing is edited in place.

    The services already sort and filter; the model only presents. `set_records` resets
    the whole model (cheap at a union office's scale: hundreds of rows, not millions).
    """

    def __init__(
        self,
        columns: Sequence[Column[T]],
        record_id: Callable[[T], int | None],
        search_text: Callable[[T], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._record_id = record_id
        self._search_text = search_text
        self._records: list[T] = []
        self._folded: list[str] = []

    # Reading -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == RecordRole:
            return record
        if role == IdRole:
            return self._record_id(record)
        if role == SearchRole:
            return self._folded[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({role: QByteArray(name) for role, name in ROLE_NAMES.items()})
        return names

    # Access by row or id -----------------------------------------------------------------

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._folded = [self._fold(r) for r in self._records]
        self.endResetModel()

    def records(self) -> list[T]:
        return list(self._records)

    def record(self, row: int) -> T | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, record_id: int | None) -> int:
        """Row of the record with this id, or -1."""
        if record_id is None:
            return -1
        for row, record in enumerate(self._records):
            if self._record_id(record) == record_id:
                return row
        return -1

    def put_record(self, record: T) -> int:
        """Show a freshly saved record without a reset, so the selection stays put.

        Used while the user is moving from one record to another: a reset at that moment
        would lose the row they clicked.
        """
        row = self.row_of(self._record_id(record))
        if row < 0:
            row = len(self._records)
            self.beginInsertRows(QModelIndex(), row, row)
            self._records.append(record)
            self._folded.append(self._fold(record))
            self.endInsertRows()
        else:
            self._records[row] = record
            self._folded[row] = self._fold(record)
            last = self.index(row, len(self._columns) - 1)
            self.dataChanged.emit(self.index(row, 0), last)
        return row

    def _fold(self, record: T) -> str:
        parts = [column.text(record) for column in self._columns]
        if self._search_text is not None:
            parts.append(self._search_text(record))
        return fold(" ".join(parts))


class SearchProxy(QSortFilterProxyModel):
    """Keeps rows whose folded text contains every word typed, in any order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10+; the older call is deprecated there
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt < 6.10
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0, source_parent), SearchRole) or ""
        return all(word in haystack for word in self._words)


def record_table(model: QAbstractTableModel | QSortFilterProxyModel) -> QTableView:
    """A table of records: whole rows selected, one at a time, text elided on one line."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def fit_columns(view: QTableView, stretch: int, widths: Mapping[int, int] | None = None) -> None:
    """One column takes the free width; the others fit their text or get a set width.

    Without this a table of long titles grows a horizontal scroll bar and the column
    users read (the title) is the one cut off.
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif widths and column in widths:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, widths[column])
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


class NarrowColumns(QObject):
    """Hides some columns while the table is narrower than each one's threshold (pixels).

    The stretched column (the one users read) keeps room on a small laptop screen; the
    hidden columns come back as soon as the table is wide enough again.
    """

    def __init__(self, view: QTableView, thresholds: Mapping[int, int]) -> None:
        super().__init__(view)
        self._view = view
        self._thresholds = dict(thresholds)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize:
            width = self._view.width()
            for column, needed in self._thresholds.items():
                self._view.setColumnHidden(column, width < needed)
        return False
