"""Plain records exchanged between the services and their callers (GUI, CLI, dump).

The same record serves to read and to write: `id=None` means "new". Fields after the
editable ones are filled on read for display and ignored on write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from aiconsult_desktop.domain.employer_names import EmployerName, employer_name
from aiconsult_desktop.domain.enums import (
    AgendaItemKind,
    BodyKind,
    DatePrecision,
    MeetingKind,
    QuestionState,
    StatementKind,
    StatementState,
)
from aiconsult_desktop.domain.followup import AttendeeRole, Opinion
from aiconsult_desktop.domain.question_state import (
    DEFAULT_ANSWER_DEADLINE_DAYS,
    Channel,
    EventKind,
)


@dataclass
class OrganisationData:
    name: str = ""
    short_name: str = ""
    signature: str = ""
    place: str = ""
    logo_path: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.name.strip())


@dataclass
class BodyData:
    kind: BodyKind
    name: str
    id: int | None = None


@dataclass
class EmployerData:
    name: str
    short_name: str = ""
    bodies: list[BodyData] = field(default_factory=list)
    id: int | None = None
    answer_deadline_days: int = DEFAULT_ANSWER_DEADLINE_DAYS
    version: int = 0
    """The edit counter read (0: not read first, no who-saved-last check)."""
    article: str | None = None
    """How sentences name it (« la », « le »…); None: the default its name calls for."""

    @property
    def in_sentence(self) -> EmployerName:
        """« la Région… », « à la Région… », « du Centre… »: `domain.employer_names`."""
        return employer_name(self.name, self.article)

    def body(self, body_id: int | None) -> BodyData | None:
        return next((b for b in self.bodies if b.id == body_id), None)


@dataclass
class DossierData:
    title: str
    description: str = ""
    id: int | None = None


@dataclass
class VotesData:
    """Votes on a "pour avis" item, by college; None: not recorded."""

    staff_for: int | None = None
    staff_against: int | None = None
    staff_abstaining: int | None = None
    employer_for: int | None = None
    employer_against: int | None = None
    employer_abstaining: int | None = None


@dataclass
class AgendaItemData:
    title: str
    kind: AgendaItemKind = AgendaItemKind.INFORMATION
    position: int = 0
    id: int | None = None
    # Outcome of a "pour avis" item (issue 5).
    opinion: Opinion | None = None
    votes: VotesData = field(default_factory=VotesData)


@dataclass
class MeetingDocumentData:
    """A document received for a meeting: a file path or a link (http…)."""

    location: str
    title: str = ""
    id: int | None = None


@dataclass
class AttendeeData:
    name: str
    role: AttendeeRole = AttendeeRole.TITULAR
    id: int | None = None


@dataclass
class MeetingData:
    employer_id: int
    kind: MeetingKind
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    body_id: int | None = None
    dossier_id: int | None = None
    date_precision: DatePrecision = DatePrecision.DAY
    place: str = ""
    notes: str = ""
    agenda: list[AgendaItemData] = field(default_factory=list)
    # Follow-up (issue 5).
    convocation_received_on: date | None = None
    documents_received_on: date | None = None
    minutes_received_on: date | None = None
    minutes_approved_on: date | None = None
    urgent: bool = False
    """Convened as urgent: the convocation follows the body's urgent delay."""
    documents: list[MeetingDocumentData] = field(default_factory=list)
    attendees: list[AttendeeData] = field(default_factory=list)
    ics_uid: str = ""
    """Stable iCalendar UID; empty on a new meeting (the store makes one)."""
    id: int | None = None
    version: int = 0
    """The edit counter read (0: not read first, no who-saved-last check)."""
    # Filled on read.
    updated_at: datetime | None = None
    """Last saved (UTC): iCalendar LAST-MODIFIED and SEQUENCE."""
    employer_name: str = ""
    employer_article: str | None = None
    """The employer's stored article (`EmployerData.article`), for `employer_in_sentence`."""
    body_name: str = ""
    statement_count: int = 0
    body_kind: BodyKind | None = None

    @property
    def month_only(self) -> bool:
        return self.date_precision is DatePrecision.MONTH

    @property
    def employer_in_sentence(self) -> EmployerName:
        return employer_name(self.employer_name, self.employer_article)


@dataclass
class QuestionData:
    employer_id: int
    text: str
    asked_on: date
    state: QuestionState = QuestionState.PENDING
    dossier_id: int | None = None
    meeting_id: int | None = None
    answer: str = ""
    id: int | None = None
    version: int = 0
    # Filled on read.
    employer_name: str = ""
    dossier_title: str = ""
    meeting_title: str = ""
    # Filled on read from the question's events (issue 3, domain.question_state).
    relances: int = 0
    last_asked_on: date | None = None
    answered_on: date | None = None
    promised_for: date | None = None
    overdue: bool = False
    age: str = ""


@dataclass
class QuestionEventData:
    """One dated step of a question's life (kind: domain.question_state.EventKind)."""

    question_id: int
    kind: EventKind
    on: date
    meeting_id: int | None = None
    channel: Channel = Channel.OTHER
    text: str = ""
    promised_for: date | None = None
    id: int | None = None
    # Filled on read.
    meeting_title: str = ""


@dataclass
class StatementData:
    meeting_id: int
    kind: StatementKind
    title: str
    text: str = ""
    state: StatementState = StatementState.DRAFT
    agenda_item_id: int | None = None
    dossier_id: int | None = None
    excerpt: bool = False
    read_on: date | None = None
    """When it was read at the meeting (state "Lue en séance")."""
    id: int | None = None
    version: int = 0
    # Filled on read.
    meeting_title: str = ""
    meeting_starts_at: datetime | None = None
    employer_name: str = ""
    agenda_item_title: str = ""
