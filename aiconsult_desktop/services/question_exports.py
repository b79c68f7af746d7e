"""Exporting the questions register: Word for one employer, CSV and XLSX for everything.

One entry point, `export_questions`, chosen by the file's extension: the GUI's buttons
and `aiconsult export questions` go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import Connection, select

from aiconsult_desktop.domain.collation import sort_key
from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.domain.question_state import Channel, Event, EventKind, derive, is_late
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.questions_docx import (
    ListedQuestion,
    QuestionGroup,
    QuestionsDocument,
)
from aiconsult_desktop.export.tables import Cell
from aiconsult_desktop.services import question_events
from aiconsult_desktop.services.backups import check_output
from aiconsult_desktop.services.document_export import (
    DOCUMENT_FORMATS,
    checked_target,
    write_document,
)
from aiconsult_desktop.services.employers import find_employer, list_employers
from aiconsult_desktop.services.exports import place_date_line
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.questions import (
    QuestionFilter,
    count_questions,
    filtered,
    list_page,
)
from aiconsult_desktop.services.records import EmployerData, QuestionData, QuestionEventData
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Dossier, Employer, Meeting, Question, QuestionEvent

if TYPE_CHECKING:
    from aiconsult_desktop.services.rows import AnySelect

OPEN = frozenset(s for s in QuestionState if s.is_open)
ASKED = EventKind.ASKED.value
NO_DOSSIER = "Hors dossier"
TABLE_HEADERS = [
    "N°",
    "Employeur",
    "Dossier",
    "Question",
    "Posée le",
    "Réunion",
    "Relances",
    "Dernière relance",
    "État",
    "Réponse",
    "Réponse du",
    "Réponse promise pour",
    "En retard",
    "Délai de réponse (jours)",
    "Historique",
]
FORMATS = (".docx", ".pdf", ".csv", ".xlsx")
CHUNK = 1000
"""Questions read per round trip by the register export: a few queries per thousand."""


def parse_state(value: str | None) -> frozenset[QuestionState] | None:
    """ "answered", "Répondue", "open"/"en attente ou partielle"… (None: every state)."""
    if value is None:
        return None
    if value.strip().casefold() in ("open", "ouvertes", "en attente ou partielle"):
        return OPEN
    try:
        return frozenset({QuestionState.parse(value)})
    except ValueError as error:
        raise UserError(
            f"{error} (ou « open » : toutes celles qui attendent une réponse)"
        ) from error


def status_line(question: QuestionData, relance_dates: Sequence[date]) -> str:
    """ "Posée le 15 mai 2025 ; relancée le 5 juin 2025 ; sans réponse à ce jour"."""
    parts = [f"Posée le {day_month_year(question.asked_on)}"]
    if question.meeting_title:
        parts[0] += f" ({question.meeting_title})"
    if relance_dates:
        parts.append("relancée le " + ", le ".join(day_month_year(d) for d in relance_dates))
    state = question.state
    if state is QuestionState.PENDING:
        parts.append("sans réponse à ce jour")
    elif state is QuestionState.PROMISED and question.promised_for:
        parts.append(f"réponse promise pour le {day_month_year(question.promised_for)}")
    elif state in (QuestionState.ANSWERED, QuestionState.PARTIAL) and question.answered_on:
        parts.append(f"{state.label.lower()} le {day_month_year(question.answered_on)}")
    else:
        parts.append(state.label.lower())
    return " ; ".join(parts)


def _histories(store: Store, ids: Sequence[int]) -> dict[int, list[QuestionEventData]]:
    """The events of every question in `ids`, a chunk per query (never one per question)."""
    found: dict[int, list[QuestionEventData]] = {}
    with store.session() as session:
        for start in range(0, len(ids), CHUNK):
            found.update(question_events.histories(session, ids[start : start + CHUNK]))
    return found


def _register_order(question: QuestionData) -> tuple[bool, tuple[int, ...], date, int]:
    """Dossiers in French alphabetical order, questions outside any dossier last."""
    title = question.dossier_title
    return (not title, sort_key(title or ""), question.asked_on, question.id or 0)


def build_questions_document(
    store: Store, employer: EmployerData, states: frozenset[QuestionState] | None, today: date
) -> QuestionsDocument:
    organisation = get_organisation(store)
    found = list_page(store, QuestionFilter(employer_id=employer.id, states=states), today=today)
    groups: dict[str, QuestionGroup] = {}
    for question in sorted(found, key=_register_order):
        title = question.dossier_title or NO_DOSSIER
        groups.setdefault(title, QuestionGroup(title))
    histories = _histories(store, [question.id or 0 for question in found])
    number = 0
    for group in groups.values():
        for question in found:
            if (question.dossier_title or NO_DOSSIER) == group.title:
                number += 1
                relances = [
                    e.on for e in histories[question.id or 0] if e.kind is EventKind.ASKED_AGAIN
                ]
                status = status_line(question, relances)
                group.questions.append(ListedQuestion(number, question.text, status))
    short = organisation.short_name or organisation.name
    signed_on = day_month_year(today)
    heading = "Questions restées sans réponse" if states == OPEN else "Registre des questions"
    return QuestionsDocument(
        heading=heading,
        subtitle=f"{employer.name} — état au {signed_on}",
        groups=list(groups.values()),
        organisation_name=organisation.name,
        place_date=place_date_line(organisation.place, today),
        signature=organisation.signature or (f"Les élu·es {short}" if short else ""),
        logo_path=Path(organisation.logo_path) if organisation.logo_path else None,
    )


Progress = Callable[[int, int], None]
"""Called with (questions written, questions in all) as an export goes."""


def _register_columns() -> AnySelect:
    """The question columns of the register, read by position in this order (100,000
    rows unpack faster than they are read by name)."""
    return (
        select(
            Question.id,
            Employer.name,
            Dossier.title,
            Question.text,
            Question.asked_on,
            Meeting.title,
            Question.state,
            Question.answer,
            Employer.answer_deadline_days,
        )
        .join(Employer, Question.employer_id == Employer.id)
        .outerjoin(Dossier, Question.dossier_id == Dossier.id)
        .outerjoin(Meeting, Question.meeting_id == Meeting.id)
    )


def _event_columns() -> AnySelect:
    """Every event of the register's questions, with its meeting's title, grouped by
    question (the order of the events index: a straight walk, not a lookup per question)."""
    return (
        select(
            QuestionEvent.question_id,
            QuestionEvent.kind,
            QuestionEvent.on,
            QuestionEvent.id,
            QuestionEvent.channel,
            QuestionEvent.text,
            QuestionEvent.promised_for,
            Meeting.title,
        )
        .join(Question, QuestionEvent.question_id == Question.id)
        .outerjoin(Meeting, QuestionEvent.meeting_id == Meeting.id)
        .order_by(QuestionEvent.question_id)
    )


Told: TypeAlias = tuple[int, date | None, date | None, date | None, date | None, str]
"""What a question's events give its row: relances, first asked, last relance, answered
on, answer promised for, and the history's lines."""
NOTHING_TOLD: Told = (0, None, None, None, None, "")
Step: TypeAlias = Sequence[Any]
"""One row of `_event_columns`, read by position."""


