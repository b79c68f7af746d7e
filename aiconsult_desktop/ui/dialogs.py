"""Every question the GUI asks the user goes through here, so tests can answer it.

Tests monkeypatch these functions (pytest-qt's advice for modal dialogs) instead of
clicking in blocking message boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from aiconsult_desktop.ui import window_state

_DEFAULT_FOLDERS = (Path(), Path.home(), Path.home() / "Documents")
"""Where pages start when they know no better: the last export's folder wins over these."""


def confirm(parent: QWidget | None, title: str, text: str, *, destructive: bool = False) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, text: str, title: str = "Impossible de continuer") -> None:
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, text: str, title: str = "AIConsult Desktop") -> None:
    QMessageBox.information(parent, title, text)


def save_path(parent: QWidget | None, title: str, suggested: Path, filter_: str) -> Path | None:
    """Opens in the folder of the last export (remembered across starts) unless the page
    suggests a folder of its own; the folder chosen becomes the next one."""
    start = suggested
    last = window_state.last_folder()
    if last is not None and suggested.parent in _DEFAULT_FOLDERS:
        start = last / suggested.name
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start), filter_)
    if not chosen:
        return None
    window_state.remember_folder(Path(chosen).parent)
    return Path(chosen)


def open_path(
    parent: QWidget | None, title: str, filter_: str, start: Path | None = None
) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start or Path.home()), filter_)
    return Path(chosen) if chosen else None


def ask_text(parent: QWidget | None, title: str, label: str, suggested: str = "") -> str | None:
    """One line typed by the user (a template's name…); None when cancelled."""
    text, accepted = QInputDialog.getText(parent, title, label, text=suggested)
    return text if accepted else None


def choose(parent: QWidget | None, title: str, label: str, choices: list[str]) -> int | None:
    """The index of the choice picked in a short list, None when cancelled."""
    chosen, accepted = QInputDialog.getItem(parent, title, label, choices, 0, False)
    return choices.index(chosen) if accepted and chosen in choices else None
