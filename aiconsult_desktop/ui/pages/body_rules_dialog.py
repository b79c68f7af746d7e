"""Règles de l'instance: each deadline setting with its default and source shown.

An empty field means "the default", written in grey in the field itself; emptying a
field puts the default back.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.deadlines import Rule, default_rule
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services.body_rules import BodyRulesData, Settings, save_body_rules
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.guard import attempt

NUMBER_RULES = (
    Rule.CONVOCATION,
    Rule.CONVOCATION_URGENT,
    Rule.DOCUMENTS,
    Rule.QUESTIONS,
    Rule.MINUTES,
    Rule.MINIMUM_SESSIONS,
)
ALT_LETTERS = {
    Rule.CONVOCATION: "C",
    Rule.CONVOCATION_URGENT: "u",
    Rule.DOCUMENTS: "D",
    Rule.QUESTIONS: "q",
    Rule.MINUTES: "P",
    Rule.MINIMUM_SESSIONS: "S",
}
"""The Alt letter of each field (the working-days box has « o »)."""


def _with_alt_letter(rule: Rule) -> str:
    letter = ALT_LETTERS[rule]
    at = rule.label.index(letter)
    return f"{rule.label[:at]}&{rule.label[at:]} :"


class BodyRulesDialog(QDialog):
    def __init__(self, store: Store, data: BodyRulesData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data = data
        self.saved: BodyRulesData | None = None
        self.setWindowTitle(f"Règles de l'instance — {data.body_name}")
        self.fields: dict[Rule, QLineEdit] = {}
        form = QFormLayout()
        for rule in NUMBER_RULES:
            default = default_rule(data.kind, rule)
            edit = QLineEdit()
            own = data.settings.get(rule)
            edit.setText("" if own is None else str(own))
            shown = "aucun" if default.value is None else str(default.value)
            edit.setPlaceholderText(f"par défaut : {shown}")
            edit.setToolTip(f"Source : {default.source} (fiabilité : {default.confidence})")
            self.fields[rule] = edit
            source = QLabel(f"Par défaut {shown} — {default.source}")
            source.setWordWrap(True)
            source.setStyleSheet("color: palette(placeholder-text);")
            column = QVBoxLayout()
            column.addWidget(edit)
            column.addWidget(source)
            label = QLabel(_with_alt_letter(rule))
            label.setBuddy(edit)
            form.addRow(label, column)
        self.working_days = QCheckBox(
            "Compter les délais en jours &ouvrés (lundi à vendredi, hors jours fériés)"
        )
        self.working_days.setChecked(bool(data.settings.get(Rule.WORKING_DAYS)))
        form.addRow(self.working_days)
        hint = QLabel("Un champ vide reprend la valeur par défaut.")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # Wide enough for every source to fit on one or two lines: sized on its hint
        # alone, the dialog cut the last line of the longer ones.
        self.setMinimumWidth(720)
        layout.addWidget(QLabel(f"<b>{data.body_name}</b> — {data.employer_name}"))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def settings(self) -> Settings:
        values: Settings = {}
        for rule, edit in self.fields.items():
            text = edit.text().strip()
            if not text:
                values[rule] = None
            elif text.isdigit():
                values[rule] = int(text)
            else:
                raise ValidationError(f"« {rule.label} » : un nombre de jours est attendu.")
        values[Rule.WORKING_DAYS] = True if self.working_days.isChecked() else None
        return values

    def accept(self) -> None:
        saved = attempt(
            self, lambda: save_body_rules(self.store, self.data.body_id, self.settings())
        )
        if saved is None:
            return
        self.saved = saved
        super().accept()
