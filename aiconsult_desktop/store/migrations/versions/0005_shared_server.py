"""Shared server: who saved each question and statement last, and French search on
PostgreSQL (issue 6).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from aiconsult_desktop.store.fts import create_pg_search, drop_pg_search

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("question", "statement"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("updated_by", sa.String(length=200), nullable=False, server_default="")
            )
    create_pg_search(op.get_bind())


def downgrade() -> None:
    drop_pg_search(op.get_bind())
    for table in ("question", "statement"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
