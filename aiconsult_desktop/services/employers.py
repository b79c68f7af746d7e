"""Employers the union follows and their bodies (CST, F3SCT, CAP…)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.domain.employer_names import check_article
from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.domain.french import agreed, plural
from aiconsult_desktop.domain.question_state import check_deadline_days
from aiconsult_desktop.domain.text import optional_line, required_line
from aiconsult_desktop.errors import NotFoundError, UserError, ValidationError
from aiconsult_desktop.services.records import BodyData, EmployerData
from aiconsult_desktop.services.rows import check_name_free, check_version, load_row, touch
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import AiTool
from aiconsult_desktop.store.models import Body, Employer, Meeting, Question, Statement


def to_record(row: Employer) -> EmployerData:
    return EmployerData(
        id=row.id,
        name=row.name,
        short_name=row.short_name,
        bodies=[BodyData(id=b.id, kind=BodyKind(b.kind), name=b.name) for b in row.bodies],
        answer_deadline_days=row.answer_deadline_days,
        version=row.version,
        article=row.article,
    )


def list_employers(store: Store) -> list[EmployerData]:
    with store.session() as session:
        rows = session.scalars(select(Employer).options(selectinload(Employer.bodies)))
        return french_sorted((to_record(row) for row in rows), lambda e: e.name)


def get_employer(store: Store, employer_id: int) -> EmployerData:
    with store.session() as session:
        return to_record(_load(session, employer_id))


def find_employer(store: Store, name: str) -> EmployerData:
    """By name or short name, ignoring case: what a user types on the command line."""
    wanted = name.strip().casefold()
    employers = list_employers(store)
    for employer in employers:
        if wanted in (employer.name.casefold(), employer.short_name.casefold()):
            return employer
    known = ", ".join(f"« {e.name} »" for e in employers) or "aucun pour l'instant"
    raise NotFoundError(f"Employeur « {name} » inconnu. Employeurs connus : {known}.")


def _load(session: Session, employer_id: int) -> Employer:
    row = load_row(session, Employer, employer_id, options=[selectinload(Employer.bodies)])
    return row


def clean_employer(data: EmployerData) -> EmployerData:
    """The employer form's rules, without the store (`save_employer` and `load`)."""
    bodies = [
        BodyData(
            id=b.id, kind=BodyKind(b.kind), name=required_line(b.name, "Nom de l'instance", 200)
        )
        for b in data.bodies
    ]
    names = [b.name.casefold() for b in bodies]
    duplicates = sorted({b.name for b in bodies if names.count(b.name.casefold()) > 1})
    if duplicates:
        raise ValidationError(
            f"L'instance « {duplicates[0]} » figure deux fois pour cet employeur.", field="bodies"
        )
    return replace(
        data,
        name=required_line(data.name, "Nom de l'employeur"),
        short_name=optional_line(data.short_name, "Sigle", 100),
        bodies=bodies,
        answer_deadline_days=check_deadline_days(data.answer_deadline_days),
        article=check_article(data.article),
    )


def check_employer_name_free(session: Session, name: str, employer_id: int | None) -> None:
    """Two employers never share a name, whatever its case."""
    check_name_free(
        session, Employer.name, name, employer_id, f"L'employeur « {name} » existe déjà."
    )


