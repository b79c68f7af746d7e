"""The table of questions and its filters, apart from the page's widgets.

Employer and state are filtered by the service (it already knows how); the words typed in
the search box are matched here, ignoring case and accents, because users type
"reconnaissance des emotions" for a question that says "émotions".
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.ui.forms import Column, RecordTableModel, count_phrase, one_line
from aiconsult_desktop.ui.locale import long_date, short_date

OPEN_STATES = "open"
ALL_STATES = "all"

STATE_CHOICES: list[tuple[str, str]] = [
    (OPEN_STATES, "En attente ou partielle"),
    *((state.value, state.label) for state in QuestionState),
    (ALL_STATES, "Toutes"),
]
"""What the state filter offers: (key, French label). The default, first, is what
representatives chase: questions the employer still owes an answer to."""


STATE_BY_VALUE = {state.value: state for state in QuestionState}


def states_for(choice: str) -> set[QuestionState] | None:
    """The service's `states=` argument for a filter choice (None: every state)."""
    if choice == OPEN_STATES:
        return {state for state in QuestionState if state.is_open}
    if choice == ALL_STATES:
        return None
    return {STATE_BY_VALUE[choice]}


def count_text(count: int, choice: str, search: str = "") -> str:
    """ "12 questions en attente", "Aucune question à l'état « Répondue »", "3 questions"…

    With words in the search box, say so: "Aucune question en attente" alone would be
    read as "the employer answered everything".
    """
    if choice == OPEN_STATES:
        suffix = " en attente"
    elif choice == ALL_STATES:
        suffix = ""
    else:
        state = STATE_BY_VALUE[choice]
        suffix = f" à l'état « {state.label} »"
    words = " ".join(search.split())
    if words:
        suffix += f" contenant « {words} »"
    if count == 0:
        return f"Aucune question{suffix}"
    return count_phrase(count, "question") + suffix


def _asked(question: QuestionData) -> str:
    where = f" ({question.meeting_title})" if question.meeting_title else ""
    return f"Posée le {long_date(question.asked_on)}{where}"


QUESTION_COLUMNS: list[Column[QuestionData]] = [
    Column("Posée le", lambda q: short_date(q.asked_on), _asked),
    Column("Employeur", lambda q: q.employer_name),
    Column("Question", lambda q: one_line(q.text), lambda q: q.text),
    Column("État", lambda q: q.state.label),
    Column("Dossier", lambda q: q.dossier_title or "—", lambda q: q.dossier_title),
]
EMPLOYER_COLUMN = 1
DOSSIER_COLUMN = 4


class QuestionTableModel(RecordTableModel[QuestionData]):
    """Questions as the service returns them: oldest first, the one to raise first.

    Search also looks into the answer, so "réponse du DGS" finds what was answered.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            QUESTION_COLUMNS,
            lambda q: q.id,
            lambda q: f"{q.text} {q.answer} {q.meeting_title}",
            parent,
        )
