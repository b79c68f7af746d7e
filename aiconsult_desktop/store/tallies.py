"""The dashboard's question figures, kept counted by the database itself (issue 14, item 4).

Counting 100,000 questions per employer and per day after every save cost the dashboard
40 ms of its refresh. Three small tables hold the counts instead, and triggers keep them
right on every write, whoever makes it (a form, a pasted list, a JSON load, a deletion
cascading from an employer, raw SQL):

- `question_state_tally`: how many questions each employer has in each state;
- `question_closing`: per question, the day of its first answer, refusal, withdrawal or
  « sans objet » (the chart's end of its wait), absent while it has none;
- `question_day_tally`: per day, how many questions were asked and how many closed.

The triggers only add or subtract what a row's old and new values say, or recompute one
question's closing day from its events, so they are right whatever order rows are
written in, on SQLite and on PostgreSQL alike. Like the full-text index (`store.fts`)
these tables are not models: the JSON dump and Alembic's comparison look past them, and a
later migration rebuilding `question` or `question_event` with `batch_alter_table` must
call `create_tally_triggers` again (SQLite drops a table's triggers with it).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    text,
)

from aiconsult_desktop.domain.question_state import EventKind

TALLIES = MetaData()
STATE_TALLY = Table(
    "question_state_tally",
    TALLIES,
    Column("employer_id", Integer, primary_key=True),
    Column("state", String(20), primary_key=True),
    Column("n", Integer, nullable=False),
)
CLOSING = Table(
    "question_closing",
    TALLIES,
    Column("question_id", Integer, primary_key=True),
    Column("closed_on", Date, nullable=False),
)
DAY_TALLY = Table(
    "question_day_tally",
    TALLIES,
    Column("day", Date, primary_key=True),
    Column("asked", Integer, nullable=False),
    Column("closed", Integer, nullable=False),
)
TABLE_NAMES = frozenset(TALLIES.tables)

CLOSING_KINDS = (EventKind.ANSWERED, EventKind.REFUSED, EventKind.WITHDRAWN, EventKind.OBSOLETE)
"""The events that end a question's wait on the chart (a later relance is not redrawn)."""
_KINDS = "(" + ", ".join(f"'{kind.value}'" for kind in CLOSING_KINDS) + ")"

SQLITE_TRIGGERS = (
    "tally_question_insert",
    "tally_question_delete",
    "tally_question_update",
    "tally_event_insert",
    "tally_event_delete",
    "tally_event_update",
    "tally_closing_insert",
    "tally_closing_delete",
    "tally_closing_update",
)
PG_FUNCTIONS = ("tally_question", "tally_event", "tally_closing", "tally_recount_closing")


def _add_day(day: str, asked: int, closed: int) -> str:
    return (
        f"INSERT INTO question_day_tally (day, asked, closed) VALUES ({day}, {asked}, {closed}) "
        "ON CONFLICT (day) DO UPDATE SET asked = question_day_tally.asked + excluded.asked, "
        "closed = question_day_tally.closed + excluded.closed;"
    )


def _add_state(row: str, n: int) -> str:
    return (
        "INSERT INTO question_state_tally (employer_id, state, n) "
        f"VALUES ({row}.employer_id, {row}.state, {n}) ON CONFLICT (employer_id, state) "
        "DO UPDATE SET n = question_state_tally.n + excluded.n;"
    )


def _question(row: str, sign: int) -> str:
    return _add_day(f"{row}.asked_on", sign, 0) + " " + _add_state(row, sign)


def _recount_closing(question: str, *, sqlite: bool) -> str:
    """One question's closing day read again from its events: idempotent."""
    first = (
        f'SELECT min("on") FROM question_event WHERE question_id = {question} AND kind IN {_KINDS}'
    )
    differs = "IS NOT" if sqlite else "IS DISTINCT FROM"
    return (
        f"DELETE FROM question_closing WHERE question_id = {question} "
        f"AND closed_on {differs} ({first}); "
        f"INSERT {'OR IGNORE ' if sqlite else ''}INTO question_closing (question_id, closed_on) "
        f"SELECT question_id, closed_on FROM (SELECT {question} AS question_id, "
        f"({first}) AS closed_on) AS found WHERE closed_on IS NOT NULL"
        f"{'' if sqlite else ' ON CONFLICT DO NOTHING'};"
    )


