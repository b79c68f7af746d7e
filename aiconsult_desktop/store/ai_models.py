"""The AI tools register's tables (issue 10): tools, their life, their checklist, and the
rules each employer edited.

Same metadata as `models.py` (`base.Base`), like `statement_models`. Enum
columns hold the stable English values of `domain.ai_tools` / `domain.ai_rules`. The
CST's opinion is never stored here: it is read from the votes of the agenda items
linked to the tool (`ai_tool_agenda_item`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aiconsult_desktop.store.base import Base, Timestamped


class AiTool(Timestamped, Base):
    """An AI tool of one employer, followed like a small case file."""

    __tablename__ = "ai_tool"
    __table_args__ = (UniqueConstraint("employer_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="RESTRICT"), index=True
    )
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))
    vendor: Mapped[str] = mapped_column(String(300), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    services: Mapped[str] = mapped_column(Text, default="")
    agents_count: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    # Facts the rules' conditions read; NULL: not known (never dismisses a rule).
    personal_data: Mapped[bool | None] = mapped_column(Boolean)
    changes_organisation: Mapped[bool | None] = mapped_column(Boolean)
    affects_working_conditions: Mapped[bool | None] = mapped_column(Boolean)
    decisions_about_people: Mapped[bool | None] = mapped_column(Boolean)
    ai_class: Mapped[str] = mapped_column(String(20), default="undetermined")
    ai_class_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    events: Mapped[list[AiToolEvent]] = relationship(
        order_by="AiToolEvent.on",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    items: Mapped[list[AiToolItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    agenda_links: Mapped[list[AiToolAgendaItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class AiToolEvent(Timestamped, Base):
    """One step of a tool's life, with where the union learned it."""

    __tablename__ = "ai_tool_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("ai_tool.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10), default="day")
    learned_from: Mapped[str] = mapped_column(String(20), default="other")
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(1000), default="")


class AiToolItem(Timestamped, Base):
    """The state the union recorded for one checklist rule of one tool, with its evidence."""

    __tablename__ = "ai_tool_item"
    __table_args__ = (UniqueConstraint("tool_id", "rule_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("ai_tool.id", ondelete="CASCADE"), index=True)
    rule_key: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(20))
    on: Mapped[date | None] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL"), index=True
    )
    document: Mapped[str] = mapped_column(String(2000), default="")
    """A document received, by title, path or link."""
    note: Mapped[str] = mapped_column(Text, default="")


class AiToolAgendaItem(Base):
    """An agenda item about the tool: a vote on a « pour avis » item is the body's opinion."""

    __tablename__ = "ai_tool_agenda_item"
    __table_args__ = (UniqueConstraint("tool_id", "agenda_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("ai_tool.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )


class AiRule(Timestamped, Base):
    """One employer's version of a checklist rule (same key as a default), or its own."""

    __tablename__ = "ai_rule"
    __table_args__ = (UniqueConstraint("employer_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(500))
    condition: Mapped[str] = mapped_column(String(30))
    due: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(Text)
    confidence: Mapped[str] = mapped_column(String(20))
    citation: Mapped[str] = mapped_column(String(200), default="")
    ground: Mapped[str] = mapped_column(String(300), default="")
    feminine: Mapped[bool] = mapped_column(Boolean, default=True)
    opinion_of: Mapped[str | None] = mapped_column(String(20))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
