"""The employer's AI tools (issue 10): tools, their life, their checklist, per-employer
rules, and the agenda items about each tool; the legal grounds library gains the texts
the default checklist cites that it did not hold yet.

Only new tables and new rows: nothing existing is copied or changed. A ground whose
label a user already took is left as the user wrote it.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_SEEDED_AT = datetime(2026, 12, 1)

# Frozen here as they were seeded (the library is the users' to edit afterwards).
LEGAL_GROUNDS = [
    (
        "AI Act : maîtrise de l'IA",
        "Règlement (UE) 2024/1689 du 13 juin 2024, art. 4",
        "Les fournisseurs et les déployeurs de systèmes d'IA prennent des mesures pour "
        "garantir, dans toute la mesure du possible, un niveau suffisant de maîtrise de "
        "l'IA pour leur personnel.",
        date(2025, 2, 2),
    ),
    (
        "AI Act : obligations de transparence",
        "Règlement (UE) 2024/1689 du 13 juin 2024, art. 50",
        "Les personnes sont informées qu'elles interagissent avec un système d'IA ; les "
        "contenus générés ou manipulés par l'IA sont signalés comme tels.",
        date(2026, 8, 2),
    ),
    (
        "RGPD : analyse d'impact (AIPD)",
        "Règlement (UE) 2016/679 du 27 avril 2016 (RGPD), art. 35",
        "Lorsqu'un traitement, en particulier par de nouvelles technologies, est "
        "susceptible d'engendrer un risque élevé pour les droits et libertés des personnes, "
        "le responsable du traitement effectue au préalable une analyse d'impact.",
        None,
    ),
    (
        "RGPD : décisions individuelles automatisées",
        "Règlement (UE) 2016/679 du 27 avril 2016 (RGPD), art. 22 ; Code des relations "
        "entre le public et l'administration, art. L311-3-1",
        "Une personne a le droit de ne pas faire l'objet d'une décision fondée "
        "exclusivement sur un traitement automatisé ; une décision individuelle prise sur le "
        "fondement d'un traitement algorithmique comporte une mention explicite qui en "
        "informe l'intéressé.",
        None,
    ),
    (
        "CRPA : publication des règles des traitements algorithmiques",
        "Code des relations entre le public et l'administration, art. L312-1-3",
        "Les administrations de cinquante agents ou plus publient en ligne les règles "
        "définissant les principaux traitements algorithmiques utilisés dans "
        "l'accomplissement de leurs missions lorsqu'ils fondent des décisions individuelles.",
        None,
    ),
]


def _timestamps() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "ai_tool",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("vendor", sa.String(300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("services", sa.Text(), nullable=False),
        sa.Column("agents_count", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("personal_data", sa.Boolean(), nullable=True),
        sa.Column("changes_organisation", sa.Boolean(), nullable=True),
        sa.Column("affects_working_conditions", sa.Boolean(), nullable=True),
        sa.Column("decisions_about_people", sa.Boolean(), nullable=True),
        sa.Column("ai_class", sa.String(20), nullable=False),
        sa.Column("ai_class_reason", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False, server_default=""),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name="fk_ai_tool_employer_id_employer",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossier.id"],
            name="fk_ai_tool_dossier_id_dossier",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ai_tool"),
        sa.UniqueConstraint("employer_id", "name", name="uq_ai_tool_employer_id"),
    )
    op.create_index("ix_ai_tool_employer_id", "ai_tool", ["employer_id"])
    op.create_table(
        "ai_tool_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("learned_from", sa.String(20), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(1000), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["tool_id"], ["ai_tool.id"], name="fk_ai_tool_event_tool_id_ai_tool", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name="fk_ai_tool_event_meeting_id_meeting",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ai_tool_event"),
    )
    op.create_index("ix_ai_tool_event_tool_id", "ai_tool_event", ["tool_id"])
    op.create_index("ix_ai_tool_event_meeting_id", "ai_tool_event", ["meeting_id"])
    op.create_table(
        "ai_tool_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=False),
        sa.Column("rule_key", sa.String(60), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("on", sa.Date(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("document", sa.String(2000), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["tool_id"], ["ai_tool.id"], name="fk_ai_tool_item_tool_id_ai_tool", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name="fk_ai_tool_item_meeting_id_meeting",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name="fk_ai_tool_item_agenda_item_id_agenda_item",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name="fk_ai_tool_item_question_id_question",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ai_tool_item"),
        sa.UniqueConstraint("tool_id", "rule_key", name="uq_ai_tool_item_tool_id"),
    )
    for column in ("tool_id", "meeting_id", "agenda_item_id", "question_id"):
        op.create_index(f"ix_ai_tool_item_{column}", "ai_tool_item", [column])
    op.create_table(
        "ai_tool_agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tool_id"],
            ["ai_tool.id"],
            name="fk_ai_tool_agenda_item_tool_id_ai_tool",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name="fk_ai_tool_agenda_item_agenda_item_id_agenda_item",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ai_tool_agenda_item"),
        sa.UniqueConstraint("tool_id", "agenda_item_id", name="uq_ai_tool_agenda_item_tool_id"),
    )
    op.create_index("ix_ai_tool_agenda_item_tool_id", "ai_tool_agenda_item", ["tool_id"])
    op.create_index(
        "ix_ai_tool_agenda_item_agenda_item_id", "ai_tool_agenda_item", ["agenda_item_id"]
    )
    op.create_table(
        "ai_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("label", sa.String(500), nullable=False),
        sa.Column("condition", sa.String(30), nullable=False),
        sa.Column("due", sa.String(20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(20), nullable=False),
        sa.Column("citation", sa.String(200), nullable=False),
        sa.Column("ground", sa.String(300), nullable=False),
        sa.Column("feminine", sa.Boolean(), nullable=False),
        sa.Column("opinion_of", sa.String(20), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name="fk_ai_rule_employer_id_employer",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ai_rule"),
        sa.UniqueConstraint("employer_id", "key", name="uq_ai_rule_employer_id"),
    )
    op.create_index("ix_ai_rule_employer_id", "ai_rule", ["employer_id"])

    grounds = sa.table(
        "legal_ground",
        sa.column("label", sa.String),
        sa.column("reference", sa.Text),
        sa.column("summary", sa.Text),
        sa.column("applies_on", sa.Date),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    bind = op.get_bind()
    taken = set(bind.execute(sa.select(grounds.c.label)).scalars())
    rows = [
        {
            "label": label,
            "reference": reference,
            "summary": summary,
            "applies_on": applies_on,
            "created_at": _SEEDED_AT,
            "updated_at": _SEEDED_AT,
        }
        for label, reference, summary, applies_on in LEGAL_GROUNDS
        if label not in taken
    ]
    if rows:
        op.bulk_insert(grounds, rows)


def downgrade() -> None:
    # The seeded grounds stay: users may have cited them in statements since.
    op.drop_table("ai_rule")
    op.drop_table("ai_tool_agenda_item")
    op.drop_table("ai_tool_item")
    op.drop_table("ai_tool_event")
    op.drop_table("ai_tool")
