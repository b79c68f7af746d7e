"""Every question the GUI asks the user goes through here, so tests can answer it.

Tests monkeypatch these functions (pytest-qt's advice for modal dialogs) instead of
clicking in blocking message boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from aiconsult_desktop.ui import file_dialogs


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
    """Where to write a file. `suggested` is the file name offered; the dialog opens in the
    folder of the last file chosen (remembered across starts) or in Documents, unless the
    page gives a folder of its own with the name."""
    start = suggested if suggested.is_absolute() else file_dialogs.start_folder() / suggested.name
    return file_dialogs.run(file_dialogs.file_dialog(parent, title, filter_, start, save=True))


def open_path(
    parent: QWidget | None, title: str, filter_: str, start: Path | None = None
) -> Path | None:
    """A file to read (import, letterhead, logo…), from `start` or where the last was."""
    folder = start or file_dialogs.start_folder()
    return file_dialogs.run(file_dialogs.file_dialog(parent, title, filter_, folder, save=False))


def ask_text(parent: QWidget | None, title: str, label: str, suggested: str = "") -> str | None:
    """One line typed by the user (a template's name…); None when cancelled."""
    text, accepted = QInputDialog.getText(parent, title, label, text=suggested)
    return text if accepted else None


def choose(parent: QWidget | None, title: str, label: str, choices: list[str]) -> int | None:
    """The index of the choice picked in a short list, None when cancelled."""
    chosen, accepted = QInputDialog.getItem(parent, title, label, choices, 0, False)
    return choices.index(chosen) if accepted and chosen in choices else None
