"""`folded(column)`: a column as `domain.collation.fold` would write it, computed by the
database, so a search filters rows where they are instead of loading them into Python.

SQLite calls the Python `fold` itself (registered on every connection as `aiconsult_fold`:
the same folding as the rest of the app); PostgreSQL uses `unaccent`, which migration 0005
installs and which also spells out « œ » and « æ ».
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

from aiconsult_desktop.domain.collation import fold

SQLITE_FOLD = "aiconsult_fold"


class folded(GenericFunction[str]):
    """The argument lower-cased, without accents, ligatures spelled out."""

    type = String()
    inherit_cache = True
    name = "folded"


@compiles(folded, "sqlite")
def _sqlite_folded(element: folded, compiler: Any, **kw: Any) -> str:
    return f"{SQLITE_FOLD}({compiler.process(element.clauses, **kw)})"


@compiles(folded, "postgresql")
def _postgresql_folded(element: folded, compiler: Any, **kw: Any) -> str:
    return f"lower(unaccent({compiler.process(element.clauses, **kw)}))"


@compiles(folded)
def _default_folded(element: folded, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


def register_sqlite_fold(dbapi_connection: Any) -> None:
    """Called on each new SQLite connection (the pragmas' `connect` event)."""
    dbapi_connection.create_function(SQLITE_FOLD, 1, _fold_or_none, deterministic=True)


def _fold_or_none(value: object) -> str | None:
    return None if value is None else fold(str(value))
