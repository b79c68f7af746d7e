"""A month of meetings: each day shows its meetings, coloured by body; a click opens one.

Weeks start on Monday, as in France. Meetings known only by their month are listed
under the grid ("Ce mois-ci, sans jour précis"), since they have no day to sit on.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.services.records import MeetingData
from aiconsult_desktop.ui.forms import button
from aiconsult_desktop.ui.locale import month_year

WEEKDAYS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
PALETTE = ("#1e6fb8", "#b8401e", "#2e8b57", "#8a4fb3", "#b8860b", "#0f8a8a", "#a23b72")
NO_BODY = "#6b7280"
SHOWN_PER_DAY = 3


def body_colour(body_id: int | None) -> str:
    """One colour per body, stable from one month to the next."""
    return NO_BODY if body_id is None else PALETTE[body_id % len(PALETTE)]


class DayCell(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Narrow enough that the month leaves the meeting editor beside it its full width.
        self.setMinimumSize(64, 78)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.number = QLabel()
        self.entries = QVBoxLayout()
        self.entries.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addLayout(self.entries)
        layout.addStretch(1)


class MeetingChip(QPushButton):
    """A meeting in a day cell: its title, shortened with "…" to the cell's width."""

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.full_text = title
        # Never widens the cell: the month stays narrow enough for the editor beside it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event):  # type: ignore[no-untyped-def]
        room = self.contentsRect().width() - 10  # the 4 px padding each side, and a margin
        self.setText(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        )
        super().resizeEvent(event)


class MonthView(QWidget):
    """The grid of one month; `meeting_chosen(id)` when the user clicks a meeting."""

    meeting_chosen = Signal(int)
    month_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        today = date.today()
        self.today = today
        self.year, self.month = today.year, today.month
        self._meetings: list[MeetingData] = []

        # No Alt letters: beside the meeting editor and the page's buttons, every one would
        # clash; Page préc. / Page suiv. move from inside the month.
        self.previous_button = button(
            "◀ Mois précédent", "Mois précédent (Page préc. dans le mois)", self.previous
        )
        self.next_button = button(
            "Mois suivant ▶", "Mois suivant (Page suiv. dans le mois)", self.next
        )
        self.today_button = button("Aujourd'hui", "Revenir au mois en cours", self.go_today)
        self.title = QLabel()
        self.title.setObjectName("monthTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        header.addWidget(self.title, 1, Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)

        self.grid = QGridLayout()
        self.grid.setSpacing(2)
        for column, name in enumerate(WEEKDAYS):
            label = QLabel(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(label, 0, column)
        self.cells = [DayCell() for _ in range(42)]
        for index, cell in enumerate(self.cells):
            self.grid.addWidget(cell, 1 + index // 7, index % 7)
        self.undated = QLabel()
        self.undated.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.undated)
        layout.addWidget(self.legend)
        self._render()

    # Navigation -------------------------------------------------------------------------

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self._render()
        self.month_changed.emit()

    def previous(self) -> None:
        year, month = (self.year, self.month - 1) if self.month > 1 else (self.year - 1, 12)
        self.show_month(year, month)

    def next(self) -> None:
        year, month = (self.year, self.month + 1) if self.month < 12 else (self.year + 1, 1)
        self.show_month(year, month)

    def go_today(self) -> None:
        self.show_month(self.today.year, self.today.month)

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_PageUp:
            self.previous()
        elif event.key() == Qt.Key.Key_PageDown:
            self.next()
        else:
            super().keyPressEvent(event)

    # Content ----------------------------------------------------------------------------

    def set_meetings(self, meetings: list[MeetingData]) -> None:
        self._meetings = meetings
        self._render()

    def meetings_shown(self) -> list[str]:
        """Titles on the grid this month, in day order (what a user sees; used by tests)."""
        return [
            b.property("title")
            for cell in self.cells
            for b in cell.findChildren(QPushButton)
            if b.property("title")
        ]

    def _render(self) -> None:
        self.title.setText(month_year(date(self.year, self.month, 1)).capitalize())
        by_day: dict[date, list[MeetingData]] = defaultdict(list)
        undated: list[MeetingData] = []
        for meeting in self._meetings:
            start = meeting.starts_at
            if (start.year, start.month) != (self.year, self.month):
                continue
            (undated if meeting.month_only else by_day[start.date()]).append(meeting)
        days = calendar.Calendar(firstweekday=0).itermonthdates(self.year, self.month)
        bodies: dict[int | None, str] = {}
        for cell, day in zip(self.cells, days, strict=False):
            self._fill_cell(cell, day, by_day.get(day, []))
            for meeting in by_day.get(day, []):
                bodies[meeting.body_id] = meeting.body_name or "Sans instance"
        self.undated.setText(
            "Ce mois-ci, sans jour précis : " + " ; ".join(m.title for m in undated)
            if undated
            else ""
        )
        self.undated.setVisible(bool(undated))
        self.legend.setText(
            " ".join(
                f"<span style='color:{body_colour(body_id)}'>■</span> {name}"
                for body_id, name in french_sorted(bodies.items(), lambda kv: kv[1])
            )
        )

    def _fill_cell(self, cell: DayCell, day: date, meetings: list[MeetingData]) -> None:
        while cell.entries.count():
            child = cell.entries.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        in_month = day.month == self.month
        cell.number.setText(str(day.day))
        weight = "bold" if day == self.today else "normal"
        colour = "palette(text)" if in_month else "palette(placeholder-text)"
        cell.number.setStyleSheet(f"font-weight: {weight}; color: {colour};")
        cell.setStyleSheet("DayCell { background: #fff7e6; }" if day == self.today else "")
        for meeting in meetings[:SHOWN_PER_DAY]:
            entry = MeetingChip(meeting.title)
            entry.setProperty("title", meeting.title)
            entry.setToolTip(
                f"{meeting.title}\n{meeting.body_name or meeting.kind.label} — "
                f"{meeting.employer_name}"
            )
            entry.setStyleSheet(
                f"QPushButton {{ background: {body_colour(meeting.body_id)}; color: white; "
                "border: none; border-radius: 3px; padding: 1px 4px; text-align: left; }"
            )
            entry.setCursor(Qt.CursorShape.PointingHandCursor)
            entry.clicked.connect(lambda _c=False, i=meeting.id: self.meeting_chosen.emit(i))
            cell.entries.addWidget(entry)
        if len(meetings) > SHOWN_PER_DAY:
            cell.entries.addWidget(QLabel(f"+ {plural(len(meetings) - SHOWN_PER_DAY, 'autre')}"))
