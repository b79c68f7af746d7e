"""The tables. Enum columns hold the stable English values of `domain.enums`.

The statement editor's tables are in `statement_models`, the AI tools register's in
`ai_models`; all share `base.Base`'s metadata.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aiconsult_desktop.domain.salutation import DEFAULT_SALUTATION
from aiconsult_desktop.store.base import Base, SavedBy, Timestamped


def new_ics_uid() -> str:
    """A meeting's iCalendar UID: stable for life, so a second export updates, not doubles."""
    return f"{uuid4()}@aiconsult-desktop"


class Organisation(Timestamped, Base):
    """The union section using the app: one row."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), default="")
    short_name: Mapped[str] = mapped_column(String(100), default="")
    signature: Mapped[str] = mapped_column(String(500), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    logo_path: Mapped[str] = mapped_column(String(1000), default="")
    letterhead_path: Mapped[str] = mapped_column(String(1000), default="")
    words_per_minute: Mapped[int] = mapped_column(Integer, default=130)
    # The salutation a new déclaration liminaire starts with (migration 0012).
    salutation: Mapped[str] = mapped_column(
        String(200), default=DEFAULT_SALUTATION, server_default=DEFAULT_SALUTATION
    )


class Employer(SavedBy, Timestamped, Base):
    __tablename__ = "employer"
    __mapper_args__ = {"version_id_col": SavedBy.version}  # noqa: RUF012

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    # Days the employer has to answer a question before it shows as overdue (issue 3).
    answer_deadline_days: Mapped[int] = mapped_column(Integer, default=61, server_default="61")
    # How sentences name it (issue 12): « la », « le », « l' », « les » or « aucun »; None
    # means the default its name calls for (domain.employer_names).
    article: Mapped[str | None] = mapped_column(String(10), nullable=True, default=None)
    bodies: Mapped[list[Body]] = relationship(
        back_populates="employer", order_by="Body.name", passive_deletes=True
    )


class Body(Timestamped, Base):
    """A social-dialogue body of one employer (CST, F3SCT, CAP…)."""

    __tablename__ = "body"
    __table_args__ = (UniqueConstraint("employer_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    # Deadline rules of this body (issue 5); None means "the default of its kind", which
    # `domain.deadlines` holds with its source.
    convocation_days: Mapped[int | None] = mapped_column(Integer)
    convocation_urgent_days: Mapped[int | None] = mapped_column(Integer)
    documents_days: Mapped[int | None] = mapped_column(Integer)
    questions_days: Mapped[int | None] = mapped_column(Integer)
    minutes_days: Mapped[int | None] = mapped_column(Integer)
    working_days: Mapped[bool | None] = mapped_column(Boolean)
    minimum_sessions: Mapped[int | None] = mapped_column(Integer)
    employer: Mapped[Employer] = relationship(back_populates="bodies")


class Dossier(Timestamped, Base):
    """A subject followed across meetings ("Déploiement de l'IA")."""

    __tablename__ = "dossier"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # The closing analysis and demand (issue 11): Markdown with footnotes, as statements.
    analysis: Mapped[str] = mapped_column(Text, default="", server_default="")


class Meeting(SavedBy, Timestamped, Base):
    __tablename__ = "meeting"
    __mapper_args__ = {"version_id_col": SavedBy.version}  # noqa: RUF012

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="RESTRICT"), index=True
    )
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="RESTRICT"))
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)
    date_precision: Mapped[str] = mapped_column(String(10), default="day")
    place: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Follow-up (issue 5): what the employer sent, and when.
    convocation_received_on: Mapped[date | None] = mapped_column(Date)
    documents_received_on: Mapped[date | None] = mapped_column(Date)
    minutes_received_on: Mapped[date | None] = mapped_column(Date)
    minutes_approved_on: Mapped[date | None] = mapped_column(Date)
    # Convened as urgent: the convocation follows the body's shorter urgent delay. The
    # server default is the string "0", as in migration 0006 (false on both back ends).
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    ics_uid: Mapped[str] = mapped_column(String(255), unique=True, default=new_ics_uid)
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        order_by="AgendaItem.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    documents: Mapped[list[MeetingDocument]] = relationship(
        order_by="MeetingDocument.position", cascade="all, delete-orphan", passive_deletes=True
    )
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        order_by="MeetingAttendee.position", cascade="all, delete-orphan", passive_deletes=True
    )


class MeetingDocument(Timestamped, Base):
    """A document the employer sent for a meeting: a file path or a link."""

    __tablename__ = "meeting_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500), default="")
    location: Mapped[str] = mapped_column(String(2000))


class MeetingAttendee(Timestamped, Base):
    """One of our representatives at a meeting, titular or substitute."""

    __tablename__ = "meeting_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="titular")


class AgendaItem(Timestamped, Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(1000))
    kind: Mapped[str] = mapped_column(String(20), default="information")
    # Outcome of a "pour avis" item (issue 5): the opinion and the votes of each college.
    opinion: Mapped[str | None] = mapped_column(String(20))
    staff_for: Mapped[int | None] = mapped_column(Integer)
    staff_against: Mapped[int | None] = mapped_column(Integer)
    staff_abstaining: Mapped[int | None] = mapped_column(Integer)
    employer_for: Mapped[int | None] = mapped_column(Integer)
    employer_against: Mapped[int | None] = mapped_column(Integer)
    employer_abstaining: Mapped[int | None] = mapped_column(Integer)
    meeting: Mapped[Meeting] = relationship(back_populates="agenda")


class Question(Timestamped, Base):
    __tablename__ = "question"
    # Oldest-first pages of one state, overall or per employer (issue 3: 100,000 rows).
    __table_args__ = (
        Index("ix_question_state_asked_on", "state", "asked_on"),
        Index("ix_question_employer_state_asked_on", "employer_id", "state", "asked_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="RESTRICT"), index=True
    )
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    asked_on: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class QuestionEvent(Timestamped, Base):
    """One dated step of a question's life; the question's state is derived from these."""

    __tablename__ = "question_event"
    # The dashboard's chart: each question's first closing day from the index alone.
    __table_args__ = (Index("ix_question_event_question_kind_on", "question_id", "kind", "on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date, index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[str] = mapped_column(String(20), default="other")
    text: Mapped[str] = mapped_column(Text, default="")
    promised_for: Mapped[date | None] = mapped_column(Date)


class Statement(Timestamped, Base):
    __tablename__ = "statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="RESTRICT"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="draft")
    excerpt: Mapped[bool] = mapped_column(Boolean, default=False)
    read_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


# Statement editor (issue 4): versions, templates, legal grounds. Imported as a module
# (its tables join this metadata) and its classes served from here, whichever of the
# two modules is imported first.
