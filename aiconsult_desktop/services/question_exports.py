"""Exporting the questions register: Word for one employer, CSV and XLSX for everything.

One entry point, `export_questions`, chosen by the file's extension: the GUI's buttons
and `aiconsult export questions` go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

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
    """Every event of the register's questions, with its meeting's title."""
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
    )


def register_rows(
    store: Store, wanted: QuestionFilter, today: date, progress: Progress | None = None
) -> Iterator[list[Cell]]:
    """The register's rows, yielded as they come so a writer streams them.

    Two queries through the same filter, both in register order and read as they go: the
    questions, and every event of those questions (with its meeting's title). Each
    question's events follow it in the second, so one pass pairs them: 100,000 questions
    cost two queries, not one per question, and memory stays flat. Rows are plain tuples
    read by position, and what repeats (a date's French name, a state, a channel) is
    worked out once.
    """
    total = count_questions(store, wanted, today)
    if progress is not None:
        progress(0, total)
    kinds = {kind.value: kind for kind in EventKind}
    states = {state.value: state for state in QuestionState}
    channels = {channel.value: channel.label.lower() for channel in Channel}
    names: dict[date, str] = {}  # a register spans a few thousand days: name each once
    asked = EventKind.ASKED
    with store.session() as session:
        # Core execution: plain tuples, without the ORM's per-row bookkeeping.
        connection = session.connection()
        order = (Question.asked_on, Question.id)
        found = connection.execute(
            filtered(_register_columns(), wanted, session, today).order_by(*order)
        )
        steps = connection.execute(
            filtered(_event_columns(), wanted, session, today).order_by(
                *order,
                QuestionEvent.on,
                QuestionEvent.kind != asked.value,
                QuestionEvent.id,
            )
        )
        step = next(steps, None)
        for done, row in enumerate(found, start=1):
            question_id, employer, dossier, text, asked_on, meeting, state_value = row[:7]
            events: list[Event] = []
            history: list[str] = []
            while step is not None and step[0] == question_id:
                _, kind_value, on, event_id, channel, said, promised_for, where = step
                kind = kinds[kind_value]
                events.append(Event(kind, on, event_id, "", promised_for))
                named = names.get(on) or names.setdefault(on, day_month_year(on))
                line = f"{named} : {kind.label} ({where or channels[channel]})"
                history.append(f"{line} — {said}" if said else line)
                step = next(steps, None)
            state = states[state_value]
            first_asked: date | None
            if len(events) == 1 and events[0].kind is asked:  # most questions: asked once
                relances, last_asked, answered_on, promised_on = 0, None, None, None
                first_asked = events[0].on
            else:
                summary = derive(events)
                relances, first_asked = summary.relances, summary.first_asked
                last_asked = summary.last_asked if relances else None
                answered_on, promised_on = summary.answered_on, summary.promised_for
            deadline_days = row[8]
            overdue = state.is_open and is_late(first_asked, deadline_days, today)
            yield [
                question_id,
                employer,
                dossier or "",
                text,
                asked_on,
                meeting or "",
                relances,
                last_asked,
                state.label,
                row[7],
                answered_on,
                promised_on,
                "oui" if overdue else "non",
                deadline_days,
                "\n".join(history),
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
