"""Dossiers (issue 11): one dossier's fields and its whole story, merged in date order.

The chronology is a view of the base (`services.chronology`): meetings, questions, facts
and AI tools' steps are never typed twice. Double-clicking an entry opens what it comes
from on its own page (through `Navigation`); a fact opens the fact dialog, where facts
are added, corrected and removed. « Exporter » writes the chronology as Word or PDF
through `services.chronology_export`, like every document of the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.chronology import EntryKind
from aiconsult_desktop.services.chronology import Filters, dossier_chronology
from aiconsult_desktop.services.chronology_export import export_dossier
from aiconsult_desktop.services.exports import pdf_unavailable
from aiconsult_desktop.services.facts import delete_fact, get_fact
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.background_export import run_export
from aiconsult_desktop.ui.forms import button
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.pages.chronology_model import ChronologyModel
from aiconsult_desktop.ui.pages.dossier_editor import DossierEditor
from aiconsult_desktop.ui.pages.fact_dialog import FactDialog
from aiconsult_desktop.ui.record_model import RecordTableModel
from aiconsult_desktop.ui.widgets import buddy

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation


class DossiersPage(DossierEditor):
    """The dossier editor of « Employeurs et instances », with the chronology under it."""

    title = "Dossiers"

    def __init__(self, store: Store, window: Navigation) -> None:
        self.chronology = ChronologyModel()
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("Toutes les natures", None)
        for kind in EntryKind:
            self.kind_filter.addItem(kind.label, kind)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Un mot du titre, d'un extrait, d'une question…")
        self.search_edit.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.chronology)
        self.table.setAccessibleName("Chronologie du dossier")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self.open_entry)
        self.due_label = QLabel("")
        self.due_label.setWordWrap(True)
        self.extracts_box = QCheckBox("Extraits seu&lement")
        self.extracts_box.setToolTip(
            "Dans le document, le premier paragraphe de chaque déclaration, marqué « Extrait »."
        )
        super().__init__(store, window)
        self.kind_filter.currentIndexChanged.connect(self.load_chronology)
        self.search_edit.textChanged.connect(self.load_chronology)

    def _setup(self, model: RecordTableModel[DossierData], editor: QWidget, **kw: object) -> None:
        """The dossier's form, then its chronology with its filters and actions."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        filters = QHBoxLayout()
        filters.addWidget(buddy("Natu&re", self.kind_filter))
        filters.addWidget(self.kind_filter)
        filters.addWidget(buddy("Rec&hercher", self.search_edit))
        filters.addWidget(self.search_edit, 1)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.due_label)
        actions = QHBoxLayout()
        actions.addWidget(
            button("&Ajouter un fait", "Noter un fait daté du dossier", self.add_fact, "plus")
        )
        actions.addWidget(
            button(
                "Retirer le &fait",
                "Supprimer le fait choisi dans la chronologie",
                self.remove_fact,
                "minus",
            )
        )
        actions.addStretch(1)
        actions.addWidget(self.extracts_box)
        actions.addWidget(
            button(
                "E&xporter…",
                "La chronologie en document Word ou PDF (Ctrl+E)",
                self.window_.command("export").trigger,
                "file-down",
            )
        )
        layout.addLayout(actions)
        super()._setup(model, box, sizes=(280, 720))

    # The chronology ------------------------------------------------------------------

    def filters(self, extracts: bool = False) -> Filters:
        kind = self.kind_filter.currentData()
        kinds = frozenset({kind}) if kind is not None else frozenset(EntryKind)
        return Filters(kinds=kinds, search=self.search_edit.text(), extracts=extracts)

    def load_chronology(self) -> None:
        dossier_id = self.editing_id()
        if dossier_id is None:
            self.chronology.set_entries([])
            self.due_label.setText("")
            return
        found = attempt(self, lambda: dossier_chronology(self.store, dossier_id, self.filters()))
        self.chronology.set_entries(found.entries if found else [])
        due = found.due if found else []
        self.due_label.setText(
            "Reste dû :\n" + "\n".join(f"• {line.text}" for line in due) if due else ""
        )
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    def _fill_editor(self, record: DossierData | None) -> None:
        super()._fill_editor(record)
        self.load_chronology()

    def open_entry(self, index: QModelIndex) -> None:
        """Double-click: the item the entry comes from, on its page."""
        entry = self.chronology.entry(index.row())
        if entry is None:
            return
        page, item_id = entry.item
        if page == "facts":
            self.edit_fact(item_id)
        elif page == "meetings":
            self.window_.show_meeting(item_id)
        elif page == "ai_tools":
            self.window_.show_tool(item_id)
        elif page == "questions":
            self.window_.show_question(item_id)

    def open_entry_of(self, dossier_id: int, item: tuple[str, int] | None = None) -> None:
        """This dossier, and `item` (("facts", id)…) selected in its whole chronology."""
        self.open_record(dossier_id)
        if item is None or self.editing_id() != dossier_id:
            return
        self.kind_filter.setCurrentIndex(0)
        self.search_edit.clear()
        for row in range(self.chronology.rowCount()):
            entry = self.chronology.entry(row)
            if entry is not None and entry.item == item:
                self.table.selectRow(row)
                self.table.setFocus()

    # Facts ---------------------------------------------------------------------------

    def _dossier_for_fact(self) -> int | None:
        """The dossier a fact goes in, saved first (a new dossier needs its title)."""
        if not self.leave():
            return None
        dossier_id = self.editing_id()
        if dossier_id is None:
            dialogs.show_error(
                self, "Enregistrez d'abord le dossier (son titre) pour y noter un fait."
            )
        return dossier_id

    def add_fact(self) -> None:
        dossier_id = self._dossier_for_fact()
        if dossier_id is not None:
            self._run_fact_dialog(FactDialog(self.store, dossier_id, None, self))

    def edit_fact(self, fact_id: int) -> None:
        dossier_id = self._dossier_for_fact()
        fact = attempt(self, lambda: get_fact(self.store, fact_id))
        if dossier_id is not None and fact is not None:
            self._run_fact_dialog(FactDialog(self.store, dossier_id, fact, self))

    def _run_fact_dialog(self, dialog: FactDialog) -> None:
        if dialog.exec() and dialog.saved_id is not None:
            self.say("Fait enregistré.")
            self.load_chronology()
            self.window_.notify_changed()

    def selected_fact(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        entry = self.chronology.entry(rows[0].row()) if rows else None
        return entry.item[1] if entry is not None and entry.item[0] == "facts" else None

    def remove_fact(self) -> None:
        fact_id = self.selected_fact()
        if fact_id is None:
            dialogs.show_error(
                self, "Choisissez d'abord un fait (nature « Fait ») dans la chronologie."
            )
            return
        if not dialogs.confirm(
            self,
            "Supprimer le fait",
            "Supprimer ce fait du dossier ?\n\nL'étape d'outil d'IA apprise par ce fait est "
            "retirée avec lui ; l'outil lui-même reste au registre.",
            destructive=True,
        ):
            return
        if attempt_done(self, lambda: delete_fact(self.store, fact_id)):
            self.say("Fait supprimé.")
            self.load_chronology()
            self.window_.notify_changed()

    # Export --------------------------------------------------------------------------

    def export(self) -> QProgressDialog | None:
        """Ask where, then write the chronology (.docx or .pdf) off the GUI thread."""
        if not self.leave():
            return None
        record, dossier_id = self.editing, self.editing_id()
        if record is None or dossier_id is None:
            dialogs.show_error(self, "Choisissez d'abord le dossier à exporter.")
            return None
        path = dialogs.save_path(
            self,
            "Exporter la chronologie",
            Path(f"Chronologie - {record.title}.docx"),
            "Documents Word (*.docx);;Documents PDF (*.pdf)",
        )
        if path is None:
            return None
        filters = Filters(extracts=self.extracts_box.isChecked())
        said = f"La chronologie du dossier « {record.title} » est dans le fichier :\n"

        def done(target: Path) -> None:
            dialogs.show_info(self, said + str(target), "Export")

        if path.suffix.lower() == ".pdf":
            unavailable = pdf_unavailable()
            if unavailable:
                dialogs.show_error(self, unavailable)
                return None
        return run_export(
            self,
            path,
            lambda: export_dossier(self.store, dossier_id, path, filters),
            done,
            title="Chronologie",
        )
