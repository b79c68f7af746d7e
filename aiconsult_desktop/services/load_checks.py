"""`load` through the forms' rules: every row a file brings is checked by the services'
own validators (one set of rules), what the forms derive is derived (a question's state
from its events, a statement's reading date, text cleaned as typed text is), and the
rest refuses the whole file, naming the record and the field.

So every record a load accepts can be opened and saved again unchanged. Rows were
inserted as written (ids, versions, dates of change kept); a derived value is written
with a plain UPDATE that keeps them too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from aiconsult_desktop.domain.deadlines import Rule, check_setting
from aiconsult_desktop.domain.enums import StatementKind, StatementState
from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services import (
    dossiers,
    employers,
    facts,
    legal_grounds,
    meetings,
    organisation,
    question_events,
    questions,
    statement_settings,
    statement_templates,
    statements,
)
from aiconsult_desktop.services.records import (
    DossierData,
    OrganisationData,
    QuestionData,
    QuestionEventData,
    StatementData,
)
from aiconsult_desktop.services.statement_records import LegalGroundData
from aiconsult_desktop.store.base import Base
from aiconsult_desktop.store.models import (
    AgendaItem,
    Body,
    Dossier,
    Employer,
    Meeting,
    Organisation,
    Question,
    QuestionEvent,
    Statement,
)
from aiconsult_desktop.store.statement_models import (
    LegalGround,
    StatementTemplate,
    StatementVersion,
)

# Fields the services name by the widget: the JSON field they stand for.
_FIELDS = {
    "employer": "employer_id",
    "body": "body_id",
    "meeting": "meeting_id",
    "dossier": "dossier_id",
    "agenda_item": "agenda_item_id",
    "Texte": "text",
}


class RecordRefused(Exception):
    """A loaded record the forms would refuse: which one, which field, and why."""

    def __init__(self, record: str, field: str | None, message: str) -> None:
        super().__init__(message)
        self.record, self.field, self.message = record, field, message

    def sentence(self, source: str) -> str:
        """As the other refusals of a load: « Le fichier « x.json », réunion n° 4 « … »
        (champ « ends_at ») : la réunion se termine avant de commencer… Rien n'a été
        chargé. »"""
        where = f" (champ « {self.field} »)" if self.field else ""
        record = self.record[:1].lower() + self.record[1:]
        reason = self.message[:1].lower() + self.message[1:]
        return f"{source}, {record}{where} : {reason} Rien n'a été chargé."


@contextmanager
def _about(record: str, *models: type[Base]) -> Iterator[None]:
    try:
        yield
    except ValidationError as error:
        field = _FIELDS.get(error.field or "", error.field)
        columns = {c.key for model in models for c in model.__table__.columns}
        raise RecordRefused(record, field if field in columns else None, error.message) from error


def _named(kind: str, row_id: int, title: str = "") -> str:
    shown = f" « {title[:60]}{'…' if len(title) > 60 else ''} »" if title.strip() else ""
    return f"{kind} n° {row_id}{shown}"


def _write(session: Session, row: Base, values: dict[str, Any]) -> None:
    """Store what the rules derived, keeping the row's date of change and edit counter."""
    changed = {name: value for name, value in values.items() if getattr(row, name) != value}
    if not changed:
        return
    table = cast(Table, row.__table__)
    kept = {"updated_at": row.updated_at} if "updated_at" in table.c else {}  # type: ignore[attr-defined]
    session.execute(update(table).where(table.c.id == row.id).values(**changed, **kept))  # type: ignore[attr-defined]
    for name, value in changed.items():
        set_committed_value(row, name, value)


def check_loaded(session: Session) -> None:
    """Raise RecordRefused for the first record the forms would refuse."""
    session.flush()
    # The rows the checks look up by id for each question or statement, held here: the
    # session's identity map keeps only weak references, and a lookup that misses it is
    # one query per record (minutes on 100,000 questions).
    models: tuple[type[Base], ...] = (Employer, Body, Dossier, Meeting, AgendaItem)
    parents = [list(session.scalars(select(model))) for model in models]
    for check in (
        _organisation,
        _employers,
        _dossiers,
        _meetings,
        _questions,
        _statements,
        _library,
    ):
        check(session)
    del parents


def _organisation(session: Session) -> None:
    for row in session.scalars(select(Organisation)):
        with _about("L'organisation", Organisation):
            data = OrganisationData(
                name=row.name,
                short_name=row.short_name,
                signature=row.signature,
                place=row.place,
                logo_path=row.logo_path,
            )
            if any(vars(data).values()):  # a row made by the letterhead setting alone
                _write(session, row, vars(organisation.clean_organisation(data)))
            statement_settings.check_words_per_minute(row.words_per_minute)
            _write(
                session,
                row,
                {"letterhead_path": statement_settings.clean_letterhead(row.letterhead_path)},
            )


