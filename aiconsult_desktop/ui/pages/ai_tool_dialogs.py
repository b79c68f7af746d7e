"""The small dialogs of the « Outils d'IA » page: a step of the tool's life, the state of
one checklist item, an agenda item to link.

Each saves through the services when « Enregistrer » is pressed; a refusal shows the
French sentence, keeps the dialog open with what was typed and puts the cursor on the
field at fault (`guard.attempt_form`). The dialog closes only once the store has it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.ai_status import ChecklistItem, ItemState
from aiconsult_desktop.domain.ai_tools import LearnedFrom, LifeStage
from aiconsult_desktop.domain.enums import DatePrecision
from aiconsult_desktop.services.ai_records import ItemStateData, LifeEventData
from aiconsult_desktop.services.ai_tools import save_event, set_item_state
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import MeetingData, QuestionData
from aiconsult_desktop.ui.forms import french_date_edit, from_qdate, meeting_label, to_qdate
from aiconsult_desktop.ui.guard import attempt_form
from aiconsult_desktop.ui.pages.followup_widgets import OptionalDate
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo, buddy


def _buttons(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Save).setText("&Enregistrer")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
    box.accepted.connect(save)
    box.rejected.connect(dialog.reject)
    return box


class EventDialog(QDialog):
    """One step of the tool's life: stage, day or month, where the union learned it."""

    def __init__(
        self,
        parent: QWidget,
        store: Store,
        tool_id: int,
        meetings: list[MeetingData],
        event: LifeEventData | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Étape de la vie de l'outil")
        self._store, self._tool_id, self._event, self._today = store, tool_id, event, today
        self.stage: EnumCombo[LifeStage] = EnumCombo(LifeStage)
        self.on = french_date_edit()
        self.month_only = QCheckBox("Connue au mois &seulement")
        self.month_only.toggled.connect(self._precision_changed)
        self.learned_from: EnumCombo[LearnedFrom] = EnumCombo(LearnedFrom)
        self.meeting = IdCombo()
        self.meeting.set_items([(None, "(aucune)"), *((m.id, meeting_label(m)) for m in meetings)])
        self.source = QLineEdit()
        self.source.setPlaceholderText("Ex. : Communication du DGS du 12 juin 2025")
        when = QHBoxLayout()
        when.addWidget(self.on)
        when.addWidget(self.month_only)
        when.addStretch(1)
        form = QFormLayout()
        form.addRow(buddy("É&tape", self.stage), self.stage)
        form.addRow(buddy("&Date", self.on), when)
        form.addRow(buddy("&Appris par", self.learned_from), self.learned_from)
        form.addRow(buddy("&Réunion", self.meeting), self.meeting)
        form.addRow(buddy("S&ource", self.source), self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.save))
        if event is not None:
            self.stage.set_value(event.stage)
            self.on.setDate(to_qdate(event.on))
            self.month_only.setChecked(event.precision is DatePrecision.MONTH)
            self.learned_from.set_value(event.learned_from)
            self.meeting.set_current_id(event.meeting_id)
            self.source.setText(event.source)
        else:
            self.on.setDate(to_qdate(today()))
        self.fields: dict[str, QWidget] = {
            "on": self.on,
            "meeting": self.meeting,
            "Source": self.source,
        }
        self.resize(560, 0)

    def _precision_changed(self, month_only: bool) -> None:
        self.on.setDisplayFormat("MM/yyyy" if month_only else "dd/MM/yyyy")

    def data(self) -> LifeEventData:
        month_only = self.month_only.isChecked()
        return LifeEventData(
            tool_id=self._tool_id,
            stage=self.stage.value(),
            on=from_qdate(self.on.date()),
            precision=DatePrecision.MONTH if month_only else DatePrecision.DAY,
            learned_from=self.learned_from.value(),
            meeting_id=self.meeting.current_id(),
            source=self.source.text(),
            id=self._event.id if self._event else None,
        )

    def save(self) -> None:
        data = self.data()
        saved = attempt_form(
            self, lambda: save_event(self._store, data, self._today()), self.fields
        )
        if saved is not None:
            self.accept()


class ItemDialog(QDialog):
    """The state of one checklist item, its date and its evidence; the rule's source and
    confidence shown above, so the user knows what the item rests on."""

    def __init__(
        self,
        parent: QWidget,
        store: Store,
        tool_id: int,
        item: ChecklistItem,
        recorded: ItemStateData | None,
        meetings: list[MeetingData],
        questions: list[QuestionData],
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Élément de la liste de contrôle")
        self._store, self._tool_id, self._item, self._today = store, tool_id, item, today
        rule = item.rule
        about = QLabel(
            f"<b>{_escape(rule.label)}</b><br>Source : {_escape(rule.source)}<br>"
            f"Fiabilité : {_escape(rule.confidence.label)}"
        )
        about.setWordWrap(True)
        self.state: EnumCombo[ItemState] = EnumCombo(ItemState)
        self.on = OptionalDate("Dat&e connue :")
        self.meeting = IdCombo()
        self.meeting.set_items([(None, "(aucune)"), *((m.id, meeting_label(m)) for m in meetings)])
        self.agenda_item = IdCombo()
        self.agenda_item.set_items(
            [
                (None, "(aucun)"),
                *(
                    (a.id, f"{meeting_label(m)} — {a.position}. {a.title}")
                    for m in meetings
                    for a in m.agenda
                ),
            ]
        )
        self.question = IdCombo()
        self.question.set_items([(None, "(aucune)"), *((q.id, q.text[:120]) for q in questions)])
        self.document = QLineEdit()
        self.document.setPlaceholderText("Titre, chemin ou lien du document reçu")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(buddy("É&tat", self.state), self.state)
        form.addRow(QLabel(""), self.on)
        form.addRow(buddy("&Réunion", self.meeting), self.meeting)
        form.addRow(buddy("&Point de l'ordre du jour", self.agenda_item), self.agenda_item)
        form.addRow(buddy("&Question", self.question), self.question)
        form.addRow(buddy("D&ocument reçu", self.document), self.document)
        form.addRow(buddy("&Note", self.note), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.save))
        self.state.set_value(recorded.state if recorded else item.state)
        self.on.set_value(recorded.on if recorded else None, today())
        if recorded is not None:
            self.meeting.set_current_id(recorded.meeting_id)
            self.agenda_item.set_current_id(recorded.agenda_item_id)
            self.question.set_current_id(recorded.question_id)
            self.document.setText(recorded.document)
            self.note.setPlainText(recorded.note)
        self.fields: dict[str, QWidget] = {
            "on": self.on.check,
            "evidence": self.meeting,
            "Document": self.document,
            "Note": self.note,
        }
        self.resize(640, 0)

    def data(self) -> ItemStateData:
        return ItemStateData(
            tool_id=self._tool_id,
            rule_key=self._item.rule.key,
            state=self.state.value(),
            on=self.on.value(),
            meeting_id=self.meeting.current_id(),
            agenda_item_id=self.agenda_item.current_id(),
            question_id=self.question.current_id(),
            document=self.document.text(),
            note=self.note.toPlainText(),
        )

    def save(self) -> None:
        data = self.data()

        def run() -> bool:
            set_item_state(self._store, data, self._today())
            return True

        if attempt_form(self, run, self.fields):
            self.accept()


def _escape(text: str) -> str:
    import html

    return html.escape(text)