class _Histories:
    """Folds each question's events into what its row shows, naming each date, and each
    history line that repeats (« 12 mars 2022 : Posée (par courriel) »), once."""

    def __init__(self) -> None:
        self.kinds = {kind.value: kind for kind in EventKind}
        self.labels = {kind.value: kind.label for kind in EventKind}
        self.channels = {channel.value: channel.label.lower() for channel in Channel}
        self.names: dict[date, str] = {}  # a register spans a few thousand days
        self.lines: dict[tuple[date, str, str], str] = {}

    def line(self, step: Step) -> str:
        _, kind, on, _, channel, said, _, where = step
        key = (on, kind, where or self.channels[channel])
        found = self.lines.get(key)
        if found is None:
            named = self.names.get(on) or self.names.setdefault(on, day_month_year(on))
            found = self.lines[key] = f"{named} : {self.labels[kind]} ({key[2]})"
        return f"{found} — {said}" if said else found

    def told(self, steps: list[Step]) -> Told:
        if len(steps) == 1 and steps[0][1] == ASKED:  # most questions: asked once
            return (0, steps[0][2], None, None, None, self.line(steps[0]))
        steps.sort(key=lambda step: (step[2], step[1] != ASKED, step[3]))
        kinds = self.kinds
        summary = derive(Event(kinds[s[1]], s[2], s[3], "", s[6]) for s in steps)
        relances = summary.relances
        return (
            relances,
            summary.first_asked,
            summary.last_asked if relances else None,
            summary.answered_on,
            summary.promised_for,
            "\n".join(self.line(step) for step in steps),
        )


