"""What every table shares: the one declarative base and its metadata (naming convention
for constraints, so migrations name them the same on SQLite and PostgreSQL), timestamps,
and the who-saved-last columns.

The table modules (`models`, `statement_models`, `ai_models`) import this; the package
`store` imports all of them, so the metadata is whole whichever one a caller imports.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> datetime:
    """Naive UTC, to the second: what SQLite and PostgreSQL both store and dumps repeat."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)


class SavedBy:
    """Who-saved-last check of records people edit side by side on a shared server: an
    edit counter (`version`, SQLAlchemy's version_id_col, so a save over a newer one is
    refused) and who saved last (stamped by the store, named in the refusal)."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
