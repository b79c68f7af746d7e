"""The dashboard's "30 prochains jours": meetings and deadlines, ours and theirs.

Built here and added to the dashboard with one line, so the dashboard module stays the
shared frame it is.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from aiconsult_desktop.domain.deadlines import Whose
from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.services.dashboard import UPCOMING_DAYS as DAYS
from aiconsult_desktop.services.deadlines import Upcoming
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.locale import long_date

SHOWN = 12
MUTED = "color: palette(placeholder-text);"


def styled_link(href: str, text: str) -> str:
    """A link drawn as the app's own (accent colour, no underline), not a web page's
    underlined blue: the only kind of <a> the dashboard shows."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.Highlight).darker(125).name()
    return (
        f"<a href='{html.escape(href)}' style='color: {colour}; text-decoration: none;"
        f" font-weight: 600'>{html.escape(text)}</a>"
    )


def _line(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


class UpcomingList(QWidget):
    """Rows like "28 mai 2025 · Nous · Envoyer nos questions — CST du 5 juin 2025"."""

    def __init__(self, store: Store, open_meeting: Callable[[int], None]) -> None:
        super().__init__()
        self.store = store
        self.open_meeting = open_meeting
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.texts: list[str] = []

    def fill(self, found: list[Upcoming]) -> None:
        while self.rows.count():
            child = self.rows.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.texts = []
        if not found:
            self.rows.addWidget(_line(f"<span style='{MUTED}'>Rien dans les {DAYS} jours.</span>"))
        for entry in found[:SHOWN]:
            who = {None: "Séance", Whose.OURS: "Nous", Whose.EMPLOYER: "Employeur"}[entry.whose]
            late = " <b style='color:#b33a1b'>⚠ en retard</b>" if entry.late else ""
            self.texts.append(f"{long_date(entry.day)} · {who} · {entry.text}")
            text = (
                f"<b>{long_date(entry.day)}</b> <span style='{MUTED}'>· {who} ·</span> "
                f"{html.escape(entry.text)}{late}"
            )
            label = _line(text)
            if entry.meeting_id is not None:
                label.setText(f"{text} {styled_link(str(entry.meeting_id), 'Ouvrir ›')}")
                label.setToolTip("Ouvrir la réunion dans le Calendrier")
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                label.linkActivated.connect(lambda link: self.open_meeting(int(link)))
            label.setObjectName("upcoming")
            self.rows.addWidget(label)
        if len(found) > SHOWN:
            self.rows.addWidget(
                _line(f"<span style='{MUTED}'>… et {plural(len(found) - SHOWN, 'autre')}.</span>")
            )
