"""One writer really alone: `aiconsult` commands that write take the window's lock (or
refuse in French while it is open), and a base replaced under an open store is reopened
before the next save instead of receiving writes that would vanish."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import backups, questions
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.store import Store, open_store
from aiconsult_desktop.ui.single_instance import SingleInstance
from aiconsult_desktop.writer_lock import COMMAND, WriterLock
from tests.gui_support import make_window
from tests.ics_samples import OUTLOOK
from tests.test_cli import aiconsult


@pytest.fixture
def window_open(qapp: QApplication, data_dir: Path) -> object:
    """The demo dossier, and a window's hold on the data dir (the very lock it takes)."""
    assert aiconsult("demo").returncode == 0
    backups.make_backup(data_dir / DATABASE_FILE)
    instance = SingleInstance(data_dir)
    assert instance.acquire()
    yield instance
    instance.release()


def dump(tmp_path: Path) -> str:
    out = tmp_path / "etat.json"
    assert aiconsult("dump", "-o", str(out)).returncode == 0
    return out.read_text(encoding="utf-8")


def test_commands_that_write_refuse_while_the_window_is_open(
    window_open: object, data_dir: Path, tmp_path: Path
) -> None:
    before = dump(tmp_path)
    invitation = tmp_path / "invitation.ics"
    invitation.write_text(OUTLOOK, encoding="utf-8")
    (tmp_path / "vide").mkdir()
    backup = backups.list_backups(data_dir / DATABASE_FILE)[0].path
    for command in (
        ["demo"],
        ["load", str(tmp_path / "etat.json")],
        ["import", "calendar", str(invitation), "--employer", "Région des Pays de la Loire"],
        ["restore", str(backup)],
    ):
        result = aiconsult(*command)
        assert result.returncode == 1, command
        assert "AIConsult Desktop est ouvert sur ces données : fermez sa fenêtre" in (result.stderr)
        assert f"« aiconsult {command[0]} »" in result.stderr
    assert dump(tmp_path) == before
    assert len(backups.list_backups(data_dir / DATABASE_FILE)) == 1  # restore made none
    # Reading stays possible beside the window.
    assert aiconsult("list", "questions").returncode == 0
    assert aiconsult("import", "calendar", str(invitation), "--preview").returncode == 0


def test_a_command_that_writes_waits_for_another_command_to_finish(data_dir: Path) -> None:
    lock = WriterLock(data_dir, COMMAND)
    assert lock.try_acquire()
    command = [sys.executable, "-m", "aiconsult_desktop.cli", "--data-dir", str(data_dir)]
    waiting = subprocess.Popen([*command, "demo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(3)
        assert waiting.poll() is None  # still waiting, not refused
    finally:
        lock.release()
    _, errors = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, errors
    assert not (data_dir / "aiconsult.lock").read_text()  # released, nobody named


def test_the_window_cannot_start_while_a_command_holds_the_lock_and_is_not_told_open(
    data_dir: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiconsult_desktop.ui import single_instance

    monkeypatch.setattr(single_instance, "COMMAND_WAIT_SECONDS", 0.2)
    with WriterLock(data_dir, COMMAND) as lock:
        assert lock.try_acquire()
        assert not SingleInstance(data_dir).acquire()
    window = SingleInstance(data_dir)
    assert window.acquire()
    window.release()


def question(text: str) -> QuestionData:
    employer = 1
    return QuestionData(employer_id=employer, text=text, asked_on=date(2025, 6, 5))


def count(path: Path) -> int:
    fresh = open_store(path)
    try:
        return len(questions.list_questions(fresh))
    finally:
        fresh.close()


def replace_from_outside(database: Path, backup: Path) -> None:
    """What `aiconsult restore` in another process does to the file under a window."""
    staged = database.with_name("remplacement")
    shutil.copyfile(backup, staged)
    for side in ("-wal", "-shm"):
        Path(f"{database}{side}").unlink(missing_ok=True)
    os.replace(staged, database)


def test_a_base_replaced_under_an_open_store_is_reopened_before_the_next_save(
    demo_store: Store,
) -> None:
    assert demo_store.path is not None
    backup = backups.make_backup(demo_store.path)
    questions.save_question(demo_store, question("Avant la restauration ?"))
    # Another process restores the backup: the file under the open store is replaced.
    replace_from_outside(demo_store.path, backup)
    questions.save_question(demo_store, question("Après la restauration ?"))
    texts = [q.text for q in questions.list_questions(demo_store)]
    assert "Après la restauration ?" in texts and "Avant la restauration ?" not in texts
    assert count(demo_store.path) == 13  # 12 restored + the one saved afterwards


def test_the_window_notices_a_replaced_base_when_it_comes_back_to_the_front(
    qtbot: QtBot, demo_store: Store
) -> None:
    assert demo_store.path is not None
    window = make_window(qtbot, demo_store)
    backup = backups.make_backup(demo_store.path)
    questions.save_question(demo_store, question("Avant la restauration ?"))
    replace_from_outside(demo_store.path, backup)
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert "La base a été remplacée hors de la fenêtre" in window.statusBar().currentMessage()
    assert not window.follow_replaced_base()  # once only
