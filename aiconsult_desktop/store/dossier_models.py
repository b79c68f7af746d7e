"""A dossier's facts (issue 11). Same metadata as `models.py` (`base.Base`).

A fact may be linked to an AI tool of the register, and may be where a step of the
tool's life was learned (`tool_event_id`): « Déployé le 12 juin 2025 » then points to the
DGS's communication. The dossier's closing analysis is a column of `dossier`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from aiconsult_desktop.store.base import Base, Timestamped


class Fact(Timestamped, Base):
    """An employer's communication, a job posting, a letter…: dated, sourced, quoted."""

    __tablename__ = "fact"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    on: Mapped[date] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(10), default="day")
    kind: Mapped[str] = mapped_column(String(20), default="other")
    title: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(2000), default="")
    extract: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    tool_id: Mapped[int | None] = mapped_column(
        ForeignKey("ai_tool.id", ondelete="SET NULL"), index=True
    )
    tool_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("ai_tool_event.id", ondelete="SET NULL")
    )
