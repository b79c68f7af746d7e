"""The schema revisions the app knows, read from the migration scripts without Alembic.

Importing Alembic costs a few hundred milliseconds at start; it is only needed when a base
is behind. Reading `revision = "…"` / `down_revision = "…"` from the script files is
enough to know the head and to refuse a base made by a newer version
(tests/test_store.py checks the answer against Alembic's own).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


@cache
def _graph() -> dict[str, str | None]:
    """revision → down_revision, for every script in the versions folder."""
    graph: dict[str, str | None] = {}
    for script in sorted(VERSIONS_DIR.glob("*.py")):
        found = dict(_ASSIGNMENT.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        down = found.get("down_revision", "None").strip("\"'")
        graph[found["revision"].strip("\"'")] = None if down == "None" else down
    return graph


def known_revisions() -> set[str]:
    return set(_graph())


def head_revision() -> str:
    """The one revision no other script revises (the schema a base is migrated to)."""
    graph = _graph()
    heads = set(graph) - {down for down in graph.values() if down is not None}
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {sorted(heads)}")
    return heads.pop()
