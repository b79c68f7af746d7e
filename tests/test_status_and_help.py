"""The status bar says where the data is in words; the window's --help is French."""

from __future__ import annotations

import subprocess
import sys

from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from tests.gui_support import make_window


def test_status_bar_names_the_local_base_without_its_path(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    assert store.path is not None
    assert window.base_label.text() == "Base locale"
    assert str(store.path) in window.base_label.toolTip()
    assert str(store.path) not in window.statusBar().currentMessage()


def test_desktop_help_is_in_french() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.app", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert shown.startswith("utilisation : aiconsult-desktop")
    assert "afficher cette aide et quitter" in shown
    assert "dossier des données" in shown
    for english in ("usage:", "show this help", "optional arguments", "positional"):
        assert english not in shown
