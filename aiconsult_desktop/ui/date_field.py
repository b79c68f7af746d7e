"""A date and time typed as text ("05/06/2025 09:30"), with a calendar to pick from.

Qt's QDateTimeEdit edits section by section: typed by hand, 29/02/2025 silently became
28 or 22 February, or a day of another month, and the meeting was saved on that day.
Here the text is read whole, by the same rules as the command line (`typed_dates`): an
impossible day stays as typed, outlined, with the French reason, and the form refuses to
save it until it is corrected. Nothing is ever changed behind the user's back.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from aiconsult_desktop.domain.french import MONTHS
from aiconsult_desktop.domain.typed_dates import check_day
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.ui.locale import FRENCH

DAY_FORMAT = "dd/MM/yyyy HH:mm"
MONTH_FORMAT = "MMMM yyyy"
_DAY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?\s*$")
_MONTH = re.compile(r"^\s*(?:(\d{1,2})[/.-]|([^\W\d_]+)\s+)(\d{4})\s*$")
_ERROR_STYLE = "QLineEdit { border: 2px solid #b33a1b; }"


class DateTimeField(QWidget):
    """`dateTime()`, `setDateTime()`, `dateTimeChanged` and `setDisplayFormat()` as
    QDateTimeEdit has them, so forms use it the same way; `error()` says what is wrong
    with the text typed, if anything."""

    dateTimeChanged = Signal(QDateTime)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._format = DAY_FORMAT
        self._value = QDateTime(QDate.currentDate(), QTime(9, 30))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("JJ/MM/AAAA HH:MM")
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.button.setToolTip("Choisir le jour dans le calendrier")
        self.button.setAccessibleName("Choisir le jour dans le calendrier")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        # The calendar's menu only once the field's own children are laid out: a child
        # window created before them cuts the edit and its button out of the window's
        # Tab chain (Qt 6), and Tab then loops between the two for ever.
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(FRENCH)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(lambda: self.calendar.setSelectedDate(self._value.date()))
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._show_value_if_valid)
        self._show_value()

    # What QDateTimeEdit offers ----------------------------------------------------------

    def dateTime(self) -> QDateTime:
        """The last valid value (what was typed, once it is a real day)."""
        return QDateTime(self._value)

    def setDateTime(self, value: QDateTime) -> None:
        changed = value != self._value
        self._value = QDateTime(value)
        self._show_value()
        if changed:
            self.dateTimeChanged.emit(self.dateTime())

    def setDisplayFormat(self, text_format: str) -> None:
        self._format = text_format
        month_only = text_format == MONTH_FORMAT
        self.edit.setPlaceholderText("mois AAAA" if month_only else "JJ/MM/AAAA HH:MM")
        self._show_value()

    # Typed text -------------------------------------------------------------------------

    def error(self) -> str | None:
        """Why the typed text is not a date (in French), or None when it is one."""
        try:
            self._parse(self.edit.text())
        except ValidationError as refused:
            return refused.message
        return None

    def _parse(self, text: str) -> QDateTime:
        if self._format == MONTH_FORMAT:
            return self._parse_month(text)
        found = _DAY.match(text)
        if not found:
            raise ValidationError(
                f"« {text.strip()} » n'est pas une date : écrivez-la JJ/MM/AAAA HH:MM "
                "(ex. 05/06/2025 09:30)."
            )
        day, month, year = (int(g) for g in found.groups()[:3])
        when = check_day(year, month, day)
        time = self._value.time()
        if found.group(4) is not None:
            hour, minute = int(found.group(4)), int(found.group(5))
            if hour > 23 or minute > 59:
                raise ValidationError(f"L'heure {hour:02d}:{minute:02d} n'existe pas.")
            time = QTime(hour, minute)
        return QDateTime(QDate(when.year, when.month, when.day), time)

    def _parse_month(self, text: str) -> QDateTime:
        found = _MONTH.match(text)
        month = 0
        if found and found.group(1):
            month = int(found.group(1))
        elif found:
            name = found.group(2).lower()
            month = next((i for i, m in enumerate(MONTHS, start=1) if m == name), 0)
        if not found or not 1 <= month <= 12:
            raise ValidationError(
                f"« {text.strip()} » n'est pas un mois : écrivez par exemple « mars 2025 »."
            )
        year = int(found.group(3))
        check_day(year, month, 1)
        return QDateTime(QDate(year, month, 1), self._value.time())

    def _typed(self, text: str) -> None:
        try:
            value = self._parse(text)
        except ValidationError as refused:
            self.edit.setStyleSheet(_ERROR_STYLE)
            self.edit.setToolTip(refused.message)
            return
        self.edit.setStyleSheet("")
        self.edit.setToolTip("")
        if value != self._value:
            self._value = value
            self.dateTimeChanged.emit(self.dateTime())

    def _show_value_if_valid(self) -> None:
        """Leaving the field tidies a valid text ("5/6/2025" → "05/06/2025 09:30");
        an impossible one stays as typed, for the user to correct."""
        if self.error() is None:
            self._show_value()

    def _show_value(self) -> None:
        if self._format == MONTH_FORMAT:
            text = f"{MONTHS[self._value.date().month() - 1]} {self._value.date().year()}"
        else:
            text = self._value.toString(self._format)
        self.edit.setText(text)
        self.edit.setStyleSheet("")
        self.edit.setToolTip("")

    def _picked(self, day: QDate) -> None:
        menu = self.button.menu()
        if menu is not None:
            menu.hide()
        self.setDateTime(QDateTime(day, self._value.time()))
