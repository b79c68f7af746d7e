"""The table of questions and its filters, apart from the page's widgets.

Every filter, the text search included, is done by the service (SQLite FTS5 ignores case
and accents: "reconnaissance des emotions" finds "émotions"); the model loads the rows a
page at a time as the user scrolls (`canFetchMore`), so 100,000 questions open at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.domain.question_state import waited
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.ui.forms import count_phrase
from aiconsult_desktop.ui.locale import long_date, short_date
from aiconsult_desktop.ui.record_model import Column, RecordTableModel, one_line

OPEN_STATES = "open"
ALL_STATES = "all"
PAGE_SIZE = 200

STATE_CHOICES: list[tuple[str, str]] = [
    (OPEN_STATES, "En attente ou partielle"),
    *((state.value, state.label) for state in QuestionState),
    (ALL_STATES, "Toutes"),
]
"""What the state filter offers: (key, French label). The default, first, is what
representatives chase: questions the employer still owes an answer to."""

AGE_CHOICES: list[tuple[int | None, str]] = [
    (None, "Tout âge"),
    (30, "Plus d'un mois"),
    (61, "Plus de 2 mois"),
    (183, "Plus de 6 mois"),
    (365, "Plus d'un an"),
]

STATE_BY_VALUE = {state.value: state for state in QuestionState}
OVERDUE_MARK = "⚠ "
OVERDUE_COLOUR = QColor("#a4441b")


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


def _age(question: QuestionData) -> str:
    """ "⚠ 25 mois · 2 relances": how long the employer has kept the union waiting.

    The column is read down the list, so only the figure: the first column has the date,
    the state column says answered or not, and the tooltip keeps the whole sentence.
    """
    waiting = waited(question.asked_on, date.today()) if question.state.is_open else "—"
    relances = f" · {plural(question.relances, 'relance')}" if question.relances else ""
    return (OVERDUE_MARK if question.overdue else "") + waiting + relances


def _age_tip(question: QuestionData) -> str:
    tip = question.age[:1].upper() + question.age[1:] if question.age else ""
    if question.overdue:
        tip += "\nEn retard : le délai de réponse de l'employeur est dépassé."
    return tip


QUESTION_COLUMNS: list[Column[QuestionData]] = [
    Column("Posée le", lambda q: short_date(q.asked_on), _asked),
    Column("Employeur", lambda q: q.employer_name),
    Column("Question", lambda q: one_line(q.text), lambda q: q.text),
    Column("État", lambda q: q.state.label),
    Column("Âge", _age, _age_tip),
    Column("Dossier", lambda q: q.dossier_title or "—", lambda q: q.dossier_title),
]
DATE_COLUMN = 0
EMPLOYER_COLUMN = 1
QUESTION_COLUMN = 2
STATE_COLUMN = 3
AGE_COLUMN = 4
DOSSIER_COLUMN = 5


def fixed_widths(metrics: QFontMetrics) -> dict[int, int]:
    """Widths of the date, state and age columns, measured once on their widest text.

    Left to fit their contents, Qt would ask the model for every loaded row's text each
    time the list changes: about 80 ms of a 100,000-question register's filter or search.
    """
    padding = 2 * metrics.horizontalAdvance("M")
    widest_state = max(metrics.horizontalAdvance(state.label) for state in QuestionState)
    return {
        DATE_COLUMN: metrics.horizontalAdvance("00/00/0000") + padding,
        STATE_COLUMN: widest_state + padding,
        AGE_COLUMN: metrics.horizontalAdvance(f"{OVERDUE_MARK}11 mois · 2 relances") + padding,
    }


Fetch = Callable[[int, int], Sequence[QuestionData]]


class QuestionTableModel(RecordTableModel[QuestionData]):
    """Questions as the service returns them, oldest first, loaded a page at a time.

    `set_fetch` gives the page loader and the total; `set_records` the first page. The
    total is None while it is being counted (`set_total` gives it): pages load meanwhile.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(QUESTION_COLUMNS, lambda q: q.id, None, parent)
        self._fetch: Fetch | None = None
        self._total: int | None = 0

    def set_fetch(self, fetch: Fetch | None, total: int | None) -> None:
        self._fetch, self._total = fetch, total

    def set_total(self, total: int) -> None:
        self._total = total

    def total(self) -> int | None:
        return None if self._total is None else max(self._total, len(self._records))

    def _fold(self, record: QuestionData) -> str:
        return ""  # searching is the service's job (full-text index)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == AGE_COLUMN
        ):
            record = self.record(index.row())
            return QBrush(OVERDUE_COLOUR) if record is not None and record.overdue else None
        return super().data(index, role)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self._fetch is not None
            and (self._total is None or len(self._records) < self._total)
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._fetch is not None
        more = list(self._fetch(len(self._records), PAGE_SIZE))
        known = {r.id for r in self._records}
        more = [r for r in more if r.id not in known]
        if not more:
            self._total = len(self._records)
            return
        start = len(self._records)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._records.extend(more)
        self._folded.extend("" for _ in more)
        self.endInsertRows()

    def fetch_until(self, record_id: int | None, limit: int = 5_000) -> int:
        """Load pages until the record shows (a selection to keep), up to `limit` rows."""
        row = self.row_of(record_id)
        while row < 0 and record_id is not None and self.canFetchMore() and self.rowCount() < limit:
            self.fetchMore()
            row = self.row_of(record_id)
        return row
