"""The checklist rules of one employer (issue 10): the shipped defaults, edited, switched
off or added to for that employer only (`services.ai_rules`).

Each rule shows its source and our confidence; a rule edited to nonsense (no label, no
source) is refused in French with the cursor on the field, and what was typed stays.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.ai_rules import Condition, Confidence, Due, Rule
from aiconsult_desktop.services.ai_rules import RuleSetting, list_rules, reset_rule, save_rule
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.forms import button
from aiconsult_desktop.ui.guard import attempt, attempt_done, attempt_form
from aiconsult_desktop.ui.widgets import EnumCombo, buddy, wrapping_list

BLANK = Rule("", "", Condition.ALWAYS, Due.BEFORE_DEPLOYMENT, "", Confidence.UNION_DEMAND)
"""A rule being added: `save_rule` gives it a key of the employer's own."""


def _list_text(setting: RuleSetting) -> str:
    rule = setting.rule
    marks = []
    if not rule.enabled:
        marks.append("désactivée")
    if setting.edited:
        marks.append("modifiée")
    if setting.own:
        marks.append("propre à l'employeur")
    return rule.label + (f" ({', '.join(marks)})" if marks else "")


class RulesDialog(QDialog):
    """The rules list on the left, the chosen rule's fields on the right."""

    def __init__(self, parent: QWidget, store: Store, employer_id: int, employer: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Règles de la liste de contrôle — {employer}")
        self._store, self._employer_id = store, employer_id
        self._settings: list[RuleSetting] = []
        self._new = False
        self.list = wrapping_list()
        self.list.setAccessibleName("Règles")
        self.label = QLineEdit()
        self.source = QPlainTextEdit()
        self.source.setTabChangesFocus(True)
        self.source.setMaximumHeight(80)
        self.citation = QLineEdit()
        self.citation.setPlaceholderText("Ex. : AI Act, art. 26(7)")
        self.confidence: EnumCombo[Confidence] = EnumCombo(Confidence)
        self.condition: EnumCombo[Condition] = EnumCombo(Condition)
        self.due: EnumCombo[Due] = EnumCombo(Due)
        self.enabled = QCheckBox("Règle &appliquée à cet employeur")
        self.default_label = QLabel("")
        self.default_label.setWordWrap(True)
        self.default_label.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy("&Intitulé *", self.label), self.label)
        form.addRow(buddy("&Source *", self.source), self.source)
        form.addRow(buddy("Référence c&ourte", self.citation), self.citation)
        form.addRow(buddy("&Fiabilité", self.confidence), self.confidence)
        form.addRow(buddy("S'appli&que si", self.condition), self.condition)
        form.addRow(buddy("&Due", self.due), self.due)
        form.addRow(QLabel(""), self.enabled)
        form.addRow(QLabel(""), self.default_label)
        self.save_button = button(
            "&Enregistrer la règle", "Enregistrer pour cet employeur", self.save
        )
        self.new_button = button("&Nouvelle règle", "Ajouter une règle à cet employeur", self.new)
        self.reset_button = button(
            "&Rétablir", "Revenir à la règle livrée (une règle ajoutée est supprimée)", self.reset
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        close.rejected.connect(self.accept)
        actions = QHBoxLayout()
        for widget in (self.save_button, self.new_button, self.reset_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(close)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(actions)
        self.fields: dict[str, QWidget] = {"label": self.label, "source": self.source}
        self.list.currentRowChanged.connect(self._show)
        self._reload()
        self.resize(980, 560)

    def _reload(self, key: str | None = None) -> None:
        settings = attempt(self, lambda: list_rules(self._store, self._employer_id))
        self._settings = settings or []
        self._new = False
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for setting in self._settings:
            item = QListWidgetItem(_list_text(setting), self.list)
            item.setToolTip(f"{setting.rule.source}\nFiabilité : {setting.rule.confidence.label}")
        self.list.blockSignals(blocked)
        keys = [s.rule.key for s in self._settings]
        self.list.setCurrentRow(keys.index(key) if key in keys else 0)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._settings):
            return
        self._new = False
        setting = self._settings[row]
        rule = setting.rule
        self.label.setText(rule.label)
        self.source.setPlainText(rule.source)
        self.citation.setText(rule.citation)
        self.confidence.set_value(rule.confidence)
        self.condition.set_value(rule.condition)
        self.due.set_value(rule.due)
        self.enabled.setChecked(rule.enabled)
        if setting.own:
            self.default_label.setText("Règle ajoutée pour cet employeur.")
        elif setting.edited:
            self.default_label.setText(
                f"Modifiée pour cet employeur. Règle livrée : « {setting.default.label} » "  # type: ignore[union-attr]
                f"— {setting.default.source}"  # type: ignore[union-attr]
            )
        else:
            self.default_label.setText("Règle livrée, telle quelle.")
        self.reset_button.setEnabled(setting.edited or setting.own)

    def current(self) -> RuleSetting | None:
        row = self.list.currentRow()
        return None if self._new or not 0 <= row < len(self._settings) else self._settings[row]

    def edited_rule(self) -> Rule:
        setting = self.current()
        base = setting.rule if setting else BLANK
        return replace(
            base,
            label=self.label.text(),
            source=self.source.toPlainText(),
            citation=self.citation.text(),
            confidence=self.confidence.value(),
            condition=self.condition.value(),
            due=self.due.value(),
            enabled=self.enabled.isChecked(),
        )

    def save(self) -> None:
        rule = self.edited_rule()
        saved = attempt_form(
            self, lambda: save_rule(self._store, self._employer_id, rule), self.fields
        )
        if saved is not None:
            self._reload(saved.key)

    def new(self) -> None:
        self.list.clearSelection()
        self._new = True
        for edit in (self.label, self.citation):
            edit.clear()
        self.source.clear()
        self.confidence.set_value(Confidence.UNION_DEMAND)
        self.condition.set_value(Condition.ALWAYS)
        self.due.set_value(Due.BEFORE_DEPLOYMENT)
        self.enabled.setChecked(True)
        self.default_label.setText("Nouvelle règle pour cet employeur.")
        self.reset_button.setEnabled(False)
        self.label.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        setting = self.current()
        if setting is None:
            return
        key = setting.rule.key
        if attempt_done(self, lambda: reset_rule(self._store, self._employer_id, key)):
            self._reload(key)
