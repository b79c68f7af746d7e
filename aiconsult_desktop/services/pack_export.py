"""The meeting pack for the minutes (`aiconsult export meeting ID -o FICHIER.docx`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiconsult_desktop.domain.french import day_month_year, meeting_date_phrase
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.meeting_pack import MeetingPack, PackEntry, PackQuestion
from aiconsult_desktop.services.exports import (
    build_document,
    check_organisation,
    letterhead_or_default,
    with_suffix,
)
from aiconsult_desktop.services.meetings import get_meeting
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.records import MeetingData, QuestionData
from aiconsult_desktop.services.statements import list_statements
from aiconsult_desktop.store import Store

OUTSIDE_AGENDA = "Hors ordre du jour"


def pack_title(meeting: MeetingData, organisation: str) -> str:
    """ "Déclarations CGT — CST du 5 juin 2025" """
    where = meeting.body_name or meeting.kind.label
    when = meeting_date_phrase(meeting.starts_at, meeting.month_only)
    return f"Déclarations {organisation} — {where} {when}"


def _answer(question: QuestionData) -> str:
    if question.answer.strip():
        return " ".join(question.answer.split())
    if question.state.is_open:
        return "sans réponse à ce jour"
    return question.state.label.lower()


def build_pack(store: Store, meeting_id: int, today: date | None = None) -> MeetingPack:
    meeting = get_meeting(store, meeting_id)
    organisation = get_organisation(store)
    check_organisation(organisation)
    short = organisation.short_name or organisation.name
    positions = {item.id: item for item in meeting.agenda}
    entries = []
    for statement in list_statements(store, meeting_id=meeting_id):
        item = positions.get(statement.agenda_item_id)
        heading = f"Point {item.position} : {item.title}" if item is not None else OUTSIDE_AGENDA
        if not statement.text.strip():
            statement.text = ""
        entries.append(PackEntry(heading, build_document(statement, meeting, organisation, today)))
    from aiconsult_desktop.services.questions import list_questions

    questions = [
        PackQuestion(q.text, f"posée le {day_month_year(q.asked_on)}", _answer(q))
        for q in list_questions(store, employer_id=meeting.employer_id)
        if q.meeting_id == meeting_id
    ]
    logo = Path(organisation.logo_path) if organisation.logo_path else None
    return MeetingPack(pack_title(meeting, short), organisation.name, entries, questions, logo)


def export_meeting_pack(
    store: Store,
    meeting_id: int,
    target: Path,
    template: Path | None = None,
    *,
    notices: list[str] | None = None,
) -> Path:
    pack = build_pack(store, meeting_id)
    if not pack.entries and not pack.questions:
        raise UserError(
            "Cette réunion n'a ni déclaration ni question : il n'y a rien à mettre dans le "
            "dossier pour le procès-verbal."
        )
    from aiconsult_desktop.export.meeting_pack import write_meeting_pack

    target = with_suffix(target, ".docx")
    chosen = template if template is not None else letterhead_or_default(store, notices)
    write_meeting_pack(pack, target, chosen)
    return target
