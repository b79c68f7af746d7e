"""The whole store as JSON: `aiconsult dump` / `aiconsult load`, and the demo data set.

The format is documented in docs/json-format.md. It is table by table, column by column,
ids included, so that dump → load → dump gives the same file byte for byte. Loading goes
into an empty store only, in one transaction: a bad file leaves the store as it was.
Every row loaded then goes through the forms' rules (services.load_checks).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    Table,
    delete,
    exc,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.ai_rules import Condition, Confidence, Due
from aiconsult_desktop.domain.ai_status import ItemState
from aiconsult_desktop.domain.ai_tools import AiActClass, LearnedFrom, LifeStage, ToolKind
from aiconsult_desktop.domain.enums import (
    AgendaItemKind,
    BodyKind,
    DatePrecision,
    LabelledEnum,
    MeetingKind,
    QuestionState,
    StatementKind,
    StatementState,
)
from aiconsult_desktop.domain.facts import FactKind
from aiconsult_desktop.domain.followup import AttendeeRole, Opinion
from aiconsult_desktop.domain.french_errors import decode_reason, json_reason, os_reason
from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.domain.rules import check_year
from aiconsult_desktop.domain.salutation import DEFAULT_SALUTATION, with_salutation
from aiconsult_desktop.domain.text import clean_text
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.files import write_text
from aiconsult_desktop.services.ai_transfer import check_loaded_ai
from aiconsult_desktop.services.backups import check_output
from aiconsult_desktop.services.facts import check_loaded_facts
from aiconsult_desktop.services.load_checks import RecordRefused, check_loaded
from aiconsult_desktop.services.question_events import ensure_events
from aiconsult_desktop.services.rows import MAX_ID
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import (
    AiRule,
    AiTool,
    AiToolAgendaItem,
    AiToolEvent,
    AiToolItem,
)
from aiconsult_desktop.store.base import Base, utc_now
from aiconsult_desktop.store.dossier_models import Fact
from aiconsult_desktop.store.models import (
    AgendaItem,
    Body,
    Dossier,
    Employer,
    Meeting,
    MeetingAttendee,
    MeetingDocument,
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

FORMAT_NAME = "aiconsult-desktop"
FORMAT_VERSION = 5
# Version 1 (before the AI tools register) has the same sections less the `ai_*` ones;
# version 2 (before issue 11) has no `facts` and no dossier `analysis`; up to version 3
# the export added the salutation above a déclaration liminaire, which version 4 holds
# in its text (as migration 0012 does for a base); version 4 has no employer `article`
# (read as None: the default its name calls for).
READABLE_VERSIONS = (1, 2, 3, 4, 5)
SALUTATION_IN_TEXT = 4

# Parents before children: the order rows are inserted in.
TABLES: dict[str, type[Base]] = {
    "organisation": Organisation,
    "employers": Employer,
    "bodies": Body,
    "dossiers": Dossier,
    "meetings": Meeting,
    "agenda_items": AgendaItem,
    "meeting_documents": MeetingDocument,
    "meeting_attendees": MeetingAttendee,
    "questions": Question,
    "question_events": QuestionEvent,
    "statements": Statement,
    "statement_versions": StatementVersion,
    "statement_templates": StatementTemplate,
    "legal_grounds": LegalGround,
    # The AI tools register (format version 2, issue 10).
    "ai_tools": AiTool,
    "ai_tool_events": AiToolEvent,
    "ai_tool_items": AiToolItem,
    "ai_tool_agenda_items": AiToolAgendaItem,
    "ai_rules": AiRule,
    # A dossier's facts (format version 3, issue 11): after the tools and their life.
    "facts": Fact,
}

# Libraries the migrations seed: a fresh store has them, and a file that holds them
# replaces them whole (a file without them keeps the seeded ones).
SEEDED_TABLES = ("statement_templates", "legal_grounds")

ENUM_COLUMNS: dict[tuple[str, str], type[LabelledEnum]] = {
    ("bodies", "kind"): BodyKind,
    ("meetings", "kind"): MeetingKind,
    ("meetings", "date_precision"): DatePrecision,
    ("agenda_items", "kind"): AgendaItemKind,
    ("agenda_items", "opinion"): Opinion,
    ("meeting_attendees", "role"): AttendeeRole,
    ("questions", "state"): QuestionState,
    ("question_events", "kind"): EventKind,
    ("question_events", "channel"): Channel,
    ("statements", "kind"): StatementKind,
    ("statements", "state"): StatementState,
    ("statement_versions", "state"): StatementState,
    ("statement_templates", "kind"): StatementKind,
    ("ai_tools", "kind"): ToolKind,
    ("ai_tools", "ai_class"): AiActClass,
    ("ai_tool_events", "stage"): LifeStage,
    ("ai_tool_events", "date_precision"): DatePrecision,
    ("ai_tool_events", "learned_from"): LearnedFrom,
    ("ai_tool_items", "state"): ItemState,
    ("ai_rules", "condition"): Condition,
    ("ai_rules", "due"): Due,
    ("ai_rules", "confidence"): Confidence,
    ("ai_rules", "opinion_of"): BodyKind,
    ("facts", "kind"): FactKind,
    ("facts", "date_precision"): DatePrecision,
}


class FormatError(UserError):
    pass


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def dump_store(store: Store) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    with store.session() as session:
        for key, model in TABLES.items():
            columns = [c.key for c in inspect(model).columns]
            rows = session.scalars(select(model).order_by(model.id))  # type: ignore[attr-defined]
            document[key] = [{c: _encode(getattr(row, c)) for c in columns} for row in rows]
    return document


def dump_to_file(store: Store, path: Path) -> None:
    check_output(store, path)
    text = json.dumps(dump_store(store), ensure_ascii=False, indent=2) + "\n"
    write_text(path, text)


def is_empty(store: Store) -> bool:
    with store.session() as session:
        return all(
            not session.scalar(select(func.count()).select_from(model))
            for key, model in TABLES.items()
            if key != "organisation" and key not in SEEDED_TABLES
        )


def _decode(table: str, column: Any, value: Any, where: str) -> Any:
    name = column.key
    if value is None:
        if column.nullable:
            return None
        raise FormatError(f"{where} : le champ « {name} » est obligatoire.")
    kind = column.type
    try:
        if (table, name) in ENUM_COLUMNS:
            return ENUM_COLUMNS[(table, name)](value).value
        if isinstance(kind, (Date, DateTime)):
            parsed: date = (
                datetime.fromisoformat(value).replace(tzinfo=None)
                if isinstance(kind, DateTime)
                else date.fromisoformat(value)
            )
            check_year(parsed)  # the one range of years the forms allow
            return parsed
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError
            if not -MAX_ID <= value <= MAX_ID:
                raise ValueError  # beyond what either base can hold
            return value
        if not isinstance(value, str):
            raise TypeError
        return clean_text(value)
    except (TypeError, ValueError, ValidationError) as error:
        raise FormatError(
            f"{where} : la valeur {json.dumps(value, ensure_ascii=False)[:60]} "
            f"ne convient pas au champ « {name} »."
        ) from error


def read_document(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FormatError(f"Impossible de lire « {path} » ({os_reason(error)}).") from error
    not_json = f"Le fichier « {path.name} » n'est pas un fichier JSON valide"
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FormatError(f"{not_json} ({decode_reason(error)}).") from error
    except json.JSONDecodeError as error:
        raise FormatError(f"{not_json} ({json_reason(error)}).") from error
    except RecursionError as error:
        raise FormatError(
            f"{not_json} : ses listes ou objets sont imbriqués trop profondément."
        ) from error
    return cast(dict[str, Any], document)


def load_document(store: Store, document: Any, source: str = "Le fichier") -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise FormatError(f"{source} n'est pas un export d'AIConsult Desktop.")
    version = document.get("format_version")
    if version not in READABLE_VERSIONS:
        raise FormatError(
            f"{source} est au format n° {version}, que cette version de l'application ne sait "
            f"pas lire (format attendu : n° {FORMAT_VERSION})."
        )
    if not is_empty(store):
        raise UserError(
            "La base n'est pas vide : le chargement se fait seulement dans une base vide, "
            "pour ne rien écraser. Utilisez un autre dossier de données (--data-dir)."
        )
    try:
        with store.session() as session:
            _insert_all(session, document, source)
            if version < SALUTATION_IN_TEXT:
                _salutation_into_text(session)
            ensure_events(session)  # files written before question events existed
            try:
                check_loaded(session)
            except RecordRefused as refused:
                raise FormatError(refused.sentence(source)) from refused
            _advance_sequences(session)
    except exc.IntegrityError as error:
        raise FormatError(
            f"{source} contient des références incohérentes (un élément renvoie à un autre "
            "qui n'existe pas, ou un doublon). Rien n'a été chargé."
        ) from error


def _insert_all(session: Session, document: dict[str, Any], source: str) -> None:
    for key, model in TABLES.items():
        rows = document.get(key, [])
        if key in SEEDED_TABLES and key in document:
            session.execute(delete(model))
        if not isinstance(rows, list):
            raise FormatError(f"{source} : la section « {key} » doit être une liste.")
        columns = {c.key: c for c in inspect(model).columns}
        for index, row in enumerate(rows, start=1):
            where = f"{source}, section « {key} », élément {index}"
            if not isinstance(row, dict):
                raise FormatError(f"{where} : un objet JSON est attendu.")
            unknown = set(row) - set(columns)
            if unknown:
                raise FormatError(f"{where} : champ inconnu « {sorted(unknown)[0]} ».")
            values = {}
            for name, column in columns.items():
                if name in row:
                    values[column.name] = _decode(key, column, row[name], where)
                elif name in ("created_at", "updated_at"):
                    values[column.name] = utc_now()
                elif name == "version":
                    values[column.name] = 1
                elif column.default is None and not column.nullable:
                    raise FormatError(f"{where} : le champ « {name} » manque.")
            # A Core insert keeps every value as written, the edit counter (`version`)
            # included, which the ORM would reset: dump → load → dump stays exact.
            session.execute(insert(cast(Table, model.__table__)).values(**values))
    check_loaded_ai(session, source)  # the AI tools register: the forms' domain checks
    check_loaded_facts(session, source)


def _salutation_into_text(session: Session) -> None:
    """What the export used to add above each déclaration liminaire, now in its text:
    a file written before version 4 exports as it did."""
    for row in session.scalars(select(Statement).where(Statement.kind == "opening")):
        row.text = with_salutation(row.text, DEFAULT_SALUTATION)


def _advance_sequences(session: Session) -> None:
    """Rows came with their ids: PostgreSQL's id sequences must move past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for model in TABLES.values():
        table = model.__tablename__
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


def load_file(store: Store, path: Path) -> None:
    load_document(store, read_document(path), f"Le fichier « {path.name} »")
