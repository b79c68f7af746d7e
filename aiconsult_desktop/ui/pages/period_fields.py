"""« Période : du … au … » on the Dossiers page: each end optional (ticked or not).

The dates offered before a box is ticked are the first and last dates of the dossier's
chronology, so ticking « du » starts where the dossier starts instead of a date the user
must scroll back from. Whether a period is valid is not decided here: the page shows
the service's own refusal (`domain.facts.check_period`), said once for the page, the
export and the command line.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from aiconsult_desktop.ui.forms import french_date_edit
from aiconsult_desktop.ui.widgets import buddy


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodFields(QWidget):
    """`period()` → (start or None, end or None); `changed` when either end changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_box, self.start_edit = QCheckBox("du"), french_date_edit()
        self.end_box, self.end_edit = QCheckBox("au"), french_date_edit()
        today = QDate.currentDate()
        self.start_edit.setDate(QDate(today.year(), 1, 1))
        self.end_edit.setDate(today)
        self.label: QLabel = buddy("&Période :", self.start_box)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        for box, edit in ((self.start_box, self.start_edit), (self.end_box, self.end_edit)):
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(self.changed)
            edit.dateChanged.connect(self.changed)
            row.addWidget(box)
            row.addWidget(edit)
        row.addStretch(1)

    def period(self) -> tuple[date | None, date | None]:
        start = _date(self.start_edit.date()) if self.start_box.isChecked() else None
        end = _date(self.end_edit.date()) if self.end_box.isChecked() else None
        return start, end

    def offer(self, first: date, last: date) -> None:
        """The dossier's own span, in the ends not ticked yet (not a change of period)."""
        for box, edit, day in (
            (self.start_box, self.start_edit, first),
            (self.end_box, self.end_edit, last),
        ):
            if not box.isChecked():
                blocked = edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(blocked)
