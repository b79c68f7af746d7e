"""Statement versions, states, templates, legal grounds, settings, and the migration."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from aiconsult_desktop.domain.enums import QuestionState, StatementKind, StatementState
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services import statements
from aiconsult_desktop.services.legal_grounds import list_legal_grounds, save_legal_ground
from aiconsult_desktop.services.statement_blocks import pending_questions, questions_markdown
from aiconsult_desktop.services.statement_settings import (
    get_words_per_minute,
    set_letterhead,
    set_words_per_minute,
)
from aiconsult_desktop.services.statement_templates import (
    delete_template,
    list_templates,
    save_as_template,
)
from aiconsult_desktop.services.statement_versions import list_versions
from aiconsult_desktop.services.statements import restore_version
from aiconsult_desktop.services.transfer import dump_store, load_document
from aiconsult_desktop.store import Store, migrate, open_store
from tests.helpers import small_dossier


def test_explicit_saves_and_state_changes_keep_versions_autosaves_do_not(store: Store) -> None:
    ids = small_dossier(store)
    current = statements.get_statement(store, ids["statement"])
    current = statements.save_statement(store, replace(current, text="Autosave."))
    assert list_versions(store, ids["statement"]) == []
    current = statements.save_statement(
        store, replace(current, text="Version une."), reason="Enregistrement"
    )
    current = statements.save_statement(store, replace(current, state=StatementState.TO_VALIDATE))
    versions = list_versions(store, ids["statement"])
    assert [(v.number, v.reason) for v in versions] == [
        (2, "État : À valider"),
        (1, "Enregistrement"),
    ]
    assert versions[1].text == "Version une."


def test_a_statement_read_at_the_meeting_is_locked_until_modifier(store: Store) -> None:
    ids = small_dossier(store)
    current = statements.get_statement(store, ids["statement"])
    read = statements.save_statement(store, replace(current, state=StatementState.READ))
    assert read.read_on == date(2025, 6, 5)  # the meeting's day

    with pytest.raises(ValidationError, match="lue en séance"):
        statements.save_statement(store, replace(read, text="Changé après coup."))

    reopened = statements.reopen_statement(store, ids["statement"])
    assert reopened.state is StatementState.DRAFT and reopened.read_on is None
    changed = statements.save_statement(store, replace(reopened, text="Nouvelle version."))
    assert changed.text == "Nouvelle version."
    kept = [v for v in list_versions(store, ids["statement"]) if v.state is StatementState.READ]
    assert [v.text for v in kept] == ["Premier paragraphe.\nSecond paragraphe."]


def test_restoring_an_older_version_keeps_the_current_one(store: Store) -> None:
    ids = small_dossier(store)
    current = statements.get_statement(store, ids["statement"])
    current = statements.save_statement(store, replace(current, text="Ancien."), reason="A")
    current = statements.save_statement(store, replace(current, text="Récent."), reason="B")

    restored = restore_version(store, ids["statement"], 1)

    assert restored.text == "Ancien."
    versions = list_versions(store, ids["statement"])
    assert versions[0].reason == "Restauration de la version n° 1"
    assert any(v.text == "Récent." for v in versions)


def test_templates_are_seeded_and_users_add_their_own(store: Store) -> None:
    names = [t.name for t in list_templates(store)]
    assert names[:5] == [
        "Déclaration liminaire",
        "Intervention sur un point",
        "Motion ou vœu",
        "Explication de vote",
        "Demande d'inscription d'un point à l'ordre du jour",
    ]
    request = list_templates(store)[4]
    assert "2021-571" in request.text and "art. 86" in request.text

    mine = save_as_template(
        store, "Ma déclaration IA", "Texte[^1]\n\n[^1]: Note.", StatementKind.OPENING
    )
    assert mine.name in [t.name for t in list_templates(store)]
    with pytest.raises(ValidationError, match="déjà"):
        save_as_template(store, "Ma déclaration IA", "Autre", StatementKind.OPENING)
    with pytest.raises(ValidationError):
        delete_template(store, request.id or 0)


def test_legal_grounds_are_seeded_with_their_sources_and_editable(store: Store) -> None:
    grounds = {g.label: g for g in list_legal_grounds(store)}
    ai_act = grounds["AI Act : information des représentants du personnel"]
    assert "2024/1689" in ai_act.reference and "art. 26, § 7" in ai_act.reference
    assert ai_act.applies_on == date(2026, 8, 2)
    assert any("24/01457" in g.reference for g in grounds.values())
    assert any("art. 86" in g.reference for g in grounds.values())

    moved = save_legal_ground(store, replace(ai_act, applies_on=date(2027, 12, 2)))
    assert moved.applies_on == date(2027, 12, 2)
    assert ai_act.footnote().startswith("Règlement (UE) 2024/1689")


def test_pending_questions_become_a_numbered_list_with_their_dates(demo_store: Store) -> None:
    pending = pending_questions(demo_store, 1)
    assert pending and all(q.state.is_open for q in pending)
    markdown = questions_markdown(pending[:2])
    lines = markdown.split("\n")
    assert lines[0].startswith("1. ") and lines[1].startswith("2. ")
    assert lines[0].endswith(", sans réponse à ce jour)") or QuestionState.PENDING not in {
        pending[0].state
    }
    assert "(posée le " in lines[0]


def test_reading_speed_is_a_setting_defaulting_to_130(store: Store) -> None:
    assert get_words_per_minute(store) == 130
    set_words_per_minute(store, 110)
    assert get_words_per_minute(store) == 110
    with pytest.raises(ValidationError):
        set_words_per_minute(store, 5)


def test_dump_and_load_keep_versions_templates_and_grounds(store: Store, tmp_path: Path) -> None:
    ids = small_dossier(store)
    current = statements.get_statement(store, ids["statement"])
    statements.save_statement(store, replace(current, text="Gardé."), reason="Enregistrement")
    save_as_template(store, "Le mien", "Texte.", StatementKind.MOTION)
    set_letterhead(store, tmp_path / "entete.docx")
    dump = dump_store(store)

    other = open_store(tmp_path / "other.sqlite3")
    load_document(other, dump)
    again = dump_store(other)
    for section in ("statement_versions", "statement_templates", "legal_grounds", "organisation"):
        assert again[section] == dump[section]
    assert again["statements"][0]["text"] == "Gardé."
    other.close()


def test_a_base_at_the_previous_revision_keeps_its_statements(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    now = "2025-06-01 10:00:00"
    with engine.begin() as connection:
        migrate.upgrade(connection, "0003")
        connection.execute(
            text(
                "insert into organisation (id, name, short_name, signature, place, logo_path,"
                " created_at, updated_at) values (1, 'CGT', 'CGT', '', '', '', :t, :t)"
            ),
            {"t": now},
        )
        connection.execute(
            text(
                "insert into employer (id, name, short_name, created_at, updated_at)"
                " values (1, 'Région', '', :t, :t)"
            ),
            {"t": now},
        )
        connection.execute(
            text(
                "insert into meeting (id, employer_id, kind, title, starts_at, date_precision,"
                " place, notes, created_at, updated_at, ics_uid) values (1, 1, 'plenary',"
                " 'CST', '2025-06-05 09:30:00', 'day', '', '', :t, :t, 'u@x')"
            ),
            {"t": now},
        )
        connection.execute(
            text(
                "insert into statement (id, meeting_id, kind, title, text, state, excerpt,"
                " version, created_at, updated_at) values (1, 1, 'intervention', 'Titre',"
                " 'Texte[^1]\n\n[^1]: Note.', 'read', 0, 1, :t, :t)"
            ),
            {"t": now},
        )
    engine.dispose()

    upgraded = open_store(path)
    statement = statements.get_statement(upgraded, 1)
    assert statement.text == "Texte[^1]\n\n[^1]: Note."
    assert statement.state is StatementState.READ and statement.read_on is None
    assert len(list_templates(upgraded)) == 5
    assert get_words_per_minute(upgraded) == 130
    upgraded.close()
