"""A dossier's whole story (issue 11): its facts (communications, job postings, letters…,
each dated by day or month, sourced and quoted, optionally about an AI tool and where a
step of its life was learned) and its closing analysis and demand.

A new table and one new column with an empty default: nothing existing is copied.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ADD COLUMN in place: `dossier` is referred to by meetings, questions…
    with op.batch_alter_table("dossier") as batch:
        batch.add_column(sa.Column("analysis", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("source", sa.String(2000), nullable=False),
        sa.Column("extract", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=True),
        sa.Column("tool_event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossier.id"], name="fk_fact_dossier_id_dossier", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tool_id"], ["ai_tool.id"], name="fk_fact_tool_id_ai_tool", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["tool_event_id"],
            ["ai_tool_event.id"],
            name="fk_fact_tool_event_id_ai_tool_event",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_fact"),
    )
    op.create_index("ix_fact_dossier_id", "fact", ["dossier_id"])
    op.create_index("ix_fact_on", "fact", ["on"])
    op.create_index("ix_fact_tool_id", "fact", ["tool_id"])


def downgrade() -> None:
    op.drop_table("fact")
    op.drop_column("dossier", "analysis")
