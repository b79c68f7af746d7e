"""The dashboard's building blocks: a titled card whose body is rebuilt on each refresh,
the labels and link buttons it holds, and the meetings and statements cards' content."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from aiconsult_desktop.domain.enums import StatementState
from aiconsult_desktop.domain.french import plural, until_phrase
from aiconsult_desktop.services.records import MeetingData, StatementData
from aiconsult_desktop.ui.icons import icon
from aiconsult_desktop.ui.locale import date_time, long_date, month_year

MUTED = "color: palette(placeholder-text);"
UPCOMING_SHOWN = 5
RECENT_SHOWN = 3
DRAFTS_SHOWN = 5


def _clear(layout: QLayout) -> None:
    """Remove and destroy a layout's content (rebuilt on every refresh)."""
    while layout.count():
        child = layout.takeAt(0)
        if child is None:
            break
        widget = child.widget()
        inner = child.layout()
        if widget is not None:
            widget.setParent(None)  # gone from findChildren at once, deleted later
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)
            inner.deleteLater()


def text_label(text: str, *, rich: bool = False, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setStyleSheet(MUTED)
    return label


def link_button(
    text: str, tooltip: str, slot: Callable[[], object], *, icon_name: str = "arrow-right"
) -> QPushButton:
    """A button that leads elsewhere (« Toutes les questions », « Voir »): a button, with
    the arrow of where it goes, never a web link in the middle of the text."""
    button = QPushButton(text)
    button.setToolTip(tooltip)
    if icon_name:
        button.setIcon(icon(icon_name))
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    button.clicked.connect(lambda _checked=False: slot())
    return button


class Card(QFrame):
    """A titled, framed block of the dashboard whose body is rebuilt on refresh."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#card { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.heading = QLabel(title)
        self.heading.setWordWrap(True)  # a long title wraps: no sideways scrolling at 1024 px
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.footer = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(self.body)
        layout.addLayout(self.footer)

    def clear(self) -> None:
        _clear(self.body)


def meeting_when(meeting: MeetingData) -> str:
    """ "5 juin 2025, 09:30", or "mars 2025" when only the month is known."""
    if meeting.month_only:
        return month_year(meeting.starts_at)
    if meeting.starts_at.time() == datetime.min.time():
        return long_date(meeting.starts_at)
    return date_time(meeting.starts_at)


def is_upcoming(meeting: MeetingData, today: date) -> bool:
    """A meeting known only by its month stays "upcoming" for that whole month."""
    if meeting.month_only:
        return (meeting.starts_at.year, meeting.starts_at.month) >= (today.year, today.month)
    return meeting.starts_at.date() >= today


def fill_meetings(card: Card, meetings: list[MeetingData], today: date) -> None:
    """The next meetings (or, when none is ahead, the most recent ones)."""
    card.clear()
    upcoming = [m for m in meetings if is_upcoming(m, today)]
    if upcoming:
        card.heading.setText("Prochaines réunions")
        shown = upcoming[:UPCOMING_SHOWN]
    else:
        card.heading.setText("Réunions")
        card.body.addWidget(text_label("Aucune réunion à venir."))
        shown = list(reversed(meetings))[:RECENT_SHOWN]
        if shown:
            card.body.addWidget(text_label("Les plus récentes :", muted=True))
    for meeting in shown:
        card.body.addWidget(meeting_label(meeting, today, upcoming=bool(upcoming)))
    if not meetings:
        card.body.addWidget(text_label("Aucune réunion enregistrée pour l'instant.", muted=True))
    if len(upcoming) > UPCOMING_SHOWN:
        more = len(upcoming) - UPCOMING_SHOWN
        card.body.addWidget(text_label(f"… et {plural(more, 'autre')} à venir.", muted=True))


def meeting_label(meeting: MeetingData, today: date, *, upcoming: bool) -> QLabel:
    when = html.escape(meeting_when(meeting))
    if upcoming and not meeting.month_only:
        when += f" <span style='{MUTED}'>({until_phrase(meeting.starts_at.date(), today)})</span>"
    details = [meeting.employer_name, meeting.body_name or meeting.kind.label]
    if meeting.body_name:
        details.append(meeting.kind.label)
    if meeting.place:
        details.append(meeting.place)
    text = (
        f"<b>{when}</b><br>{html.escape(meeting.title)}<br>"
        f"<span style='{MUTED}'>{html.escape(' · '.join(details))}</span>"
    )
    label = text_label(text, rich=True)
    label.setObjectName("meeting")
    return label


def fill_statements(
    card: Card, statements: list[StatementData], meetings: dict[int | None, MeetingData]
) -> None:
    """Statements to finish: counts, then the first few, those to validate first."""
    card.clear()
    drafts = [s for s in statements if s.state is StatementState.DRAFT]
    to_validate = [s for s in statements if s.state is StatementState.TO_VALIDATE]
    if not drafts and not to_validate:
        card.body.addWidget(text_label("Aucune déclaration en brouillon ni à valider.", muted=True))
        return
    counts = []
    if drafts:
        counts.append(plural(len(drafts), "déclaration") + " en brouillon")
    if to_validate:
        counts.append(plural(len(to_validate), "déclaration") + " à valider")
    summary = text_label(f"<span style='font-size: large'>{' · '.join(counts)}</span>", rich=True)
    summary.setObjectName("statementCounts")
    card.body.addWidget(summary)
    for statement in (to_validate + drafts)[:DRAFTS_SHOWN]:
        meeting = statement.meeting_title
        if statement.meeting_id in meetings:
            meeting = f"{meeting}, {meeting_when(meetings[statement.meeting_id])}"
        card.body.addWidget(
            text_label(
                f"• {html.escape(statement.title)} "
                f"<span style='{MUTED}'>({html.escape(statement.state.label.lower())}"
                f" — {html.escape(meeting)})</span>",
                rich=True,
            )
        )
