"""questions register (issue 3): dated events per question, answer deadline per employer,
full-text search over questions.

Existing questions keep their meaning: each gets an "asked" event on the day it was
asked (at its meeting if it had one), and those already answered, refused or withdrawn
get the matching event carrying their answer.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from aiconsult_desktop.store.fts import create_fts, drop_fts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen here: the app's enums may grow, this migration must not change meaning.
_EVENT_FOR_STATE = {
    "partial": "partial_answer",
    "answered": "answered",
    "refused": "refused",
    "withdrawn": "withdrawn",
}


def upgrade() -> None:
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("answer_deadline_days", sa.Integer(), server_default="61", nullable=False)
        )
    op.create_table(
        "question_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("promised_for", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_question_event_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_question_event_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_event")),
    )
    with op.batch_alter_table("question_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_event_meeting_id"), ["meeting_id"])
        batch_op.create_index(batch_op.f("ix_question_event_on"), ["on"])
        batch_op.create_index(batch_op.f("ix_question_event_question_id"), ["question_id"])

    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.create_index("ix_question_state_asked_on", ["state", "asked_on"])
        batch_op.create_index(
            "ix_question_employer_state_asked_on", ["employer_id", "state", "asked_on"]
        )

    bind = op.get_bind()
    latest = "MAX" if bind.dialect.name == "sqlite" else "GREATEST"
    bind.execute(
        sa.text(
            'INSERT INTO question_event (question_id, kind, "on", meeting_id, channel, text, '
            "created_at, updated_at) "
            "SELECT id, 'asked', asked_on, meeting_id, "
            "CASE WHEN meeting_id IS NULL THEN 'other' ELSE 'meeting' END, '', "
            "created_at, updated_at FROM question ORDER BY id"
        )
    )
    for state, kind in _EVENT_FOR_STATE.items():
        # The day the answer was recorded is the best date we have (never before asked).
        bind.execute(
            sa.text(
                'INSERT INTO question_event (question_id, kind, "on", meeting_id, channel, '
                "text, created_at, updated_at) "
                f"SELECT id, :kind, {latest}(asked_on, DATE(updated_at)), NULL, 'other', answer, "
                "created_at, updated_at FROM question WHERE state = :state ORDER BY id"
            ),
            {"kind": kind, "state": state},
        )
    create_fts(bind)


def downgrade() -> None:
    drop_fts(op.get_bind())
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index("ix_question_employer_state_asked_on")
        batch_op.drop_index("ix_question_state_asked_on")
    with op.batch_alter_table("question_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_event_question_id"))
        batch_op.drop_index(batch_op.f("ix_question_event_on"))
        batch_op.drop_index(batch_op.f("ix_question_event_meeting_id"))
    op.drop_table("question_event")
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.drop_column("answer_deadline_days")
