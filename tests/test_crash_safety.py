"""Killing the app while a statement is being typed loses at most the last few seconds of
typing, even when the typing never pauses, and the next start opens normally on what was
saved (a real process, SIGKILL at random moments)."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import statements
from aiconsult_desktop.store import open_store

# Types one numbered word every 100 ms without ever pausing, and says when each word is
# in the editor (time.monotonic is the same clock in both processes).
TYPIST = r"""
import sys, time
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
QTest.keyClicks(page.editor.title, sys.argv[2])
count = 0

def keep_typing():
    global count
    count += 1
    QTest.keyClicks(page.editor.rich.text, f" m{count:04d}")
    print(f"typed {count} {time.monotonic():.3f}", flush=True)

timer = QTimer()
timer.timeout.connect(keep_typing)
timer.start(100)
app.exec()
"""

MAX_LOSS_S = 5.0
KILLS = 3


def type_then_kill(script: Path, data_dir: Path, title: str, after_s: float) -> dict[int, float]:
    """Run the typist, SIGKILL it `after_s` seconds after its first word; when each word
    was typed (the kill time is the key 0)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    typist = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), title],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    typed: dict[int, float] = {}
    try:
        assert typist.stdout is not None
        started = time.monotonic()
        first: float | None = None
        while time.monotonic() - started < 40:
            line = typist.stdout.readline()
            if not line:
                break
            _word, number, at = line.split()
            typed[int(number)] = float(at)
            first = first if first is not None else float(at)
            if time.monotonic() - first >= after_s:
                break
        assert first is not None, "the typist never typed"
    finally:
        typist.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        typist.communicate(timeout=30)
    typed[0] = killed_at
    return typed


def test_sigkill_during_continuous_typing_loses_at_most_five_seconds(
    data_dir: Path, tmp_path: Path
) -> None:
    subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", "demo"], check=True, capture_output=True
    )
    script = tmp_path / "typist.py"
    script.write_text(TYPIST, encoding="utf-8")
    moments = [random.uniform(5.5, 8.0) for _ in range(KILLS)]
    for run, after_s in enumerate(moments, start=1):
        title = f"Declaration tapee sans pause {run}"
        typed = type_then_kill(script, data_dir, title, after_s)
        killed_at = typed.pop(0)

        store = open_store(data_dir / DATABASE_FILE)
        saved = [s for s in statements.list_statements(store) if s.title == title]
        store.close()
        must_have = [n for n, at in typed.items() if at <= killed_at - MAX_LOSS_S]
        assert must_have, f"kill {run} came too early to measure anything ({after_s:.1f} s)"
        assert len(saved) == 1, f"kill {run} at {after_s:.1f} s: nothing was saved"
        words = [int(n) for n in re.findall(r"m(\d{4})", saved[0].text)]
        # What was saved is exactly what was typed, up to some word...
        assert words == list(range(1, len(words) + 1)), saved[0].text
        # ...and that word was typed at most five seconds before the kill.
        assert len(words) >= max(must_have), (
            f"kill {run} at {after_s:.1f} s: saved up to word {len(words)}, "
            f"typed {max(typed)} (word {max(must_have)} was typed over {MAX_LOSS_S} s before)"
        )

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    restarted = subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.app", "--startup-check"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert restarted.returncode == 0, restarted.stderr
    assert restarted.stdout.strip().splitlines()[-1].isdigit()
