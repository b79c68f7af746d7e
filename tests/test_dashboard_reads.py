"""The dashboard reads what it shows in a few statements, and a page reads again only when
data of a kind it shows was written (the window's change signal names the kinds)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.services.dossiers import save_dossier
from aiconsult_desktop.services.employers import list_employers
from aiconsult_desktop.services.organisation import get_organisation, save_organisation
from aiconsult_desktop.services.questions import save_question
from aiconsult_desktop.services.records import DossierData, QuestionData
from aiconsult_desktop.store import Store
from tests.gui_support import make_window
from tests.helpers import counted_queries

MOST_STATEMENTS = 28
"""On the demo: organisation, employers and their bodies, open counts, the chart's two
aggregates, meetings (with their items, documents, attendees), statements, the bodies'
deadline rules, then the AI tools and what their status is computed from (34 before the
dashboard read at once: meetings and statements were read twice)."""


def test_a_dashboard_refresh_asks_the_same_few_statements_whatever_the_base_holds(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.dashboard)
    demo_store.writes.mark_everything()  # as after a restore: every figure is read again
    with counted_queries(demo_store) as on_demo:
        window.dashboard.refresh()
    assert window.dashboard.findChild(QWidget, "pendingChart") is not None  # chart read too
    assert 0 < len(on_demo) <= MOST_STATEMENTS, "\n".join(on_demo)
    assert not any(s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) for s in on_demo)

    employer = list_employers(demo_store)[0]
    for number in range(40):
        asked_on = date(2024, 1 + number % 12, 1 + number % 28)
        text = f"Question n° {number} sur le plan de formation ?"
        save_question(
            demo_store, QuestionData(employer_id=employer.id, text=text, asked_on=asked_on)
        )
    with counted_queries(demo_store) as with_more:
        window.dashboard.refresh()
    assert len(with_more) == len(on_demo), "no statement per question"
    assert _pending_of(window.dashboard) == 12 + 40

    with counted_queries(demo_store) as unchanged:  # no question written since: figures kept
        window.dashboard.refresh()
    assert len(unchanged) == len(on_demo) - 3  # the open counts and the chart's aggregates
    assert _pending_of(window.dashboard) == 12 + 40


def test_the_dashboard_reads_again_only_when_what_it_shows_changed(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.dashboard)
    dashboard = window.dashboard
    refreshed: list[int] = []
    original = dashboard.refresh
    monkeypatch.setattr(dashboard, "refresh", lambda: (refreshed.append(1), original()))
    signalled: list[frozenset[DataKind]] = []
    window.data_changed.connect(signalled.append)

    window.open_page(window.settings)
    window.open_page(dashboard)
    assert refreshed == [], "nothing was written: the dashboard is shown as it was"

    save_dossier(demo_store, DossierData(title="Réorganisation des services"))
    window.notify_changed()
    assert signalled == [frozenset({"dossiers"})]
    window.open_page(window.settings)
    window.open_page(dashboard)
    assert refreshed == [], "a dossier is not on the dashboard"

    employer = list_employers(demo_store)[0]
    before = _pending_of(dashboard)
    save_question(
        demo_store,
        QuestionData(employer_id=employer.id, text="Calendrier du CST ?", asked_on=date.today()),
    )
    window.notify_changed()
    assert signalled[-1] == frozenset({"questions"})
    assert refreshed == [1], "a question is on the dashboard it is showing"
    assert _pending_of(dashboard) == before + 1


def _pending_of(dashboard: QWidget) -> int:
    """The questions waiting for an answer, as the dashboard's rows say them."""
    from PySide6.QtWidgets import QLabel

    labels = [label.text() for label in dashboard.findChildren(QLabel, "pendingQuestions")]
    return sum(int(text.split("<span")[1].split(">")[1].split(" ")[0]) for text in labels)


def test_the_questions_page_ignores_what_it_does_not_show(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    page = window.questions
    window.open_page(page)
    refreshed: list[int] = []
    original = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: (refreshed.append(1), original()))

    organisation = get_organisation(demo_store)
    organisation.place = "Nantes"
    save_organisation(demo_store, organisation)  # not on the Questions page
    window.open_page(window.dashboard)
    window.open_page(page)
    assert refreshed == []

    save_dossier(demo_store, DossierData(title="Télétravail des agents"))  # in its filter
    window.open_page(window.dashboard)
    window.open_page(page)
    assert refreshed == [1]
