"""A dossier's facts and its closing analysis (issue 11): one function per user action.

Each is one unit of work and refuses in French, leaving everything as it was: a fact in
the future or on a day that does not exist, an empty title, an extract beyond
`domain.facts.MAX_EXTRACT`. A fact about an AI tool may also be where a step of the
tool's life is learned (`FactData.tool_stage`): the step is saved with the fact, in the
same transaction, through the register's own checks (`domain.ai_tools.check_events`),
and points back to the fact, so the chronology shows it once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.ai_tools import LifeEvent, LifeStage, check_events
from aiconsult_desktop.domain.enums import DatePrecision
from aiconsult_desktop.domain.facts import (
    FactDate,
    FactKind,
    check_extract,
    check_fact_date,
)
from aiconsult_desktop.domain.text import long_text, optional_line, required_line
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services.ai_tools import to_life_event
from aiconsult_desktop.services.rows import load_row
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import AiTool, AiToolEvent
from aiconsult_desktop.store.dossier_models import Fact
from aiconsult_desktop.store.models import Dossier


@dataclass
class FactData:
    dossier_id: int
    on: date
    title: str
    precision: DatePrecision = DatePrecision.DAY
    kind: FactKind = FactKind.OTHER
    source: str = ""
    """Where it was published: a file, a link, « intranet de la Région »."""
    extract: str = ""
    """The employer's own words, quoted in the export between « »."""
    comment: str = ""
    """The union's comment, in its own words, after the extract."""
    tool_id: int | None = None
    tool_stage: LifeStage | None = None
    """The step of the tool's life this fact is where the union learned it."""
    id: int | None = None
    # Filled on read.
    tool_name: str = ""

    @property
    def when(self) -> FactDate:
        return FactDate(self.on, self.precision)


def clean_fact(data: FactData, today: date | None = None) -> FactData:
    """The fact form's rules, without the store (`save_fact` and `load`)."""
    when = check_fact_date(data.when, today or date.today())
    if data.tool_stage is not None and data.tool_id is None:
        raise ValidationError(
            "Choisissez l'outil d'IA dont ce fait marque une étape, ou retirez l'étape.",
            field="tool",
        )
    return replace(
        data,
        on=when.on,
        precision=DatePrecision(data.precision),
        kind=FactKind(data.kind),
        title=required_line(data.title, "Titre du fait", 500),
        source=optional_line(data.source, "Source", 2000),
        extract=check_extract(long_text(data.extract, "Extrait cité", required=False)),
        comment=long_text(data.comment, "Commentaire", required=False),
    )


def to_fact_data(row: Fact, session: Session) -> FactData:
    event = session.get(AiToolEvent, row.tool_event_id) if row.tool_event_id else None
    tool = session.get(AiTool, row.tool_id) if row.tool_id else None
    return FactData(
        id=row.id,
        dossier_id=row.dossier_id,
        on=row.on,
        precision=DatePrecision(row.date_precision),
        kind=FactKind(row.kind),
        title=row.title,
        source=row.source,
        extract=row.extract,
        comment=row.comment,
        tool_id=row.tool_id,
        tool_stage=LifeStage(event.stage) if event is not None else None,
        tool_name=tool.name if tool is not None else "",
    )


def list_facts(store: Store, dossier_id: int | None = None) -> list[FactData]:
    """Facts in date order (of one dossier, or all)."""
    with store.session() as session:
        query = select(Fact).order_by(Fact.on, Fact.id)
        if dossier_id is not None:
            load_row(session, Dossier, dossier_id)
            query = query.where(Fact.dossier_id == dossier_id)
        return [to_fact_data(row, session) for row in session.scalars(query)]


def get_fact(store: Store, fact_id: int) -> FactData:
    with store.session() as session:
        return to_fact_data(load_row(session, Fact, fact_id), session)


