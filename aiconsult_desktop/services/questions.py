"""Questions put to employers, pending until answered."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.text import long_text
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.services.rows import check_version, load_row, not_found
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Dossier, Employer, Meeting, Question

MAX_QUESTION_LENGTH = 100_000


def _select() -> Select[tuple[Question, str, str | None, str | None]]:
    return (
        select(Question, Employer.name, Dossier.title, Meeting.title)
        .join(Employer, Question.employer_id == Employer.id)
        .outerjoin(Dossier, Question.dossier_id == Dossier.id)
        .outerjoin(Meeting, Question.meeting_id == Meeting.id)
    )


def _to_record(
    row: Question, employer: str, dossier: str | None, meeting: str | None
) -> QuestionData:
    return QuestionData(
        id=row.id,
        employer_id=row.employer_id,
        dossier_id=row.dossier_id,
        meeting_id=row.meeting_id,
        text=row.text,
        asked_on=row.asked_on,
        state=QuestionState(row.state),
        answer=row.answer,
        version=row.version,
        employer_name=employer,
        dossier_title=dossier or "",
        meeting_title=meeting or "",
    )


def list_questions(
    store: Store,
    *,
    employer_id: int | None = None,
    states: set[QuestionState] | None = None,
    text: str = "",
) -> list[QuestionData]:
    """Oldest first: the longest-unanswered question is the one to raise."""
    query = _select().order_by(Question.asked_on, Question.id)
    if employer_id is not None:
        query = query.where(Question.employer_id == employer_id)
    if states:
        query = query.where(Question.state.in_([s.value for s in states]))
    for word in text.split():
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        query = query.where(or_(Question.text.ilike(pattern), Question.answer.ilike(pattern)))
    with store.session() as session:
        return [_to_record(*row) for row in session.execute(query)]


def get_question(store: Store, question_id: int) -> QuestionData:
    with store.session() as session:
        found = session.execute(_select().where(Question.id == question_id)).first()
        if found is None:
            raise not_found(Question, question_id)
        return _to_record(*found)


def _check_links(session: Session, data: QuestionData) -> None:
    if session.get(Employer, data.employer_id) is None:
        raise ValidationError(
            "Choisissez l'employeur à qui la question est posée.", field="employer"
        )
    if data.meeting_id is not None:
        meeting = session.get(Meeting, data.meeting_id)
        if meeting is None:
            raise ValidationError("La réunion choisie n'existe plus.", field="meeting")
        if meeting.employer_id != data.employer_id:
            raise ValidationError(
                "La réunion choisie n'est pas une réunion de cet employeur.", field="meeting"
            )
    if data.dossier_id is not None and session.get(Dossier, data.dossier_id) is None:
        raise ValidationError("Le dossier choisi n'existe plus.", field="dossier")


def save_question(store: Store, data: QuestionData) -> QuestionData:
    text = long_text(data.text, "Texte de la question", required=True)
    if len(text) > MAX_QUESTION_LENGTH:
        raise ValidationError(
            f"La question est trop longue ({len(text)} caractères, "
            f"{MAX_QUESTION_LENGTH} au plus). Scindez-la en plusieurs questions.",
            field="text",
        )
    answer = long_text(data.answer, "Réponse", required=False)
    with store.session() as session:
        _check_links(session, data)
        if data.id is None:
            row = Question()
            session.add(row)
        else:
            row = load_row(session, Question, data.id)
            check_version(row, data.version)
        row.employer_id, row.dossier_id, row.meeting_id = (
            data.employer_id,
            data.dossier_id,
            data.meeting_id,
        )
        row.text, row.answer = text, answer
        row.asked_on, row.state = data.asked_on, QuestionState(data.state).value
        session.flush()
        question_id = row.id
    return get_question(store, question_id)


def delete_question(store: Store, question_id: int) -> None:
    with store.session() as session:
        row = load_row(session, Question, question_id)
        session.delete(row)


def count_open_questions(store: Store) -> dict[int, tuple[int, date]]:
    """Per employer id: how many questions are still owed an answer, and the oldest date."""
    with store.session() as session:
        rows = session.execute(
            select(Question.employer_id, func.count(), func.min(Question.asked_on))
            .where(Question.state.in_([s.value for s in QuestionState if s.is_open]))
            .group_by(Question.employer_id)
        )
        return {employer_id: (count, oldest) for employer_id, count, oldest in rows}
