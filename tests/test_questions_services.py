"""The questions register against a real SQLite file: events, derived state, search,
relances, the upgrade of an existing base."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services import meetings, question_events, questions
from aiconsult_desktop.services.questions import QuestionFilter
from aiconsult_desktop.services.records import QuestionData, QuestionEventData
from aiconsult_desktop.store import Store, migrate, open_store
from aiconsult_desktop.store.fts import has_fts
from tests.helpers import small_dossier


def event(question_id: int, kind: EventKind, on: date, **extra: object) -> QuestionEventData:
    return QuestionEventData(question_id=question_id, kind=kind, on=on, **extra)  # type: ignore[arg-type]


def test_events_drive_the_state_and_can_be_corrected_or_removed(store: Store) -> None:
    ids = small_dossier(store)
    qid = ids["question"]
    history = question_events.list_events(store, qid)
    assert [(e.kind, e.on, e.channel) for e in history] == [
        (EventKind.ASKED, date(2025, 6, 5), Channel.MEETING)
    ]
    question_events.save_event(store, event(qid, EventKind.ASKED_AGAIN, date(2025, 9, 1)))
    answered = question_events.save_event(
        store,
        event(qid, EventKind.ANSWERED, date(2025, 10, 1), channel=Channel.LETTER, text="Oui."),
    )
    got = questions.get_question(store, qid)
    assert (got.state, got.answer, got.relances) == (QuestionState.ANSWERED, "Oui.", 1)
    assert got.answered_on == date(2025, 10, 1)

    question_events.save_event(store, replace(answered, kind=EventKind.PARTIAL_ANSWER))
    assert questions.get_question(store, qid).state is QuestionState.PARTIAL
    question_events.delete_event(store, answered.id)  # type: ignore[arg-type]
    got = questions.get_question(store, qid)
    assert (got.state, got.answer) == (QuestionState.PENDING, "")
    assert "relancée 1 fois" in got.age


def test_answer_dated_before_the_question_is_refused_and_nothing_changes(store: Store) -> None:
    qid = small_dossier(store)["question"]
    with pytest.raises(ValidationError, match="avant que la question soit posée"):
        question_events.save_event(store, event(qid, EventKind.ANSWERED, date(2025, 6, 4)))
    assert len(question_events.list_events(store, qid)) == 1
    assert questions.get_question(store, qid).state is QuestionState.PENDING
    # Moving the first-asked date after a relance is refused too.
    question_events.save_event(store, event(qid, EventKind.ASKED_AGAIN, date(2025, 9, 1)))
    question = questions.get_question(store, qid)
    with pytest.raises(ValidationError, match="avant que la question soit posée"):
        questions.save_question(store, replace(question, asked_on=date(2025, 10, 1)))


def test_event_on_a_deleted_meeting_stays_with_its_date(store: Store) -> None:
    ids = small_dossier(store)
    qid = ids["question"]
    relance = question_events.save_event(
        store, event(qid, EventKind.ASKED_AGAIN, date(2025, 6, 5), meeting_id=ids["meeting"])
    )
    assert relance.meeting_title == "CST du 5 juin 2025"
    meetings.delete_meeting(store, ids["meeting"], with_statements=True)
    history = question_events.list_events(store, qid)
    assert [(e.kind, e.on, e.meeting_id) for e in history] == [
        (EventKind.ASKED, date(2025, 6, 5), None),
        (EventKind.ASKED_AGAIN, date(2025, 6, 5), None),
    ]
    assert questions.get_question(store, qid).relances == 1


def test_a_meeting_of_another_employer_is_refused_for_an_event(demo_store: Store) -> None:
    store = demo_store
    from aiconsult_desktop.services import employers
    from aiconsult_desktop.services.records import EmployerData

    other = employers.save_employer(store, EmployerData(name="Département de la Sarthe"))
    q = questions.save_question(
        store,
        QuestionData(employer_id=other.id or 0, text="Quel budget ?", asked_on=date(2025, 1, 1)),
    )
    demo_meeting = meetings.list_meetings(store)[0]
    with pytest.raises(ValidationError, match="pas une réunion de l'employeur"):
        question_events.save_event(
            store,
            event(q.id or 0, EventKind.ASKED_AGAIN, date(2025, 6, 5), meeting_id=demo_meeting.id),
        )


@pytest.mark.parametrize(
    "typed", ['"', "*", "(", ")", "\u0301", "é", "NEAR(", "a OR b -c", "'", "^"]
)
def test_search_never_crashes_on_odd_input(demo_store: Store, typed: str) -> None:
    questions.list_questions(demo_store, text=typed)
    questions.count_questions(demo_store, QuestionFilter(text=typed))


def test_search_ignores_accents_and_case_and_matches_prefixes(demo_store: Store) -> None:
    found = questions.list_questions(demo_store, text="RECONNAISSANCE des emotions")
    assert len(found) == 1 and "reconnaissance des émotions" in found[0].text
    assert len(questions.list_questions(demo_store, text="psychosoc")) >= 1
    assert questions.list_questions(demo_store, text='"émotions" (notation*') != []
    # An edited question is found by its new words only (triggers keep the index in sync).
    first = questions.list_questions(demo_store)[0]
    questions.save_question(demo_store, replace(first, text="Quid du télétravail ?"))
    assert [q.id for q in questions.list_questions(demo_store, text="teletravail")] == [first.id]
    assert first.id not in [q.id for q in questions.list_questions(demo_store, text="algorithmes")]


def test_search_within_a_state_follows_answers_and_counts_match_the_list(
    demo_store: Store,
) -> None:
    store = demo_store
    waiting = frozenset(s for s in QuestionState if s.is_open)
    answered = frozenset({QuestionState.ANSWERED})
    search = QuestionFilter(states=waiting, text="emotions")
    found = questions.list_page(store, search)
    assert found and questions.count_questions(store, search) == len(found)
    target = found[0]
    question_events.save_event(store, event(target.id, EventKind.ANSWERED, date(2025, 7, 1)))
    # The state is in the search index: answering moves the question between filters.
    assert target.id not in [q.id for q in questions.list_page(store, search)]
    assert questions.count_questions(store, search) == len(found) - 1
    now_answered = QuestionFilter(states=answered, text="emotions")
    assert [q.id for q in questions.list_page(store, now_answered)] == [target.id]
    assert questions.count_questions(store, now_answered) == 1
    # The words a user types never match the state column itself.
    assert questions.count_questions(store, QuestionFilter(text="answered")) == 0
    # Other filters combine with the words and states.
    mine = QuestionFilter(states=answered, text="emotions", employer_id=target.employer_id)
    assert questions.count_questions(store, mine) == 1
    other = QuestionFilter(states=answered, text="emotions", employer_id=target.employer_id + 99)
    assert questions.count_questions(store, other) == 0


def test_a_base_of_revision_0006_gets_states_in_its_search_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0006")
        connection.execute(
            sa.text(
                "INSERT INTO employer (id, name, short_name, answer_deadline_days, created_at, "
                "updated_at) VALUES (1, 'Région', '', 61, '2025-01-01', '2025-01-01')"
            )
        )
        for qid, state in ((1, "pending"), (2, "answered")):
            connection.execute(
                sa.text(
                    "INSERT INTO question (id, employer_id, text, asked_on, state, answer, "
                    "version, created_at, updated_at) VALUES (:id, 1, 'Quid des émotions ?', "
                    "'2025-05-15', :state, '', 1, '2025-01-01', '2025-01-01')"
                ),
                {"id": qid, "state": state},
            )
    engine.dispose()
    store = open_store(path)
    waiting = frozenset(s for s in QuestionState if s.is_open)
    search = QuestionFilter(states=waiting, text="EMOTIONS")
    assert [q.id for q in questions.list_page(store, search)] == [1]
    assert questions.count_questions(store, search) == 1
    assert questions.count_questions(store, QuestionFilter(text="emotions")) == 2
    store.close()


def test_filters_page_and_count(demo_store: Store) -> None:
    store = demo_store
    everything = QuestionFilter()
    assert questions.count_questions(store, everything) == 12
    page = questions.list_page(store, everything, limit=5, offset=10)
    assert len(page) == 2
    assert [q.id for q in questions.list_questions(store)][10:] == [q.id for q in page]
    old = QuestionFilter(min_age_days=365)
    assert questions.count_questions(store, old, today=date(2025, 10, 10)) == 3  # October 2024
    assert questions.count_questions(store, QuestionFilter(dossier_id=999)) == 0


def test_liste_de_relance_marks_all_pending_questions_at_once(demo_store: Store) -> None:
    store = demo_store
    employer_id = questions.list_questions(store)[0].employer_id
    pending = questions.relance_list(store, employer_id)
    assert len(pending) == 12
    june = next(m for m in meetings.list_meetings(store) if m.title == "CST du 5 juin 2025")
    count = question_events.mark_asked_again(
        store, [q.id for q in pending], june.id, date(2025, 6, 5)
    )  # type: ignore[misc]
    assert count == 12
    after = questions.list_questions(store)
    assert all(q.relances == 1 and q.last_asked_on == date(2025, 6, 5) for q in after)


def test_a_hundred_kilobyte_question_is_kept_whole(store: Store) -> None:
    ids = small_dossier(store)
    text = ("Question très longue sur l'IA. " * 4000)[:100_000]
    saved = questions.save_question(
        store, QuestionData(employer_id=ids["employer"], text=text, asked_on=date(2025, 1, 2))
    )
    assert questions.get_question(store, saved.id or 0).text == text
    assert saved.id in [q.id for q in questions.list_questions(store, text="longue")]


def test_upgrading_a_base_of_revision_0001_keeps_questions_meaning(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    now = datetime(2025, 7, 1, 10, 0)
    with engine.begin() as connection:
        migrate.upgrade(connection, "0001")
        connection.execute(
            sa.text(
                "INSERT INTO employer (id, name, short_name, created_at, updated_at) "
                "VALUES (1, 'Région des Pays de la Loire', 'Région', :now, :now)"
            ),
            {"now": now},
        )
        for qid, state, answer in [
            (1, "pending", ""),
            (2, "answered", "Oui, en septembre."),
            (3, "withdrawn", ""),
        ]:
            connection.execute(
                sa.text(
                    "INSERT INTO question (id, employer_id, text, asked_on, state, answer, "
                    "version, created_at, updated_at) VALUES (:id, 1, :text, '2025-05-15', "
                    ":state, :answer, 1, :now, :now)"
                ),
                {
                    "id": qid,
                    "text": f"Question n° {qid} sur les émotions ?",
                    "state": state,
                    "answer": answer,
                    "now": now,
                },
            )
    engine.dispose()

    store = open_store(path)
    got = {q.id: q for q in questions.list_questions(store)}
    assert {i: q.state for i, q in got.items()} == {
        1: QuestionState.PENDING,
        2: QuestionState.ANSWERED,
        3: QuestionState.WITHDRAWN,
    }
    assert got[2].answer == "Oui, en septembre." and got[2].answered_on == date(2025, 7, 1)
    kinds = [e.kind for e in question_events.list_events(store, 2)]
    assert kinds == [EventKind.ASKED, EventKind.ANSWERED]
    assert len(questions.list_questions(store, text="emotions")) == 3
    from aiconsult_desktop.services import employers

    assert employers.list_employers(store)[0].name == "Région des Pays de la Loire"
    with store.engine.connect() as connection:
        assert has_fts(connection)
    store.close()


def test_deleting_an_employer_deletes_its_events(store: Store) -> None:
    ids = small_dossier(store)
    from aiconsult_desktop.services import employers

    employers.delete_employer(store, ids["employer"], cascade=True)
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM question_event")).scalar() == 0
