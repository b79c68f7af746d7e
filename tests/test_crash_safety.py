"""Killing the app while a statement is being typed loses at most the last few seconds of
typing, and the next start opens normally on what was saved (a real process, SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import statements
from aiconsult_desktop.store import open_store

TYPIST = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from aiconsult_desktop.context import open_user_store
from aiconsult_desktop.ui.main_window import MainWindow

app = QApplication([])
window = MainWindow(open_user_store(sys.argv[1]))
window.show()
window.open_page(window.statements)
page = window.statements
page.new_button.click()
page.editor.meeting.set_current_id(5)
QTest.keyClicks(page.editor.title, "Declaration ecrite pendant la panne")
QTest.keyClicks(page.editor.rich.text, "Premier paragraphe tape avant la coupure.")

def keep_typing():
    QTest.keyClicks(page.editor.rich.text, " encore")
    print("typing", flush=True)

timer = QTimer()
timer.timeout.connect(keep_typing)
# Pauses longer than the autosave delay, then typing that never gets the chance.
QTimer.singleShot(4500, lambda: (print("paused", flush=True), timer.start(500)))
app.exec()
"""


def test_sigkill_while_typing_keeps_what_was_typed_before_the_last_seconds(
    data_dir: Path, tmp_path: Path
) -> None:
    subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", "demo"], check=True, capture_output=True
    )
    script = tmp_path / "typist.py"
    script.write_text(TYPIST, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    typist = subprocess.Popen(
        [sys.executable, str(script), str(data_dir)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert typist.stdout is not None
        lines: list[str] = []
        deadline = time.monotonic() + 60
        while "typing" not in lines and time.monotonic() < deadline:
            lines.append(typist.stdout.readline().strip())
        assert "typing" in lines, lines
    finally:
        typist.send_signal(signal.SIGKILL)
        typist.communicate(timeout=30)

    store = open_store(data_dir / DATABASE_FILE)
    saved = [s for s in statements.list_statements(store) if s.title.startswith("Declaration")]
    store.close()
    assert len(saved) == 1
    assert saved[0].text.startswith("Premier paragraphe tape avant la coupure.")

    restarted = subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.app", "--startup-check"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert restarted.returncode == 0, restarted.stderr
    assert restarted.stdout.strip().splitlines()[-1].isdigit()