def save_employer(store: Store, data: EmployerData) -> EmployerData:
    """Create or update an employer with its list of bodies.

    A body removed from the list is deleted only when no meeting refers to it.
    """
    cleaned = clean_employer(data)
    name, short_name, bodies = cleaned.name, cleaned.short_name, cleaned.bodies
    with store.session() as session:
        check_employer_name_free(session, name, data.id)
        if data.id is None:
            row = Employer(name=name, short_name=short_name)
            session.add(row)
        else:
            row = _load(session, data.id)
            check_version(row, data.version)
            touch(row)  # its bodies are part of it: a bodies-only edit counts
            row.name, row.short_name = name, short_name
        row.answer_deadline_days = cleaned.answer_deadline_days
        row.article = cleaned.article
        kept = {b.id for b in bodies if b.id is not None}
        for existing in list(row.bodies):
            if existing.id not in kept:
                used = session.scalar(
                    select(func.count()).select_from(Meeting).where(Meeting.body_id == existing.id)
                )
                if used:
                    raise UserError(
                        f"L'instance « {existing.name} » ne peut pas être retirée : "
                        f"{plural(used, 'réunion')} y "
                        f"{agreed(used, 'est rattachée', 'sont rattachées')}. "
                        f"Supprimez-{agreed(used, 'la', 'les')} ou déplacez-"
                        f"{agreed(used, 'la', 'les')} d'abord."
                    )
                row.bodies.remove(existing)
                session.delete(existing)
        by_id = {b.id: b for b in row.bodies}
        for body in bodies:
            if body.id is not None and body.id in by_id:
                by_id[body.id].kind, by_id[body.id].name = body.kind.value, body.name
            else:
                row.bodies.append(Body(kind=body.kind.value, name=body.name))
        session.flush()
        session.refresh(row)
        return to_record(row)


@dataclass(frozen=True)
class Dependents:
    meetings: int
    questions: int
    statements: int
    ai_tools: int = 0

    @property
    def total(self) -> int:
        return self.meetings + self.questions + self.statements + self.ai_tools

    def describe(self) -> str:
        parts = []
        if self.meetings:
            parts.append(plural(self.meetings, "réunion"))
        if self.questions:
            parts.append(plural(self.questions, "question"))
        if self.statements:
            parts.append(plural(self.statements, "déclaration"))
        if self.ai_tools:
            tools = plural(self.ai_tools, "outil d'IA", "outils d'IA")
            parts.append(f"{tools} (avec leur historique et leur suivi)")
        return ", ".join(parts)


def employer_dependents(store: Store, employer_id: int) -> Dependents:
    with store.session() as session:
        meeting_ids = select(Meeting.id).where(Meeting.employer_id == employer_id)
        return Dependents(
            meetings=session.scalar(
                select(func.count()).select_from(Meeting).where(Meeting.employer_id == employer_id)
            )
            or 0,
            questions=session.scalar(
                select(func.count())
                .select_from(Question)
                .where(Question.employer_id == employer_id)
            )
            or 0,
            statements=session.scalar(
                select(func.count())
                .select_from(Statement)
                .where(Statement.meeting_id.in_(meeting_ids))
            )
            or 0,
            ai_tools=session.scalar(
                select(func.count()).select_from(AiTool).where(AiTool.employer_id == employer_id)
            )
            or 0,
        )


def delete_employer(store: Store, employer_id: int, *, cascade: bool = False) -> None:
    """Delete an employer. With anything attached, refuse unless `cascade` was confirmed."""
    dependents = employer_dependents(store, employer_id)
    with store.session() as session:
        row = _load(session, employer_id)
        if dependents.total and not cascade:
            raise UserError(
                f"L'employeur « {row.name} » a encore {dependents.describe()}. "
                "Supprimez-les d'abord, ou confirmez la suppression de l'ensemble."
            )
        for tool in session.scalars(select(AiTool).where(AiTool.employer_id == employer_id)):
            session.delete(tool)
        meeting_ids = list(
            session.scalars(select(Meeting.id).where(Meeting.employer_id == employer_id))
        )
        for statement in session.scalars(
            select(Statement).where(Statement.meeting_id.in_(meeting_ids))
        ):
            session.delete(statement)
        for question in session.scalars(
            select(Question).where(Question.employer_id == employer_id)
        ):
            session.delete(question)
        session.flush()
        for meeting in session.scalars(select(Meeting).where(Meeting.employer_id == employer_id)):
            session.delete(meeting)
        session.flush()
        for body in list(row.bodies):
            session.delete(body)
        session.flush()
        session.delete(row)
