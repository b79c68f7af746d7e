"""What the GUI tests share: a real window on a real store, dialogs answered by the test,
and typing as a French keyboard does."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


class Dialogs:
    """What the pages said or asked, instead of modal boxes (pytest-qt's advice)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.confirmations: list[tuple[str, bool]] = []
        self.answer = True
        self.save_to: Path | None = None
        self.suggested: Path | None = None
        self.chosen_path: Path | None = None
        self.off_gui_thread: list[str] = []
        """Dialogs asked for from a worker thread: always a bug (widgets are GUI-only)."""
        monkeypatch.setattr(dialogs, "show_error", self._show_error)
        monkeypatch.setattr(dialogs, "show_info", self._show_info)
        monkeypatch.setattr(dialogs, "confirm", self._confirm)
        monkeypatch.setattr(dialogs, "save_path", self._save_path)
        monkeypatch.setattr(dialogs, "open_path", self._open_path)

    def _on_gui_thread(self, text: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            self.off_gui_thread.append(text)

    def _show_error(self, _parent: Any, text: str, title: str = "") -> None:
        self._on_gui_thread(text)
        self.errors.append(text)

    def _show_info(self, _parent: Any, text: str, title: str = "") -> None:
        self._on_gui_thread(text)
        self.infos.append(text)

    def _confirm(self, _parent: Any, _title: str, text: str, *, destructive: bool = False) -> bool:
        self._on_gui_thread(text)
        self.confirmations.append((text, destructive))
        return self.answer

    def _save_path(self, _parent: Any, _title: str, suggested: Path, _filter: str) -> Path | None:
        self.suggested = suggested
        return self.save_to

    def _open_path(self, *_args: Any, **_kwargs: Any) -> Path | None:
        return self.chosen_path


def make_window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store)
    # A test may end on a form it left invalid on purpose: abandon it, as a user answering
    # "Fermer quand même" would, so that closing never opens a real (blocking) dialog.
    qtbot.addWidget(window, before_close_func=lambda w: [p.discard() for p in w.pages])
    window.show()
    window.activateWindow()
    # Shortcuts and focus need an active window, which offscreen grants after events.
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user; QTest.keyClicks aborts on non-ASCII ("é", "·"), so send those as
    key events carrying the character, the way a French keyboard does."""
    for run in re.findall(r"\n|[\x20-\x7f]+|[^\x00-\x7f]", text):
        if run == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            continue
        if run.isascii():
            qtbot.keyClicks(widget, run)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, run)
            QApplication.sendEvent(widget, event)