def _sqlite_statements() -> list[str]:
    closing = f"kind IN {_KINDS}"
    return [
        "CREATE TRIGGER IF NOT EXISTS tally_question_insert AFTER INSERT ON question "
        f"BEGIN {_question('NEW', 1)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_question_delete AFTER DELETE ON question "
        f"BEGIN {_question('OLD', -1)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_question_update "
        "AFTER UPDATE OF employer_id, state, asked_on ON question "
        f"BEGIN {_question('OLD', -1)} {_question('NEW', 1)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_event_insert AFTER INSERT ON question_event "
        f"WHEN NEW.{closing} BEGIN {_recount_closing('NEW.question_id', sqlite=True)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_event_delete AFTER DELETE ON question_event "
        f"WHEN OLD.{closing} BEGIN {_recount_closing('OLD.question_id', sqlite=True)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_event_update "
        'AFTER UPDATE OF question_id, kind, "on" ON question_event '
        f"WHEN OLD.{closing} OR NEW.{closing} BEGIN "
        f"{_recount_closing('OLD.question_id', sqlite=True)} "
        f"{_recount_closing('NEW.question_id', sqlite=True)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_closing_insert AFTER INSERT ON question_closing "
        f"BEGIN {_add_day('NEW.closed_on', 0, 1)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_closing_delete AFTER DELETE ON question_closing "
        f"BEGIN {_add_day('OLD.closed_on', 0, -1)} END",
        "CREATE TRIGGER IF NOT EXISTS tally_closing_update AFTER UPDATE ON question_closing "
        f"BEGIN {_add_day('OLD.closed_on', 0, -1)} {_add_day('NEW.closed_on', 0, 1)} END",
    ]


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"{body} RETURN NULL; END $$"
    )


def _pg_statements() -> list[str]:
    closing = f"kind IN {_KINDS}"
    return [
        "CREATE OR REPLACE FUNCTION tally_recount_closing(wanted integer) RETURNS void "
        f"LANGUAGE plpgsql AS $$ BEGIN {_recount_closing('wanted', sqlite=False)} END $$",
        _pg_function(
            "tally_question",
            f"IF TG_OP <> 'INSERT' THEN {_question('OLD', -1)} END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_question('NEW', 1)} END IF;",
        ),
        _pg_function(
            "tally_event",
            f"IF TG_OP <> 'INSERT' THEN IF OLD.{closing} THEN "
            "PERFORM tally_recount_closing(OLD.question_id); END IF; END IF; "
            f"IF TG_OP <> 'DELETE' THEN IF NEW.{closing} THEN "
            "PERFORM tally_recount_closing(NEW.question_id); END IF; END IF;",
        ),
        _pg_function(
            "tally_closing",
            f"IF TG_OP <> 'INSERT' THEN {_add_day('OLD.closed_on', 0, -1)} END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_add_day('NEW.closed_on', 0, 1)} END IF;",
        ),
        "DROP TRIGGER IF EXISTS tally_question ON question",
        "CREATE TRIGGER tally_question "
        "AFTER INSERT OR DELETE OR UPDATE OF employer_id, state, asked_on ON question "
        "FOR EACH ROW EXECUTE FUNCTION tally_question()",
        "DROP TRIGGER IF EXISTS tally_event ON question_event",
        "CREATE TRIGGER tally_event "
        'AFTER INSERT OR DELETE OR UPDATE OF question_id, kind, "on" ON question_event '
        "FOR EACH ROW EXECUTE FUNCTION tally_event()",
        "DROP TRIGGER IF EXISTS tally_closing ON question_closing",
        "CREATE TRIGGER tally_closing AFTER INSERT OR DELETE OR UPDATE ON question_closing "
        "FOR EACH ROW EXECUTE FUNCTION tally_closing()",
    ]


def create_tally_triggers(connection: Connection) -> None:
    """The triggers (again: a no-op when they are there) on either back end."""
    sqlite = connection.dialect.name == "sqlite"
    for statement in _sqlite_statements() if sqlite else _pg_statements():
        connection.exec_driver_sql(statement)


def create_tallies(connection: Connection) -> None:
    """The tables counted from the questions already there, then the triggers."""
    TALLIES.create_all(connection)
    for statement in (
        'INSERT INTO question_closing (question_id, closed_on) SELECT question_id, min("on") '
        f"FROM question_event WHERE kind IN {_KINDS} GROUP BY question_id",
        "INSERT INTO question_day_tally (day, asked, closed) "
        "SELECT day, sum(asked), sum(closed) FROM ("
        "SELECT asked_on AS day, 1 AS asked, 0 AS closed FROM question UNION ALL "
        "SELECT closed_on, 0, 1 FROM question_closing) AS found GROUP BY day",
        "INSERT INTO question_state_tally (employer_id, state, n) "
        "SELECT employer_id, state, count(*) FROM question GROUP BY employer_id, state",
    ):
        connection.execute(text(statement))
    create_tally_triggers(connection)


def drop_tallies(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        for table, trigger in (
            ("question", "tally_question"),
            ("question_event", "tally_event"),
            ("question_closing", "tally_closing"),
        ):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    TALLIES.drop_all(connection)
    if connection.dialect.name != "sqlite":
        for function in PG_FUNCTIONS:
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function} CASCADE")
