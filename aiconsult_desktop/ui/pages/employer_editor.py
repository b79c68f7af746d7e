"""The employers tab: an employer's name, its answer deadline, and its bodies (CST,
F3SCT, CAP…) as rows of a small table, each with its deadline rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
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
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.deadlines import BodyRules, resolve_rules
from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.domain.question_state import DEFAULT_ANSWER_DEADLINE_DAYS
from aiconsult_desktop.services.body_rules import rules_by_body
from aiconsult_desktop.services.employers import (
    delete_employer,
    employer_dependents,
    get_employer,
    list_employers,
    save_employer,
)
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import BodyData, EmployerData
from aiconsult_desktop.ui import accessibility, dialogs
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.pages.rules_editing import describe_rules, edit_body_rules
from aiconsult_desktop.ui.record_model import Column, RecordTableModel, fit_columns
from aiconsult_desktop.ui.widgets import EnumCombo, buddy

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation

ID_ROLE = Qt.ItemDataRole.UserRole  # a body's id on its row (None until saved)


def _list_text(record: EmployerData) -> str:
    if record.short_name and record.short_name != record.name:
        return f"{record.name} ({record.short_name})"
    return record.name


def _list_tooltip(record: EmployerData) -> str:
    return "Instances : " + (", ".join(body.name for body in record.bodies) or "aucune")


class EmployerEditor(RecordPage[EmployerData]):
    """Employers and their bodies; the bodies are edited as rows of a small table."""

    list_label = "Emp&loyeurs suivis"
    new_text = "&Nouvel employeur"
    new_tip = "Saisir un nouvel employeur (Ctrl+N)"
    delete_tip = "Supprimer l'employeur choisi (Suppr dans la liste)"
    empty_text = (
        "Aucun employeur pour l'instant : saisissez-le dans le formulaire, "
        "puis « Enregistrer » (Ctrl+S)."
    )

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__(store, window)

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
        self.bodies_table.itemChanged.connect(self.tracker.mark)
        self.bodies_table.itemSelectionChanged.connect(self._update_body_buttons)
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
        remove_shortcut.setWhatsThis("Retirer l'instance choisie")  # Aide › Raccourcis
        remove_shortcut.activated.connect(lambda: self.remove_body())
        self.rules_button = QPushButton("Règles de &délais…")
        self.rules_button.setToolTip(
            "Délais de convocation, de documents, de questions et de procès-verbal, jours "
            "ouvrés, séances minimales par an : les règles de l'instance choisie"
        )
        self.rules_button.clicked.connect(lambda: self.edit_rules())
        self.rules_label = QLabel()
        self.rules_label.setObjectName("bodyRules")
        self.rules_label.setWordWrap(True)
        self.rules_label.setStyleSheet("color: palette(placeholder-text);")
        body_buttons = QHBoxLayout()
        body_buttons.addWidget(self.add_body_button)
        body_buttons.addWidget(self.remove_body_button)
        body_buttons.addWidget(self.rules_button)
        body_buttons.addStretch(1)

        self.deadline_spin = QSpinBox()
        self.deadline_spin.setRange(1, 1098)
        self.deadline_spin.setSuffix(" jours")
        self.deadline_spin.setValue(DEFAULT_ANSWER_DEADLINE_DAYS)
        self.deadline_spin.setToolTip(
            "Au-delà, une question sans réponse est marquée en retard. Par défaut 61 jours, "
            "soit 2 mois, comme le délai de réponse aux questions écrites du Sénat."
        )
        self.tracker.watch(self.name_edit, self.short_name_edit, self.deadline_spin)
        self._rules: dict[int, BodyRules] = {}

        identity = QFormLayout()
        identity.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        identity.addRow(buddy("No&m de l'employeur *", self.name_edit), self.name_edit)
        identity.addRow(buddy("Si&gle", self.short_name_edit), self.short_name_edit)
        identity.addRow(buddy("Délai de ré&ponse", self.deadline_spin), self.deadline_spin)
        bodies_box = QGroupBox("Instances de dialogue social")
        bodies_layout = QVBoxLayout(bodies_box)
        bodies_hint = buddy(
            "Les &instances où siègent vos élu·es (CST, F3SCT, CAP…). Une instance à laquelle "
            "des réunions sont rattachées ne peut pas être retirée.",
            self.bodies_table,
        )
        bodies_hint.setWordWrap(True)
        bodies_layout.addWidget(bodies_hint)
        bodies_layout.addWidget(self.bodies_table, 1)
        bodies_layout.addWidget(self.rules_label)
        bodies_layout.addLayout(body_buttons)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 6, 0, 0)
        form_layout.setSpacing(12)
        form_layout.addLayout(identity)
        form_layout.addWidget(bodies_box, 1)
        self._update_body_buttons()
        model: RecordTableModel[EmployerData] = RecordTableModel(
            [Column("Employeur", _list_text, _list_tooltip)], lambda e: e.id
        )
        self._setup(model, form_box, sizes=(280, 720))
        fit_columns(self.view, stretch=0)

    # Body rows -----------------------------------------------------------------------

    def add_body(self, kind: BodyKind | None = None, name: str | None = None) -> int:
        """Add a row; by default the first usual kind not listed yet (CST, then F3SCT…)."""
        used = {body.kind for body in self._body_rows(strict=False)}
        usual = (BodyKind.CST, BodyKind.F3SCT, BodyKind.CAP, BodyKind.CCP)
        if kind is None:
            kind = next((k for k in usual if k not in used), BodyKind.OTHER)
        if name is None:
            name = "" if kind is BodyKind.OTHER else kind.label
        row = self._insert_body(BodyData(kind=kind, name=name))
        self.tracker.mark()
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
        accessibility.cells_in_tab_order(self.bodies_table, then=self.add_body_button)
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
        self.tracker.mark()
        self._update_body_buttons()

    def remove_body(self, row: int | None = None) -> None:
        """Remove a row (the current one by default); saving makes it final."""
        if row is None:
            row = self.bodies_table.currentRow()
        if not 0 <= row < self.bodies_table.rowCount():
            return
        self.bodies_table.removeRow(row)
        self.tracker.mark()
        self._update_body_buttons()

    def _update_body_buttons(self) -> None:
        row = self.bodies_table.currentRow()
        chosen = row >= 0 and self.bodies_table.selectionModel().isRowSelected(row)
        self.remove_body_button.setEnabled(chosen)
        self.rules_button.setEnabled(chosen)
        rules = self._row_rules(row) if chosen else None
        self.rules_label.setText(describe_rules(rules) if rules is not None else "")
        self.rules_label.setVisible(rules is not None)

    def _row_rules(self, row: int) -> BodyRules | None:
        """The stored rules of the body on `row`; a new row (or new kind) gets its defaults."""
        combo = self.bodies_table.cellWidget(row, 0)
        if not isinstance(combo, EnumCombo):
            return None
        stored = self._rules.get(self._name_item(row).data(ID_ROLE))
        if stored is None:
            return resolve_rules(combo.value())
        # A kind changed but not saved yet: its rules are known once saved.
        return stored if stored.kind is combo.value() else None

    def _select_body(self, body_id: int) -> None:
        for row in range(self.bodies_table.rowCount()):
            if self._name_item(row).data(ID_ROLE) == body_id:
                self.bodies_table.setCurrentCell(row, 1)
                return

    def edit_rules(self) -> None:
        """The chosen body's deadline rules, in the dialog the Calendrier page uses too.

        Unsaved typing is saved first: a body just added has no rules until it exists.
        """
        row = self.bodies_table.currentRow()
        if not 0 <= row < self.bodies_table.rowCount():
            return
        item = self._name_item(row)
        body_id, name = item.data(ID_ROLE), item.text().strip().casefold()
        if self.tracker.dirty:
            if not self.leave():
                return
            record = self.editing
            bodies = record.bodies if record is not None else []
            body_id = next((b.id for b in bodies if b.name.casefold() == name), None)
        if body_id is None:
            return
        saved = edit_body_rules(self, self.store, body_id)
        if saved is not None:
            self.refresh()
            self.window_.notify_changed()
            self.say(f"Règles de « {saved.body_name} » enregistrées.")
        self._select_body(body_id)

    def _commit_pending(self) -> None:
        """Ctrl+S while typing in a cell: keep what was typed (Qt commits on focus-out only)."""
        editor = QApplication.focusWidget()
        viewport = self.bodies_table.viewport()
        if editor is not None and viewport.isAncestorOf(editor):
            self.bodies_table.commitData(editor)
            self.bodies_table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _body_rows(self, *, strict: bool = True) -> list[BodyData]:
        if strict:
            self._commit_pending()
        bodies = []
        for row in range(self.bodies_table.rowCount()):
            combo = self.bodies_table.cellWidget(row, 0)
            item = self.bodies_table.item(row, 1)
            if not isinstance(combo, EnumCombo) or item is None:
                continue
            bodies.append(BodyData(kind=combo.value(), name=item.text(), id=item.data(ID_ROLE)))
        return bodies

    # RecordPage hooks --------------------------------------------------------------

    def _list_records(self) -> Sequence[EmployerData]:
        self._rules = {
            body_id: rules for body_id, (_name, rules) in rules_by_body(self.store).items()
        }
        return list_employers(self.store)

    def _fill_editor(self, record: EmployerData | None) -> None:
        self.name_edit.setText(record.name if record else "")
        self.short_name_edit.setText(record.short_name if record else "")
        self.deadline_spin.setValue(
            record.answer_deadline_days if record else DEFAULT_ANSWER_DEADLINE_DAYS
        )
        self.bodies_table.setRowCount(0)
        for body in record.bodies if record else []:
            self._insert_body(body)
        self._update_body_buttons()

    def _save_editor(self) -> EmployerData | None:
        loaded = self.editing
        data = EmployerData(
            id=self.editing_id(),
            version=loaded.version if loaded is not None else 0,
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            bodies=self._body_rows(),
            answer_deadline_days=self.deadline_spin.value(),
        )
        fields: dict[str, QWidget] = {
            "Nom de l'employeur": self.name_edit,
            "name": self.name_edit,
            "Sigle": self.short_name_edit,
            "Nom de l'instance": self.bodies_table,
            "bodies": self.bodies_table,
        }
        return self._attempt_save(lambda: save_employer(self.store, data), fields)

    def _fetch(self, record_id: int | None) -> EmployerData | None:
        if record_id is None:
            return None
        return attempt(self, lambda: get_employer(self.store, record_id))

    def _first_field(self) -> QWidget:
        return self.name_edit

    def _form_title(self, record: EmployerData | None) -> str:
        return record.name if record else "Nouvel employeur"

    def _delete_record(self, record: EmployerData) -> bool:
        employer_id = record.id
        if employer_id is None:
            return False
        dependents = attempt(self, lambda: employer_dependents(self.store, employer_id))
        if dependents is None:
            return False
        if not dependents.total:
            if not dialogs.confirm(
                self,
                "Supprimer l'employeur",
                f"Supprimer l'employeur « {record.name} » et ses instances ?",
                destructive=True,
            ):
                return False
            if not attempt_done(self, lambda: delete_employer(self.store, employer_id)):
                return False
            self.say(f"Employeur « {record.name} » supprimé.")
            return True
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
            self.say("Suppression annulée : rien n'a été supprimé.")
            return False
        if not attempt_done(self, lambda: delete_employer(self.store, employer_id, cascade=True)):
            return False
        self.say(f"Employeur « {record.name} » supprimé, avec {attached}.")
        return True