def save_fact(store: Store, data: FactData, today: date | None = None) -> int:
    """Create or correct a fact; its id. Moves the linked tool's life if asked."""
    today = today or date.today()
    cleaned = clean_fact(data, today)
    with store.session() as session:
        if session.get(Dossier, cleaned.dossier_id) is None:
            raise ValidationError("Le dossier choisi n'existe plus.", field="dossier")
        if cleaned.tool_id is not None and session.get(AiTool, cleaned.tool_id) is None:
            raise ValidationError("L'outil d'IA choisi n'existe plus.", field="tool")
        if cleaned.id is None:
            row = Fact()
            session.add(row)
        else:
            row = load_row(session, Fact, cleaned.id)
        row.dossier_id, row.on, row.date_precision = (
            cleaned.dossier_id,
            cleaned.on,
            cleaned.precision.value,
        )
        row.kind, row.title, row.source = cleaned.kind.value, cleaned.title, cleaned.source
        row.extract, row.comment, row.tool_id = cleaned.extract, cleaned.comment, cleaned.tool_id
        session.flush()
        _move_tool_life(session, row, cleaned, today)
        return row.id


def _move_tool_life(session: Session, row: Fact, data: FactData, today: date) -> None:
    """Keep the tool's step learned from this fact in line with it (or remove it)."""
    event = session.get(AiToolEvent, row.tool_event_id) if row.tool_event_id else None
    if data.tool_stage is None or data.tool_id is None:
        if event is not None:
            row.tool_event_id = None
            session.delete(event)
        return
    source = f"{data.kind.label} du {data.when.words()} : {data.title}"[:1000]
    step = LifeEvent(data.tool_stage, data.on, data.precision, data.kind.learned_from, source)
    others = session.scalars(select(AiToolEvent).where(AiToolEvent.tool_id == data.tool_id))
    check_events([*(to_life_event(e) for e in others if e is not event), step], today)
    if event is None or event.tool_id != data.tool_id:
        if event is not None:
            session.delete(event)
        event = AiToolEvent(tool_id=data.tool_id)
        session.add(event)
    event.stage, event.on, event.date_precision = step.stage.value, data.on, data.precision.value
    event.learned_from, event.source, event.meeting_id = step.learned_from.value, source, None
    session.flush()
    row.tool_event_id = event.id


def delete_fact(store: Store, fact_id: int) -> None:
    """Delete a fact and the tool's life step learned from it (the tool itself stays)."""
    with store.session() as session:
        row = load_row(session, Fact, fact_id)
        if row.tool_event_id is not None:
            event = session.get(AiToolEvent, row.tool_event_id)
            if event is not None:
                session.delete(event)
        session.delete(row)


ANALYSIS_FIELD = "Analyse et revendication"
"""The field a refused analysis names (the page puts the cursor there)."""


def clean_analysis(text: str) -> str:
    return long_text(text, ANALYSIS_FIELD, required=False)


def get_analysis(store: Store, dossier_id: int) -> str:
    with store.session() as session:
        return load_row(session, Dossier, dossier_id).analysis


def save_analysis(store: Store, dossier_id: int, text: str) -> None:
    """The dossier's closing analysis and demand: Markdown with footnotes, as statements."""
    cleaned = clean_analysis(text)
    with store.session() as session:
        load_row(session, Dossier, dossier_id).analysis = cleaned


def check_loaded_facts(session: Session, source: str, today: date | None = None) -> None:
    """A JSON load through the form's rules: the first fact the form would refuse refuses
    the whole file, named; a fact's cleaned text is what the form would have stored."""
    for row in session.scalars(select(Fact).order_by(Fact.id)):
        try:
            if row.date_precision == DatePrecision.MONTH.value and row.on.day != 1:
                raise ValidationError(
                    f"le fait daté du mois seul ({row.on.isoformat()}) doit l'être au 1er du mois."
                )
            cleaned = clean_fact(to_fact_data(row, session), today)
            event = session.get(AiToolEvent, row.tool_event_id) if row.tool_event_id else None
            if event is not None and event.tool_id != row.tool_id:
                raise ValidationError("l'étape d'outil qu'il renseigne est celle d'un autre outil.")
        except ValidationError as error:
            reason = error.message[:1].lower() + error.message[1:]
            raise UserError(
                f"{source}, fait n° {row.id} « {row.title[:60]} » : {reason} Rien n'a été chargé."
            ) from error
        row.title, row.source = cleaned.title, cleaned.source
        row.extract, row.comment = cleaned.extract, cleaned.comment
