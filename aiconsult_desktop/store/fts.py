"""Full-text search over questions: an SQLite FTS5 table kept in sync by triggers.

The table and its triggers are created by migration 0002 and are not SQLAlchemy models:
Alembic's comparison and the JSON dump must look past them (`include_name`). The
tokenizer folds case and accents, so "elections" finds "Élections".

The question's state is indexed too (a one-word column, since migration 0007): the
Questions page searches within a state ("en attente" by default), and answering that from
the index alone, rather than by reading each matching question's row, is what keeps a
search of 100,000 questions under 100 ms.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from aiconsult_desktop.store.tallies import TABLE_NAMES as TALLY_TABLES

FTS_TABLE = "question_fts"
TOKENIZER = "unicode61 remove_diacritics 2"
TRIGGERS = ("question_fts_insert", "question_fts_delete", "question_fts_update")
TEXT_COLUMNS = "{text answer}"
"""The columns a user's words are looked for in (FTS5 column filter syntax)."""
STATE_COLUMN = "state"

_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(text, answer, state, "
    f"content='question', content_rowid='id', tokenize='{TOKENIZER}')",
    f"CREATE TRIGGER IF NOT EXISTS question_fts_insert AFTER INSERT ON question BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text, answer, state) "
    f"VALUES (new.id, new.text, new.answer, new.state); END",
    f"CREATE TRIGGER IF NOT EXISTS question_fts_delete AFTER DELETE ON question BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text, answer, state) "
    f"VALUES ('delete', old.id, old.text, old.answer, old.state); END",
    f"CREATE TRIGGER IF NOT EXISTS question_fts_update "
    f"AFTER UPDATE OF text, answer, state ON question BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text, answer, state) "
    f"VALUES ('delete', old.id, old.text, old.answer, old.state); "
    f"INSERT INTO {FTS_TABLE}(rowid, text, answer, state) "
    f"VALUES (new.id, new.text, new.answer, new.state); END",
]


def is_fts_name(name: str | None) -> bool:
    """The FTS table and the shadow tables SQLite creates for it."""
    return bool(name) and (name == FTS_TABLE or str(name).startswith(FTS_TABLE + "_"))


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic hook: compare and autogenerate everything but the FTS tables and the
    dashboard's tallies (`store.tallies`), which triggers keep, not models."""
    return not (type_ == "table" and (is_fts_name(name) or name in TALLY_TABLES))


def create_fts(connection: Connection) -> None:
    """Create (if missing) the table and triggers, and index every question already there.

    Also the repair for a later migration that rebuilt the question table with
    `batch_alter_table`: SQLite drops a table's triggers with it.
    """
    if connection.dialect.name != "sqlite":
        return
    for statement in _CREATE:
        connection.execute(text(statement))
    connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def drop_fts(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
    connection.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


def has_fts(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    names = {
        row[0]
        for row in connection.execute(
            text("SELECT name FROM sqlite_master WHERE name LIKE 'question_fts%'")
        )
    }
    return {FTS_TABLE, *TRIGGERS} <= names


# PostgreSQL (shared server): French stemming, accents folded by `unaccent`.
PG_SEARCH_CONFIG = "aiconsult_fr"


def create_pg_search(connection: Connection) -> None:
    """The French search configuration and its index, on PostgreSQL only.

    `unaccent` is a trusted extension (PostgreSQL 13+): the base's owner may create it.
    """
    if connection.dialect.name != "postgresql":
        return
    for statement in (
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        f"CREATE TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG} (COPY = french)",
        f"ALTER TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG} ALTER MAPPING FOR "
        "hword, hword_part, word WITH unaccent, french_stem",
        f"CREATE INDEX ix_question_search ON question USING gin "
        f"(to_tsvector('{PG_SEARCH_CONFIG}', text || ' ' || answer))",
    ):
        connection.exec_driver_sql(statement)


def drop_pg_search(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_question_search")
    connection.exec_driver_sql(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {PG_SEARCH_CONFIG}")
