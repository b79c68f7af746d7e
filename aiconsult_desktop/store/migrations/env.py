"""Alembic environment: always run from `store.migrate`, on a connection it hands us."""

from __future__ import annotations

from alembic import context

from aiconsult_desktop.store.base import Base
from aiconsult_desktop.store.fts import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
