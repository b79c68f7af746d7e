"""The one file dialog every page opens: in French, starting where the user's files are.

On Windows (and macOS) the system's own dialog, which already speaks the user's language.
Elsewhere Qt's widget dialog: the bundle leaves out the GTK theme that would provide a
native one, and Qt's dialog is the one `ui.locale.install_french` translates. Its size and
date columns follow the system locale, not Qt's translations (« 2.93 KiB », « 1 12 2026 »
under LANG=C): `FrenchFileColumns` shows them the French way (« 2,93 Kio », « 01/12/2026 »).

Every dialog starts in the folder of the last file chosen (remembered across starts by
`window_state`), or else in the user's Documents folder as the system names it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtWidgets import QDialog, QFileDialog, QFileSystemModel, QWidget

from aiconsult_desktop.ui import window_state
from aiconsult_desktop.ui.locale import FRENCH

NATIVE = sys.platform in ("win32", "darwin")
"""Where the system's dialog is used; Qt's own (translated) dialog everywhere else."""

SIZE_COLUMN, DATE_COLUMN = 1, 3
"""QFileSystemModel's columns: name, size, type, date modified."""


def documents_folder() -> Path:
    """The user's Documents folder as the system knows it (OneDrive's on many Windows PCs,
    XDG's « Documents » on Linux); the home folder when there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def start_folder() -> Path:
    """The folder of the last file chosen, else Documents."""
    return window_state.last_folder() or documents_folder()


class FrenchFileColumns(QIdentityProxyModel):
    """Sizes and dates in French whatever the system locale (Qt reads them from it)."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        source = self.sourceModel()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.column() in (SIZE_COLUMN, DATE_COLUMN)
            and isinstance(source, QFileSystemModel)
        ):
            info = source.fileInfo(self.mapToSource(index))
            if index.column() == DATE_COLUMN:
                return FRENCH.toString(info.lastModified(), "dd/MM/yyyy HH:mm")
            return FRENCH.formattedDataSize(info.size()) if info.isFile() else ""
        return super().data(index, role)


def file_dialog(
    parent: QWidget | None, title: str, filter_: str, start: Path, *, save: bool
) -> QFileDialog:
    """The dialog, not yet shown. `start` is a folder, or a file name to suggest in one."""
    folder, name = (start, "") if start.is_dir() else (start.parent, start.name)
    dialog = QFileDialog(parent, title, str(folder), filter_)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if not NATIVE:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setProxyModel(FrenchFileColumns(dialog))
    if name:
        dialog.selectFile(name)
    return dialog


def run(dialog: QFileDialog) -> Path | None:
    """The file chosen (its folder becomes the next dialogs' start), None when cancelled."""
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        chosen = Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()
    window_state.remember_folder(chosen.parent)
    return chosen
