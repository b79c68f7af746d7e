"""Shared server: meetings and employers get the who-saved-last check of questions and
statements (issue 16, item 10): an edit counter (`version`) that refuses a save over a
newer one, and who saved last (`updated_by`), named in the refusal.

Every existing row starts at version 1, saved by nobody known (empty name).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("employer", "meeting")


def upgrade() -> None:
    # Plain string defaults: each column is added in place (ALTER TABLE ADD COLUMN), never
    # by a batch copy of tables that others refer to (see 0006).
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
            batch.add_column(
                sa.Column("updated_by", sa.String(length=200), nullable=False, server_default="")
            )


def downgrade() -> None:
    # ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch copy: see upgrade().
    for table in TABLES:
        op.drop_column(table, "updated_by")
        op.drop_column(table, "version")
