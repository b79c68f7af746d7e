"""Which kinds of data this process wrote, and when: pages reread only what changed.

Every INSERT, UPDATE or DELETE the engine sends (an ORM flush, a Core statement, raw SQL
alike) marks its table with a new tick; a DELETE also marks the tables the base changes by
itself through its foreign keys' ON DELETE actions. A page remembers the tick it was
filled at and is read again only when a table of a kind it shows has a later mark. Only
this process's writes are seen: the window is the base's one writer (writer_lock.py), a
restore marks everything (`mark_everything`), and pages on a shared server are read again
each time they are shown (other users write there).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from sqlalchemy import Engine, MetaData, event

from aiconsult_desktop.domain.data_kinds import ALL_KINDS, DataKind
from aiconsult_desktop.store.base import Base

TABLE_KINDS: dict[str, DataKind] = {
    "organisation": "organisation",
    "employer": "employers",
    "body": "employers",
    "meeting": "meetings",
    "agenda_item": "meetings",
    "meeting_attendee": "meetings",
    "meeting_document": "meetings",
    "question": "questions",
    "question_event": "questions",
    "question_state_tally": "questions",  # the dashboard's counts (store/tallies.py), kept
    "question_closing": "questions",  # by triggers on `question` and `question_event`
    "question_day_tally": "questions",
    "statement": "statements",
    "statement_version": "statements",
    "statement_template": "statements",
    "ai_tool": "ai_tools",
    "ai_tool_event": "ai_tools",
    "ai_tool_item": "ai_tools",
    "ai_tool_agenda_item": "ai_tools",
    "ai_rule": "ai_tools",
    "dossier": "dossiers",
    "fact": "dossiers",
    "legal_ground": "references",
}
"""A table no kind names counts as every kind: a page is read again rather than shown stale."""

_WRITE = re.compile(
    r"\s*(?:(?P<deletes>DELETE\s+FROM|REPLACE\s+INTO|INSERT\s+OR\s+REPLACE\s+INTO)"
    r"|INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?)"
    r'\s+"?(?P<table>\w+)',
    re.IGNORECASE,
)
"""A write and its table; `deletes` when rows may go (a REPLACE deletes the row it replaces)."""


def reached_by_deletes(metadata: MetaData) -> dict[str, frozenset[str]]:
    """For each table, the tables the base changes by itself when one of its rows is
    deleted: ON DELETE CASCADE or SET NULL, no statement the log would see (deleting a
    dossier unlinks its statements and AI tools), cascades followed to their end."""
    children: dict[str, list[tuple[str, bool]]] = {name: [] for name in metadata.tables}
    for table in metadata.tables.values():
        for key in table.foreign_keys:
            action = (key.ondelete or "").upper()
            if action in ("CASCADE", "SET NULL", "SET DEFAULT"):
                children[key.column.table.name].append((table.name, action == "CASCADE"))
    reached: dict[str, frozenset[str]] = {}
    for name in metadata.tables:
        found: set[str] = set()
        deleted, todo = {name}, [name]
        while todo:
            for child, cascades in children[todo.pop()]:
                found.add(child)
                if cascades and child not in deleted:
                    deleted.add(child)
                    todo.append(child)
        reached[name] = frozenset(found - {name})
    return reached


class WriteLog:
    """The last tick at which each table was written through `engine`."""

    def __init__(self, engine: Engine) -> None:
        self._ticks = itertools.count(1)
        self._marks: dict[str, int] = {}
        self._everything = 0
        self._deletes_reach = reached_by_deletes(Base.metadata)
        event.listen(engine, "after_cursor_execute", self._executed)

    def _executed(self, _connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        found = _WRITE.match(statement)
        if found is None:
            return
        table = found.group("table").lower()
        tick = next(self._ticks)  # a fresh tick per write: atomic, whichever thread writes
        self._marks[table] = tick
        if found.group("deletes"):
            for reached in self._deletes_reach.get(table, ()):
                self._marks[reached] = tick

    def tick(self) -> int:
        """Now, to compare later writes with."""
        return next(self._ticks)

    def mark_everything(self) -> None:
        """The whole base changed under us (a restore)."""
        self._everything = next(self._ticks)

    def kinds_since(self, tick: int) -> frozenset[DataKind]:
        """The kinds of data written after `tick` (empty: nothing was)."""
        if self._everything > tick:
            return ALL_KINDS
        kinds: set[DataKind] = set()
        for table, mark in list(self._marks.items()):
            if mark > tick:
                kind = TABLE_KINDS.get(table)
                if kind is None:
                    return ALL_KINDS
                kinds.add(kind)
        return frozenset(kinds)
