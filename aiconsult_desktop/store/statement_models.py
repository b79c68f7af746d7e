"""The statement editor's tables: versions kept, templates, the legal grounds library.

Kept apart from `models.py` to keep each module small; the tables share `base.Base`'s
metadata.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from aiconsult_desktop.store.base import Base, Timestamped, utc_now


class StatementVersion(Base):
    """A statement as it was at an explicit save or a change of state."""

    __tablename__ = "statement_version"
    __table_args__ = (UniqueConstraint("statement_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="draft")
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    reason: Mapped[str] = mapped_column(String(200), default="")


class StatementTemplate(Timestamped, Base):
    """A starting text: the five shipped ones, then those users save."""

    __tablename__ = "statement_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="intervention")
    text: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class LegalGround(Timestamped, Base):
    """A text users cite, inserted as a footnote with its full reference.

    Dates are data (`applies_on`), not code: the AI Act's calendar may still move.
    """

    __tablename__ = "legal_ground"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(300), unique=True)
    reference: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    applies_on: Mapped[date | None] = mapped_column(Date)
