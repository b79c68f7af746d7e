"""While the app is open: a reminder in the status bar when one of our deadlines is near
(questions to send, statements to validate). Checked every few minutes, never modal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services.deadlines import Upcoming, reminders
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.locale import long_date

CHECK_EVERY_MS = 5 * 60 * 1000
WITHIN_DAYS = 3
SHOWN_FOR_MS = 60 * 1000


def reminder_text(found: list[Upcoming], today: date) -> str:
    first = found[0]
    when = "aujourd'hui" if first.day == today else f"d'ici le {long_date(first.day)}"
    more = f" (et {plural(len(found) - 1, 'autre')} à faire)" if len(found) > 1 else ""
    return f"Rappel : {first.text}, {when}{more}."


class Reminders(QObject):
    """Owned by the main window, which passes its status bar's `showMessage`; `check()`
    is also what tests call."""

    def __init__(
        self, store: Store, show: Callable[[str, int], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.show = show
        self.today: Callable[[], date] = date.today
        self.last = ""
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(2000, self.check)

    def check(self) -> str:
        """Show the nearest of ours in the status bar; a store error stays silent here
        (the pages report it when the user acts). A closed window reads nothing: its
        store may be closed already (the first check comes 2 s after the window opens)."""
        owner = self.parent()
        if isinstance(owner, QWidget) and not owner.isVisible():
            return ""
        today = self.today()
        try:
            found = reminders(self.store, today, WITHIN_DAYS)
        except UserError:
            return ""
        if not found:
            self.last = ""
            return ""
        self.last = reminder_text(found, today)
        self.show(self.last, SHOWN_FOR_MS)
        return self.last
