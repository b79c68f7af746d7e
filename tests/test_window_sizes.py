"""Every page works on a small laptop (issue 12, item 1): at 1024×640 nothing needs a
horizontal scroll bar, and on a 1366×768 or 1280×720 screen, at 100 % and 125 %, the
first start puts the whole window on screen and no page makes it grow."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import PAGES
from tests.gui_support import make_window
from tests.screen_probe import sideways

ROOT = Path(__file__).resolve().parent.parent
SMALL = QSize(1024, 640)


@pytest.mark.parametrize("name", [spec.attribute for spec in PAGES])
def test_every_page_works_at_1024x640_without_scrolling_sideways(
    qtbot: QtBot, demo_store: Store, name: str
) -> None:
    window = make_window(qtbot, demo_store)
    window.resize(SMALL)
    window.go_to(name)  # type: ignore[arg-type]
    qtbot.wait(20)
    assert window.size() == SMALL
    assert sideways(window.stack.currentWidget()) == []


def test_no_page_makes_the_window_wider_than_1024(qtbot: QtBot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    # Every page built: the window is as wide as its widest page needs.
    assert len(window.pages) == len(PAGES)
    assert window.minimumSizeHint().width() <= SMALL.width()
    assert window.minimumSizeHint().height() <= SMALL.height()


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1366, 768, "1"), (1280, 720, "1"), (1366, 768, "1.25"), (1280, 720, "1.25")],
)
def test_first_start_on_a_laptop_screen_keeps_the_whole_window_on_it(
    tmp_path: Path, data_dir: Path, width: int, height: int, scale: str
) -> None:
    """A real first start in a fresh process on a screen of that size and scaling: the
    window and its frame on the screen, the same size after every page was shown, and no
    page scrolling sideways."""
    config = tmp_path / "screen.json"
    screen = {"name": "portable", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "AICONSULT_DATA_DIR": str(data_dir),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.screen_probe", str(data_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    seen = json.loads(done.stdout.splitlines()[-1])
    available = QRect(*seen["available"])
    assert available.size() == QSize(round(width / float(scale)), round(height / float(scale)))
    assert available.contains(QRect(*seen["framed"]))
    assert seen["after_every_page"] == seen["first"]
    assert {page: areas for page, areas in seen["scrolled"].items() if areas} == {}