def _employers(session: Session) -> None:
    rows = session.scalars(select(Employer).options(selectinload(Employer.bodies)))
    for row in rows:
        with _about(_named("Employeur", row.id, row.name), Employer):
            cleaned = employers.clean_employer(employers.to_record(row))
            employers.check_employer_name_free(session, cleaned.name, row.id)
            _write(
                session,
                row,
                {
                    "name": cleaned.name,
                    "short_name": cleaned.short_name,
                    "article": cleaned.article,
                },
            )
        for body, data in zip(row.bodies, cleaned.bodies, strict=True):
            with _about(_named("Instance", body.id, body.name), Body):
                for rule in Rule:
                    if rule is not Rule.WORKING_DAYS:
                        check_setting(rule, getattr(body, rule.value))
                _write(session, body, {"name": data.name})


def _dossiers(session: Session) -> None:
    for row in session.scalars(select(Dossier)):
        with _about(_named("Dossier", row.id, row.title), Dossier):
            cleaned = dossiers.clean_dossier(
                DossierData(title=row.title, description=row.description)
            )
            dossiers.check_dossier_title_free(session, cleaned.title, row.id)
            analysis = facts.clean_analysis(row.analysis)
            _write(
                session,
                row,
                {"title": cleaned.title, "description": cleaned.description, "analysis": analysis},
            )


def _meetings(session: Session) -> None:
    for data in meetings.all_meetings(session):
        assert data.id is not None
        row = session.get(Meeting, data.id)
        assert row is not None
        with _about(_named("Réunion", data.id, data.title), Meeting):
            cleaned = meetings.clean_meeting(data)
            meetings.check_meeting_links(session, data)
        _write(
            session, row, {"title": cleaned.title, "place": cleaned.place, "notes": cleaned.notes}
        )
        by_id: dict[int | None, AgendaItem] = {item.id: item for item in row.agenda}
        for item in cleaned.agenda:
            _write(session, by_id[item.id], {"position": item.position, "title": item.title})
        for number, (document, clean) in enumerate(
            zip(row.documents, cleaned.documents, strict=True), 1
        ):
            _write(
                session,
                document,
                {"position": number, "title": clean.title, "location": clean.location},
            )
        for number, (attendee, person) in enumerate(
            zip(row.attendees, cleaned.attendees, strict=True), 1
        ):
            _write(session, attendee, {"position": number, "name": person.name})


def _questions(session: Session) -> None:
    events: dict[int, list[QuestionEvent]] = defaultdict(list)
    for event in session.scalars(select(QuestionEvent).order_by(QuestionEvent.id)):
        events[event.question_id].append(event)
    for row in session.scalars(select(Question).order_by(Question.id)):
        history = events[row.id]
        for event in history:
            with _about(f"Événement n° {event.id} de la question n° {row.id}", QuestionEvent):
                data = QuestionEventData(
                    question_id=row.id,
                    kind=EventKind(event.kind),
                    on=event.on,
                    meeting_id=event.meeting_id,
                    channel=Channel(event.channel),
                    text=event.text,
                    promised_for=event.promised_for,
                )
                question_events.check_event_meeting(session, row, event.meeting_id)
                _write(session, event, question_events.event_columns(data))
        with _about(_named("Question", row.id), Question, QuestionEvent):
            text = questions.clean_question_text(row.text)
            _write(session, row, {"text": text, **question_events.derived_columns(history)})
            questions.check_question_links(
                session,
                QuestionData(
                    employer_id=row.employer_id,
                    text=row.text,
                    asked_on=row.asked_on,
                    meeting_id=row.meeting_id,
                    dossier_id=row.dossier_id,
                ),
            )
        asked = next(e for e in history if e.kind == EventKind.ASKED.value)
        _write(session, asked, {"channel": question_events.asked_channel(row, asked)})


def _statements(session: Session) -> None:
    for row in session.scalars(select(Statement).order_by(Statement.id)):
        with _about(_named("Déclaration", row.id, row.title), Statement):
            title, text = statements.clean_statement_text(row.title, row.text)
            data = StatementData(
                meeting_id=row.meeting_id,
                kind=StatementKind(row.kind),
                title=title,
                agenda_item_id=row.agenda_item_id,
                dossier_id=row.dossier_id,
                read_on=row.read_on,
            )
            statements.check_statement_links(session, data)
            read_on = statements.read_on(session, data, StatementState(row.state), row.read_on)
            _write(session, row, {"title": title, "text": text, "read_on": read_on})
    for version in session.scalars(select(StatementVersion).order_by(StatementVersion.id)):
        record = f"Version n° {version.number} de la déclaration n° {version.statement_id}"
        with _about(record, StatementVersion):
            title, text = statements.clean_statement_text(version.title, version.text)
            _write(session, version, {"title": title, "text": text})


def _library(session: Session) -> None:
    for template in session.scalars(select(StatementTemplate).order_by(StatementTemplate.id)):
        with _about(_named("Modèle", template.id, template.name), StatementTemplate):
            name, text = statement_templates.clean_template(template.name, template.text)
            _write(session, template, {"name": name, "text": text})
    for ground in session.scalars(select(LegalGround).order_by(LegalGround.id)):
        with _about(_named("Fondement juridique", ground.id, ground.label), LegalGround):
            cleaned = legal_grounds.clean_legal_ground(
                LegalGroundData(
                    label=ground.label, reference=ground.reference, summary=ground.summary
                )
            )
            _write(
                session,
                ground,
                {
                    "label": cleaned.label,
                    "reference": cleaned.reference,
                    "summary": cleaned.summary,
                },
            )
