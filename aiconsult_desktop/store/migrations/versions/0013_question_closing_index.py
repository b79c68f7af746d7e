"""The dashboard's chart reads each question's events from one index (issue 14, item 4).

« En attente à la fin de chaque mois » needs, per question, the day of its first answer,
refusal, withdrawal or « sans objet ». An index on (question, kind, day) holds all three:
the chart's query reads the index alone, never the events' rows and their texts (half
the time at 100,000 questions). Nothing is rewritten; the index is only dropped going
back.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEX = "ix_question_event_question_kind_on"


def upgrade() -> None:
    with op.batch_alter_table("question_event", schema=None) as batch_op:
        batch_op.create_index(INDEX, ["question_id", "kind", "on"])


def downgrade() -> None:
    with op.batch_alter_table("question_event", schema=None) as batch_op:
        batch_op.drop_index(INDEX)
