"""Questions: what was asked of each employer, and what is still unanswered.

The page opens on the questions still owed an answer, oldest first: the list a
representative reads out as a "relance" at the next meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.services import dossiers, employers, meetings, questions
from aiconsult_desktop.services.records import MeetingData, QuestionData
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.forms import (
    SearchProxy,
    add_shortcut,
    fit_columns,
    french_date_edit,
    from_qdate,
    meeting_label,
    one_line,
    to_qdate,
)
from aiconsult_desktop.ui.guard import attempt, attempt_form
from aiconsult_desktop.ui.pages.question_model import (
    DOSSIER_COLUMN,
    EMPLOYER_COLUMN,
    OPEN_STATES,
    STATE_CHOICES,
    QuestionTableModel,
    count_text,
    states_for,
)
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow

NO_MATCH = "Aucune question ne correspond à la recherche ou aux filtres choisis."
NONE_YET = (
    "Aucune question pour l'instant.\n"
    "Saisissez-en une dans le formulaire ou cliquez sur « Nouvelle question »."
)


class QuestionForm(QWidget):
    """The detail of one question: text, to whom, when, and what the employer answered."""

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
        self.state: EnumCombo[QuestionState] = EnumCombo(QuestionState)
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText("Réponse de l'employeur, s'il y en a une")
        self.answer.setMinimumHeight(90)

        form = QFormLayout()
        form.addRow("E&mployeur :", self.employer)
        form.addRow("Dossie&r :", self.dossier)
        form.addRow("Posée en réun&ion :", self.meeting)
        form.addRow("Posée &le :", self.asked_on)
        form.addRow("Ét&at :", self.state)
        text_label = QLabel("&Question :")
        text_label.setBuddy(self.text)
        answer_label = QLabel("Ré&ponse :")
        answer_label.setBuddy(self.answer)

        layout = QVBoxLayout(self)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 2)
        layout.addLayout(form)
        layout.addWidget(answer_label)
        layout.addWidget(self.answer, 1)

        self.employer.currentIndexChanged.connect(self._employer_changed)
        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        page.tracker.watch(
            self.text,
            self.employer,
            self.dossier,
            self.meeting,
            self.asked_on,
            self.state,
            self.answer,
        )
        self.fields: dict[str, QWidget] = {
            "employer": self.employer,
            "meeting": self.meeting,
            "dossier": self.dossier,
            "text": self.text,
            "Texte de la question": self.text,
            "Réponse": self.answer,
        }

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

    def load(self, question: QuestionData | None, default_employer: int | None) -> None:
        if question is None:
            if default_employer is None or not self.employer.set_current_id(default_employer):
                self.employer.setCurrentIndex(0 if self.employer.count() else -1)
            self._employer_changed()
            self.text.clear()
            self.dossier.set_current_id(None)
            self.meeting.set_current_id(None)
            self.asked_on.setDate(to_qdate(date.today()))
            self.state.set_value(QuestionState.PENDING)
            self.answer.clear()
            return
        self.employer.set_current_id(question.employer_id)
        self._employer_changed()
        self.text.setPlainText(question.text)
        self.dossier.set_current_id(question.dossier_id)
        self.meeting.set_current_id(question.meeting_id)
        self.asked_on.setDate(to_qdate(question.asked_on))
        self.state.set_value(question.state)
        self.answer.setPlainText(question.answer)

    def record(self, loaded: QuestionData | None) -> QuestionData:
        """What the user typed; id and version come from the record as it was loaded."""
        employer_id = self.employer.current_id()
        return QuestionData(
            id=loaded.id if loaded else None,
            version=loaded.version if loaded else 0,
            employer_id=employer_id if employer_id is not None else 0,
            text=self.text.toPlainText(),
            asked_on=from_qdate(self.asked_on.date()),
            state=self.state.value(),
            dossier_id=self.dossier.current_id(),
            meeting_id=self.meeting.current_id(),
            answer=self.answer.toPlainText(),
        )

    def _employer_changed(self, *_args: object) -> None:
        """Only this employer's meetings: a question is put to one employer."""
        employer_id = self.employer.current_id()
        self.meeting.set_items(
            [
                (None, "(aucune réunion)"),
                *((m.id, meeting_label(m)) for m in self._meetings if m.employer_id == employer_id),
            ]
        )

    def _meeting_changed(self, *_args: object) -> None:
        """A new question asked at a meeting was asked on that meeting's day."""
        meeting = next((m for m in self._meetings if m.id == self.meeting.current_id()), None)
        if meeting is not None and self._page.editing is None:
            self.asked_on.setDate(to_qdate(meeting.starts_at))


