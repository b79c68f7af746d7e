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
    # A plain string default on purpose: Alembic then adds each column in place (SQLite's
    # ALTER TABLE ADD COLUMN). A SQL expression default (sa.false()) makes the batch copy
    # and drop `meeting`, which with foreign_keys=ON fails on the statements, agenda items
    # and questions that refer to it. "0" reads as false on SQLite and PostgreSQL alike.
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("urgent", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("convocation_urgent_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch copy: see upgrade().
    op.drop_column("body", "convocation_urgent_days")
    op.drop_column("meeting", "urgent")
