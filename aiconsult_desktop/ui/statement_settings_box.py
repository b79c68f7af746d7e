"""Paramètres → "Déclarations et documents": the union's Word letterhead, the reading
speed used for the statements' estimated reading time and the salutation a new
déclaration liminaire starts with. Each change is saved at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from aiconsult_desktop.domain.salutation import SALUTATION_CHOICES
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.statement_settings import (
    check_letterhead,
    get_letterhead,
    get_salutation,
    get_words_per_minute,
    set_letterhead,
    set_salutation,
    set_words_per_minute,
)
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt

LETTERHEAD_FILTER = "Documents et modèles Word (*.docx *.dotx)"


class StatementSettingsBox(QGroupBox):
    def __init__(self, store: Store) -> None:
        super().__init__("Déclarations et documents")
        self.store = store
        self.letterhead_edit = QLineEdit()
        self.letterhead_edit.setReadOnly(True)
        self.letterhead_edit.setPlaceholderText("Modèle par défaut de l'application")
        self.letterhead_edit.setAccessibleName("Papier à en-tête utilisé")
        self.choose_button = QPushButton("Choisir le &papier à en-tête…")
        self.choose_button.setToolTip(
            "Un document ou modèle Word (.docx, .dotx) : son en-tête, son pied de page, son "
            "logo et ses styles sont repris dans les exports"
        )
        self.choose_button.clicked.connect(self.choose_letterhead)
        self.default_button = QPushButton("Modèle par dé&faut")
        self.default_button.setToolTip("Revenir au modèle fourni avec l'application")
        self.default_button.clicked.connect(lambda: self._set(None))
        self.letterhead_note = QLabel("")
        self.letterhead_note.setObjectName("letterheadNote")
        self.letterhead_note.setWordWrap(True)
        self.speed = QSpinBox()
        self.speed.setRange(40, 400)
        self.speed.setSuffix(" mots par minute")
        self.speed.setToolTip("Sert à estimer la durée de lecture des déclarations")
        self.speed.editingFinished.connect(self._save_speed)
        self.salutation = QComboBox()
        self.salutation.setEditable(True)
        self.salutation.addItems(SALUTATION_CHOICES)
        self.salutation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.salutation.setToolTip(
            "Première ligne d'une nouvelle déclaration liminaire, modifiable ensuite dans "
            "son texte ; rien n'est ajouté à l'export"
        )
        self.salutation.activated.connect(self._save_salutation)
        line = self.salutation.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._save_salutation)
        row = QHBoxLayout()
        row.addWidget(self.letterhead_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.default_button)
        field = QVBoxLayout()
        field.addLayout(row)
        field.addWidget(self.letterhead_note)
        form = QFormLayout(self)
        label = QLabel("P&apier à en-tête")
        label.setBuddy(self.choose_button)
        form.addRow(label, field)
        speed_label = QLabel("&Vitesse de lecture")
        speed_label.setBuddy(self.speed)
        form.addRow(speed_label, self.speed)
        salutation_label = QLabel("For&mule d'appel")
        salutation_label.setBuddy(self.salutation)
        form.addRow(salutation_label, self.salutation)

    def refresh(self) -> None:
        path = attempt(self, lambda: get_letterhead(self.store))
        self._show(path)
        speed = attempt(self, lambda: get_words_per_minute(self.store))
        if speed is not None:
            self.speed.setValue(speed)
        salutation = attempt(self, lambda: get_salutation(self.store))
        if salutation is not None:
            self.salutation.setEditText(salutation)

    def choose_letterhead(self) -> None:
        chosen = dialogs.open_path(self, "Choisir le papier à en-tête", LETTERHEAD_FILTER)
        if chosen is None:
            return
        problem, _missing = check_letterhead(chosen)
        if problem:
            dialogs.show_error(self, f"{problem} Le modèle par défaut reste utilisé.")
            return
        self._set(chosen)

    def _set(self, path: Path | None) -> None:
        attempt(self, lambda: set_letterhead(self.store, path))
        self._show(path)

    def _show(self, path: Path | None) -> None:
        self.letterhead_edit.setText(str(path) if path else "")
        self.default_button.setEnabled(path is not None)
        if path is None:
            self.letterhead_note.setText("")
            return
        problem, missing = check_letterhead(path)
        if problem:
            self.letterhead_note.setText(f"⚠ {problem} Le modèle par défaut sera utilisé.")
        elif missing:
            names = ", ".join(f"« {name} »" for name in missing)
            self.letterhead_note.setText(
                f"Styles absents : {names}. Une mise en forme équivalente les remplacera."
            )
        else:
            self.letterhead_note.setText("Ce papier à en-tête a tous les styles attendus.")

    def _save_speed(self) -> None:
        value = self.speed.value()
        attempt(self, lambda: set_words_per_minute(self.store, value))

    def _save_salutation(self, *_args: object) -> None:
        value = self.salutation.currentText()
        saved = attempt(self, lambda: set_salutation(self.store, value))
        if saved is not None and saved != value:
            self.salutation.setEditText(saved)
