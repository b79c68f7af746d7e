"""Small widgets of a meeting's follow-up: a date that may be unknown, the tables of
attendees and documents, the vote boxes of an item « pour avis »."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from aiconsult_desktop.ui.forms import french_date_edit, from_qdate, to_qdate

LATE_STYLE = "color: #b33a1b; font-weight: 600;"
VOTE_COLUMNS = (
    ("staff_for", "Pers. pour"),
    ("staff_against", "Pers. contre"),
    ("staff_abstaining", "Pers. abst."),
    ("employer_for", "Coll. pour"),
    ("employer_against", "Coll. contre"),
    ("employer_abstaining", "Coll. abst."),
)


class OptionalDate(QWidget):
    """A date that may be unknown: a check box "reçu" and the date."""

    changed = Signal()

    def __init__(self, text: str) -> None:
        super().__init__()
        self.check = QCheckBox(text)
        self.edit = french_date_edit()
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None, default: date) -> None:
        self.check.setChecked(value is not None)
        self.edit.setDate(to_qdate(value or default))
        self.edit.setEnabled(value is not None)


def table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(110)
    return table


def vote_box(value: int | None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, 999)
    box.setSpecialValueText("—")  # -1: not recorded
    box.setValue(-1 if value is None else value)
    return box
