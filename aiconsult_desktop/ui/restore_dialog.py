"""« Restaurer une sauvegarde » : each backup with its date and contents, newest first.

Restoring backs up the current state first (the service does), so a wrong choice can
itself be undone from this same list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.services.backups import BackupInfo, list_backups, make_backup, restore_backup
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.operations import run_in_background
from aiconsult_desktop.ui.recovery import backup_summary

T = TypeVar("T")

COLUMNS = ("Date", "Réunions", "Questions", "Déclarations")


class RestoreDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert store.path is not None
        self.store = store
        self.database: Path = store.path
        self.restored = False
        self.setWindowTitle("Restaurer une sauvegarde")
        self.resize(620, 420)
        intro = QLabel(
            "Les sauvegardes sont faites à chaque démarrage et à chaque fermeture (au plus "
            "une par heure). Restaurer remplace les données actuelles, qui sont d'abord "
            "sauvegardées à leur tour."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Sauvegardes")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.empty = QLabel("Aucune sauvegarde pour l'instant.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton("&Restaurer")
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button = QPushButton("&Sauvegarder maintenant")
        self.backup_button.clicked.connect(self.backup_now)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.backups: list[BackupInfo] = []
        self.reload()

    def reload(self) -> None:
        from datetime import UTC

        from aiconsult_desktop.ui.locale import date_time

        self.backups = list_backups(self.database)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            local = info.taken_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
            cells = (date_time(local), info.meetings, info.questions, info.statements)
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        if self.backups:
            self.table.selectRow(0)
        self.empty.setVisible(not self.backups)
        self.restore_button.setEnabled(bool(self.backups))

    def backup_now(self) -> None:
        """Off the GUI thread: copying a large base takes seconds."""
        database = self.database
        self._in_background(lambda: make_backup(database), lambda _path: None, "Sauvegarde…")

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        info = self.backups[rows[0].row()]
        if not dialogs.confirm(
            self,
            "Restaurer une sauvegarde",
            f"Remplacer les données actuelles par la sauvegarde {backup_summary(info)} ?\n"
            "L'état actuel sera sauvegardé avant.",
            destructive=True,
        ):
            return

        def restored(_safety: Path) -> None:
            self.restored = True
            dialogs.show_info(self, f"La sauvegarde {backup_summary(info)} a été restaurée.")
            self.accept()

        # Off the GUI thread; the progress window is modal, so nothing else touches the
        # base while its file is replaced.
        store = self.store  # read here: the worker touches no widget, not even this one
        self._in_background(lambda: restore_backup(store, info.path), restored, "Restauration…")

    def _in_background(self, work: Callable[[], T], done: Callable[[T], None], label: str) -> None:
        """One action at a time; the list is read again once it has ended, done or not."""
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        operation = run_in_background(self, lambda _report: work(), done, label=label)
        operation.ended.connect(self._after)

    def _after(self) -> None:
        self.backup_button.setEnabled(True)
        if not self.restored:
            self.reload()
