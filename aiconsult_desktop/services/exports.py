"""From the store to a Word document: the one code path for the GUI and the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiconsult_desktop.domain.enums import MeetingKind
from aiconsult_desktop.domain.file_names import check_output_name
from aiconsult_desktop.domain.french import day_month_year, meeting_date_phrase, month_year
from aiconsult_desktop.domain.markdown_parse import parse_markdown
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.services.backups import check_output
from aiconsult_desktop.services.document_export import checked_target, write_document
from aiconsult_desktop.services.document_export import (  # the window asks it here
    pdf_unavailable as pdf_unavailable,
)
from aiconsult_desktop.services.meetings import get_meeting
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.records import MeetingData, OrganisationData, StatementData
from aiconsult_desktop.services.statements import get_statement
from aiconsult_desktop.store import Store


def statement_heading(statement: StatementData, meeting: MeetingData, organisation: str) -> str:
    """ "Intervention CGT en CST du 5 juin 2025": kind, organisation, body, date in words."""
    where = meeting.body_name or meeting.kind.label[0].lower() + meeting.kind.label[1:]
    if not meeting.body_name and meeting.kind is MeetingKind.PLENARY:
        where = "séance plénière"
    date_phrase = meeting_date_phrase(meeting.starts_at, meeting.month_only)
    parts = [statement.kind.label, organisation, "en", where, date_phrase]
    return " ".join(part for part in parts if part)


def build_document(
    statement: StatementData,
    meeting: MeetingData,
    organisation: OrganisationData,
    today: date | None = None,
    pending_questions: tuple[str, ...] = (),
) -> InterventionDocument:
    short = organisation.short_name or organisation.name
    heading = statement_heading(statement, meeting, short)
    place_date = place_date_line(organisation.place, *signing_date(statement, meeting, today))
    logo = Path(organisation.logo_path) if organisation.logo_path else None
    return InterventionDocument(
        heading=heading,
        subtitle=statement.title if statement.title.casefold() != heading.casefold() else "",
        excerpt=statement.excerpt,
        body=statement.text,
        organisation_name=organisation.name,
        signature=organisation.signature or f"Les élu·es {short}",
        place_date=place_date,
        logo_path=logo,
        pending_questions=pending_questions,
    )


def signing_date(
    statement: StatementData, meeting: MeetingData | None, today: date | None = None
) -> tuple[date, bool]:
    """The date a statement is signed: the day it was read (set by the user), else its
    meeting's date, else (no meeting) the day of export. True when only the month is
    known (a meeting planned "en mars 2025")."""
    if statement.read_on is not None:
        return statement.read_on, False
    if meeting is not None:
        return meeting.starts_at.date(), meeting.month_only
    return today or date.today(), False


def place_date_line(place: str, when: date, month_only: bool = False) -> str:
    """ "Nantes, le 5 juin 2025", "Nantes, mars 2025", "Le 5 juin 2025", "Mars 2025"."""
    if month_only:
        phrase = month_year(when)
        return f"{place}, {phrase}" if place else phrase[0].upper() + phrase[1:]
    return f"{place}, le {day_month_year(when)}" if place else f"Le {day_month_year(when)}"


def suggested_file_name(statement: StatementData, meeting: MeetingData) -> str:
    """A name users recognise in their folders: 2025-06-05 Intervention - titre.docx."""
    title = "".join(c if c.isalnum() or c in " -_'" else " " for c in statement.title)
    title = " ".join(title.split())[:80]
    return f"{meeting.starts_at:%Y-%m-%d} {statement.kind.label} - {title}.docx"


EMPTY_STATEMENT = "La déclaration « {title} » est vide : écrivez son texte avant de l'exporter."


def check_organisation(organisation: OrganisationData) -> None:
    if not organisation.is_set:
        raise UserError(
            "Renseignez d'abord votre organisation (Paramètres : nom, sigle, signature) : "
            "elle figure en en-tête et en signature du document."
        )


def with_suffix(target: Path, suffix: str) -> Path:
    """`target` ending in `suffix` (".docx"), added when the user typed none or another."""
    check_output_name(target)
    if target.suffix.lower() == suffix:
        return target
    return (
        target.with_suffix(target.suffix + suffix) if target.suffix else target.with_suffix(suffix)
    )


def pending_question_lines(store: Store, employer_id: int) -> tuple[str, ...]:
    """The employer's open questions, each with when it was asked and its answer's state."""
    from aiconsult_desktop.services.statement_blocks import answer_phrase, pending_questions

    return tuple(f"{q.text} ({answer_phrase(q)})" for q in pending_questions(store, employer_id))


def export_statement(
    store: Store,
    statement_id: int,
    target: Path,
    template: Path | None = None,
    *,
    with_questions: bool = False,
    notices: list[str] | None = None,
) -> Path:
    """Write the statement as a Word intervention at `target`, or as PDF when it ends in
    ".pdf" (".docx" added when it has no extension; any other one is refused).

    Without `template`, the organisation's letterhead is used when one is set; a
    letterhead that cannot be used falls back to the default template, and the reason
    is added to `notices` (in French) for the caller to show.
    """
    statement = get_statement(store, statement_id)
    meeting = get_meeting(store, statement.meeting_id)
    organisation = get_organisation(store)
    check_organisation(organisation)
    if parse_markdown(statement.text).is_empty:
        raise UserError(EMPTY_STATEMENT.format(title=statement.title))
    target = checked_target(target)
    check_output(store, target)
    questions = pending_question_lines(store, meeting.employer_id) if with_questions else ()
    from aiconsult_desktop.export.intervention import write_intervention

    document = build_document(statement, meeting, organisation, pending_questions=questions)
    chosen = template if template is not None else letterhead_or_default(store, notices)
    return write_document(target, lambda path: write_intervention(document, path, chosen))


def letterhead_or_default(store: Store, notices: list[str] | None = None) -> Path | None:
    """The organisation's letterhead if it can be used, else None (the default template).

    Never raises for a bad letterhead: the document matters more than the letterhead;
    what went wrong goes to `notices`.
    """
    from aiconsult_desktop.export.letterhead import check_letterhead
    from aiconsult_desktop.services.statement_settings import get_letterhead

    path = get_letterhead(store)
    if path is None:
        return None
    problem, missing = check_letterhead(path)
    if problem:
        if notices is not None:
            notices.append(f"{problem} Le modèle par défaut a été utilisé.")
        return None
    if missing and notices is not None:
        notices.append(
            f"Le papier à en-tête « {path.name} » ne définit pas les styles "
            + ", ".join(f"« {name} »" for name in missing)
            + " : une mise en forme équivalente les remplace."
        )
    return path


def export_statement_pdf(
    store: Store,
    statement_id: int,
    target: Path,
    *,
    with_questions: bool = False,
    notices: list[str] | None = None,
) -> Path:
    """The intervention as PDF at `target` (".pdf" added when the dialog gave none).

    LibreOffice takes seconds: the window runs this off the GUI thread.
    """
    return export_statement(
        store,
        statement_id,
        with_suffix(target, ".pdf"),
        with_questions=with_questions,
        notices=notices,
    )
