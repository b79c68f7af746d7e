"""The store on a real SQLite file: migrations, refusals, pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from aiconsult_desktop.context import open_user_store
from aiconsult_desktop.errors import StoreError
from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import employers
from aiconsult_desktop.services.records import EmployerData
from aiconsult_desktop.store import open_store
from aiconsult_desktop.store.migrate import head_revision


def test_new_store_is_migrated_to_head_with_pragmas(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    store.close()


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.sqlite3")
    employers.save_employer(store, EmployerData(name="Commune de Saint-Nazaire"))
    store.close()
    again = open_store(tmp_path / "s.sqlite3")
    assert [e.name for e in employers.list_employers(again)] == ["Commune de Saint-Nazaire"]
    again.close()


def test_default_store_lives_in_the_data_dir(data_dir: Path) -> None:
    store = open_user_store()
    assert store.path == data_dir / DATABASE_FILE
    assert store.path.exists()
    store.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    content = b"Ceci est un document texte, pas une base." * 200
    path.write_bytes(content)
    with pytest.raises(StoreError, match="n'est pas une base AIConsult lisible"):
        open_store(path)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="d'un autre programme"):
        open_store(path)
    assert path.read_bytes() == before


def test_a_schema_newer_than_the_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(StoreError, match="version plus récente"):
        open_store(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_future",
        )


def test_a_data_dir_that_cannot_be_written_gets_a_french_message(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Impossible d'écrire dans le dossier de données"):
        open_user_store(blocker / "données")


def test_a_locked_database_is_reported_in_french_and_nothing_is_half_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aiconsult_desktop.store.connection as connection_module

    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 100)
    store = open_store(tmp_path / "s.sqlite3")
    employers.save_employer(store, EmployerData(name="Département de la Sarthe"))
    blocker = sqlite3.connect(tmp_path / "s.sqlite3", timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="occupée par un autre programme"):
            employers.save_employer(store, EmployerData(name="Département de la Mayenne"))
    finally:
        blocker.rollback()
        blocker.close()
    assert [e.name for e in employers.list_employers(store)] == ["Département de la Sarthe"]
    store.close()


def test_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    """A model changed without its migration would break every user's existing base."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from aiconsult_desktop.store.base import Base
    from aiconsult_desktop.store.fts import include_name

    store = open_store(tmp_path / "s.sqlite3")
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    store.close()
    assert differences == []


def test_revisions_read_without_alembic_match_alembic(tmp_path: Path) -> None:
    """Start-up skips Alembic when the base is at the head read from the scripts: that
    head and the known revisions must be Alembic's own, or a base would stay behind."""
    from alembic.script import ScriptDirectory

    from aiconsult_desktop.store import migrate, revisions

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert revisions.head_revision() == head_revision()
    assert revisions.known_revisions() == {s.revision for s in scripts.walk_revisions()}
    # A base one revision behind is still brought to the head.
    path = tmp_path / "behind.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, str(scripts.get_revision(head_revision()).down_revision))
    engine.dispose()
    store = open_store(path)
    with store.engine.connect() as check:
        assert check.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
    store.close()
