"""What the forms of every page share, so each reads as "which fields" rather than Qt
plumbing:

- `ChangeTracker`: knows whether the editor holds something not yet saved;
- small factories so buttons, shortcuts and date editors look the same on every page;
- how a meeting is named in a form's combos, and French counts.

The lists beside the forms are in `ui/record_model.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QObject,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.services.records import MeetingData
from aiconsult_desktop.ui.icons import icon
from aiconsult_desktop.ui.locale import FRENCH, long_date, month_year


class ChangeTracker(QObject):
    """Whether the editor holds changes not yet saved.

    Pages load a record inside `loading()` so filling the widgets does not count as a
    change; anything the user does afterwards does, and `changed` tells the page to show
    "Modifications non enregistrées".
    """

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._loading = 0

    @property
    def dirty(self) -> bool:
        return self._dirty

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self.mark)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.mark)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.mark)
            elif isinstance(widget, QDateTimeEdit):  # QDateEdit is one too
                widget.dateTimeChanged.connect(self.mark)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.mark)
            else:
                raise TypeError(f"cannot watch {type(widget).__name__}")

    def mark(self, *_args: object) -> None:
        if self._loading or self._dirty:
            return
        self._dirty = True
        self.changed.emit(True)

    def clear(self) -> None:
        if self._dirty:
            self._dirty = False
            self.changed.emit(False)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Programmatic changes (refilled choices) that are not the user's doing."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill widgets without marking the editor as changed; leaves it clean."""
        with self.quiet():
            yield
        self.clear()


def button(text: str, tooltip: str, slot: Callable[[], object], icon_name: str = "") -> QPushButton:
    """A push button with a mnemonic (& in `text`), a tooltip naming its shortcut and,
    on a page's row of actions, its icon (ui/icons.py)."""
    widget = QPushButton(text)
    widget.setToolTip(tooltip)
    if icon_name:
        widget.setIcon(icon(icon_name))
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


def add_shortcut(
    owner: QWidget,
    keys: QKeySequence | QKeySequence.StandardKey | str,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    *,
    text: str = "",
) -> QAction:
    """A keyboard shortcut that works while `owner` is visible.

    Qt ignores shortcuts of hidden widgets, so every page may claim Ctrl+S: only the page
    on screen answers. Buttons keep their Alt mnemonic because the shortcut is separate.
    `text` says what it does, in French: Aide › Raccourcis clavier lists it.
    """
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(context)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


def french_date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setLocale(FRENCH)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(FRENCH)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """Naive local datetime, as the store keeps meeting times (wall-clock in France)."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def meeting_date(meeting: MeetingData) -> str:
    """ "mars 2025" for a meeting known only by its month, else "5 juin 2025"."""
    return month_year(meeting.starts_at) if meeting.month_only else long_date(meeting.starts_at)


def meeting_label(meeting: MeetingData) -> str:
    """How a meeting is named in combos of other pages: its date, then its title."""
    return f"{meeting_date(meeting)} — {meeting.title}"


def count_phrase(count: int, singular: str, plural_form: str | None = None) -> str:
    """French counts: "0 question", "1 question", "12 345 questions"."""
    return plural(count, singular, plural_form)
