"""The dashboard's question figures come from tallies the database keeps (store.tallies):
after every kind of write they equal a fresh count of the questions and their events."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.services import employers, question_events, questions
from aiconsult_desktop.services.dashboard import read_dashboard
from aiconsult_desktop.services.question_trend import month_ends, pending_by_month
from aiconsult_desktop.services.records import EmployerData, QuestionData, QuestionEventData
from aiconsult_desktop.services.transfer import dump_store, load_document
from aiconsult_desktop.store import Store, open_store
from aiconsult_desktop.store.models import Question, QuestionEvent
from aiconsult_desktop.store.tallies import CLOSING_KINDS
from tests.gui_support import make_window
from tests.helpers import base_at_revision

TODAY = date(2025, 6, 20)
Figures = tuple[dict[int, tuple[int, date]], list[tuple[date, int]]]


def fresh_count(store: Store) -> Figures:
    """What the tallies stand for, counted from every question and event (the dashboard's
    queries before the tallies)."""
    open_states = [s.value for s in QuestionState if s.is_open]
    with store.session() as session:
        open_questions = {
            employer_id: (count, oldest)
            for employer_id, count, oldest in session.execute(
                sa.select(Question.employer_id, sa.func.count(), sa.func.min(Question.asked_on))
                .where(Question.state.in_(open_states))
                .group_by(Question.employer_id)
            )
        }
        asked = list(session.execute(sa.select(Question.asked_on)).scalars())
        closed = list(
            session.execute(
                sa.select(sa.func.min(QuestionEvent.on))
                .where(QuestionEvent.kind.in_([kind.value for kind in CLOSING_KINDS]))
                .group_by(QuestionEvent.question_id)
            ).scalars()
        )
    pending = [
        (end, sum(day <= end for day in asked) - sum(day <= end for day in closed))
        for end in month_ends(TODAY, 24)
    ]
    return open_questions, pending


def figures(store: Store) -> Figures:
    return questions.count_open_questions(store), pending_by_month(store, TODAY)


def _question(employer_id: int, text: str, asked_on: date) -> QuestionData:
    return QuestionData(employer_id=employer_id, text=text, asked_on=asked_on)


def test_the_figures_equal_a_fresh_count_after_saves_answers_and_deletions(db: Store) -> None:
    region = employers.save_employer(db, EmployerData(name="Région Occitanie")).id
    commune = employers.save_employer(db, EmployerData(name="Commune de Sète")).id
    assert region is not None and commune is not None
    first = questions.save_question(
        db, _question(region, "Le plan de formation ?", date(2024, 3, 5))
    )
    questions.add_questions(
        db, _question(commune, "x", date(2024, 11, 2)), ["Le budget ?", "Les effectifs ?"]
    )
    steps = [figures(db)]
    assert steps[0] == fresh_count(db)
    assert steps[0][0] == {region: (1, date(2024, 3, 5)), commune: (2, date(2024, 11, 2))}

    assert first.id is not None
    answer = question_events.save_event(
        db, QuestionEventData(first.id, EventKind.ANSWERED, date(2025, 1, 10), text="Oui.")
    )
    assert figures(db) == fresh_count(db)
    assert region not in figures(db)[0]  # answered: nothing owed any more
    question_events.save_event(  # a refusal later does not move the end of its wait
        db, QuestionEventData(first.id, EventKind.REFUSED, date(2025, 2, 1))
    )
    assert figures(db) == fresh_count(db)
    assert answer.id is not None
    question_events.delete_event(db, answer.id)  # its wait now ends with the refusal
    assert figures(db) == fresh_count(db)

    saved = questions.get_question(db, first.id)  # moved to the other employer, re-dated
    questions.save_question(db, replace(saved, employer_id=commune, asked_on=date(2023, 1, 9)))
    assert figures(db) == fresh_count(db)

    questions.delete_question(db, first.id)
    assert figures(db) == fresh_count(db)
    assert figures(db)[0] == {commune: (2, date(2024, 11, 2))}

    employers.delete_employer(db, commune, cascade=True)
    assert figures(db) == fresh_count(db) == ({}, [(end, 0) for end in month_ends(TODAY, 24)])


def test_a_loaded_file_is_counted_as_it_is_written(demo_store: Store, tmp_path: Path) -> None:
    """A JSON load writes rows with Core inserts: the triggers count them all the same."""
    document = dump_store(demo_store)
    other = open_store(tmp_path / "other.sqlite3")
    load_document(other, document)
    assert figures(other) == fresh_count(other) == figures(demo_store)
    assert sum(count for count, _oldest in figures(other)[0].values()) == 12
    other.close()


def test_the_dashboard_after_a_save_shows_what_a_fresh_count_says(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.dashboard)
    employer = employers.list_employers(demo_store)[0]
    assert employer.id is not None
    questions.save_question(demo_store, _question(employer.id, "Le télétravail ?", TODAY))
    snapshot = read_dashboard(demo_store, TODAY)
    assert (snapshot.open_questions, snapshot.pending) == fresh_count(demo_store)
    assert sum(count for count, _oldest in snapshot.open_questions.values()) == 13


def test_a_base_of_revision_0014_is_counted_when_upgraded(tmp_path: Path) -> None:
    """Migration 0015 counts the questions already there, then keeps counting."""
    path = tmp_path / "old.sqlite3"
    stamp = "'2025-01-01', '2025-01-01'"
    base_at_revision(path, "0014", f", (1, 'refused', '2025-02-10', 'other', '', {stamp})")
    store = open_store(path)
    assert figures(store) == fresh_count(store)
    assert pending_by_month(store, date(2025, 4, 20), months=4) == [
        (date(2025, 1, 31), 1),
        (date(2025, 2, 28), 1),  # the refusal of 10 February ended the first one's wait
        (date(2025, 3, 31), 1),
        (date(2025, 4, 20), 1),
    ]
    questions.delete_question(store, 2)
    assert figures(store) == fresh_count(store) == ({}, figures(store)[1])
    store.close()
