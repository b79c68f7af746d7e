"""The dashboard's question figures counted by the database (issue 14, item 4).

Three small tables and their triggers (`store.tallies`): per employer and state, per
question its closing day, per day the questions asked and closed. They are counted from
the questions already there; nothing else changes, and going back only drops them.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

from aiconsult_desktop.store.tallies import create_tallies, drop_tallies

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_tallies(op.get_bind())


def downgrade() -> None:
    drop_tallies(op.get_bind())
