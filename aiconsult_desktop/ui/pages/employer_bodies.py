"""An employer's bodies (CST, F3SCT, CAP…) as rows of a small table, each with its
deadline rules shown under it: the « Instances de dialogue social » box of the employer
form. The page owns saving; this box says when its rows changed and when the user wants
the chosen body's rules."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from aiconsult_desktop.domain.deadlines import BodyRules, resolve_rules
from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.services.records import BodyData
from aiconsult_desktop.ui import accessibility
from aiconsult_desktop.ui.pages.rules_editing import describe_rules
from aiconsult_desktop.ui.widgets import EnumCombo, buddy

ID_ROLE = Qt.ItemDataRole.UserRole  # a body's id on its row (None until saved)


class BodiesBox(QGroupBox):
    """The bodies table with its buttons; `changed` on every edit of a row."""

    changed = Signal()
    rules_wanted = Signal()

    def __init__(self) -> None:
        super().__init__("Instances de dialogue social")
        self.rules: dict[int, BodyRules] = {}
        """The stored rules of each body, by id (the page reads them with the list)."""
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Type", "Nom de l'instance"])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 190)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setToolTip(
            "Une ligne par instance : choisissez le type, puis modifiez le nom au besoin "
            "(F2 ou double-clic)."
        )
        self.table.itemChanged.connect(self.changed)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.add_button = QPushButton("&Ajouter une instance")
        self.add_button.setToolTip("Ajouter une ligne : CST, F3SCT, CAP, CCP…")
        self.add_button.clicked.connect(lambda: self.add_body())
        self.remove_button = QPushButton("Re&tirer l'instance")
        self.remove_button.setToolTip(
            "Retirer la ligne choisie (Suppr dans le tableau) ; effectif à l'enregistrement"
        )
        self.remove_button.clicked.connect(lambda: self.remove_body())
        remove_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_shortcut.setWhatsThis("Retirer l'instance choisie")  # Aide › Raccourcis
        remove_shortcut.activated.connect(lambda: self.remove_body())
        self.rules_button = QPushButton("Règles de &délais…")
        self.rules_button.setToolTip(
            "Délais de convocation, de documents, de questions et de procès-verbal, jours "
            "ouvrés, séances minimales par an : les règles de l'instance choisie"
        )
        self.rules_button.clicked.connect(self.rules_wanted)
        self.rules_label = QLabel()
        self.rules_label.setObjectName("bodyRules")
        self.rules_label.setWordWrap(True)
        self.rules_label.setStyleSheet("color: palette(placeholder-text);")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.rules_button)
        buttons.addStretch(1)
        hint = buddy(
            "Les &instances où siègent vos élu·es (CST, F3SCT, CAP…). Une instance à laquelle "
            "des réunions sont rattachées ne peut pas être retirée.",
            self.table,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rules_label)
        layout.addLayout(buttons)
        self.update_buttons()

    def set_bodies(self, bodies: list[BodyData]) -> None:
        self.table.setRowCount(0)
        for body in bodies:
            self._insert_body(body)
        self.update_buttons()

    def add_body(self, kind: BodyKind | None = None, name: str | None = None) -> int:
        """Add a row; by default the first usual kind not listed yet (CST, then F3SCT…)."""
        used = {body.kind for body in self.rows(strict=False)}
        if kind is None:
            usual = (BodyKind.CST, BodyKind.F3SCT, BodyKind.CAP, BodyKind.CCP)
            kind = next((k for k in usual if k not in used), BodyKind.OTHER)
        if name is None:
            name = "" if kind is BodyKind.OTHER else kind.label
        row = self._insert_body(BodyData(kind=kind, name=name))
        self.changed.emit()
        self.table.setCurrentCell(row, 1)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        item = self._name_item(row)
        if not item.text():
            self.table.editItem(item)
        return row

    def _name_item(self, row: int) -> QTableWidgetItem:
        """The name cell of a body row (always created with the row)."""
        item = self.table.item(row, 1)
        assert item is not None
        return item

    def _insert_body(self, body: BodyData) -> int:
        blocked = self.table.blockSignals(True)
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            combo: EnumCombo[BodyKind] = EnumCombo(BodyKind)
            combo.setToolTip("Type d'instance")
            combo.set_value(body.kind)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._on_kind_changed(c))
            self.table.setCellWidget(row, 0, combo)
            item = QTableWidgetItem(body.name)
            item.setData(ID_ROLE, body.id)
            self.table.setItem(row, 1, item)
        finally:
            self.table.blockSignals(blocked)
        accessibility.cells_in_tab_order(self.table, then=self.add_button)
        self.update_buttons()
        return row

    def _on_kind_changed(self, combo: EnumCombo[BodyKind]) -> None:
        """Follow the kind in the name while the name is still just a kind's label."""
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 0) is combo:
                item = self._name_item(row)
                labels = {kind.label for kind in BodyKind}
                if not item.text().strip() or item.text() in labels:
                    kind = combo.value()
                    item.setText("" if kind is BodyKind.OTHER else kind.label)
                break
        self.changed.emit()
        self.update_buttons()

    def remove_body(self, row: int | None = None) -> None:
        """Remove a row (the current one by default); saving makes it final."""
        if row is None:
            row = self.table.currentRow()
        if not 0 <= row < self.table.rowCount():
            return
        self.table.removeRow(row)
        self.changed.emit()
        self.update_buttons()

    def update_buttons(self) -> None:
        row = self.table.currentRow()
        chosen = row >= 0 and self.table.selectionModel().isRowSelected(row)
        self.remove_button.setEnabled(chosen)
        self.rules_button.setEnabled(chosen)
        rules = self._row_rules(row) if chosen else None
        self.rules_label.setText(describe_rules(rules) if rules is not None else "")
        self.rules_label.setVisible(rules is not None)

    def _row_rules(self, row: int) -> BodyRules | None:
        """The stored rules of the body on `row`; a new row (or new kind) gets its defaults."""
        combo = self.table.cellWidget(row, 0)
        if not isinstance(combo, EnumCombo):
            return None
        stored = self.rules.get(self._name_item(row).data(ID_ROLE))
        if stored is None:
            return resolve_rules(combo.value())
        # A kind changed but not saved yet: its rules are known once saved.
        return stored if stored.kind is combo.value() else None

    def chosen(self) -> tuple[int | None, str] | None:
        """The current row's body id (None before it is saved) and name; None if no row."""
        row = self.table.currentRow()
        if not 0 <= row < self.table.rowCount():
            return None
        item = self._name_item(row)
        return item.data(ID_ROLE), item.text()

    def select_body(self, body_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self._name_item(row).data(ID_ROLE) == body_id:
                self.table.setCurrentCell(row, 1)
                return

    def _commit_pending(self) -> None:
        """Ctrl+S while typing in a cell: keep what was typed (Qt commits on focus-out only)."""
        editor = QApplication.focusWidget()
        viewport = self.table.viewport()
        if editor is not None and viewport.isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def rows(self, *, strict: bool = True) -> list[BodyData]:
        """The bodies as listed; `strict` first keeps a cell being typed in."""
        if strict:
            self._commit_pending()
        bodies = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            item = self.table.item(row, 1)
            if not isinstance(combo, EnumCombo) or item is None:
                continue
            bodies.append(BodyData(kind=combo.value(), name=item.text(), id=item.data(ID_ROLE)))
        return bodies
