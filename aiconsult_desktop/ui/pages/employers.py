"""Employeurs et instances: who the union faces, in which bodies, and the dossiers followed.

Two tabs share one pattern (a list on the left, a form on the right, Nouveau / Enregistrer
/ Supprimer): employers with their bodies (CST, F3SCT, CAP…), and dossiers, the subjects
followed across meetings. Everything goes through the services; deleting an employer
that still has meetings, questions or statements says exactly what would go with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.domain.question_state import DEFAULT_ANSWER_DEADLINE_DAYS
from aiconsult_desktop.services.dossiers import delete_dossier, list_dossiers, save_dossier
from aiconsult_desktop.services.employers import (
    delete_employer,
    employer_dependents,
    list_employers,
    save_employer,
)
from aiconsult_desktop.services.records import BodyData, DossierData, EmployerData
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt, attempt_done, attempt_form
from aiconsult_desktop.ui.widgets import EnumCombo, page_heading

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (Alt+letter) puts the cursor in `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class _RecordEditor(QWidget):
    """A list of records beside the form editing the selected one.

    Keeps track of unsaved typing so that picking another record, Nouveau or a refresh
    never throws away what the user wrote without asking first.
    """

    new_text = "&Nouveau"
    list_label = "&Liste"
    nothing_yet = "Aucun élément pour l'instant."

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        self.current_id: int | None = None
        self.dirty = False
        self._loading = False
        self._records: dict[int, Any] = {}

        self.record_list = QListWidget()
        self.record_list.setMinimumWidth(220)
        self.record_list.currentItemChanged.connect(self._on_current_item_changed)
        self.empty_hint = QLabel(self.nothing_yet)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text);")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(_buddy(self.list_label, self.record_list))
        left_layout.addWidget(self.record_list, 1)
        left_layout.addWidget(self.empty_hint)

        self.form_title = QLabel()
        font = self.form_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.form_title.setFont(font)
        self.form_box = QWidget()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.form_title)
        right_layout.addWidget(self.form_box, 1)

        self.new_button = QPushButton(self.new_text)
        self.new_button.setToolTip("Saisir un nouvel élément (Ctrl+N)")
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton("&Enregistrer")
        self.save_button.setToolTip("Enregistrer les modifications (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("&Supprimer")
        self.delete_button.setToolTip("Supprimer l'élément choisi dans la liste (Suppr)")
        self.delete_button.clicked.connect(self.delete)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status_label, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The list needs room for a name; the form gets the rest.
        left.setMaximumWidth(420)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 10_000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        # Shortcuts live on this tab: a hidden tab's (or page's) shortcuts never fire, so
        # Ctrl+S always saves what the user is looking at.
        for text, key, slot in (
            ("Nouveau", QKeySequence.StandardKey.New, self.new),
            ("Enregistrer", QKeySequence.StandardKey.Save, self.save),
        ):
            action = QAction(text, self)
            action.setShortcut(key)
            action.triggered.connect(slot)
            self.addAction(action)
        # Del only on the list: in a text field it must keep erasing characters.
        delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.record_list)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.activated.connect(self.delete)

    # To be provided by each editor ---------------------------------------------------

    def load_records(self) -> list[Any]:
        raise NotImplementedError

    def item_text(self, record: Any) -> tuple[str, str]:
        """Text and tooltip of a record in the list."""
        raise NotImplementedError

    def fill(self, record: Any | None) -> None:
        """Show `record` in the form (None: an empty form for a new one)."""
        raise NotImplementedError

    def form_record(self) -> Any:
        raise NotImplementedError

    def save_record(self, record: Any) -> Any:
        raise NotImplementedError

    def invalid_fields(self) -> dict[str, QWidget]:
        """ValidationError.field names → the widget to focus."""
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def delete_record(self, record: Any) -> str | None:
        """Ask, delete; return the status message, or None when nothing was deleted."""
        raise NotImplementedError

    def title_for(self, record: Any | None) -> str:
        raise NotImplementedError

    # Common behaviour ----------------------------------------------------------------

    def current_record(self) -> Any | None:
        return self._records.get(self.current_id) if self.current_id is not None else None

    def refresh(self) -> None:
        """Reload the list; reload the form too unless it holds unsaved typing."""
        records = attempt(self, self.load_records)
        if records is None:
            return
        self._records = {record.id: record for record in records}
        blocked = self.record_list.blockSignals(True)
        try:
            self.record_list.clear()
            for record in records:
                text, tooltip = self.item_text(record)
                item = QListWidgetItem(text)
                item.setToolTip(tooltip)
                item.setData(ID_ROLE, record.id)
                self.record_list.addItem(item)
        finally:
            self.record_list.blockSignals(blocked)
        self.empty_hint.setVisible(not records)
        if self.dirty:
            self._select(self.current_id)
            return
        if self.current_id not in self._records:
            self.current_id = records[0].id if records else None
        self._select(self.current_id)
        self._show(self.current_record())

    def _select(self, record_id: int | None) -> None:
        blocked = self.record_list.blockSignals(True)
        try:
            self.record_list.setCurrentRow(-1)
            for row in range(self.record_list.count()):
                if self.record_list.item(row).data(ID_ROLE) == record_id:
                    self.record_list.setCurrentRow(row)
                    break
        finally:
            self.record_list.blockSignals(blocked)

    def _show(self, record: Any | None) -> None:
        self._loading = True
        try:
            self.fill(record)
        finally:
            self._loading = False
        self.dirty = False
        self.form_title.setText(self.title_for(record))
        self.delete_button.setEnabled(record is not None)

    def leave(self) -> bool:
        """Before the window closes: save what was typed; False (stay open) if refused."""
        if self.dirty:
            self.save()
        return not self.dirty

    def discard(self) -> None:
        self.dirty = False
        self.status_label.clear()
        self._show(self.current_record())

    def mark_dirty(self) -> None:
        """Called by every edit in the form."""
        if self._loading:
            return
        self.dirty = True
        self.status_label.setText("Modifications non enregistrées.")

    def _may_discard(self) -> bool:
        if not self.dirty:
            return True
        name = self.title_for(self.current_record())
        return dialogs.confirm(
            self,
            "Modifications non enregistrées",
            f"Les modifications de « {name} » ne sont pas enregistrées.\n\nLes abandonner ?",
        )

    def _on_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        new_id = current.data(ID_ROLE) if current is not None else None
        if new_id == self.current_id or new_id is None:
            return
        if not self._may_discard():
            self._select(self.current_id)
            return
        self.current_id = new_id
        self.status_label.clear()
        self._show(self.current_record())

    def new(self) -> None:
        if not self._may_discard():
            return
        self.current_id = None
        self._select(None)
        self.status_label.clear()
        self._show(None)
        self.first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        record = self.form_record()
        saved = attempt_form(self, lambda: self.save_record(record), self.invalid_fields())
        if saved is None:
            self.status_label.setText("Non enregistré : corrigez ce qui est indiqué.")
            return
        self.current_id = saved.id
        self.dirty = False
        self.refresh()
        self.window_.data_changed.emit()
        self.status_label.setText("Enregistré.")

    def delete(self) -> None:
        record = self.current_record()
        if record is None:
            return
        if self.dirty and not self._may_discard():
            return
        message = self.delete_record(record)
        if message is None:
            return
        self.current_id = None
        self.dirty = False
        self.refresh()
        self.window_.data_changed.emit()
        self.status_label.setText(message)


class EmployerEditor(_RecordEditor):
    """Employers and their bodies; the bodies are edited as rows of a small table."""

    new_text = "&Nouveau"
    list_label = "Emp&loyeurs suivis"
    nothing_yet = (
        "Aucun employeur pour l'instant : saisissez-le dans le formulaire, "
        "puis « Enregistrer » (Ctrl+S)."
    )

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__(store, window)
        self.new_button.setToolTip("Saisir un nouvel employeur (Ctrl+N)")
        self.delete_button.setToolTip("Supprimer l'employeur choisi (Suppr dans la liste)")

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Ex. : Région des Pays de la Loire")
        self.short_name_edit = QLineEdit()
        self.short_name_edit.setPlaceholderText("Ex. : Région")
        self.short_name_edit.setToolTip("Nom court utilisé dans les listes (facultatif)")

        self.bodies_table = QTableWidget(0, 2)
        self.bodies_table.setHorizontalHeaderLabels(["Type", "Nom de l'instance"])
        self.bodies_table.verticalHeader().setVisible(False)
        header = self.bodies_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.bodies_table.setColumnWidth(0, 190)
        self.bodies_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bodies_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.bodies_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.bodies_table.setToolTip(
            "Une ligne par instance : choisissez le type, puis modifiez le nom au besoin "
            "(F2 ou double-clic)."
        )
        self.bodies_table.itemChanged.connect(lambda _item: self.mark_dirty())
        self.bodies_table.currentCellChanged.connect(lambda *_: self._update_body_buttons())
        self.add_body_button = QPushButton("&Ajouter une instance")
        self.add_body_button.setToolTip("Ajouter une ligne : CST, F3SCT, CAP, CCP…")
        self.add_body_button.clicked.connect(lambda: self.add_body())
        self.remove_body_button = QPushButton("Re&tirer l'instance")
        self.remove_body_button.setToolTip(
            "Retirer la ligne choisie (Suppr dans le tableau) ; effectif à l'enregistrement"
        )
        self.remove_body_button.clicked.connect(lambda: self.remove_body())
        remove_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.bodies_table)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_shortcut.activated.connect(lambda: self.remove_body())
        body_buttons = QHBoxLayout()
        body_buttons.addWidget(self.add_body_button)
        body_buttons.addWidget(self.remove_body_button)
        body_buttons.addStretch(1)

        for edit in (self.name_edit, self.short_name_edit):
            edit.textEdited.connect(lambda _text: self.mark_dirty())
        self.deadline_spin = QSpinBox()
        self.deadline_spin.setRange(1, 1098)
        self.deadline_spin.setSuffix(" jours")
        self.deadline_spin.setValue(DEFAULT_ANSWER_DEADLINE_DAYS)
        self.deadline_spin.setToolTip(
            "Au-delà, une question sans réponse est marquée en retard. Par défaut 61 jours, "
            "soit 2 mois, comme le délai de réponse aux questions écrites du Sénat."
        )
        self.deadline_spin.valueChanged.connect(lambda _value: self.mark_dirty())

        identity = QFormLayout()
        identity.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        identity.addRow(_buddy("No&m de l'employeur *", self.name_edit), self.name_edit)
        identity.addRow(_buddy("Si&gle", self.short_name_edit), self.short_name_edit)
        identity.addRow(_buddy("Délai de &réponse", self.deadline_spin), self.deadline_spin)
        bodies_box = QGroupBox("Instances de dialogue social")
        bodies_layout = QVBoxLayout(bodies_box)
        bodies_hint = _buddy(
            "Les &instances où siègent vos élu·es (CST, F3SCT, CAP…). Une instance à laquelle "
            "des réunions sont rattachées ne peut pas être retirée.",
            self.bodies_table,
        )
        bodies_hint.setWordWrap(True)
        bodies_layout.addWidget(bodies_hint)
        bodies_layout.addWidget(self.bodies_table, 1)
        bodies_layout.addLayout(body_buttons)
        form_layout = QVBoxLayout(self.form_box)
        form_layout.setContentsMargins(0, 6, 0, 0)
        form_layout.setSpacing(12)
        form_layout.addLayout(identity)
        form_layout.addWidget(bodies_box, 1)
        self._update_body_buttons()

    # Body rows -----------------------------------------------------------------------

    def add_body(self, kind: BodyKind | None = None, name: str | None = None) -> int:
        """Add a row; by default the first usual kind not listed yet (CST, then F3SCT…)."""
        used = {body.kind for body in self._body_rows(strict=False)}
        if kind is None:
            kind = next(
                (
                    k
                    for k in (BodyKind.CST, BodyKind.F3SCT, BodyKind.CAP, BodyKind.CCP)
                    if k not in used
                ),
                BodyKind.OTHER,
            )
        if name is None:
            name = "" if kind is BodyKind.OTHER else kind.label
        row = self._insert_body(BodyData(kind=kind, name=name))
        self.mark_dirty()
        self.bodies_table.setCurrentCell(row, 1)
        self.bodies_table.setFocus(Qt.FocusReason.OtherFocusReason)
        item = self._name_item(row)
        if not item.text():
            self.bodies_table.editItem(item)
        return row

    def _name_item(self, row: int) -> QTableWidgetItem:
        """The name cell of a body row (always created with the row)."""
        item = self.bodies_table.item(row, 1)
        assert item is not None
        return item

    def _insert_body(self, body: BodyData) -> int:
        blocked = self.bodies_table.blockSignals(True)
        try:
            row = self.bodies_table.rowCount()
            self.bodies_table.insertRow(row)
            combo: EnumCombo[BodyKind] = EnumCombo(BodyKind)
            combo.setToolTip("Type d'instance")
            combo.set_value(body.kind)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._on_kind_changed(c))
            self.bodies_table.setCellWidget(row, 0, combo)
            item = QTableWidgetItem(body.name)
            item.setData(ID_ROLE, body.id)
            self.bodies_table.setItem(row, 1, item)
        finally:
            self.bodies_table.blockSignals(blocked)
        self._update_body_buttons()
        return row

    def _on_kind_changed(self, combo: EnumCombo[BodyKind]) -> None:
        """Follow the kind in the name while the name is still just a kind's label."""
        for row in range(self.bodies_table.rowCount()):
            if self.bodies_table.cellWidget(row, 0) is combo:
                item = self._name_item(row)
                labels = {kind.label for kind in BodyKind}
                if not item.text().strip() or item.text() in labels:
                    kind = combo.value()
                    item.setText("" if kind is BodyKind.OTHER else kind.label)
                break
        self.mark_dirty()

    def remove_body(self, row: int | None = None) -> None:
        """Remove a row (the current one by default); saving makes it final."""
        if row is None:
            row = self.bodies_table.currentRow()
        if not 0 <= row < self.bodies_table.rowCount():
            return
        self.bodies_table.removeRow(row)
        self.mark_dirty()
        self._update_body_buttons()

    def _update_body_buttons(self) -> None:
        self.remove_body_button.setEnabled(self.bodies_table.currentRow() >= 0)

    def _commit_open_editor(self) -> None:
        """Ctrl+S while typing in a cell: keep what was typed (Qt commits on focus-out only)."""
        editor = QApplication.focusWidget()
        viewport = self.bodies_table.viewport()
        if editor is not None and viewport.isAncestorOf(editor):
            self.bodies_table.commitData(editor)
            self.bodies_table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _body_rows(self, *, strict: bool = True) -> list[BodyData]:
        if strict:
            self._commit_open_editor()
        bodies = []
        for row in range(self.bodies_table.rowCount()):
            combo = self.bodies_table.cellWidget(row, 0)
            item = self.bodies_table.item(row, 1)
            if not isinstance(combo, EnumCombo) or item is None:
                continue
            bodies.append(BodyData(kind=combo.value(), name=item.text(), id=item.data(ID_ROLE)))
        return bodies

    # _RecordEditor ------------------------------------------------------------------

    def load_records(self) -> list[EmployerData]:
        return list_employers(self.store)

    def item_text(self, record: EmployerData) -> tuple[str, str]:
        text = record.name
        if record.short_name and record.short_name != record.name:
            text = f"{record.name} ({record.short_name})"
        bodies = ", ".join(body.name for body in record.bodies) or "aucune"
        return text, f"Instances : {bodies}"

    def fill(self, record: EmployerData | None) -> None:
        self.name_edit.setText(record.name if record else "")
        self.short_name_edit.setText(record.short_name if record else "")
        self.deadline_spin.setValue(
            record.answer_deadline_days if record else DEFAULT_ANSWER_DEADLINE_DAYS
        )
        self.bodies_table.setRowCount(0)
        for body in record.bodies if record else []:
            self._insert_body(body)
        self._update_body_buttons()

    def form_record(self) -> EmployerData:
        return EmployerData(
            id=self.current_id,
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            bodies=self._body_rows(),
            answer_deadline_days=self.deadline_spin.value(),
        )

    def save_record(self, record: EmployerData) -> EmployerData:
        return save_employer(self.store, record)

    def invalid_fields(self) -> dict[str, QWidget]:
        return {
            "Nom de l'employeur": self.name_edit,
            "name": self.name_edit,
            "Sigle": self.short_name_edit,
            "Nom de l'instance": self.bodies_table,
            "bodies": self.bodies_table,
        }

    def first_field(self) -> QWidget:
        return self.name_edit

    def title_for(self, record: EmployerData | None) -> str:
        return record.name if record else "Nouvel employeur"

    def delete_record(self, record: EmployerData) -> str | None:
        employer_id = record.id
        if employer_id is None:
            return None
        dependents = attempt(self, lambda: employer_dependents(self.store, employer_id))
        if dependents is None:
            return None
        if not dependents.total:
            if not dialogs.confirm(
                self,
                "Supprimer l'employeur",
                f"Supprimer l'employeur « {record.name} » et ses instances ?",
                destructive=True,
            ):
                return None
            done = attempt_done(self, lambda: delete_employer(self.store, employer_id))
            return f"Employeur « {record.name} » supprimé." if done else None
        attached = dependents.describe()
        if not dialogs.confirm(
            self,
            "Supprimer l'employeur et tout ce qui s'y rattache",
            f"L'employeur « {record.name} » a encore {attached}.\n\n"
            "Les supprimer aussi, définitivement, avec l'employeur et ses instances ? "
            "Cette suppression ne peut pas être annulée : faites d'abord une sauvegarde "
            "si vous voulez en garder une trace.",
            destructive=True,
        ):
            self.status_label.setText("Suppression annulée : rien n'a été supprimé.")
            return None
        done = attempt_done(self, lambda: delete_employer(self.store, employer_id, cascade=True))
        return f"Employeur « {record.name} » supprimé, avec {attached}." if done else None


