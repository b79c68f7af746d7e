"""Window first, data after: what is (not) loaded when the window first paints.

Checked by module inspection in a fresh process (no timing): the libraries a user needs
only after clicking (python-docx, openpyxl) or only when a base is behind (Alembic) are
not imported before the store is used.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "sqlalchemy",
    "alembic",
    "docx",
    "openpyxl",
    "aiconsult_desktop.store.connection",
    "aiconsult_desktop.ui.pages.dashboard",
)

CHECK = ["--startup-check"]

SCRIPT = """
import sys
from aiconsult_desktop import app

real_open_data = app.open_data
heavy = {heavy!r}


def watched(data_dir, window, offer_demo):
    handle = window.windowHandle()
    painted = window.isVisible() and handle is not None and handle.isExposed()
    print("at first paint:", "painted" if painted else "not painted",
          [name for name in heavy if name in sys.modules], flush=True)
    store = real_open_data(data_dir, window, offer_demo)
    print("after opening:", [name for name in heavy if name in sys.modules], flush=True)
    return store


def attached(window, store):
    real_attach(window, store)
    print("page shown:", [name for name in heavy if name in sys.modules], flush=True)


from aiconsult_desktop.ui.main_window import MainWindow

real_attach = MainWindow.attach
MainWindow.attach = attached
app.open_data = watched
sys.exit(app.main(sys.argv[1:]))
"""


def run_app(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(heavy=HEAVY), "--data-dir", str(data_dir), *CHECK],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_the_window_paints_before_the_store_and_export_libraries_load(data_dir: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", "--data-dir", str(data_dir), "demo"],
        check=True,
        capture_output=True,
    )
    result = run_app(data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "at first paint: painted []", lines
    # The demo base is at the head revision: Alembic is never imported; the dashboard is
    # built once the store is open, python-docx and openpyxl wait for an export.
    assert lines[1] == "after opening: ['sqlalchemy', 'aiconsult_desktop.store.connection']"
    assert lines[2] == (
        "page shown: ['sqlalchemy', 'aiconsult_desktop.store.connection', "
        "'aiconsult_desktop.ui.pages.dashboard']"
    )
    assert lines[3].isdigit()


def test_a_new_base_is_migrated_after_the_first_paint(data_dir: Path) -> None:
    result = run_app(data_dir / "nouveau")
    assert result.returncode == 0, result.stderr
    first, opened = result.stdout.splitlines()[:2]
    assert first == "at first paint: painted []"
    assert "'alembic'" in opened
