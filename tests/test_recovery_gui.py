"""The user's side of backups: the damaged-base dialog at start, « Restaurer une sauvegarde »
in Paramètres, and one window per data dir (two real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aiconsult_desktop import app
from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import backups, questions
from aiconsult_desktop.store import Store, open_store
from aiconsult_desktop.ui.recovery import open_or_recover
from aiconsult_desktop.ui.restore_dialog import RestoreDialog
from tests.gui_support import Dialogs, make_window


def demo_dir_with_backup(data_dir: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", "--data-dir", str(data_dir), "demo"],
        check=True,
        capture_output=True,
    )
    database = data_dir / DATABASE_FILE
    backups.make_backup(database)
    return database


@pytest.mark.parametrize("content", [b"", b"\x00garbage" * 500], ids=["emptied", "garbage"])
def test_damaged_base_at_start_offers_the_latest_backup(
    qapp: QApplication, data_dir: Path, said: Dialogs, content: bytes
) -> None:
    database = demo_dir_with_backup(data_dir)
    database.write_bytes(content)
    for side in ("-wal", "-shm"):
        Path(str(database) + side).unlink(missing_ok=True)

    said.answer = False
    assert open_or_recover(data_dir) is None
    assert database.read_bytes() == content  # refusing leaves everything as it was
    assert "Restaurer la dernière sauvegarde intacte" in said.confirmations[0][0]
    assert "12 questions" in said.confirmations[0][0]

    said.answer = True
    store = open_or_recover(data_dir)
    assert store is not None
    assert len(questions.list_questions(store)) == 12
    kept = [p for p in data_dir.iterdir() if ".endommagee-" in p.name and p.suffix != ""]
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [content]
    assert "a été restaurée" in said.infos[-1]
    store.close()


def test_damaged_base_without_any_backup_says_so_and_quits(
    qapp: QApplication, data_dir: Path, said: Dialogs
) -> None:
    (data_dir / DATABASE_FILE).write_bytes(b"pas une base" * 100)
    assert app.main(["--data-dir", str(data_dir)]) == 1
    assert "Aucune sauvegarde intacte" in said.errors[0]


def test_restore_dialog_lists_backups_and_restores_one(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    assert demo_store.path is not None
    backups.make_backup(demo_store.path)
    for question in questions.list_questions(demo_store)[:5]:
        questions.delete_question(demo_store, question.id or 0)
    window = make_window(qtbot, demo_store)
    dialog = RestoreDialog(demo_store, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "12"
    dialog.backup_button.click()  # off the GUI thread; the list is read again after
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=30_000)
    assert dialog.table.item(0, 2).text() == "7"
    qtbot.waitUntil(dialog.backup_button.isEnabled)
    dialog.table.selectRow(1)
    dialog.restore_button.click()
    assert "Remplacer les données actuelles" in said.confirmations[-1][0]
    qtbot.waitUntil(lambda: dialog.restored, timeout=30_000)
    assert len(questions.list_questions(demo_store)) == 12


def start_gui(data_dir: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "aiconsult_desktop.app", "--data-dir", str(data_dir), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def wait_for(condition: object, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_second_start_brings_the_first_forward_and_a_crash_lock_is_recovered(
    data_dir: Path,
) -> None:
    demo_dir_with_backup(data_dir)
    log = data_dir / "aiconsult.log"
    first = start_gui(data_dir)
    try:
        wait_for(lambda: log.exists() and "Démarrage" in log.read_text(encoding="utf-8"))
        wait_for(lambda: (data_dir / "aiconsult.lock").exists())
        second = start_gui(data_dir, "--startup-check")
        _, errors = second.communicate(timeout=60)
        assert second.returncode == 0
        assert "déjà ouvert sur ces données" in errors and "premier plan" in errors
        wait_for(lambda: "Fenêtre ramenée au premier plan" in log.read_text(encoding="utf-8"))
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    # The lock left by the killed process does not keep the user out.
    third = start_gui(data_dir, "--startup-check")
    out, errors = third.communicate(timeout=60)
    assert third.returncode == 0, errors
    assert out.strip().splitlines()[-1].isdigit()
    assert open_store(data_dir / DATABASE_FILE) is not None