class DossierEditor(_RecordEditor):
    """Dossiers: long-running subjects ("Déploiement de l'IA") that link meetings,
    questions and statements."""

    list_label = "Dossiers sui&vis"
    nothing_yet = (
        "Aucun dossier pour l'instant. Un dossier regroupe les réunions, questions et "
        "déclarations d'un même sujet suivi dans la durée (ex. : « Déploiement de l'IA »)."
    )

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__(store, window)
        self.new_button.setToolTip("Saisir un nouveau dossier (Ctrl+N)")
        self.delete_button.setToolTip("Supprimer le dossier choisi (Suppr dans la liste)")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Ex. : Déploiement de l'IA")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            "Contexte, enjeux, chronologie : ce qu'il faut avoir en tête avant chaque séance."
        )
        self.description_edit.setTabChangesFocus(True)
        self.title_edit.textEdited.connect(lambda _text: self.mark_dirty())
        self.description_edit.textChanged.connect(self.mark_dirty)
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 6, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_buddy("&Titre *", self.title_edit), self.title_edit)
        form.addRow(_buddy("&Description", self.description_edit), self.description_edit)

    def load_records(self) -> list[DossierData]:
        return list_dossiers(self.store)

    def item_text(self, record: DossierData) -> tuple[str, str]:
        first_line = record.description.strip().splitlines()[0] if record.description else ""
        return record.title, first_line or record.title

    def fill(self, record: DossierData | None) -> None:
        self.title_edit.setText(record.title if record else "")
        self.description_edit.setPlainText(record.description if record else "")

    def form_record(self) -> DossierData:
        return DossierData(
            id=self.current_id,
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
        )

    def save_record(self, record: DossierData) -> DossierData:
        return save_dossier(self.store, record)

    def invalid_fields(self) -> dict[str, QWidget]:
        return {
            "Titre du dossier": self.title_edit,
            "title": self.title_edit,
            "Description": self.description_edit,
        }

    def first_field(self) -> QWidget:
        return self.title_edit

    def title_for(self, record: DossierData | None) -> str:
        return record.title if record else "Nouveau dossier"

    def delete_record(self, record: DossierData) -> str | None:
        if not dialogs.confirm(
            self,
            "Supprimer le dossier",
            f"Supprimer le dossier « {record.title} » ?\n\n"
            "Ses réunions, questions et déclarations sont conservées : elles ne sont "
            "simplement plus rattachées à ce dossier.",
            destructive=True,
        ):
            return None
        dossier_id = record.id
        if dossier_id is None:
            return None
        done = attempt_done(self, lambda: delete_dossier(self.store, dossier_id))
        return f"Dossier « {record.title} » supprimé." if done else None


