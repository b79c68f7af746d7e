"""Questions: what was asked of each employer, and what is still unanswered.

The page opens on the questions still owed an answer, oldest first: the list a
representative reads out as a "relance" at the next meeting. Filters and the text search
run in the store (full-text index), and rows load as the list scrolls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QWidget,
)

from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.services import dossiers, employers, meetings, questions
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.questions import QuestionFilter
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.flow_layout import FlowLayout
from aiconsult_desktop.ui.forms import add_shortcut, button
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.look import label_groups
from aiconsult_desktop.ui.operations import Run
from aiconsult_desktop.ui.pages import question_actions
from aiconsult_desktop.ui.pages.question_form import QuestionForm
from aiconsult_desktop.ui.pages.question_model import (
    AGE_CHOICES,
    ALL_STATES,
    DOSSIER_COLUMN,
    EMPLOYER_COLUMN,
    OPEN_STATES,
    PAGE_SIZE,
    STATE_CHOICES,
    STATE_COLUMN,
    QuestionTableModel,
    count_text,
    fixed_widths,
    states_for,
)
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.record_model import NarrowColumns, SearchProxy, fit_columns
from aiconsult_desktop.ui.widgets import IdCombo, after_typing, buddy

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation

NO_MATCH = "Aucune question ne correspond à la recherche ou aux filtres choisis."
NONE_YET = (
    "Aucune question pour l'instant.\n"
    "Saisissez-en une dans le formulaire ou cliquez sur « Nouvelle question »."
)


class QuestionsPage(RecordPage[QuestionData]):
    """Filters, the list (lazy), the detail of one question with its history."""

    title = "Questions"
    shows: frozenset[DataKind] = frozenset({"questions", "employers", "meetings", "dossiers"})
    """What its list, filters and form name: a statement or the organisation saved elsewhere
    leaves the page as it was (ui/freshness.py)."""
    new_text = "&Nouvelle question"
    new_tip = "Nouvelle question (Ctrl+N)"
    new_command = "new_question"
    delete_tip = "Supprimer la question (Suppr dans la liste)"
    empty_text = NONE_YET
    model: QuestionTableModel  # lazy: fetches pages of rows as the list scrolls

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__(store, window)
        self.counting: Run[int] | None = None
        """The count of the list's questions, while it runs off the GUI thread."""
        self._several_employers = False
        self.progress: QProgressDialog | None = None
        """The PDF export running now (question_actions.export), for tests to watch."""
        self.employer_filter = IdCombo()
        self.employer_filter.setMinimumContentsLength(16)
        self.employer_filter.setToolTip("N'afficher que les questions posées à cet employeur")
        self.state_filter = QComboBox()
        for key, label in STATE_CHOICES:
            self.state_filter.addItem(label, key)
        self.state_filter.setToolTip("N'afficher que les questions dans cet état")
        self.body_filter = IdCombo()
        self.body_filter.setToolTip("Questions posées ou relancées en réunion de cette instance")
        self.dossier_filter = IdCombo()
        self.age_filter = QComboBox()
        for days, label in AGE_CHOICES:
            self.age_filter.addItem(label, days)
        self.age_filter.setToolTip("Questions posées pour la première fois il y a au moins…")
        # Narrow enough that the editor beside the list fits on a laptop screen.
        for combo in (self.body_filter, self.dossier_filter, self.age_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
        # Its list opens wide enough for "Plus de 6 mois" (IdCombo does so on its own).
        self.age_filter.view().setMinimumWidth(self.age_filter.view().sizeHintForColumn(0) + 24)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Rechercher (Ctrl+F)")
        self.search.setToolTip(
            "Mots à chercher dans les questions et réponses, sans tenir compte des accents "
            "ni des majuscules (Ctrl+F)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")

        self.relance_button = button(
            "&Liste de relance…",
            "Les questions en attente de l'employeur choisi, à relancer à sa prochaine réunion",
            lambda: question_actions.open_relance_list(self),
            "send",
        )
        self.paste_button = button(
            "C&oller une liste…",
            "Créer une question par élément d'une liste copiée de Word ou d'un courriel",
            lambda: question_actions.paste_list(self),
            "clipboard-paste",
        )
        self.export_button = button(
            "E&xporter…",
            "Exporter les questions affichées : Word (un employeur), CSV ou XLSX (Ctrl+E)",
            window.command("export").trigger,
            "file-down",
        )
        more_filters = QWidget()
        row = FlowLayout(more_filters, spacing=12)  # wraps under a narrow list
        for group in label_groups(
            [
                buddy("Ins&tance :", self.body_filter),
                self.body_filter,
                buddy("&Dossier :", self.dossier_filter),
                self.dossier_filter,
                buddy("Â&ge :", self.age_filter),
                self.age_filter,
            ]
        ):
            row.addWidget(group)

        self.form = QuestionForm(self)
        self.model = QuestionTableModel(self)
        self._setup(
            self.model,
            self.form,
            proxy=SearchProxy(self),  # pass-through: the service already filtered
            filters=[
                buddy("Emplo&yeur :", self.employer_filter),
                self.employer_filter,
                buddy("Ét&at :", self.state_filter),
                self.state_filter,
                self.search,
            ],
            buttons=[self.relance_button, self.paste_button, self.export_button],
            under_list=[more_filters, self.count_label],
        )
        fit_columns(
            self.view,
            stretch=2,
            widths={
                **fixed_widths(self.view.fontMetrics()),
                EMPLOYER_COLUMN: 150,
                DOSSIER_COLUMN: 120,
            },
        )
        # On a small screen the question's words matter more than its dossier and state,
        # which the editor beside the list shows anyway.
        NarrowColumns(self.view, {DOSSIER_COLUMN: 760, STATE_COLUMN: 560})

        for combo in (
            self.employer_filter,
            self.state_filter,
            self.body_filter,
            self.dossier_filter,
            self.age_filter,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.typing = after_typing(self.search, self.reload_list)
        add_shortcut(self, "Ctrl+F", self.focus_search, text="Rechercher dans les questions")

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
        several = len(employer_list) > 1
        bodies = [
            (b.id, f"{b.name} — {e.short_name or e.name}" if several else b.name)
            for e in employer_list
            for b in e.bodies
        ]
        for combo, items in (
            (self.employer_filter, [(None, "Tous les employeurs"), *employer_items]),
            (self.body_filter, [(None, "Toutes"), *bodies]),
            (self.dossier_filter, [(None, "Tous"), *((d.id, d.title) for d in dossier_list)]),
        ):
            blocked = combo.blockSignals(True)
            combo.set_items(items)
            combo.blockSignals(blocked)
        self.form.set_choices(employer_items, [(d.id, d.title) for d in dossier_list], meeting_list)
        self._several_employers = several

    def current_filter(self) -> QuestionFilter:
        states = states_for(self.state_choice())
        return QuestionFilter(
            employer_id=self.employer_filter.current_id(),
            states=frozenset(states) if states else None,
            text=self.search.text(),
            body_id=self.body_filter.current_id(),
            dossier_id=self.dossier_filter.current_id(),
            min_age_days=self.age_filter.currentData(),
        )

    def _list_records(self) -> Sequence[QuestionData]:
        # One employer in view: its name on every row says nothing.
        single = not self._several_employers or self.employer_filter.current_id() is not None
        self.view.setColumnHidden(EMPLOYER_COLUMN, single)
        wanted = self.current_filter()
        first = questions.list_page(self.store, wanted, limit=PAGE_SIZE)

        def fetch(offset: int, limit: int) -> Sequence[QuestionData]:
            found = attempt(
                self, lambda: questions.list_page(self.store, wanted, limit=limit, offset=offset)
            )
            return found or []

        if self.counting is not None:
            self.counting.cancelled.set()  # a count for the filter before
            self.counting = None
        if len(first) < PAGE_SIZE:  # all there: counted
            self.model.set_fetch(None, len(first))
            return first
        self.model.set_fetch(fetch, None)
        self.counting = question_actions.count_later(self, wanted)
        return first

    def _fill_editor(self, record: QuestionData | None) -> None:
        self.form.load(record, self.employer_filter.current_id())

    def _after_show(self) -> None:
        self.relance_button.setEnabled(self.relance_employer() is not None)

    def _save_editor(self) -> QuestionData | None:
        data = self.form.record(self.editing)
        return self._attempt_save(
            lambda: questions.save_question(self.store, data), self.form.fields
        )

    def _delete_record(self, record: QuestionData) -> bool:
        assert record.id is not None
        question_id = record.id
        excerpt = " ".join(record.text.split())
        if len(excerpt) > 120:
            excerpt = excerpt[:119] + "…"
        if not dialogs.confirm(
            self,
            "Supprimer la question",
            f"Supprimer la question « {excerpt} » et son historique ?\n\n"
            "Pour garder sa trace, vous pouvez plutôt ajouter l'événement « Retirée » "
            "ou « Sans objet ».",
            destructive=True,
        ):
            return False

        def delete() -> bool:
            questions.delete_question(self.store, question_id)
            return True

        return attempt(self, delete) is not None

    def reload_list(self) -> None:
        self.typing.stop()  # what was typed is read now
        super().reload_list()
        self.update_count()

    def _update_empty_state(self) -> None:
        wanted = self.current_filter()
        chosen = (wanted.employer_id, wanted.body_id, wanted.dossier_id, wanted.min_age_days)
        filtered = (
            bool(wanted.text.strip())
            or any(v is not None for v in chosen)
            or self.state_choice() != OPEN_STATES
        )
        self.empty_label.setText(NO_MATCH if filtered else NONE_YET)
        super()._update_empty_state()

    # Filters -----------------------------------------------------------------------------

    def state_choice(self) -> str:
        return str(self.state_filter.currentData() or OPEN_STATES)

    def update_count(self) -> None:
        total = self.model.total()
        self.count_label.setText(
            "Décompte des questions…"
            if total is None
            else count_text(total, self.state_choice(), self.search.text())
        )

    def show_open_questions(self, employer_id: int | None) -> None:
        """The dashboard's "Voir": what this employer still owes, whatever was filtered before."""
        for combo in (self.body_filter, self.dossier_filter):
            blocked = combo.blockSignals(True)
            combo.set_current_id(None)
            combo.blockSignals(blocked)
        self.age_filter.setCurrentIndex(0)
        self.search.clear()
        self.state_filter.setCurrentIndex(self.state_filter.findData(OPEN_STATES))
        self.employer_filter.set_current_id(employer_id)

    def open_question(self, question_id: int) -> None:
        """Show this question (from a dossier's chronology), whatever was filtered before."""
        if question_id == self.editing_id() or not self.leave():
            return
        self.show_open_questions(None)
        self._show_question(question_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # History of the question in the editor ----------------------------------------------

    def reload_editing(self) -> None:
        """Events changed the question's state: show it afresh (list and detail).

        An answer recorded under the "en attente" filter takes the question out of the
        list; the editor stays on it rather than jumping to the list's first question.
        """
        question_id = self.editing_id()
        if question_id is not None:
            fresh = attempt(self, lambda: questions.get_question(self.store, question_id))
            if fresh is not None:
                self._editing = fresh
                self.model.put_record(fresh)
                self._show(fresh)
        self._keep_hidden_record = True
        try:
            self._announce_change()
        finally:
            self._keep_hidden_record = False

    def after_relance_of(self, question_id: int) -> None:
        """A new question turned out to be an old one asked again: show the old one."""
        self.tracker.clear()
        self._editing = None
        self._show_question(question_id)
        self._announce_change()

    def _show_question(self, question_id: int) -> None:
        """Every state, no search, the list loaded as far as this question (it may lie past
        the first page of a large register)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.state_filter.setCurrentIndex(self.state_filter.findData(ALL_STATES))
        self.refresh()
        row = self.model.fetch_until(question_id)
        if row >= 0:
            self._select_source_row(row)
            self._show(self.model.record(row))

    # Liste de relance, pasted list, export (question_actions) ---------------------------

    def export(self) -> None:
        """« Exporter… », Fichier › Exporter… and Ctrl+E (the window's one action)."""
        question_actions.export(self)

    def relance_employer(self) -> int | None:
        return self.employer_filter.current_id() or self.form.employer.current_id()

    def reload_after_paste(self) -> None:
        """The blank question the paste started from is not a record: drop it, reload."""
        self.tracker.clear()
        self._editing = None
        self._announce_change()
