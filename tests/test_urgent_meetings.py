"""Meetings convened as urgent: stored, counted with the body's urgent delay, dumped and
migrated (base at revision 0005, on SQLite and on PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from aiconsult_desktop.domain.deadlines import DeadlineKind, Rule
from aiconsult_desktop.services import body_rules, deadlines, meetings
from aiconsult_desktop.services.transfer import dump_store, dump_to_file, load_document, load_file
from aiconsult_desktop.store import Store, open_server_store, open_store
from aiconsult_desktop.store.migrate import upgrade
from tests.helpers import new_store, small_dossier
from tests.pg_server import PASSWORD, PgServer


def convocation(store: Store, meeting_id: int, today: date):  # type: ignore[no-untyped-def]
    meeting = meetings.get_meeting(store, meeting_id)
    found = deadlines.meeting_deadlines_now(store, meeting, today)
    return next(d for d in found if d.kind is DeadlineKind.CONVOCATION)


def test_an_urgent_meeting_is_saved_and_its_convocation_follows_the_urgent_delay(
    db: Store,
) -> None:
    ids = small_dossier(db)
    meeting = meetings.get_meeting(db, ids["meeting"])
    assert meeting.urgent is False
    meeting.convocation_received_on = date(2025, 5, 26)  # 10 days before 5 June
    meetings.save_meeting(db, meeting)
    before = convocation(db, ids["meeting"], date(2025, 6, 1))
    assert before.late and "prévoit 15 jours." in before.sentence

    meeting = meetings.get_meeting(db, ids["meeting"])
    meeting.urgent = True
    saved = meetings.save_meeting(db, meeting)
    assert saved.urgent and meetings.get_meeting(db, ids["meeting"]).urgent
    after = convocation(db, ids["meeting"], date(2025, 6, 1))
    assert not after.late and after.urgent and after.due == date(2025, 5, 28)

    body_id = meeting.body_id
    assert body_id is not None
    rules = body_rules.save_body_rules(db, body_id, {Rule.CONVOCATION_URGENT: 12})
    assert rules.settings[Rule.CONVOCATION_URGENT] == 12
    assert rules.rules.convocation_urgent_days == 12
    stricter = convocation(db, ids["meeting"], date(2025, 6, 1))
    assert stricter.late
    assert stricter.sentence.endswith("prévoit 12 jours en cas d'urgence.")
    emptied = body_rules.save_body_rules(db, body_id, {Rule.CONVOCATION_URGENT: None})
    assert emptied.rules.convocation_urgent_days == 8


def test_the_dashboard_says_an_awaited_convocation_is_for_an_urgent_meeting(
    store: Store,
) -> None:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.urgent = True
    meetings.save_meeting(store, meeting)
    texts = [u.text for u in deadlines.upcoming(store, today=date(2025, 5, 20))]
    assert "Convocation attendue (séance en urgence) — CST du 5 juin 2025" in texts


def test_dump_load_dump_keeps_urgency_byte_for_byte(store: Store, tmp_path: Path) -> None:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.urgent = True
    meetings.save_meeting(store, meeting)
    assert meeting.body_id is not None
    body_rules.save_body_rules(store, meeting.body_id, {Rule.CONVOCATION_URGENT: 5})
    first = tmp_path / "first.json"
    dump_to_file(store, first)
    dumped = json.loads(first.read_text(encoding="utf-8"))
    assert dumped["meetings"][0]["urgent"] is True
    assert [b["convocation_urgent_days"] for b in dumped["bodies"]] == [5, None]
    copy = new_store(tmp_path, "copy.sqlite3")
    load_file(copy, first)
    second = tmp_path / "second.json"
    dump_to_file(copy, second)
    assert first.read_bytes() == second.read_bytes()
    copy.close()


def test_a_file_written_before_urgency_existed_still_loads(store: Store, tmp_path: Path) -> None:
    small_dossier(store)
    old = dump_store(store)
    for row in old["meetings"]:
        del row["urgent"]
    for row in old["bodies"]:
        del row["convocation_urgent_days"]
    copy = new_store(tmp_path, "copy.sqlite3")
    load_document(copy, old)
    found = meetings.list_meetings(copy)
    assert found and not any(m.urgent for m in found)
    assert all(r.convocation_urgent_days == 8 for _n, r in body_rules.rules_by_body(copy).values())
    copy.close()


def fill_at_0005(connection) -> None:  # type: ignore[no-untyped-def]
    """An employer, its CST (with a rule of its own) and two meetings, as 0005 stored them."""
    upgrade(connection, "0005")
    for statement in (
        "INSERT INTO employer (id, name, short_name, created_at, updated_at) "
        "VALUES (1, 'Région des Pays de la Loire', '', '2025-01-01', '2025-01-01')",
        "INSERT INTO body (id, employer_id, kind, name, convocation_days, created_at, "
        "updated_at) VALUES (1, 1, 'cst', 'CST', 20, '2025-01-01', '2025-01-01')",
        "INSERT INTO meeting (id, employer_id, body_id, kind, title, starts_at, date_precision, "
        "place, notes, convocation_received_on, ics_uid, created_at, updated_at) VALUES "
        "(1, 1, 1, 'plenary', 'CST du 5 juin 2025', '2025-06-05 09:30:00', 'day', 'Nantes', '', "
        "'2025-05-26', 'a@x', '2025-01-01', '2025-01-01')",
        "INSERT INTO meeting (id, employer_id, body_id, kind, title, starts_at, date_precision, "
        "place, notes, ics_uid, created_at, updated_at) VALUES "
        "(2, 1, 1, 'plenary', 'CST de mars 2025', '2025-03-01 00:00:00', 'month', '', '', "
        "'b@x', '2025-01-01', '2025-01-01')",
        # Rows that refer to the meeting: a migration that copied and dropped the table
        # would fail on them (foreign keys are on) or take them away.
        "INSERT INTO agenda_item (id, meeting_id, position, title, kind, created_at, "
        "updated_at) VALUES (1, 1, 1, 'Déploiement de LigérIA', 'opinion', '2025-01-01', "
        "'2025-01-01')",
        "INSERT INTO statement (id, meeting_id, agenda_item_id, kind, title, text, state, "
        "excerpt, version, created_at, updated_at) VALUES (1, 1, 1, 'intervention', "
        "'Intervention', 'Texte.', 'draft', false, 1, '2025-01-01', '2025-01-01')",
    ):
        connection.execute(text(statement))


def check_upgraded(store: Store) -> None:
    found = meetings.list_meetings(store)
    assert [(m.title, m.urgent) for m in found] == [
        ("CST de mars 2025", False),
        ("CST du 5 juin 2025", False),
    ]
    june = next(m for m in found if m.id == 1)
    assert june.convocation_received_on == date(2025, 5, 26) and june.place == "Nantes"
    assert [item.title for item in june.agenda] == ["Déploiement de LigérIA"]
    assert june.statement_count == 1
    rules = body_rules.get_body_rules(store, 1)
    assert rules.rules.convocation_days == 20
    assert rules.settings[Rule.CONVOCATION_URGENT] is None
    assert rules.rules.convocation_urgent_days == 8
    june.urgent = True
    assert meetings.save_meeting(store, june).urgent


def test_a_base_at_revision_0005_keeps_its_meetings(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        fill_at_0005(connection)
    engine.dispose()
    store = open_store(path)
    check_upgraded(store)
    store.close()


def test_a_server_base_at_revision_0005_keeps_its_meetings(pg_server: PgServer) -> None:
    database = pg_server.create_database()
    engine = create_engine(pg_server.url(database, with_password=True))
    with engine.begin() as connection:
        fill_at_0005(connection)
    engine.dispose()
    store = open_server_store(pg_server.url(database), password=PASSWORD)
    check_upgraded(store)
    store.close()
