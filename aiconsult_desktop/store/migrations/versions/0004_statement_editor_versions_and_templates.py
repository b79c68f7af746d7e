"""statement editor, versions and templates (issue 4).

Adds the date a statement was read at a meeting, its versions, the letterhead and
reading speed of the organisation, and two libraries seeded here: the statement
templates and the legal grounds of DOMAIN.md (dates as data: they may change).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SEEDED_AT = datetime(2025, 6, 1)

TEMPLATES = [
    (
        "Déclaration liminaire",
        "opening",
        "La CGT tient à rappeler en ouverture de cette séance que …\n"
        "## Nos constats\n"
        "- …\n\n"
        "## Nos demandes\n"
        "1. …\n\n"
        "Nous vous remercions de votre attention.",
    ),
    (
        "Intervention sur un point",
        "intervention",
        "Sur ce point, la CGT souhaite faire les observations suivantes.\n"
        "## Ce que nous constatons\n"
        "…\n"
        "## Ce que nous demandons\n"
        "1. …",
    ),
    (
        "Motion ou vœu",
        "motion",
        "Les représentant·es du personnel au comité, réuni·es le …,\n"
        "Considérant que …\n"
        "Considérant que …\n"
        "**Demandent** à l'autorité territoriale :\n"
        "1. …\n"
        "2. …",
    ),
    (
        "Explication de vote",
        "vote_explanation",
        "La CGT votera **contre** / **s'abstiendra** / votera **pour** ce projet, "
        "pour les raisons suivantes :\n"
        "- …\n"
        "- …",
    ),
    (
        "Demande d'inscription d'un point à l'ordre du jour",
        "other",
        "Monsieur le Président,\n"
        "En application de l'article 86 du décret n° 2021-571 du 10 mai 2021[^1], "
        "les représentant·es du personnel titulaires soussigné·es demandent "
        "l'inscription à l'ordre du jour de la prochaine séance du comité du point "
        "suivant : …\n"
        "Nous vous prions d'agréer, Monsieur le Président, l'expression de nos "
        "salutations distinguées.\n\n"
        "[^1]: Décret n° 2021-571 du 10 mai 2021 relatif aux comités sociaux "
        "territoriaux, art. 86 : les questions dont l'examen a été demandé par la "
        "moitié au moins des représentants titulaires du personnel sont inscrites à "
        "l'ordre du jour.",
    ),
]

LEGAL_GROUNDS = [
    (
        "Procès-verbal du CST (15 jours)",
        "Décret n° 2021-571 du 10 mai 2021 relatif aux comités sociaux territoriaux, art. 81, I",
        "Le procès-verbal de la séance est transmis aux membres dans un délai de quinze "
        "jours et soumis à l'approbation du comité lors de la séance suivante.",
        None,
    ),
    (
        "Procès-verbal de la F3SCT (1 mois)",
        "Décret n° 2021-571 du 10 mai 2021 relatif aux comités sociaux territoriaux, art. 81, II",
        "Le procès-verbal de la formation spécialisée (débats et votes) est transmis "
        "dans un délai d'un mois.",
        None,
    ),
    (
        "Inscription d'un point à la demande des représentants",
        "Décret n° 2021-571 du 10 mai 2021 relatif aux comités sociaux territoriaux, art. 86",
        "Les questions dont l'examen est demandé par la moitié au moins des "
        "représentants titulaires du personnel sont inscrites à l'ordre du jour.",
        None,
    ),
    (
        "Compétences du CST",
        "Code général de la fonction publique, art. L253-5",
        "Le comité social territorial connaît des questions relatives à l'organisation "
        "et au fonctionnement des services, aux lignes directrices de gestion, aux "
        "conditions de travail…",
        None,
    ),
    (
        "AI Act : information des représentants du personnel",
        "Règlement (UE) 2024/1689 du 13 juin 2024 établissant des règles harmonisées "
        "concernant l'intelligence artificielle, art. 26, § 7",
        "Avant de mettre en service ou d'utiliser un système d'IA à haut risque sur le "
        "lieu de travail, les déployeurs qui sont des employeurs informent les "
        "représentants des travailleurs et les travailleurs concernés.",
        date(2026, 8, 2),
    ),
    (
        "AI Act : sans préjudice de l'information-consultation",
        "Règlement (UE) 2024/1689 du 13 juin 2024, considérant 92",
        "Ces obligations s'appliquent sans préjudice des obligations d'information et "
        "de consultation des représentants du personnel existantes.",
        date(2026, 8, 2),
    ),
    (
        "AI Act : interdiction de la reconnaissance des émotions au travail",
        "Règlement (UE) 2024/1689 du 13 juin 2024, art. 5, § 1, f)",
        "Sont interdits les systèmes d'IA de reconnaissance des émotions sur le lieu de travail.",
        date(2025, 2, 2),
    ),
    (
        "AI Act : interdiction de la notation sociale",
        "Règlement (UE) 2024/1689 du 13 juin 2024, art. 5, § 1, c)",
        "Sont interdits les systèmes d'IA de notation sociale.",
        date(2025, 2, 2),
    ),
    (
        "AI Act : analyse d'impact sur les droits fondamentaux",
        "Règlement (UE) 2024/1689 du 13 juin 2024, art. 27",
        "Les organismes publics qui déploient un système d'IA à haut risque procèdent à "
        "une analyse de l'impact sur les droits fondamentaux.",
        date(2026, 8, 2),
    ),
    (
        "TJ Nanterre : déploiement de l'IA avant la fin de la consultation",
        "TJ Nanterre, ord. réf., 14 février 2025, n° 24/01457",
        "Le déploiement d'outils d'IA avant la fin de la consultation du comité social "
        "et économique constitue un trouble manifestement illicite ; suspension "
        "ordonnée.",
        None,
    ),
]


def upgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(
            sa.Column("letterhead_path", sa.String(1000), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("words_per_minute", sa.Integer(), nullable=False, server_default="130")
        )
    with op.batch_alter_table("organisation") as batch:
        batch.alter_column("letterhead_path", server_default=None)
        batch.alter_column("words_per_minute", server_default=None)
    with op.batch_alter_table("statement") as batch:
        batch.add_column(sa.Column("read_on", sa.Date(), nullable=True))

    op.create_table(
        "statement_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name="fk_statement_version_statement_id_statement",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_statement_version"),
        sa.UniqueConstraint("statement_id", "number", name="uq_statement_version_statement_id"),
    )
    op.create_index("ix_statement_version_statement_id", "statement_version", ["statement_id"])
    templates = op.create_table(
        "statement_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_statement_template"),
        sa.UniqueConstraint("name", name="uq_statement_template_name"),
    )
    grounds = op.create_table(
        "legal_ground",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(300), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("applies_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_legal_ground"),
        sa.UniqueConstraint("label", name="uq_legal_ground_label"),
    )
    assert templates is not None and grounds is not None
    op.bulk_insert(
        templates,
        [
            {
                "name": name,
                "kind": kind,
                "text": text,
                "builtin": True,
                "created_at": _SEEDED_AT,
                "updated_at": _SEEDED_AT,
            }
            for name, kind, text in TEMPLATES
        ],
    )
    op.bulk_insert(
        grounds,
        [
            {
                "label": label,
                "reference": reference,
                "summary": summary,
                "applies_on": applies_on,
                "created_at": _SEEDED_AT,
                "updated_at": _SEEDED_AT,
            }
            for label, reference, summary, applies_on in LEGAL_GROUNDS
        ],
    )


def downgrade() -> None:
    op.drop_table("legal_ground")
    op.drop_table("statement_template")
    op.drop_index("ix_statement_version_statement_id", table_name="statement_version")
    op.drop_table("statement_version")
    with op.batch_alter_table("statement") as batch:
        batch.drop_column("read_on")
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("words_per_minute")
        batch.drop_column("letterhead_path")
