"""The detail of one question: its text, to whom and when it was first put, the
look-alike questions while typing a new one, and its history of dated events."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.services import question_events, question_lookalikes
from aiconsult_desktop.services.records import MeetingData, QuestionData, QuestionEventData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.forms import button, french_date_edit, from_qdate, meeting_label, to_qdate
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.locale import long_date
from aiconsult_desktop.ui.pages import question_actions
from aiconsult_desktop.ui.record_model import one_line
from aiconsult_desktop.ui.widgets import IdCombo, wrapping_list

if TYPE_CHECKING:
    from aiconsult_desktop.ui.pages.questions import QuestionsPage

IdItemRole = Qt.ItemDataRole.UserRole + 10


def event_line(event: QuestionEventData) -> str:
    """ "5 juin 2025 — Relancée (CST du 5 juin 2025)" and the start of the answer."""
    where = f" ({event.meeting_title})" if event.meeting_title else ""
    if not event.meeting_title and event.channel.value != "other":
        where = f" ({event.channel.label.lower()})"
    line = f"{long_date(event.on)} — {event.kind.label}{where}"
    if event.promised_for:
        line += f" pour le {long_date(event.promised_for)}"
    if event.text:
        excerpt = one_line(event.text)
        line += f" : « {excerpt[:80]}{'…' if len(excerpt) > 80 else ''} »"
    return line


class QuestionForm(QWidget):
    def __init__(self, page: QuestionsPage) -> None:
        super().__init__()
        self._meetings: list[MeetingData] = []
        self._page = page
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Texte de la question, tel que posé à l'employeur")
        self.text.setMinimumHeight(110)
        self.employer = IdCombo()
        self.dossier = IdCombo()
        self.meeting = IdCombo()
        self.meeting.setToolTip("Réunion où la question a été posée pour la première fois")
        self.asked_on = french_date_edit()
        self.age = QLabel("")
        self.age.setWordWrap(True)

        # Look-alikes of a new question, to record a relance instead of a duplicate.
        self.similar_label = QLabel("Questions déjà posées à cet employeur qui y ressemblent :")
        self.similar = wrapping_list()
        self.similar.setMaximumHeight(110)
        self.relance_button = button(
            "Enregistrer comme re&lance de celle-ci",
            "Ne pas créer de doublon : noter que la question choisie a été posée à nouveau",
            self._record_relance,
        )
        self._similar_timer = QTimer(self)
        self._similar_timer.setSingleShot(True)
        self._similar_timer.setInterval(300)
        self._similar_timer.timeout.connect(self.update_similar)

        self.history = wrapping_list()
        self.history.setMinimumHeight(120)
        self.history.itemDoubleClicked.connect(lambda _item: self._correct_event())
        self.add_event_button = button(
            "A&jouter…",
            "Ajouter un événement à l'historique : relance, réponse, promesse, refus…",
            self._add_event,
        )
        self.correct_event_button = button(
            "&Corriger…", "Corriger l'événement choisi", self._correct_event
        )
        self.remove_event_button = button(
            "&Retirer", "Retirer l'événement choisi de l'historique", self._remove_event
        )

        form = QFormLayout()
        form.addRow("E&mployeur :", self.employer)
        form.addRow("Doss&ier :", self.dossier)
        form.addRow("Posée en ré&union :", self.meeting)
        form.addRow("&Posée le :", self.asked_on)
        text_label = QLabel("&Question :")
        text_label.setBuddy(self.text)
        history_label = QLabel("&Historique :")
        history_label.setBuddy(self.history)
        history_buttons = QHBoxLayout()
        for widget in (self.add_event_button, self.correct_event_button, self.remove_event_button):
            history_buttons.addWidget(widget)
        history_buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.similar_label)
        layout.addWidget(self.similar)
        layout.addWidget(self.relance_button)
        layout.addLayout(form)
        layout.addWidget(self.age)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        layout.addLayout(history_buttons)

        self.employer.currentIndexChanged.connect(self._employer_changed)
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        self.text.textChanged.connect(self._text_changed)
        page.tracker.watch(self.text, self.employer, self.dossier, self.meeting, self.asked_on)
        self.fields: dict[str, QWidget] = {
            "employer": self.employer,
            "meeting": self.meeting,
            "dossier": self.dossier,
            "text": self.text,
            "Texte de la question": self.text,
            "on": self.asked_on,
        }
        self._show_similar([])
        self._show_history(None)

    # Choices and loading -----------------------------------------------------------------

    def set_choices(
        self,
        employer_items: list[tuple[int | None, str]],
        dossier_items: list[tuple[int | None, str]],
        meeting_list: list[MeetingData],
    ) -> None:
        self._meetings = meeting_list
        self.employer.set_items(employer_items)
        self.dossier.set_items([(None, "(aucun dossier)"), *dossier_items])
        self._employer_changed()

    def employer_meetings(self) -> list[MeetingData]:
        employer_id = self.employer.current_id()
        return [m for m in self._meetings if m.employer_id == employer_id]

    def load(self, question: QuestionData | None, default_employer: int | None) -> None:
        if question is None:
            if default_employer is None or not self.employer.set_current_id(default_employer):
                self.employer.setCurrentIndex(0 if self.employer.count() else -1)
            self._employer_changed()
            self.text.clear()
            self.dossier.set_current_id(None)
            self.meeting.set_current_id(None)
            self.asked_on.setDate(to_qdate(date.today()))
        else:
            self.employer.set_current_id(question.employer_id)
            self._employer_changed()
            self.text.setPlainText(question.text)
            self.dossier.set_current_id(question.dossier_id)
            self.meeting.set_current_id(question.meeting_id)
            self.asked_on.setDate(to_qdate(question.asked_on))
        self._similar_timer.stop()
        self._show_similar([])
        self._show_history(question)

    def record(self, loaded: QuestionData | None) -> QuestionData:
        """What the user typed; id, version and state come from the record as loaded."""
        employer_id = self.employer.current_id()
        return QuestionData(
            id=loaded.id if loaded else None,
            version=loaded.version if loaded else 0,
            employer_id=employer_id if employer_id is not None else 0,
            text=self.text.toPlainText(),
            asked_on=from_qdate(self.asked_on.date()),
            state=loaded.state if loaded else QuestionData.state,
            dossier_id=self.dossier.current_id(),
            meeting_id=self.meeting.current_id(),
            answer=loaded.answer if loaded else "",
        )

    def _employer_changed(self, *_args: object) -> None:
        """Only this employer's meetings: a question is put to one employer."""
        self.meeting.set_items(
            [
                (None, "(aucune réunion)"),
                *((m.id, meeting_label(m)) for m in self.employer_meetings()),
            ]
        )

    def _meeting_changed(self, *_args: object) -> None:
        """A new question asked at a meeting was asked on that meeting's day."""
        meeting = next((m for m in self._meetings if m.id == self.meeting.current_id()), None)
        if meeting is not None and self._page.editing is None:
            self.asked_on.setDate(to_qdate(meeting.starts_at))

    # Look-alikes -------------------------------------------------------------------------

    def _text_changed(self) -> None:
        if self._page.editing is None:
            self._similar_timer.start()

    def update_similar(self) -> None:
        employer_id = self.employer.current_id()
        if self._page.editing is not None or employer_id is None:
            self._show_similar([])
            return
        text = self.text.toPlainText()
        found = attempt(
            self, lambda: question_lookalikes.similar_questions(self._page.store, employer_id, text)
        )
        self._show_similar(found or [])

    def _show_similar(self, found: list[QuestionData]) -> None:
        self.similar.clear()
        for question in found:
            item = QListWidgetItem(f"{one_line(question.text)}\n    {question.age}")
            item.setData(IdItemRole, question.id)
            item.setToolTip(question.text)
            self.similar.addItem(item)
        if found:
            self.similar.setCurrentRow(0)
        for widget in (self.similar_label, self.similar, self.relance_button):
            widget.setVisible(bool(found))

    def _record_relance(self) -> None:
        item = self.similar.currentItem()
        if item is None:
            return
        question_id = int(item.data(IdItemRole))
        event = QuestionEventData(
            question_id=question_id,
            kind=EventKind.ASKED_AGAIN,
            on=from_qdate(self.asked_on.date()),
            meeting_id=self.meeting.current_id(),
            channel=(Channel.MEETING if self.meeting.current_id() else Channel.OTHER),
        )
        if attempt(self, lambda: question_events.save_event(self._page.store, event)) is None:
            return
        self._page.after_relance_of(question_id)

    # History -----------------------------------------------------------------------------

    def _show_history(self, question: QuestionData | None) -> None:
        self.history.clear()
        if question is None or question.id is None:
            self.age.setText("")
            for widget in (
                self.add_event_button,
                self.correct_event_button,
                self.remove_event_button,
            ):
                widget.setEnabled(False)
            return
        question_id = question.id
        self.age.setText(
            ("⚠ En retard — " if question.overdue else "")
            + question.age[:1].upper()
            + question.age[1:]
        )
        events = attempt(self, lambda: question_events.list_events(self._page.store, question_id))
        for event in events or []:
            item = QListWidgetItem(event_line(event))
            item.setData(IdItemRole, event)
            item.setToolTip(event.text or event_line(event))
            self.history.addItem(item)
        for widget in (self.add_event_button, self.correct_event_button, self.remove_event_button):
            widget.setEnabled(True)

    def events(self) -> list[QuestionEventData]:
        return [self.history.item(i).data(IdItemRole) for i in range(self.history.count())]

    def _chosen_event(self) -> QuestionEventData | None:
        item = self.history.currentItem()
        if item is None:
            dialogs.show_info(self, "Choisissez d'abord un événement dans l'historique.")
            return None
        return item.data(IdItemRole)  # type: ignore[no-any-return]

    def _add_event(self) -> None:
        question_actions.edit_event(self._page, None)

    def _correct_event(self) -> None:
        event = self._chosen_event()
        if event is not None:
            question_actions.edit_event(self._page, event)

    def _remove_event(self) -> None:
        event = self._chosen_event()
        if event is not None:
            question_actions.remove_event(self._page, event)
