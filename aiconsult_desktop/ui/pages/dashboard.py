"""Tableau de bord: what needs attention, readable at a glance when the app opens.

Answers the three questions a representative has before a meeting: which employer owes
us answers and since when, what is the next meeting, which statements are still being
written. On an empty store it says where to start instead of showing empty boxes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.french import elapsed_phrase, plural
from aiconsult_desktop.services import dashboard
from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import (
    EmployerData,
)
from aiconsult_desktop.ui import accessibility
from aiconsult_desktop.ui.charts import PendingChart
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.locale import long_date
from aiconsult_desktop.ui.look import PageHeader, mark_primary, set_page_margins
from aiconsult_desktop.ui.pages.dashboard_calendar import UpcomingList
from aiconsult_desktop.ui.pages.dashboard_cards import (
    Card,
    fill_meetings,
    fill_statements,
    link_button,
    text_label,
)
from aiconsult_desktop.ui.pages.dashboard_tools import fill_tools, tools_card

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation

EMPLOYERS_SHOWN = 5


class DashboardPage(QWidget):
    """The opening screen: pending questions per employer, meetings, statements in progress."""

    title = "Tableau de bord"
    shows = dashboard.SHOWN

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        self.today: Callable[[], date] = date.today
        """Replaceable in tests, so "upcoming" does not depend on the day they run."""

        self.new_meeting_button = mark_primary(
            link_button(
                "&Nouvelle réunion",
                "Ajouter une réunion au calendrier",
                self.window_.command("new_meeting").trigger,
                icon_name="",
            ),
            "calendar-plus",
        )
        self.header = PageHeader(self.title, actions=[self.new_meeting_button])
        self.organisation_hint = QWidget()
        hint_layout = QHBoxLayout(self.organisation_hint)
        hint_layout.setContentsMargins(0, 0, 0, 0)
        hint_layout.addWidget(
            text_label(
                "Votre organisation n'est pas renseignée : son nom figure en tête de chaque "
                "document exporté."
            ),
            1,
        )
        hint_layout.addWidget(
            link_button(
                "Renseigner l'&organisation",
                "Ouvrir les paramètres",
                lambda: self.window_.go_to("settings"),
            )
        )

        self.empty_card = self._build_empty_card()
        self.questions_card = Card("Questions sans réponse")
        self.questions_card.footer.addWidget(
            link_button(
                "Toutes les &questions",
                "Ouvrir la page Questions (Ctrl+3)",
                lambda: self.open_questions(None),
            )
        )
        self.questions_card.footer.addStretch(1)
        self.meetings_card = Card("Prochaines réunions")
        self.meetings_card.footer.addWidget(
            link_button(
                "Toutes les &réunions",
                "Ouvrir la page Calendrier (Ctrl+2)",
                lambda: self.window_.go_to("meetings"),
            )
        )
        self.meetings_card.footer.addStretch(1)
        self.upcoming_card = Card("Les 30 prochains jours : séances et échéances")
        self.upcoming = UpcomingList(store, self._open_meeting)
        self.upcoming_card.body.addWidget(self.upcoming)
        self.tools_card = tools_card(self.window_.show_tool)
        self.statements_card = Card("Déclarations en préparation")
        self.statements_card.footer.addWidget(
            link_button(
                "Toutes les &déclarations",
                "Ouvrir la page Déclarations (Ctrl+4)",
                lambda: self.window_.go_to("statements"),
            )
        )
        self.statements_card.footer.addStretch(1)

        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self.questions_card)
        left.addWidget(self.tools_card)
        left.addWidget(self.statements_card)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.meetings_card)
        right.addWidget(self.upcoming_card)
        right.addStretch(1)
        self.cards = QWidget()
        columns = QHBoxLayout(self.cards)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        content = QWidget()
        column = QVBoxLayout(content)
        set_page_margins(column)
        column.setSpacing(14)
        column.addWidget(self.header)
        column.addWidget(self.organisation_hint)
        column.addWidget(self.empty_card)
        column.addWidget(self.cards)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _build_empty_card(self) -> QFrame:
        card = Card("Commencez par renseigner votre organisation et les employeurs suivis")
        card.body.addWidget(
            text_label(
                "1. Votre organisation (nom, sigle, signature, lieu) : elle signe chaque "
                "document exporté.<br>"
                "2. Les employeurs que vous suivez et leurs instances (CST, F3SCT…).<br>"
                "3. Ensuite, vos réunions, les questions posées et vos déclarations.",
                rich=True,
            )
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        first_step = link_button(
            "Renseigner l'&organisation",
            "Ouvrir les paramètres de votre organisation",
            lambda: self.window_.go_to("settings"),
            icon_name="",
        )
        buttons.addWidget(mark_primary(first_step, "settings"))
        buttons.addWidget(
            link_button(
                "Ajouter un &employeur",
                "Ouvrir la page Employeurs et instances sur un formulaire vierge",
                self._new_employer,
                icon_name="building-2",
            )
        )
        buttons.addWidget(
            link_button(
                "Découvrir avec la dé&monstration",
                "Charger le dossier de démonstration (Région des Pays de la Loire, "
                "déploiement de l'IA)",
                self.load_demo,
                icon_name="folder-open",
            )
        )
        buttons.addStretch(1)
        card.footer.addLayout(buttons)
        return card

    # Navigation --------------------------------------------------------------------

    def leave(self) -> bool:
        """Nothing is edited here: the window may always close."""
        return True

    def discard(self) -> None:
        pass

    def open_questions(self, employer_id: int | None) -> None:
        """Open the Questions page, showing only that employer's open questions if it can."""
        self.window_.show_open_questions(employer_id)

    def _open_meeting(self, meeting_id: int) -> None:
        self.window_.show_meeting(meeting_id)

    def _new_employer(self) -> None:
        self.window_.new_employer()

    def load_demo(self) -> None:
        if attempt_done(self, lambda: load_demo(self.store)):
            self.window_.notify_changed()

    # Content -----------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.today()
        snapshot = attempt(self, lambda: dashboard.read_dashboard(self.store, today))
        if snapshot is None:
            return
        organisation = snapshot.organisation
        starting = snapshot.empty or not snapshot.employers
        self.header.set_subtitle(
            f"{organisation.name} · aujourd'hui {long_date(today)}"
            if organisation.is_set
            else f"Aujourd'hui {long_date(today)}"
        )
        self.new_meeting_button.setVisible(not starting)  # the first steps' button leads
        self.organisation_hint.setVisible(not organisation.is_set and not starting)
        self.empty_card.setVisible(starting)
        self.cards.setVisible(not starting)
        if starting:
            return
        self._fill_questions(snapshot, today)
        fill_tools(self.tools_card, snapshot.tools_in_breach, self.window_.show_tool)
        fill_meetings(self.meetings_card, snapshot.meetings, today)
        self.upcoming.fill(snapshot.upcoming)
        fill_statements(
            self.statements_card, snapshot.statements, {m.id: m for m in snapshot.meetings}
        )
        accessibility.tab_in_layout_order(self)  # the cards' new rows were made last

    def _fill_questions(self, snapshot: dashboard.DashboardSnapshot, today: date) -> None:
        card = self.questions_card
        card.clear()
        total = sum(count for count, _oldest in snapshot.open_questions.values())
        if not total:
            card.body.addWidget(text_label("Aucune question en attente de réponse.", muted=True))
        else:
            chart = PendingChart()
            chart.setObjectName("pendingChart")
            chart.set_points(snapshot.pending)
            card.body.addWidget(text_label("En attente à la fin de chaque mois :", muted=True))
            card.body.addWidget(chart)
        # The employers that have kept the union waiting longest come first; past a few,
        # one line sums up the rest (a departmental union may follow dozens).
        owing = sorted(
            (e for e in snapshot.employers if e.id in snapshot.open_questions),
            key=lambda e: (snapshot.open_questions[e.id or 0][1], e.name),
        )
        shown = owing[:EMPLOYERS_SHOWN]
        if total and len(snapshot.employers) <= EMPLOYERS_SHOWN:
            quiet = [e for e in snapshot.employers if e.id not in snapshot.open_questions]
        else:
            quiet = []
        for employer in shown:
            count, oldest = snapshot.open_questions[employer.id or 0]
            # Alt+V opens the list only when it is the only « Voir » on the card.
            self._add_owing_row(employer, count, oldest, today, alt_letter=len(shown) == 1)
        for employer in quiet:
            name = f"<b>{html.escape(employer.name)}</b>"
            card.body.addWidget(
                text_label(f"{name}<br>Aucune question en attente.", rich=True, muted=True)
            )
        rest = owing[EMPLOYERS_SHOWN:]
        if rest:
            waiting = sum(snapshot.open_questions[e.id or 0][0] for e in rest)
            others = plural(len(rest), "autre employeur", "autres employeurs")
            label = text_label(
                f"Et {others} : {plural(waiting, 'question')} en attente "
                "(« Toutes les questions » pour les voir).",
                muted=True,
            )
            label.setObjectName("otherEmployers")
            card.body.addWidget(label)

    def _add_owing_row(
        self, employer: EmployerData, count: int, oldest: date, today: date, *, alt_letter: bool
    ) -> None:
        row = QHBoxLayout()
        row.setSpacing(12)
        name = f"<b>{html.escape(employer.name)}</b>"
        waiting = plural(count, "question") + " en attente de réponse"
        since = f"depuis le {long_date(oldest)} ({elapsed_phrase(oldest, today)})"
        emphasis = "font-size: large; font-weight: 600"
        text = f"{name}<br><span style='{emphasis}'>{waiting}</span><br>{since}"
        label = text_label(text, rich=True)
        label.setObjectName("pendingQuestions")
        row.addWidget(label, 1)
        button = link_button(
            "&Voir" if alt_letter else "Voir",
            f"Ouvrir les questions en attente {employer.in_sentence.of}",
            partial(self.open_questions, employer.id),
        )
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.questions_card.body.addLayout(row)
