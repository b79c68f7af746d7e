"""The demo shows deadlines at work on the day it is loaded, without changing the seed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from aiconsult_desktop.services import deadlines, demo, meetings, transfer
from aiconsult_desktop.store import Store
from tests.helpers import new_store

LOADED_ON = date(2026, 12, 1)


def test_demo_adds_the_next_cst_marked_as_an_example(store: Store) -> None:
    demo.load_demo(store, today=LOADED_ON)
    examples = [m for m in meetings.list_meetings(store) if demo.EXAMPLE_MARK in m.title]
    assert len(examples) == 1
    example = examples[0]
    assert example.starts_at.date() > LOADED_ON
    assert example.starts_at.date() == date(2026, 12, 22)  # the Tuesday three weeks on
    assert example.title == "CST du 22 décembre 2026 (exemple)"
    assert example.body_name == "CST"
    assert "Exemple" in example.notes


def test_the_dashboard_has_deadlines_within_30_days(store: Store) -> None:
    demo.load_demo(store, today=LOADED_ON)
    coming = deadlines.upcoming(store, LOADED_ON)
    assert coming, "the 30-day card would say « Rien dans les 30 jours »"
    future = [m for m in meetings.list_meetings(store) if m.starts_at > datetime(2026, 12, 1)]
    assert len(future) == 1


VOLATILE = {"created_at", "updated_at", "ics_uid"}
"""Stamped when a base is loaded, not facts of the seed."""


def _facts(dump: dict[str, Any]) -> dict[str, Any]:
    return {
        table: [{k: v for k, v in row.items() if k not in VOLATILE} for row in rows]
        if isinstance(rows, list)
        else rows
        for table, rows in dump.items()
    }


def test_the_seed_facts_stay_exactly_as_they_are(tmp_path: Path, store: Store) -> None:
    seed_only = new_store(tmp_path, "seed.sqlite3")
    demo.load_demo(seed_only, example=False)
    demo.load_demo(store, today=LOADED_ON)
    with_example = transfer.dump_store(store)
    plain = transfer.dump_store(seed_only)
    example_ids = {m["id"] for m in with_example["meetings"] if demo.EXAMPLE_MARK in m["title"]}
    assert len(example_ids) == 1
    with_example["meetings"] = [m for m in with_example["meetings"] if m["id"] not in example_ids]
    assert _facts(with_example) == _facts(plain)
    assert with_example["meetings"][-1]["starts_at"] == "2025-06-05T09:30:00"
