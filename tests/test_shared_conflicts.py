"""Two people saving the same record on a shared base (issue 16, item 10): meetings and
employers get the who-saved-last check of questions and statements, and a refused
question keeps the user's text in one copy, as a refused statement does.

The `db` fixture runs each test on a local SQLite file and on a real PostgreSQL server.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from aiconsult_desktop.domain.enums import AgendaItemKind, BodyKind
from aiconsult_desktop.errors import ConflictError, StoreError
from aiconsult_desktop.services import employers, meetings, questions
from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.services.records import AgendaItemData, BodyData
from aiconsult_desktop.store import Store, migrate, open_server_store, open_store
from aiconsult_desktop.store.models import Meeting, Question
from tests.pg_server import PASSWORD, PgServer


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("AICONSULT_USER", name)


def test_a_stale_meeting_save_is_refused_with_who_and_when(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(db)
    first = meetings.list_meetings(db)[0]
    assert first.id is not None
    mine, theirs = meetings.get_meeting(db, first.id), meetings.get_meeting(db, first.id)
    as_user(monkeypatch, "Marie")
    meetings.save_meeting(db, replace(theirs, place="Salle B"))
    as_user(monkeypatch, "Karim")
    with pytest.raises(ConflictError, match="Cette réunion a été modifiée par « Marie » depuis"):
        meetings.save_meeting(db, replace(mine, place="Salle A"))
    assert meetings.get_meeting(db, first.id).place == "Salle B"

    # An agenda-only edit is an edit of the meeting too.
    fresh = meetings.get_meeting(db, first.id)
    as_user(monkeypatch, "Marie")
    point = AgendaItemData("Point ajouté par Marie", AgendaItemKind.INFORMATION, 99)
    meetings.save_meeting(db, replace(fresh, agenda=[*fresh.agenda, point]))
    as_user(monkeypatch, "Karim")
    with pytest.raises(ConflictError, match="« Marie »"):
        meetings.save_meeting(db, replace(fresh, notes="Notes de Karim"))
    saved = meetings.get_meeting(db, first.id)
    assert saved.agenda[-1].title == "Point ajouté par Marie" and saved.notes == fresh.notes
    # Once the newer version is read, saving works again.
    assert meetings.save_meeting(db, replace(saved, notes="Notes de Karim")).notes == (
        "Notes de Karim"
    )


def test_a_stale_employer_save_is_refused_with_who_and_when(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(db)
    employer = employers.list_employers(db)[0]
    assert employer.id is not None
    as_user(monkeypatch, "Marie")
    cap = BodyData(BodyKind.CAP, "CAP des attachés")
    employers.save_employer(db, replace(employer, bodies=[*employer.bodies, cap]))
    as_user(monkeypatch, "Karim")
    with pytest.raises(ConflictError, match="Cet employeur a été modifié par « Marie » depuis que "
                       "vous l'avez ouvert "):  # fmt: skip
        employers.save_employer(db, replace(employer, short_name="RPDL"))
    saved = employers.get_employer(db, employer.id)
    assert saved.short_name == employer.short_name
    assert "CAP des attachés" in [b.name for b in saved.bodies]


def test_a_refused_question_keeps_the_users_text_in_one_copy(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_demo(db)
    original = questions.list_questions(db)[0]
    assert original.id is not None
    before = len(questions.list_questions(db))
    as_user(monkeypatch, "Marie")
    questions.save_question(db, replace(original, text="La question de Marie ?"))
    as_user(monkeypatch, "Karim")
    with pytest.raises(ConflictError, match="« Marie »") as refused:
        questions.save_question(db, replace(original, text="La question de Karim ?"))
    copy = refused.value.kept
    assert isinstance(copy, type(original)) and copy.id is not None
    assert f"la question n° {copy.id}" in refused.value.message
    assert questions.get_question(db, original.id).text == "La question de Marie ?"
    assert questions.get_question(db, copy.id).text == (
        "(version de Karim non enregistrée) La question de Karim ?"
    )
    assert copy.employer_id == original.employer_id and copy.asked_on == original.asked_on
    assert len(questions.list_questions(db)) == before + 1


def test_a_save_racing_another_on_the_server_is_a_conflict_not_a_crash(
    pg_server: PgServer,
) -> None:
    """Both read version 1, the other writes first: the UPDATE finds no row of version 1."""
    url = pg_server.url(pg_server.create_database())
    mine, theirs = open_server_store(url, PASSWORD), open_server_store(url, PASSWORD)
    try:
        load_demo(mine)
        meeting_id = meetings.list_meetings(mine)[0].id
        assert meeting_id is not None
        refused = pytest.raises(ConflictError, match="au même moment")
        with refused, mine.session() as session:
            row = session.get(Meeting, meeting_id)
            assert row is not None
            other = meetings.get_meeting(theirs, meeting_id)
            meetings.save_meeting(theirs, replace(other, place="Salle B"))
            row.place = "Salle A"
        assert meetings.get_meeting(mine, meeting_id).place == "Salle B"
    finally:
        mine.close()
        theirs.close()


def test_two_saves_deadlocked_on_the_server_one_lands_the_other_is_told_in_french(
    pg_server: PgServer,
) -> None:
    """Two people save two questions in crossed order at the same instant: PostgreSQL
    cancels one whole; that user reads what happened and what to do, the other's lands."""
    url = pg_server.url(pg_server.create_database())
    stores = open_server_store(url, PASSWORD), open_server_store(url, PASSWORD)
    try:
        load_demo(stores[0])
        first, second = (q.id for q in questions.list_questions(stores[0])[:2])
        both_locked = threading.Barrier(2, timeout=30)
        said: dict[str, str] = {}

        def save(store: Store, one: int | None, other: int | None, who: str) -> None:
            try:
                with store.session() as session:
                    for n, question_id in enumerate((one, other)):
                        change = sa.update(Question).where(Question.id == question_id)
                        session.execute(change.values(answer=f"Réponse notée par {who}"))
                        if n == 0:
                            both_locked.wait()  # each holds one row, then wants the other
                said[who] = "enregistré"
            except StoreError as error:
                said[who] = error.message

        workers = [
            threading.Thread(target=save, args=(stores[0], first, second, "Marie")),
            threading.Thread(target=save, args=(stores[1], second, first, "Karim")),
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        assert sorted(said.values())[-1] == "enregistré"
        refused = sorted(said.values())[0]
        assert refused.startswith("Un autre poste enregistrait au même moment")
        assert "Rien n'a été enregistré. Enregistrez de nouveau." in refused
        winner = next(who for who, outcome in said.items() if outcome == "enregistré")
        answers = {q.answer for q in questions.list_questions(stores[1])[:2]}
        assert answers == {f"Réponse notée par {winner}"}
    finally:
        for store in stores:
            store.close()


def test_a_base_of_revision_0008_gets_versions_on_meetings_and_employers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0008")
        connection.execute(
            sa.text(
                "INSERT INTO employer (id, name, short_name, answer_deadline_days, created_at, "
                "updated_at) VALUES (1, 'Région', '', 61, '2025-01-01', '2025-01-01')"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO meeting (id, employer_id, kind, title, starts_at, date_precision, "
                "place, notes, urgent, ics_uid, created_at, updated_at) VALUES (1, 1, "
                "'plenary', 'CST du 5 juin', '2025-06-05 09:30:00', 'day', '', '', 0, 'u1', "
                "'2025-01-01', '2025-01-01')"
            )
        )
    engine.dispose()
    store = open_store(path)
    try:
        meeting = meetings.get_meeting(store, 1)
        assert meeting.version == 1 and employers.get_employer(store, 1).version == 1
        as_user(monkeypatch, "Marie")
        saved = meetings.save_meeting(store, replace(meeting, place="Salle B"))
        assert saved.version == 2
        with pytest.raises(ConflictError, match="« Marie »"):
            meetings.save_meeting(store, replace(meeting, place="Salle A"))
    finally:
        store.close()
