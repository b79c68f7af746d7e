"""Exporting the questions register: Word for one employer, CSV and XLSX for everything.

One entry point, `export_questions`, chosen by the file's extension: the GUI's buttons
and `aiconsult export questions` go through it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from aiconsult_desktop.domain.collation import sort_key
from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.questions_docx import (
    ListedQuestion,
    QuestionGroup,
    QuestionsDocument,
)
from aiconsult_desktop.services import question_events
from aiconsult_desktop.services.employers import find_employer, list_employers
from aiconsult_desktop.services.exports import place_date_line
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.questions import QuestionFilter, list_page
from aiconsult_desktop.services.records import EmployerData, QuestionData, QuestionEventData
from aiconsult_desktop.store import Store

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
FORMATS = (".docx", ".csv", ".xlsx")


def parse_state(value: str | None) -> frozenset[QuestionState] | None:
    """ "answered", "Répondue", "open"/"en attente ou partielle"… (None: every state)."""
    if value is None:
        return None
    if value.strip().casefold() in ("open", "ouvertes", "en attente ou partielle"):
        return OPEN
    try:
        return frozenset({QuestionState.parse(value)})  # type: ignore[arg-type]
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


def _relance_dates(store: Store, question_id: int) -> list[date]:
    return [
        e.on
        for e in question_events.list_events(store, question_id)
        if e.kind is EventKind.ASKED_AGAIN
    ]


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
    number = 0
    for group in groups.values():
        for question in found:
            if (question.dossier_title or NO_DOSSIER) == group.title:
                number += 1
                status = status_line(question, _relance_dates(store, question.id or 0))
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


def _where(event: QuestionEventData) -> str:
    """Where a step happened: the meeting's name, else how ("par courrier"…)."""
    return event.meeting_title or event.channel.label.lower()


def table_rows(store: Store, found: Sequence[QuestionData]) -> list[list[object]]:
    rows: list[list[object]] = []
    deadlines = {e.id: e.answer_deadline_days for e in list_employers(store)}
    for q in found:
        history = "\n".join(
            f"{day_month_year(e.on)} : {e.kind.label} ({_where(e)})"
            + (f" — {e.text}" if e.text else "")
            for e in question_events.list_events(store, q.id or 0)
        )
        rows.append(
            [
                q.id,
                q.employer_name,
                q.dossier_title,
                q.text,
                q.asked_on,
                q.meeting_title,
                q.relances,
                q.last_asked_on if q.relances else None,
                q.state.label,
                q.answer,
                q.answered_on,
                q.promised_for,
                "oui" if q.overdue else "non",
                deadlines.get(q.employer_id),
                history,
            ]
        )
    return rows


def export_questions(
    store: Store,
    target: Path,
    *,
    employer_name: str | None = None,
    state: str | None = None,
    template: Path | None = None,
    today: date | None = None,
) -> Path:
    today = today or date.today()
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            f"Format « {target.suffix or target.name} » inconnu : choisissez un fichier "
            ".docx (Word), .csv ou .xlsx (tableur)."
        )
    employer = find_employer(store, employer_name) if employer_name else None
    states = parse_state(state)
    if suffix == ".docx":
        if employer is None:
            known = list_employers(store)
            if len(known) != 1:
                names = ", ".join(f"« {e.name} »" for e in known) or "aucun pour l'instant"
                raise UserError(
                    "Le document Word porte sur un seul employeur : précisez-le "
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
        write_questions(document, target, template)
        return target
    wanted = QuestionFilter(employer_id=employer.id if employer else None, states=states)
    found = list_page(store, wanted, today=today)
    rows = table_rows(store, found)
    from aiconsult_desktop.export.docx_metadata import APPLICATION
    from aiconsult_desktop.export.tables import write_csv, write_xlsx

    if suffix == ".csv":
        write_csv(target, TABLE_HEADERS, rows)  # type: ignore[arg-type]
    else:
        author = get_organisation(store).name or APPLICATION
        write_xlsx(target, "Questions", TABLE_HEADERS, rows, author=author)  # type: ignore[arg-type]
    return target
