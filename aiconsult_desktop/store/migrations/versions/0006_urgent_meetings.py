"""Urgent meetings (issue 5): a meeting convened as urgent, and each body's urgent delay.

`meeting.urgent` is false for every existing meeting (server default), so nothing
computed so far changes; `body.convocation_urgent_days` is NULL, the default of the
body's kind (8 days).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(
            sa.Column("urgent", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("convocation_urgent_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("body") as batch:
        batch.drop_column("convocation_urgent_days")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("urgent")