def _told(connection: Connection, query: AnySelect) -> dict[int, Told]:
    """Every question's events, folded: one query walking the events in question order.

    Read before the questions so that the questions' query (in register order) streams
    alone: walking the events in register order cost one index lookup per question, twice
    the time. What is kept is small (a few numbers, dates and the history's text)."""
    histories = _Histories()
    return {
        question_id: histories.told(list(steps))
        for question_id, steps in groupby(connection.execute(query), key=itemgetter(0))
    }


def register_rows(
    store: Store, wanted: QuestionFilter, today: date, progress: Progress | None = None
) -> Iterator[list[Cell]]:
    """The register's rows, yielded as they come so a writer streams them.

    Two queries through the same filter: every event of the wanted questions, folded per
    question as they come (`_told`), then the questions in register order, read as they
    go. 100,000 questions cost two queries, not one per question. Rows are plain tuples
    read by position, and what repeats (a date's French name, a state) is worked out once.
    """
    total = count_questions(store, wanted, today)
    if progress is not None:
        progress(0, total)
    labels = {state.value: state.label for state in QuestionState}
    still_open = frozenset(state.value for state in QuestionState if state.is_open)
    with store.session() as session:
        # Core execution: plain tuples, without the ORM's per-row bookkeeping.
        connection = session.connection()
        told = _told(connection, filtered(_event_columns(), wanted, session, today))
        found = connection.execute(
            filtered(_register_columns(), wanted, session, today).order_by(
                Question.asked_on, Question.id
            )
        )
        for done, row in enumerate(found, start=1):
            question_id, employer, dossier, text, asked_on, meeting, state, answer, days = row
            relances, first_asked, last_asked, answered_on, promised_on, history = told.pop(
                question_id, NOTHING_TOLD
            )
            overdue = state in still_open and is_late(first_asked, days, today)
            yield [
                question_id,
                employer,
                dossier or "",
                text,
                asked_on,
                meeting or "",
                relances,
                last_asked,
                labels[state],
                answer,
                answered_on,
                promised_on,
                "oui" if overdue else "non",
                days,
                history,
            ]
            if progress is not None and (done % CHUNK == 0 or done == total):
                progress(done, total)


def export_questions(
    store: Store,
    target: Path,
    *,
    employer_name: str | None = None,
    state: str | None = None,
    template: Path | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the register to `target` (.docx, .pdf, .csv or .xlsx); `progress` hears how far
    a spreadsheet export has gone."""
    today = today or date.today()
    target = checked_target(target, FORMATS)
    check_output(store, target)
    suffix = target.suffix.lower()
    employer = find_employer(store, employer_name) if employer_name else None
    states = parse_state(state)
    if suffix in DOCUMENT_FORMATS:
        if employer is None:
            known = list_employers(store)
            if len(known) != 1:
                names = ", ".join(f"« {e.name} »" for e in known) or "aucun pour l'instant"
                raise UserError(
                    "Le document Word ou PDF porte sur un seul employeur : précisez-le "
                    f"(--employer). Employeurs connus : {names}."
                )
            employer = known[0]
        if not get_organisation(store).is_set:
            raise UserError(
                "Renseignez d'abord votre organisation (Paramètres : nom, sigle, signature) : "
                "elle figure en en-tête et en signature du document."
            )
        from aiconsult_desktop.export.questions_docx import write_questions

        document = build_questions_document(
            store, employer, OPEN if states is None else states, today
        )
        return write_document(target, lambda path: write_questions(document, path, template))
    wanted = QuestionFilter(employer_id=employer.id if employer else None, states=states)
    rows = register_rows(store, wanted, today, progress)
    from aiconsult_desktop.export.docx_metadata import APPLICATION
    from aiconsult_desktop.export.tables import write_csv, write_xlsx

    if suffix == ".csv":
        write_csv(target, TABLE_HEADERS, rows)
    else:
        author = get_organisation(store).name or APPLICATION
        write_xlsx(target, "Questions", TABLE_HEADERS, rows, author=author)
    return target
