"""The meeting pack for the minutes (`aiconsult export meeting ID -o FICHIER.docx|.pdf`).

What goes in it, in the order of the meeting (see `export/meeting_pack.py` for the
layout): the meeting's particulars and agenda, the déclaration liminaire, the statements
under their agenda items, then the questions put, asked again and answered at it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import select

from aiconsult_desktop.domain.enums import StatementKind
from aiconsult_desktop.domain.french import day_month_year, meeting_date_phrase, month_year, time_hm
from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.meeting_pack import (
    MeetingPack,
    PackQuestion,
    PackQuestionGroup,
    PackSection,
)
from aiconsult_desktop.services.backups import check_output
from aiconsult_desktop.services.document_export import checked_target, write_document
from aiconsult_desktop.services.exports import (
    build_document,
    check_organisation,
    letterhead_or_default,
)
from aiconsult_desktop.services.meetings import get_meeting
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.records import MeetingData, QuestionData, StatementData
from aiconsult_desktop.services.statements import list_statements
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import QuestionEvent

OPENING = "Déclaration liminaire"
OUTSIDE_AGENDA = "Hors ordre du jour"
ASKED, ASKED_AGAIN, ANSWERS = "Questions posées", "Questions relancées", "Réponses reçues"
_ANSWER_KINDS = frozenset(
    k.value
    for k in (
        EventKind.ANSWERED,
        EventKind.PARTIAL_ANSWER,
        EventKind.ANSWER_PROMISED,
        EventKind.REFUSED,
    )
)


def pack_title(meeting: MeetingData, organisation: str) -> str:
    """ "Déclarations CGT — CST du 5 juin 2025" """
    where = meeting.body_name or meeting.kind.label
    when = meeting_date_phrase(meeting.starts_at, meeting.month_only)
    return f"Déclarations {organisation} — {where} {when}"


def meeting_details(meeting: MeetingData) -> list[str]:
    """The particulars a secretary files the pack under: body, employer, date, place."""
    if meeting.month_only:
        when = month_year(meeting.starts_at)
    else:
        when = f"{day_month_year(meeting.starts_at)}, {time_hm(meeting.starts_at)}"
    details = [f"Instance : {meeting.body_name or meeting.kind.label}"]
    if meeting.employer_name:
        details.append(f"Employeur : {meeting.employer_name}")
    details.append(f"Date : {when}")
    if meeting.place.strip():
        details.append(f"Lieu : {' '.join(meeting.place.split())}")
    return details


def _sections(meeting: MeetingData, statements: list[StatementData]) -> list[tuple[str, list]]:  # type: ignore[type-arg]
    """Statements grouped as read: the opening first, then agenda order, then the rest."""
    agenda = sorted(meeting.agenda, key=lambda item: item.position)
    known = {item.id for item in agenda}
    opening = [s for s in statements if s.kind is StatementKind.OPENING]
    sections: list[tuple[str, list]] = []  # type: ignore[type-arg]
    if opening:
        sections.append((OPENING if len(opening) == 1 else "Déclarations liminaires", opening))
    for item in agenda:
        under = [s for s in statements if s not in opening and s.agenda_item_id == item.id]
        if under:
            sections.append((f"Point {item.position} : {item.title}", under))
    rest = [s for s in statements if s not in opening and s.agenda_item_id not in known]
    if rest:
        sections.append((OUTSIDE_AGENDA, rest))
    return sections


def _question_groups(store: Store, meeting: MeetingData) -> list[PackQuestionGroup]:
    """Questions put, asked again and answered at the meeting, each with its state."""
    from aiconsult_desktop.services.question_exports import status_line
    from aiconsult_desktop.services.questions import list_questions

    meeting_id = meeting.id
    with store.session() as session:
        at_meeting = session.execute(
            select(QuestionEvent.question_id, QuestionEvent.kind).where(
                QuestionEvent.meeting_id == meeting_id
            )
        ).all()
        kinds: dict[int, set[str]] = defaultdict(set)
        for question_id, kind in at_meeting:
            kinds[question_id].add(kind)
        relances: dict[int, list[date]] = defaultdict(list)
        for question_id, on in session.execute(
            select(QuestionEvent.question_id, QuestionEvent.on)
            .where(QuestionEvent.question_id.in_(list(kinds)))
            .where(QuestionEvent.kind == EventKind.ASKED_AGAIN.value)
            .order_by(QuestionEvent.on, QuestionEvent.id)
        ):
            relances[question_id].append(on)
    found = [
        q
        for q in list_questions(store, employer_id=meeting.employer_id)
        if q.id in kinds or q.meeting_id == meeting_id
    ]

    def line(question: QuestionData, with_answer: bool = False) -> PackQuestion:
        status = status_line(question, relances.get(question.id or 0, []))
        answer = " ".join(question.answer.split())
        if with_answer and answer:
            status += f" ; réponse : « {answer} »"
        return PackQuestion(" ".join(question.text.split()), status)

    def had(question: QuestionData, kind: EventKind) -> bool:
        return kind.value in kinds.get(question.id or 0, set())

    return [
        PackQuestionGroup(ASKED, [line(q) for q in found if q.meeting_id == meeting_id]),
        PackQuestionGroup(ASKED_AGAIN, [line(q) for q in found if had(q, EventKind.ASKED_AGAIN)]),
        PackQuestionGroup(
            ANSWERS,
            [line(q, True) for q in found if kinds.get(q.id or 0, set()) & _ANSWER_KINDS],
        ),
    ]


def build_pack(store: Store, meeting_id: int, today: date | None = None) -> MeetingPack:
    meeting = get_meeting(store, meeting_id)
    organisation = get_organisation(store)
    check_organisation(organisation)
    short = organisation.short_name or organisation.name
    statements = list_statements(store, meeting_id=meeting_id)
    sections = [
        PackSection(
            heading, [build_document(s, meeting, organisation, today) for s in statements_of]
        )
        for heading, statements_of in _sections(meeting, statements)
    ]
    agenda = [
        f"{item.title} ({item.kind.label.lower()})"
        for item in sorted(meeting.agenda, key=lambda item: item.position)
    ]
    return MeetingPack(
        title=pack_title(meeting, short),
        organisation_name=organisation.name,
        details=meeting_details(meeting),
        agenda=agenda,
        sections=sections,
        question_groups=_question_groups(store, meeting),
        logo_path=Path(organisation.logo_path) if organisation.logo_path else None,
    )


def export_meeting_pack(
    store: Store,
    meeting_id: int,
    target: Path,
    template: Path | None = None,
    *,
    notices: list[str] | None = None,
) -> Path:
    """Write the pack at `target`: Word, or PDF when it ends in ".pdf"."""
    pack = build_pack(store, meeting_id)
    if not pack.sections and not any(group.questions for group in pack.question_groups):
        raise UserError(
            "Cette réunion n'a ni déclaration ni question : il n'y a rien à mettre dans le "
            "dossier pour le procès-verbal."
        )
    from aiconsult_desktop.export.meeting_pack import write_meeting_pack

    target = checked_target(target)
    check_output(store, target)
    chosen = template if template is not None else letterhead_or_default(store, notices)
    return write_document(target, lambda path: write_meeting_pack(pack, path, chosen))
