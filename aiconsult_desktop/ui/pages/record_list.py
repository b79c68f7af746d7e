"""The two sides of a `RecordPage`, laid out: the list of records and the form's pane.

Kept apart from `record_page` so that module reads as the behaviour users notice (save on
leave, reload without losing typing) and this one as Qt plumbing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.ui.record_model import RecordTableModel, record_table

T = TypeVar("T")

SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class RecordList(QWidget, Generic[T]):
    """The table of records (a sentence instead while there are none), an optional label
    with an Alt letter above it, and the page's own widgets below it."""

    def __init__(
        self,
        model: RecordTableModel[T],
        proxy: QSortFilterProxyModel | None,
        empty_text: str,
        label: str = "",
        under_list: Sequence[QWidget] = (),
    ) -> None:
        super().__init__()
        self.model = model
        self.proxy = proxy
        if proxy is not None:
            proxy.setSourceModel(model)
        self.view = record_table(proxy if proxy is not None else model)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if label:
            buddy = QLabel(label)
            buddy.setBuddy(self.view)
            layout.addWidget(buddy)
        layout.addWidget(self.stack, 1)
        for widget in under_list:
            layout.addWidget(widget)

    def view_index(self, source_row: int) -> QModelIndex:
        """The row as the view shows it (invalid when a filter hides it)."""
        index = self.model.index(source_row, 0)
        return self.proxy.mapFromSource(index) if self.proxy is not None else index

    def select(self, source_row: int) -> None:
        """Make `source_row` current and visible; -1 clears the selection."""
        selection = self.view.selectionModel()
        index = self.view_index(source_row) if source_row >= 0 else QModelIndex()
        if index.isValid():
            selection.setCurrentIndex(index, SELECT)
            self.view.scrollTo(index)
        else:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)

    def has_rows(self) -> bool:
        return (self.proxy or self.model).rowCount() > 0

    def source_row_at(self, view_row: int) -> int:
        """The model's row shown at `view_row` (clamped to the rows shown)."""
        view_model = self.proxy or self.model
        view_row = min(max(view_row, 0), view_model.rowCount() - 1)
        index = view_model.index(view_row, 0)
        return self.proxy.mapToSource(index).row() if self.proxy is not None else index.row()

    def update_empty_state(self) -> None:
        self.stack.setCurrentWidget(self.view if self.has_rows() else self.empty_label)


class FormScroll(QScrollArea):
    """Scrolls the form up and down on a short screen, never sideways: the splitter
    beside it may not make it narrower than the form needs (the list gives way, its
    columns elide), so no field is ever cut or out of sight on the right."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        form = self.widget()
        if form is None:
            return hint
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = form.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())


def form_pane(editor: QWidget, title: QLabel) -> QWidget:
    """The editor in a scroll area (small screens), under its bold title when it has one."""
    scroll = FormScroll()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(editor)
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(scroll, 1)
    title.hide()
    return pane
