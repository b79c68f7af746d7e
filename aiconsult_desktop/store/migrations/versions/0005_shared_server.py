"""Shared server: who saved each question and statement last (issue 6).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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


def downgrade() -> None:
    for table in ("question", "statement"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
