"""Dialogs of the Questions page: one event, the liste de relance, a pasted list.

Each is a plain QDialog run through `run()`, which tests replace to drive the dialog's
widgets and accept it without a modal loop.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.employer_names import EmployerName
from aiconsult_desktop.domain.paste_split import split_pasted
from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.services.records import MeetingData, QuestionData, QuestionEventData
from aiconsult_desktop.ui.forms import (
    count_phrase,
    french_date_edit,
    from_qdate,
    meeting_label,
    to_qdate,
)
from aiconsult_desktop.ui.locale import long_date
from aiconsult_desktop.ui.record_model import one_line
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo, wrapping_list


def run(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class EventDialog(QDialog):
    """Add or correct one dated event of a question (relance, answer, promise…)."""

    def __init__(
        self,
        parent: QWidget | None,
        question_id: int,
        meetings: list[MeetingData],
        event: QuestionEventData | None = None,
        kind: EventKind = EventKind.ANSWERED,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Corriger l'événement" if event else "Ajouter un événement")
        self._question_id = question_id
        self._event = event
        self._meetings = meetings
        self.kind: EnumCombo[EventKind] = EnumCombo(EventKind)
        self.on = french_date_edit()
        self.meeting = IdCombo()
        self.meeting.set_items(
            [(None, "(aucune réunion)"), *((m.id, meeting_label(m)) for m in meetings)]
        )
        self.channel: EnumCombo[Channel] = EnumCombo(Channel)
        self.promised_for = french_date_edit()
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Réponse de l'employeur, ou note")
        form = QFormLayout()
        form.addRow("&Événement :", self.kind)
        form.addRow("&Date :", self.on)
        form.addRow("En &réunion :", self.meeting)
        form.addRow("&Canal :", self.channel)
        form.addRow("Réponse promise &pour le :", self.promised_for)
        text_label = QLabel("&Texte (réponse ou note) :")
        text_label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(_buttons(self, "&Enregistrer"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        if event is not None:
            self.kind.set_value(event.kind)
            self.on.setDate(to_qdate(event.on))
            self.meeting.set_current_id(event.meeting_id)
            self.channel.set_value(event.channel)
            self.text.setPlainText(event.text)
            if event.promised_for:
                self.promised_for.setDate(to_qdate(event.promised_for))
        else:
            self.kind.set_value(kind)
            self.channel.set_value(Channel.OTHER)
            self.on.setDate(to_qdate(date.today()))
            self.promised_for.setDate(to_qdate(date.today()))
        self._kind_changed()
        self.resize(520, 420)

    def _kind_changed(self, *_args: object) -> None:
        self.promised_for.setEnabled(self.kind.value() is EventKind.ANSWER_PROMISED)

    def _meeting_changed(self, *_args: object) -> None:
        meeting = next((m for m in self._meetings if m.id == self.meeting.current_id()), None)
        if meeting is not None:
            self.on.setDate(to_qdate(meeting.starts_at))
            self.channel.set_value(Channel.MEETING)

    def record(self) -> QuestionEventData:
        kind = self.kind.value()
        return QuestionEventData(
            id=self._event.id if self._event else None,
            question_id=self._question_id,
            kind=kind,
            on=from_qdate(self.on.date()),
            meeting_id=self.meeting.current_id(),
            channel=self.channel.value(),
            text=self.text.toPlainText(),
            promised_for=(
                from_qdate(self.promised_for.date()) if kind is EventKind.ANSWER_PROMISED else None
            ),
        )


class RelanceDialog(QDialog):
    """The liste de relance: every pending question of one employer, to raise again."""

    def __init__(
        self,
        parent: QWidget | None,
        employer: EmployerName,
        pending: list[QuestionData],
        meetings: list[MeetingData],
        next_meeting: MeetingData | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Liste de relance — {employer.name}")
        self.questions = wrapping_list()
        for number, question in enumerate(pending, start=1):
            line = f"{number}. {one_line(question.text)}"
            item = QListWidgetItem(f"{line}\n     {question.age}")
            item.setData(256, question.id)
            item.setToolTip(question.text)
            self.questions.addItem(item)
        self.meeting = IdCombo()
        self.meeting.set_items(
            [(None, "(hors réunion)"), *((m.id, meeting_label(m)) for m in meetings)]
        )
        self.on = french_date_edit()
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        self._meetings = meetings
        if next_meeting is not None:
            self.meeting.set_current_id(next_meeting.id)
        self._meeting_changed()
        if next_meeting is None:
            self.on.setDate(to_qdate(date.today()))
        intro = QLabel(
            f"{count_phrase(len(pending), 'question')} sans réponse complète "
            f"{employer.of}, la plus ancienne d'abord."
            + (
                f"\nProchaine réunion : {meeting_label(next_meeting)}."
                if next_meeting
                else "\nAucune réunion à venir n'est enregistrée pour cet employeur."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Relancées en &réunion :", self.meeting)
        form.addRow("&Le :", self.on)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.questions, 1)
        layout.addLayout(form)
        box = _buttons(self, "&Marquer toutes comme relancées")
        box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(pending))
        layout.addWidget(box)
        self.resize(720, 520)

    def _meeting_changed(self, *_args: object) -> None:
        meeting = next((m for m in self._meetings if m.id == self.meeting.current_id()), None)
        if meeting is not None:
            self.on.setDate(to_qdate(meeting.starts_at))

    def question_ids(self) -> list[int]:
        return [self.questions.item(i).data(256) for i in range(self.questions.count())]

    def chosen(self) -> tuple[int | None, date]:
        return self.meeting.current_id(), from_qdate(self.on.date())


class PasteDialog(QDialog):
    """Paste a list copied from Word or an e-mail; see one question per item before saving."""

    def __init__(self, parent: QWidget | None, employer: EmployerName, asked_on: date) -> None:
        super().__init__(parent)
        self.setWindowTitle("Coller une liste de questions")
        self.source = QPlainTextEdit()
        self.source.setPlaceholderText(
            "Collez ici la liste copiée (numérotée, à puces, ou une question par paragraphe)"
        )
        self.preview = wrapping_list()
        self.preview.setAccessibleName("Questions qui seront créées")
        self.summary = QLabel("")
        where = QLabel(
            f"Questions posées {employer.to}, le {long_date(asked_on)} "
            "(employeur, réunion et date du formulaire)."
        )
        where.setWordWrap(True)
        source_label = QLabel("&Texte collé :")
        source_label.setBuddy(self.source)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(source_label)
        layout.addWidget(self.source, 1)
        layout.addWidget(QLabel("Aperçu, une question par ligne :"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        self.box = _buttons(self, "&Enregistrer les questions")
        layout.addWidget(self.box)
        self.source.textChanged.connect(self._update)
        self._items: list[str] = []
        self._update()
        self.resize(720, 600)

    def _update(self) -> None:
        self._items = split_pasted(self.source.toPlainText())
        self.preview.clear()
        for number, item in enumerate(self._items, start=1):
            self.preview.addItem(f"{number}. {item}")
        self.summary.setText(
            f"{count_phrase(len(self._items), 'question')} à enregistrer"
            if self._items
            else "Rien à enregistrer pour l'instant."
        )
        self.box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self._items))

    def items(self) -> list[str]:
        return list(self._items)
