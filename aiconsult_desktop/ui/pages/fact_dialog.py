"""The fact dialog of the Dossiers page: add or correct one fact of a dossier.

A refused save (empty title, a date to come, an extract too long, a step without its
tool) shows the service's French message and keeps the dialog open with what was typed:
nothing is lost."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.domain.enums import DatePrecision
from aiconsult_desktop.domain.facts import FactKind
from aiconsult_desktop.services.ai_register import list_tools
from aiconsult_desktop.services.facts import FactData, save_fact
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.guard import attempt_form
from aiconsult_desktop.ui.widgets import buddy


class FactDialog(QDialog):
    def __init__(
        self, store: Store, dossier_id: int, fact: FactData | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.store, self.dossier_id = store, dossier_id
        self.fact_id = fact.id if fact else None
        self.saved_id: int | None = None
        self.setWindowTitle("Modifier le fait" if fact else "Nouveau fait")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.month_only = QCheckBox("Mois seul (&jour inconnu)")
        self.kind_combo = QComboBox()
        for kind in FactKind:
            self.kind_combo.addItem(kind.label, kind)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Ex. : communication du DGS sans avis du CST")
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("Intranet, fichier, lien…")
        self.extract_edit = QPlainTextEdit()
        self.extract_edit.setPlaceholderText("Les mots de l'employeur, cités entre « ».")
        self.comment_edit = QPlainTextEdit()
        for edit in (self.extract_edit, self.comment_edit):
            edit.setTabChangesFocus(True)
        self.tool_combo = QComboBox()
        self.tool_combo.addItem("Aucun outil", None)
        for tool in list_tools(store):
            self.tool_combo.addItem(tool.name, tool.id)
        self.stage_combo = QComboBox()
        self.stage_combo.addItem("Aucune étape", None)
        for stage in LifeStage:
            self.stage_combo.addItem(stage.label, stage)
        form = QFormLayout(self)
        form.addRow(buddy("&Date *", self.date_edit), self.date_edit)
        form.addRow("", self.month_only)
        form.addRow(buddy("&Nature", self.kind_combo), self.kind_combo)
        form.addRow(buddy("&Titre *", self.title_edit), self.title_edit)
        form.addRow(buddy("&Source", self.source_edit), self.source_edit)
        form.addRow(buddy("E&xtrait cité", self.extract_edit), self.extract_edit)
        form.addRow(buddy("&Commentaire", self.comment_edit), self.comment_edit)
        form.addRow(buddy("&Outil d'IA", self.tool_combo), self.tool_combo)
        form.addRow(buddy("Étape de l'out&il", self.stage_combo), self.stage_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Enregistrer")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._fill(fact)

    def _fill(self, fact: FactData | None) -> None:
        on = fact.on if fact else date.today()
        self.date_edit.setDate(QDate(on.year, on.month, on.day))
        self.month_only.setChecked(fact is not None and fact.precision is DatePrecision.MONTH)
        if fact is None:
            return
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(fact.kind))
        self.title_edit.setText(fact.title)
        self.source_edit.setText(fact.source)
        self.extract_edit.setPlainText(fact.extract)
        self.comment_edit.setPlainText(fact.comment)
        self.tool_combo.setCurrentIndex(max(0, self.tool_combo.findData(fact.tool_id)))
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(fact.tool_stage)))

    def data(self) -> FactData:
        picked = self.date_edit.date()
        month = self.month_only.isChecked()
        return FactData(
            id=self.fact_id,
            dossier_id=self.dossier_id,
            on=date(picked.year(), picked.month(), 1 if month else picked.day()),
            precision=DatePrecision.MONTH if month else DatePrecision.DAY,
            kind=self.kind_combo.currentData(),
            title=self.title_edit.text(),
            source=self.source_edit.text(),
            extract=self.extract_edit.toPlainText(),
            comment=self.comment_edit.toPlainText(),
            tool_id=self.tool_combo.currentData(),
            tool_stage=self.stage_combo.currentData(),
        )

    def accept(self) -> None:
        """Save; on a refusal stay open on the faulty field with the text as typed."""
        data = self.data()
        fields: dict[str, QWidget] = {
            "on": self.date_edit,
            "Titre du fait": self.title_edit,
            "Source": self.source_edit,
            "Extrait cité": self.extract_edit,
            "Commentaire": self.comment_edit,
            "tool": self.tool_combo,
        }
        saved = attempt_form(self, lambda: save_fact(self.store, data), fields)
        if saved is not None:
            self.saved_id = saved
            super().accept()
