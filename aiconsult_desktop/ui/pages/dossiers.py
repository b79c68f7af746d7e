"""Dossiers (issue 11): one dossier's fields and its whole story, merged in date order.

The chronology is a view of the base (`services.chronology`): meetings, questions, facts
and AI tools' steps are never typed twice. Double-clicking an entry opens what it comes
from on its own page (through `Navigation`); a fact opens the fact dialog, where facts
are added, corrected and removed. The period (du / au) narrows the chronology and the
export alike; a reversed one is refused by the service's own check, in French, and the
chronology shown stays as it was. « Exporter » writes the chronology as Word or PDF
through `services.chronology_export`, like every document of the app. The second tab holds
the dossier's closing analysis and demand (`dossier_analysis`), saved with the dossier.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.chronology import Chronology, EntryKind
from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.domain.facts import check_period
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services.chronology import Filters, dossier_chronology
from aiconsult_desktop.services.chronology_export import export_dossier
from aiconsult_desktop.services.exports import pdf_unavailable
from aiconsult_desktop.services.facts import (
    ANALYSIS_FIELD,
    clean_analysis,
    delete_fact,
    get_analysis,
    get_fact,
    save_analysis,
)
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.autosave import Autosaver, StopsAutosave
from aiconsult_desktop.ui.background_export import run_export
from aiconsult_desktop.ui.forms import button
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.pages.chronology_model import ChronologyModel
from aiconsult_desktop.ui.pages.dossier_analysis import AnalysisEditor
from aiconsult_desktop.ui.pages.dossier_editor import DossierEditor
from aiconsult_desktop.ui.pages.fact_dialog import FactDialog
from aiconsult_desktop.ui.pages.period_fields import PeriodFields
from aiconsult_desktop.ui.record_model import RecordTableModel
from aiconsult_desktop.ui.widgets import buddy

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation


class DossiersPage(StopsAutosave, DossierEditor):
    """The dossier editor of « Employeurs et instances », with the chronology under it."""

    title = "Dossiers"
    shows: frozenset[DataKind] = frozenset(
        {"dossiers", "meetings", "questions", "statements", "ai_tools", "employers", "organisation"}
    )
    """The chronology gathers meetings, questions, statements, facts and AI tools, and
    names the organisation's interventions."""

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
        self.period_fields = PeriodFields()
        self.period_message = QLabel("")
        self.period_message.setWordWrap(True)
        self.period_message.setStyleSheet("color: #a4441b; font-weight: bold;")
        self.period_message.hide()
        self._shown_dossier: int | None = None
        self._analysis_refused = False
        self.analysis = AnalysisEditor(store)
        self.tabs = QTabWidget()
        super().__init__(store, window)
        self.kind_filter.currentIndexChanged.connect(self.load_chronology)
        self.search_edit.textChanged.connect(self.load_chronology)
        self.period_fields.changed.connect(self.load_chronology)
        self.analysis.rich.changed.connect(self.tracker.mark)
        self.autosaver = Autosaver(self, self.autosave)
        self.analysis.rich.changed.connect(self.autosaver.changed)
        self.title_edit.textEdited.connect(self.autosaver.changed)
        self.description_edit.textChanged.connect(self.autosaver.changed)

    def _setup(self, model: RecordTableModel[DossierData], editor: QWidget, **kw: object) -> None:
        """The dossier's form, then its chronology (filters, period, actions) and its
        analysis in two tabs: both need the height a small screen has."""
        self.description_edit.setMaximumHeight(110)
        chronology = QWidget()
        layout = QVBoxLayout(chronology)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        filters.addWidget(buddy("Natu&re", self.kind_filter))
        filters.addWidget(self.kind_filter)
        filters.addWidget(buddy("Rec&hercher", self.search_edit))
        filters.addWidget(self.search_edit, 1)
        layout.addLayout(filters)
        layout.addWidget(self.period_fields)
        layout.addWidget(self.period_message)
        layout.addWidget(self.table, 1)
        # What is still due can be a long list: it scrolls under the table, which keeps
        # the height (and the buttons under it stay in sight on a small screen).
        due = QScrollArea()
        due.setWidget(self.due_label)
        due.setWidgetResizable(True)
        due.setFrameShape(QFrame.Shape.NoFrame)
        due.setMaximumHeight(110)
        due.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(due)
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
        self.tabs.addTab(chronology, "&Chronologie")
        self.tabs.addTab(self.analysis, "Anal&yse et revendication")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(editor)
        column.addWidget(self.tabs, 1)
        super()._setup(model, box, sizes=(280, 720))

    # The chronology ------------------------------------------------------------------

    def filters(self, extracts: bool = False) -> Filters:
        kind = self.kind_filter.currentData()
        kinds = frozenset({kind}) if kind is not None else frozenset(EntryKind)
        start, end = self.period_fields.period()
        return Filters(kinds, start, end, self.search_edit.text(), extracts)

    def load_chronology(self, *_args: object) -> None:
        dossier_id = self.editing_id()
        if dossier_id is None:
            self.chronology.set_entries([])
            self.due_label.setText("")
            return
        refused: list[str] = []

        def run() -> Chronology | None:
            try:
                return dossier_chronology(self.store, dossier_id, self.filters())
            except ValidationError as error:
                if error.field != "period":
                    raise
                refused.append(error.message)  # said beside the period, not in a box
                return None

        found = attempt(self, run)
        self.period_message.setText(refused[0] if refused else "")
        self.period_message.setVisible(bool(refused))
        if refused and self._shown_dossier == dossier_id:
            return  # a reversed period changes nothing: the chronology stays as it was
        self._shown_dossier = dossier_id
        self.chronology.set_entries(found.entries if found else [])
        if found is not None and found.entries:
            self.period_fields.offer(found.entries[0].on, found.entries[-1].on)
        due = found.due if found else []
        self.due_label.setText(
            "Reste dû :\n" + "\n".join(f"• {line.text}" for line in due) if due else ""
        )
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    def _fill_editor(self, record: DossierData | None) -> None:
        self.autosaver.stop()
        super()._fill_editor(record)
        dossier_id = record.id if record is not None else None
        text = attempt(self, lambda: get_analysis(self.store, dossier_id)) if dossier_id else ""
        self.analysis.load(text or "")
        self.load_chronology()

    # The analysis, saved with the dossier ----------------------------------------------

    def _fields(self) -> dict[str, QWidget]:
        return {**super()._fields(), ANALYSIS_FIELD: self.analysis.rich.text}

    def _store_dossier(self, data: DossierData) -> DossierData:
        """The dossier, then its analysis; an analysis the service refuses (too long)
        refuses the whole save before anything is written."""
        text = self.analysis.markdown()
        try:
            clean_analysis(text)
        except ValidationError:
            self._analysis_refused = True
            raise
        saved = super()._store_dossier(data)
        if saved.id is not None:
            save_analysis(self.store, saved.id, text)
        return saved

    def _save_editor(self) -> DossierData | None:
        """A save the user asked for (or leaving): a refused analysis is shown on its tab
        (not by an autosave, which would pull the user away from the chronology)."""
        self._analysis_refused = False
        saved = super()._save_editor()
        if saved is None and self._analysis_refused:
            self.tabs.setCurrentWidget(self.analysis)
            self.analysis.rich.text.setFocus()
        return saved

    def autosave(self) -> None:
        """Save quietly (see `Autosaver`); a refusal waits for `leave`, which says it."""
        if not self.tracker.dirty or not self.isVisible() or not self.title_edit.text().strip():
            return
        try:
            saved = self._store_dossier(self._dossier_data())
        except UserError:
            return
        self._took(saved)

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
        start, end = self.period_fields.period()
        if not attempt_done(self, lambda: check_period(start, end)):
            return None  # said before a file is chosen: nothing written
        path = dialogs.save_path(
            self,
            "Exporter la chronologie",
            Path(f"Chronologie - {record.title}.docx"),
            "Documents Word (*.docx);;Documents PDF (*.pdf)",
        )
        if path is None:
            return None
        filters = Filters(start=start, end=end, extracts=self.extracts_box.isChecked())
        said = f"La chronologie du dossier « {record.title} » est dans le fichier :\n"

        def done(target: Path) -> None:
            dialogs.show_info(self, said + str(target), "Export")

        if path.suffix.lower() == ".pdf":
            unavailable = pdf_unavailable()
            if unavailable:
                dialogs.show_error(self, unavailable)
                return None
        store = self.store  # read here: the worker touches no widget, not even the page
        return run_export(
            self,
            path,
            lambda: export_dossier(store, dossier_id, path, filters),
            done,
            title="Chronologie",
        )
