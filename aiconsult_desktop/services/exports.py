"""From the store to a Word document: the one code path for the GUI and the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiconsult_desktop.domain.enums import MeetingKind, StatementKind
from aiconsult_desktop.domain.french import day_month_year, meeting_date_phrase
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.services.meetings import get_meeting
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.records import MeetingData, OrganisationData, StatementData
from aiconsult_desktop.services.statements import get_statement
from aiconsult_desktop.store import Store

SALUTATION = "Monsieur le Président, Mesdames et Messieurs les membres du comité,"


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
) -> InterventionDocument:
    short = organisation.short_name or organisation.name
    heading = statement_heading(statement, meeting, short)
    signed_on = day_month_year(today or date.today())
    place_date = (
        f"{organisation.place}, le {signed_on}" if organisation.place else f"Le {signed_on}"
    )
    logo = Path(organisation.logo_path) if organisation.logo_path else None
    return InterventionDocument(
        heading=heading,
        subtitle=statement.title if statement.title.casefold() != heading.casefold() else "",
        salutation=SALUTATION if statement.kind is StatementKind.OPENING else "",
        excerpt=statement.excerpt,
        body=statement.text,
        organisation_name=organisation.name,
        signature=organisation.signature or f"Les élu·es {short}",
        place_date=place_date,
        logo_path=logo,
    )


def suggested_file_name(statement: StatementData, meeting: MeetingData) -> str:
    """A name users recognise in their folders: 2025-06-05 Intervention - titre.docx."""
    title = "".join(c if c.isalnum() or c in " -_'" else " " for c in statement.title)
    title = " ".join(title.split())[:80]
    return f"{meeting.starts_at:%Y-%m-%d} {statement.kind.label} - {title}.docx"


def export_statement(
    store: Store, statement_id: int, target: Path, template: Path | None = None
) -> Path:
    statement = get_statement(store, statement_id)
    meeting = get_meeting(store, statement.meeting_id)
    organisation = get_organisation(store)
    if not organisation.is_set:
        raise UserError(
            "Renseignez d'abord votre organisation (Paramètres : nom, sigle, signature) : "
            "elle figure en en-tête et en signature du document."
        )
    if target.suffix.lower() != ".docx":
        target = (
            target.with_suffix(target.suffix + ".docx")
            if target.suffix
            else target.with_suffix(".docx")
        )
    from aiconsult_desktop.export.intervention import write_intervention

    write_intervention(build_document(statement, meeting, organisation), target, template)
    return target
