"""Migration 0008 (AI tools register): a base of the previous schema, full of a user's
data, upgrades without losing a row, on SQLite and on PostgreSQL; the library gains the
grounds the checklist cites, without touching a ground the user already wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Connection, create_engine, text

from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.services import ai_register, ai_tools, meetings, questions, statements
from aiconsult_desktop.services.ai_records import AiToolData, LifeEventData
from aiconsult_desktop.services.legal_grounds import grounds_by_label
from aiconsult_desktop.store import Store, open_server_store, open_store
from aiconsult_desktop.store.migrate import upgrade
from tests.pg_server import PASSWORD, PgServer

PREVIOUS = "0007"


def fill_previous(connection: Connection) -> None:
    """An employer, a meeting with its agenda, a question, a statement, a user's ground."""
    upgrade(connection, PREVIOUS)
    for statement in (
        "INSERT INTO employer (id, name, short_name, answer_deadline_days, created_at, "
        "updated_at) VALUES (1, 'Région des Pays de la Loire', 'Région', 61, '2025-01-01', "
        "'2025-01-01')",
        "INSERT INTO body (id, employer_id, kind, name, created_at, updated_at) "
        "VALUES (1, 1, 'cst', 'CST', '2025-01-01', '2025-01-01')",
        "INSERT INTO dossier (id, title, description, created_at, updated_at) "
        "VALUES (1, 'Déploiement de l''IA', '', '2025-01-01', '2025-01-01')",
        "INSERT INTO meeting (id, employer_id, body_id, dossier_id, kind, title, starts_at, "
        "date_precision, place, notes, urgent, ics_uid, created_at, updated_at) VALUES "
        "(1, 1, 1, 1, 'plenary', 'CST du 5 juin 2025', '2025-06-05 09:30:00', 'day', 'Nantes', "
        "'', false, 'a@x', '2025-01-01', '2025-01-01')",
        "INSERT INTO agenda_item (id, meeting_id, position, title, kind, created_at, "
        "updated_at) VALUES (1, 1, 1, 'Déploiement de LigérIA', 'opinion', '2025-01-01', "
        "'2025-01-01')",
        "INSERT INTO question (id, employer_id, dossier_id, meeting_id, text, asked_on, state, "
        "answer, version, updated_by, created_at, updated_at) VALUES (1, 1, 1, 1, "
        "'Quel calendrier ?', '2025-05-15', 'pending', '', 1, '', '2025-01-01', '2025-01-01')",
        'INSERT INTO question_event (id, question_id, kind, "on", channel, text, created_at, '
        "updated_at) VALUES (1, 1, 'asked', '2025-05-15', 'meeting', '', '2025-01-01', "
        "'2025-01-01')",
        "INSERT INTO statement (id, meeting_id, agenda_item_id, dossier_id, kind, title, text, "
        "state, excerpt, version, updated_by, created_at, updated_at) VALUES (1, 1, 1, 1, "
        "'intervention', 'Intervention', 'Texte.', 'draft', false, 1, '', '2025-01-01', "
        "'2025-01-01')",
        # A user who already wrote a ground under a label 0008 seeds keeps their text.
        "INSERT INTO legal_ground (label, reference, summary, created_at, updated_at) VALUES "
        "('AI Act : maîtrise de l''IA', 'Ma référence', 'Mon résumé', '2025-01-01', "
        "'2025-01-01')",
    ):
        connection.execute(text(statement))


def check_upgraded(store: Store) -> None:
    [meeting] = meetings.list_meetings(store)
    assert (meeting.title, meeting.place, [a.title for a in meeting.agenda]) == (
        "CST du 5 juin 2025",
        "Nantes",
        ["Déploiement de LigérIA"],
    )
    [question] = questions.list_questions(store)
    assert (question.text, question.dossier_id) == ("Quel calendrier ?", 1)
    assert statements.get_statement(store, 1).text == "Texte."
    grounds = grounds_by_label(store)
    assert grounds["AI Act : maîtrise de l'IA"].reference == "Ma référence"
    assert "RGPD : analyse d'impact (AIPD)" in grounds
    assert "TJ Nanterre : déploiement de l'IA avant la fin de la consultation" in grounds
    tool_id = ai_tools.save_tool(store, AiToolData(employer_id=1, name="LigérIA", dossier_id=1))
    ai_tools.save_event(store, LifeEventData(tool_id, LifeStage.DEPLOYED, date(2025, 6, 12)))
    ai_tools.link_agenda_item(store, tool_id, 1)
    status = ai_register.get_tool(store, tool_id).status
    assert status is not None
    assert status.questions == "1 question sans réponse depuis le 15 mai 2025"


def test_a_base_of_the_previous_schema_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        fill_previous(connection)
    engine.dispose()
    store = open_store(path)
    check_upgraded(store)
    store.close()


def test_a_server_base_of_the_previous_schema_keeps_everything(pg_server: PgServer) -> None:
    database = pg_server.create_database()
    engine = create_engine(pg_server.url(database, with_password=True))
    with engine.begin() as connection:
        fill_previous(connection)
    engine.dispose()
    store = open_server_store(pg_server.url(database), password=PASSWORD)
    check_upgraded(store)
    store.close()
