"""calendar and deadlines (issue 5).

Per-body deadline rules (NULL: the default of the body's kind), a meeting's follow-up
dates and stable iCalendar UID (backfilled for existing meetings), the outcome of "pour
avis" items, and two new tables: documents received and our representatives attending.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from uuid import uuid4

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BODY_COLUMNS = (
    "convocation_days",
    "documents_days",
    "questions_days",
    "minutes_days",
    "minimum_sessions",
)
MEETING_DATES = (
    "convocation_received_on",
    "documents_received_on",
    "minutes_received_on",
    "minutes_approved_on",
)
VOTE_COLUMNS = (
    "staff_for",
    "staff_against",
    "staff_abstaining",
    "employer_for",
    "employer_against",
    "employer_abstaining",
)


def upgrade() -> None:
    with op.batch_alter_table("body") as batch:
        for name in BODY_COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))
        batch.add_column(sa.Column("working_days", sa.Boolean(), nullable=True))

    with op.batch_alter_table("agenda_item") as batch:
        batch.add_column(sa.Column("opinion", sa.String(length=20), nullable=True))
        for name in VOTE_COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))

    with op.batch_alter_table("meeting") as batch:
        for name in MEETING_DATES:
            batch.add_column(sa.Column(name, sa.Date(), nullable=True))
        batch.add_column(sa.Column("ics_uid", sa.String(length=255), nullable=True))
    # Existing meetings get their UID now, so their first export already has a stable one.
    connection = op.get_bind()
    meeting = sa.table("meeting", sa.column("id", sa.Integer), sa.column("ics_uid", sa.String))
    for (meeting_id,) in connection.execute(sa.select(meeting.c.id)).all():
        connection.execute(
            meeting.update()
            .where(meeting.c.id == meeting_id)
            .values(ics_uid=f"{uuid4()}@aiconsult-desktop")
        )
    with op.batch_alter_table("meeting") as batch:
        batch.alter_column("ics_uid", existing_type=sa.String(length=255), nullable=False)
        batch.create_unique_constraint(batch.f("uq_meeting_ics_uid"), ["ics_uid"])

    op.create_table(
        "meeting_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("location", sa.String(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_document_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_document")),
    )
    op.create_index(
        op.f("ix_meeting_document_meeting_id"), "meeting_document", ["meeting_id"], unique=False
    )
    op.create_table(
        "meeting_attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendee_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendee")),
    )
    op.create_index(
        op.f("ix_meeting_attendee_meeting_id"), "meeting_attendee", ["meeting_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_meeting_attendee_meeting_id"), table_name="meeting_attendee")
    op.drop_table("meeting_attendee")
    op.drop_index(op.f("ix_meeting_document_meeting_id"), table_name="meeting_document")
    op.drop_table("meeting_document")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_constraint(batch.f("uq_meeting_ics_uid"), type_="unique")
        for name in (*MEETING_DATES, "ics_uid"):
            batch.drop_column(name)
    with op.batch_alter_table("agenda_item") as batch:
        for name in ("opinion", *VOTE_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("body") as batch:
        for name in (*BODY_COLUMNS, "working_days"):
            batch.drop_column(name)
