"""Backups, restore and recovery of a damaged base, on real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from aiconsult_desktop.errors import DamagedStoreError, UserError
from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import backups, employers, questions, transfer
from aiconsult_desktop.services.records import EmployerData
from aiconsult_desktop.store import Store, open_store


def test_a_backup_taken_while_the_app_writes_is_intact(demo_store: Store) -> None:
    assert demo_store.path is not None
    stop = threading.Event()

    def write() -> None:
        number = 0
        while not stop.is_set():
            number += 1
            employers.save_employer(demo_store, EmployerData(name=f"Commune n° {number}"))

    writer = threading.Thread(target=write)
    writer.start()
    try:
        taken = [backups.make_backup(demo_store.path) for _ in range(5)]
    finally:
        stop.set()
        writer.join()
    for path in taken:
        backups.check_backup(path)
        assert backups.integrity_report(path) == ["ok"]
        info = backups.describe(path)
        assert (info.meetings, info.questions, info.statements) == (5, 12, 5)
        assert not Path(str(path) + "-wal").exists()


def test_rotation_keeps_the_last_ten_and_one_a_day_for_a_month(tmp_path: Path) -> None:
    directory = tmp_path / "backups"
    directory.mkdir()
    now = datetime(2026, 11, 22, 18, 0)
    for day in range(40):
        for hour in (9, 12, 17):
            moment = now - timedelta(days=day, hours=18 - hour)
            (directory / f"aiconsult-{moment:%Y%m%d-%H%M%S-%f}.sqlite3").write_bytes(b"x")
    backups.rotate(directory, today=now.date())
    kept = sorted(p.name for p in directory.iterdir())
    days = {name[10:18] for name in kept}
    assert len(days) == 31  # today and the 30 days before
    assert "aiconsult-20261015" not in " ".join(kept)  # 38 days old: gone
    today = [name for name in kept if name.startswith("aiconsult-20261122")]
    assert len(today) == 3  # the last ten include all of today's
    assert len(kept) == 10 + 30 - 3  # ten newest (today, yesterday, part of the day before)


def test_at_most_one_automatic_backup_an_hour(demo_store: Store) -> None:
    assert demo_store.path is not None
    start = datetime(2026, 11, 22, 9, 0)
    assert backups.backup_if_due(demo_store.path, now=start) is not None
    assert backups.backup_if_due(demo_store.path, now=start + timedelta(minutes=59)) is None
    assert backups.backup_if_due(demo_store.path, now=start + timedelta(minutes=61)) is not None
    assert len(backups.list_backups(demo_store.path)) == 2


def test_restore_brings_back_the_backup_and_keeps_the_current_state_first(
    demo_store: Store,
) -> None:
    assert demo_store.path is not None
    taken = backups.make_backup(demo_store.path)
    for question in questions.list_questions(demo_store):
        questions.delete_question(demo_store, question.id or 0)
    safety = backups.restore_backup(demo_store, taken)
    assert len(questions.list_questions(demo_store)) == 12
    assert backups.describe(safety).questions == 0  # the state just before, kept


@pytest.mark.parametrize(
    "content",
    [b"", b"%PDF-1.7 pas une base", os.urandom(4096)],
    ids=["zero bytes", "renamed pdf", "random bytes"],
)
def test_restoring_something_that_is_not_a_backup_changes_nothing(
    demo_store: Store, tmp_path: Path, content: bytes
) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(content)
    before = transfer.dump_store(demo_store)
    with pytest.raises(UserError, match="n'est pas une sauvegarde"):
        backups.restore_backup(demo_store, bogus)
    assert transfer.dump_store(demo_store) == before


def damage(database: Path, how: str) -> None:
    if how == "truncated":
        data = database.read_bytes()
        database.write_bytes(data[: len(data) // 3])
    elif how == "random bytes":
        database.write_bytes(os.urandom(8192))
    elif how == "another program":
        database.unlink()
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("CREATE TABLE recettes (nom TEXT)")
            connection.commit()
    elif how == "newer schema":
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
            connection.commit()
    elif how == "failed integrity check":
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("PRAGMA writable_schema=ON")
            connection.execute(
                "UPDATE sqlite_master SET rootpage = 9999 WHERE name = 'ix_question_asked_on'"
            )
            connection.commit()


DAMAGES = ["truncated", "random bytes", "another program", "newer schema", "failed integrity check"]


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_base_is_refused_then_recovered_from_the_latest_good_backup(
    demo_store: Store, how: str
) -> None:
    database = demo_store.path
    assert database is not None
    backups.make_backup(database)
    demo_store.close()
    with closing(sqlite3.connect(database)) as connection:  # fold the WAL in: one file to damage
        connection.execute("PRAGMA journal_mode=DELETE")
    damage(database, how)
    damaged = database.read_bytes()
    with pytest.raises(DamagedStoreError):
        open_store(database)
    assert database.read_bytes() == damaged  # never touched while refusing

    good = backups.latest_good_backup(database)
    assert good is not None
    aside = backups.recover_from_backup(database, good.path)
    assert aside.read_bytes() == damaged  # kept aside, whole
    recovered = open_store(database)
    assert len(questions.list_questions(recovered)) == 12
    recovered.close()


def test_integrity_report_of_a_sound_base(demo_store: Store) -> None:
    assert demo_store.path is not None
    assert backups.integrity_report(demo_store.path) == ["ok"]


def test_no_backups_yet(store: Store) -> None:
    assert store.path is not None
    assert backups.list_backups(store.path) == []
    assert backups.latest_good_backup(store.path) is None
    assert store.path.name == DATABASE_FILE or store.path.suffix == ".sqlite3"