class QuestionsPage(RecordPage[QuestionData]):
    """Filters (employer, state, words), the list, and the detail of one question."""

    title = "Questions"
    new_text = "&Nouvelle question"
    new_tip = "Nouvelle question (Ctrl+N)"
    delete_tip = "Supprimer la question (Suppr dans la liste)"
    empty_text = NONE_YET

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__(store, window)
        self.employer_filter = IdCombo()
        self.employer_filter.setMinimumContentsLength(20)
        self.employer_filter.setToolTip("N'afficher que les questions posées à cet employeur")
        employer_label = QLabel("Emplo&yeur :")
        employer_label.setBuddy(self.employer_filter)
        self.state_filter = QComboBox()
        for key, label in STATE_CHOICES:
            self.state_filter.addItem(label, key)
        self.state_filter.setToolTip("N'afficher que les questions dans cet état")
        state_label = QLabel("É&tat :")
        state_label.setBuddy(self.state_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Rechercher (Ctrl+F)")
        self.search.setToolTip("Mots à chercher dans les questions et réponses (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")

        self.form = QuestionForm(self)
        self.model = QuestionTableModel(self)
        self._setup(
            self.model,
            self.form,
            proxy=SearchProxy(self),
            filters=[
                employer_label,
                self.employer_filter,
                state_label,
                self.state_filter,
                self.search,
            ],
            under_list=[self.count_label],
        )
        fit_columns(self.view, stretch=2, widths={EMPLOYER_COLUMN: 150, DOSSIER_COLUMN: 140})

        self.employer_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.state_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(self._search_changed)
        add_shortcut(self, "Ctrl+F", self.focus_search)

    # RecordPage hooks ---------------------------------------------------------------------

    def _reload_choices(self) -> None:
        found = attempt(
            self,
            lambda: (
                employers.list_employers(self.store),
                dossiers.list_dossiers(self.store),
                meetings.list_meetings(self.store),
            ),
        )
        if found is None:
            return
        employer_list, dossier_list, meeting_list = found
        employer_items = [(e.id, e.name) for e in employer_list]
        blocked = self.employer_filter.blockSignals(True)
        self.employer_filter.set_items([(None, "Tous les employeurs"), *employer_items])
        self.employer_filter.blockSignals(blocked)
        self.form.set_choices(employer_items, [(d.id, d.title) for d in dossier_list], meeting_list)
        # One employer in view: its name on every row says nothing.
        single = len(employer_list) <= 1 or self.employer_filter.current_id() is not None
        self.view.setColumnHidden(EMPLOYER_COLUMN, single)

    def _list_records(self) -> Sequence[QuestionData]:
        return questions.list_questions(
            self.store,
            employer_id=self.employer_filter.current_id(),
            states=states_for(self.state_choice()),
        )

    def _fill_editor(self, record: QuestionData | None) -> None:
        self.form.load(record, self.employer_filter.current_id())

    def _save_editor(self) -> QuestionData | None:
        data = self.form.record(self.editing)
        return attempt_form(
            self, lambda: questions.save_question(self.store, data), self.form.fields
        )

    def _delete_record(self, record: QuestionData) -> bool:
        assert record.id is not None
        question_id = record.id
        excerpt = one_line(record.text)
        if len(excerpt) > 120:
            excerpt = excerpt[:119] + "…"
        if not dialogs.confirm(
            self,
            "Supprimer la question",
            f"Supprimer la question « {excerpt} » ?\n\n"
            "Pour garder sa trace, vous pouvez plutôt la passer à l'état « Retirée ».",
            destructive=True,
        ):
            return False

        def delete() -> bool:
            questions.delete_question(self.store, question_id)
            return True

        return attempt(self, delete) is not None

    def refresh(self) -> None:
        super().refresh()
        self._update_count()

    def _update_empty_state(self) -> None:
        filtered = (
            bool(self.search.text().strip())
            or self.employer_filter.current_id()
            or (self.state_choice() != OPEN_STATES)
        )
        self.empty_label.setText(NO_MATCH if filtered else NONE_YET)
        super()._update_empty_state()

    # Filters -----------------------------------------------------------------------------

    def state_choice(self) -> str:
        return str(self.state_filter.currentData() or OPEN_STATES)

    def _search_changed(self, text: str) -> None:
        assert self.proxy is not None
        self.proxy.set_query(text)  # type: ignore[attr-defined]
        self._update_empty_state()
        self._update_count()

    def _update_count(self) -> None:
        shown = self.view.model().rowCount()
        self.count_label.setText(count_text(shown, self.state_choice(), self.search.text()))

    def show_open_questions(self, employer_id: int | None) -> None:
        """The dashboard's "Voir": what this employer still owes, whatever was filtered before."""
        self.search.clear()
        self.state_filter.setCurrentIndex(self.state_filter.findData(OPEN_STATES))
        self.employer_filter.set_current_id(employer_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
