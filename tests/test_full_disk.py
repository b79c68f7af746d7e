"""A full or read-only disk, for real: a small tmpfs mounted for the test (root only;
without it the tests skip, or fail under CI=true). The base is said to be on a full disk,
never damaged; nothing is renamed, moved or replaced; exports keep the previous file."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from aiconsult_desktop.errors import DamagedStoreError, StoreError, UserError
from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import backups, calendar_ics, question_exports, questions, transfer
from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.store import open_store
from aiconsult_desktop.ui.recovery import open_or_recover
from aiconsult_desktop.ui.single_instance import SingleInstance
from tests.conftest import require_component
from tests.gui_support import Dialogs
from tests.test_cli import aiconsult


def mount_tmpfs(point: Path, size: str) -> bool:
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own, unmounted afterwards."""
    point = tmp_path / "disque"
    mounted = shutil.which("mount") is not None and mount_tmpfs(point, "2m")
    require_component(mounted, "a tmpfs mount (root)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def fill(disk: Path) -> None:
    """Fill the disk to the last byte (big writes, then ever smaller ones)."""
    with open(disk / "remplissage", "wb", buffering=0) as stream:
        for chunk in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while stream.write(b"\0" * chunk):
                    pass


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not p.name.endswith(("-wal", "-shm"))
        and p.name not in ("remplissage", "aiconsult.lock", "aiconsult.log")
    }


ASKED = QuestionData(employer_id=1, text="Encore ?", asked_on=date(2025, 6, 5))


def demo_on(disk: Path) -> Path:
    """The demo base and one backup, closed as the app leaves them (no -wal, no -shm)."""
    data_dir = disk / "donnees"
    data_dir.mkdir()
    store = open_store(data_dir / DATABASE_FILE)
    load_demo(store)
    store.close()
    backups.make_backup(data_dir / DATABASE_FILE)
    with contextlib.closing(sqlite3.connect(data_dir / DATABASE_FILE)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert sorted(p.name for p in data_dir.iterdir()) == ["aiconsult.sqlite3", "backups"]
    return data_dir


def test_a_full_disk_is_said_as_such_and_nothing_is_moved(
    small_disk: Path, qapp: QApplication, said: Dialogs
) -> None:
    data_dir = demo_on(small_disk)
    fill(small_disk)
    before = snapshot(data_dir)

    result = aiconsult("list", "questions", data_dir=data_dir)
    assert result.returncode == 1
    assert "Le disque est plein" in result.stderr
    assert "endommag" not in result.stderr and "déjà ouvert" not in result.stderr

    instance = SingleInstance(data_dir)
    assert instance.acquire()  # the window's lock: never "déjà ouvert" for a full disk
    instance.release()
    assert open_or_recover(data_dir) is None
    assert said.confirmations == []  # no restore offered
    assert "Le disque est plein" in said.errors[0]
    assert snapshot(data_dir) == before


def test_recovering_a_damaged_base_on_a_full_disk_moves_nothing(
    small_disk: Path, said: Dialogs
) -> None:
    data_dir = demo_on(small_disk)
    database = data_dir / DATABASE_FILE
    database.write_bytes(b"\x00abime" * 3000)
    for side in ("-wal", "-shm"):
        Path(f"{database}{side}").unlink(missing_ok=True)
    fill(small_disk)
    before = snapshot(data_dir)

    said.answer = True  # "Restaurer la dernière sauvegarde intacte ?" yes
    assert open_or_recover(data_dir) is None
    assert "disque est plein" in said.errors[0]
    backup = backups.list_backups(database)[0].path
    result = aiconsult("restore", str(backup), data_dir=data_dir)
    assert result.returncode == 1 and "disque est plein" in result.stderr
    assert snapshot(data_dir) == before  # the damaged base is where it was


def test_a_read_only_disk_is_said_as_such_and_not_called_damaged(
    small_disk: Path, said: Dialogs
) -> None:
    data_dir = demo_on(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = snapshot(data_dir)
    result = aiconsult("list", "questions", data_dir=data_dir)
    assert result.returncode == 1
    assert "Impossible d'écrire dans le dossier de données" in result.stderr
    assert "endommag" not in result.stderr and "Traceback" not in result.stderr
    store = open_or_recover(data_dir)  # reading a read-only base is allowed…
    assert said.confirmations == []
    if store is not None:
        with pytest.raises(StoreError, match="lecture seule") as raised:  # …saving is not
            questions.save_question(store, ASKED)
        assert not isinstance(raised.value, DamagedStoreError)
        store.close()
    assert snapshot(data_dir) == before


def test_exports_on_a_full_disk_keep_the_previous_good_files(small_disk: Path) -> None:
    data_dir = demo_on(small_disk)
    store = open_store(data_dir / DATABASE_FILE)
    out = small_disk / "exports"
    out.mkdir()
    writers = {
        "base.json": lambda path: transfer.dump_to_file(store, path),
        "registre.csv": lambda path: question_exports.export_questions(store, path),
        "registre.xlsx": lambda path: question_exports.export_questions(store, path),
        "registre.docx": lambda path: question_exports.export_questions(
            store, path, employer_name="Région des Pays de la Loire"
        ),
        "cst.ics": lambda path: calendar_ics.export_calendar(store, path),
    }
    try:
        for name, write in writers.items():
            write(out / name)
        before = snapshot(out)
        fill(small_disk)
        for name, write in writers.items():
            with pytest.raises(UserError, match="le disque est plein"):
                write(out / name)
        assert snapshot(out) == before
        assert not [p for p in out.iterdir() if p.name.endswith(".part")]
    finally:
        store.close()