class EmployersPage(QWidget):
    """The page: a tab for employers and their bodies, a tab for dossiers."""

    title = "Employeurs et instances"

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        heading = page_heading(self.title)
        intro = QLabel(
            "Les collectivités que votre section suit, leurs instances (CST, F3SCT, CAP…), "
            "et les dossiers suivis d'une réunion à l'autre."
        )
        intro.setWordWrap(True)

        self.employer_editor = EmployerEditor(store, window)
        self.dossier_editor = DossierEditor(store, window)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.employer_editor, "Employeu&rs et instances")
        self.tabs.addTab(self.dossier_editor, "D&ossiers suivis")
        self.tabs.setTabToolTip(0, "Employeurs et instances (Ctrl+Tab pour changer d'onglet)")
        self.tabs.setTabToolTip(1, "Dossiers suivis (Ctrl+Tab pour changer d'onglet)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)

    def leave(self) -> bool:
        return self.employer_editor.leave() and self.dossier_editor.leave()

    def discard(self) -> None:
        self.employer_editor.discard()
        self.dossier_editor.discard()

    def refresh(self) -> None:
        self.employer_editor.refresh()
        self.dossier_editor.refresh()

    def new_employer(self) -> None:
        """Open the employers tab on an empty form (the dashboard's first-steps button)."""
        self.tabs.setCurrentWidget(self.employer_editor)
        self.employer_editor.new()
