"""Which kinds of data this process wrote, and when: pages reread only what changed.

Every INSERT, UPDATE or DELETE the engine sends (an ORM flush, a Core statement, raw SQL
alike) marks its table with a new tick. A page remembers the tick it was filled at and is
read again only when a table of a kind it shows has a later mark. Only this process's
writes are seen: the window is the base's one writer (writer_lock.py), a restore marks
everything (`mark_everything`), and pages on a shared server are read again each time
they are shown (other users write there).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from sqlalchemy import Engine, event

from aiconsult_desktop.domain.data_kinds import ALL_KINDS, DataKind

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
    r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r'\s+"?(\w+)',
    re.IGNORECASE,
)


class WriteLog:
    """The last tick at which each table was written through `engine`."""

    def __init__(self, engine: Engine) -> None:
        self._ticks = itertools.count(1)
        self._marks: dict[str, int] = {}
        self._everything = 0
        event.listen(engine, "after_cursor_execute", self._executed)

    def _executed(self, _connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        found = _WRITE.match(statement)
        if found is not None:  # a fresh tick per write: atomic, whichever thread writes
            self._marks[found.group(1).lower()] = next(self._ticks)

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
