"""The base file is never lost behind the user's back: an emptied base is damaged (not a
new one), `dump -o` cannot overwrite it, exports replace a good file only once the new
one is whole, and `aiconsult restore` works whatever state the base is in."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from aiconsult_desktop.errors import DamagedStoreError, UserError
from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import ai_exports, backups, question_exports, questions, transfer
from aiconsult_desktop.services.server_config import ServerSettings, save_settings
from aiconsult_desktop.store import Store, open_store
from aiconsult_desktop.store.connection import inspect_file
from aiconsult_desktop.ui.recovery import open_or_recover
from tests.gui_support import Dialogs
from tests.test_cli import aiconsult


def demo_base(data_dir: Path) -> Path:
    """The demo dossier in `data_dir`, with one backup of it."""
    assert aiconsult("demo", data_dir=data_dir).returncode == 0
    database = data_dir / DATABASE_FILE
    backups.make_backup(database)
    return database


def damage(database: Path, content: bytes) -> None:
    database.write_bytes(content)
    for side in ("-wal", "-shm"):
        Path(f"{database}{side}").unlink(missing_ok=True)


# Item 4: a zero-byte base is damaged, never silently a new empty base.


@pytest.mark.parametrize("command", [["list", "questions"], ["backup"], ["demo"]])
def test_an_emptied_base_is_reported_as_damaged_by_every_command(
    data_dir: Path, command: list[str]
) -> None:
    database = demo_base(data_dir)
    damage(database, b"")
    result = aiconsult(*command, data_dir=data_dir)
    assert result.returncode == 1, result.stdout
    assert "vide (0 octet)" in result.stderr
    assert "aiconsult restore" in result.stderr  # says what to do next
    assert "Traceback" not in result.stderr
    assert database.stat().st_size == 0  # not replaced by an empty base


def test_an_emptied_base_without_backup_is_not_opened_as_a_new_one_by_the_window(
    data_dir: Path, said: Dialogs
) -> None:
    database = data_dir / DATABASE_FILE
    database.write_bytes(b"")
    assert open_or_recover(data_dir) is None
    assert "vide (0 octet)" in said.errors[0]
    assert database.stat().st_size == 0


# Item 5: exports and dumps refuse the base's own files.


@pytest.mark.parametrize(
    "target",
    [
        lambda d: d / DATABASE_FILE,
        lambda d: d / f"{DATABASE_FILE}-wal",
        lambda d: d / f"{DATABASE_FILE}-shm",
        lambda d: backups.list_backups(d / DATABASE_FILE)[0].path,
        lambda d: d / "backups" / "nouvelle.json",
    ],
    ids=["base", "wal", "shm", "backup", "backups-folder"],
)
def test_dump_refuses_to_write_over_the_base_or_a_backup(
    data_dir: Path, target: Callable[[Path], Path]
) -> None:
    database = demo_base(data_dir)
    output = target(data_dir)
    result = aiconsult("dump", "-o", str(output), data_dir=data_dir)
    assert result.returncode == 1
    assert "l'écrire la détruirait" in result.stderr
    assert not output.exists() or not output.read_bytes().startswith(b"{")
    assert aiconsult("check", data_dir=data_dir).returncode == 0
    store = open_store(database)
    assert len(questions.list_questions(store)) == 12
    store.close()


def test_exports_refuse_the_base_too(demo_store: Store) -> None:
    assert demo_store.path is not None
    with pytest.raises(UserError, match="l'écrire la détruirait"):
        question_exports.export_questions(demo_store, Path(f"{demo_store.path}-wal.csv"))
    with pytest.raises(UserError, match="l'écrire la détruirait"):
        ai_exports.export_tools(demo_store, Path(f"{demo_store.path}-shm.xlsx"))
    with pytest.raises(UserError, match="l'écrire la détruirait"):
        transfer.dump_to_file(demo_store, demo_store.path)


# Item 6: a write that fails half-way leaves the previous good file intact.


def test_failing_writes_keep_the_previous_dump_csv_xlsx_and_settings(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dump, csv, xlsx = tmp_path / "base.json", tmp_path / "registre.csv", tmp_path / "r.xlsx"
    settings = ServerSettings(host="serveur", database="base", user="delegue")
    transfer.dump_to_file(demo_store, dump)
    question_exports.export_questions(demo_store, csv)
    question_exports.export_questions(demo_store, xlsx)
    save_settings(tmp_path, settings)
    written = [dump, csv, xlsx, tmp_path / "server.json"]
    before = [path.read_bytes() for path in written]
    real_fsync = os.fsync

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the bytes never reach the disk
    for write in (
        lambda: transfer.dump_to_file(demo_store, dump),
        lambda: question_exports.export_questions(demo_store, csv),
        lambda: question_exports.export_questions(demo_store, xlsx),
        lambda: save_settings(tmp_path, ServerSettings(host="autre", user="delegue")),
    ):
        with pytest.raises(UserError, match="le disque est plein"):
            write()
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert [path.read_bytes() for path in written] == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_killed_backup_leaves_a_part_file_that_the_next_backup_removes(
    demo_store: Store,
) -> None:
    assert demo_store.path is not None
    folder = backups.backup_dir(demo_store.path)
    folder.mkdir()
    killed = folder / ".aiconsult-20250605-180000-000000.sqlite3.1a2b3c4d.part"
    killed.write_bytes(b"SQLite format 3\x00 interrompu")
    old = time.time() - 3600
    os.utime(killed, (old, old))
    legacy = folder / "aiconsult-20250605-170000-000000.sqlite3.part"  # older naming
    legacy.write_bytes(b"interrompu")
    os.utime(legacy, (old, old))
    backups.make_backup(demo_store.path)
    assert not killed.exists() and not legacy.exists()
    assert [p.name.endswith(".sqlite3") for p in folder.iterdir()] == [True]


# Done means: `aiconsult restore` works on every kind of damaged base.


def other_programs_base(good: bytes) -> bytes:
    del good
    path = Path(os.environ["AICONSULT_DATA_DIR"]).parent / "autre.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, nom TEXT)")
    content = path.read_bytes()
    path.unlink()
    return content


def newer_schema(good: bytes) -> bytes:
    path = Path(os.environ["AICONSULT_DATA_DIR"]).parent / "future.sqlite3"
    path.write_bytes(good)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_futur'")
    connection.close()
    content = path.read_bytes()
    path.unlink()
    return content


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "emptied": lambda good: b"",
    "garbage": lambda good: b"\x00garbage" * 500,
    "header": lambda good: b"\xff" * 100 + good[100:],
    "half": lambda good: good[: len(good) // 2],
    "page-zeroed": lambda good: good[:8192] + b"\x00" * 4096 + good[12288:],
    "other-program": other_programs_base,
    "newer-schema": newer_schema,
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_restore_works_on_every_kind_of_damaged_base_and_keeps_it_aside(
    data_dir: Path, kind: str
) -> None:
    database = demo_base(data_dir)
    backup = backups.list_backups(database)[0].path
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    content = DAMAGE[kind](database.read_bytes())
    damage(database, content)
    with pytest.raises(DamagedStoreError):
        inspect_file(database)

    result = aiconsult("restore", str(backup), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    # The seed's five meetings and the upcoming example CST the demo adds.
    assert "Sauvegarde restaurée (6 réunions, 12 questions" in result.stdout
    assert "conservée telle quelle" in result.stdout
    kept = [p for p in data_dir.glob("*.endommagee-*") if not p.name.endswith(("-wal", "-shm"))]
    assert [p.read_bytes() for p in kept] == [content]
    listed = aiconsult("list", "questions", "--json", data_dir=data_dir)
    assert listed.returncode == 0 and listed.stdout.count('"asked_on"') == 12


def test_restore_of_a_sound_base_still_backs_it_up_first(data_dir: Path) -> None:
    database = demo_base(data_dir)
    backup = backups.list_backups(database)[0].path
    result = aiconsult("restore", str(backup), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "L'état précédent a été sauvegardé dans" in result.stdout
    assert not [p for p in data_dir.iterdir() if ".endommagee-" in p.name]
    assert len(backups.list_backups(database)) == 2
