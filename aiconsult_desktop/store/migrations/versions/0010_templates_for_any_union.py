"""built-in statement templates for any union (issue 13, item 5).

Three of the five templates seeded by 0004 said « La CGT … » whatever the organisation
set in Paramètres. Their text now carries markers (`{sigle}`, `{instance}`,
`{employeur}`, see `domain/template_fill.py`) filled in when a template is used. Only a
built-in row whose text is still the seeded one is changed.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

OLD = {
    "Déclaration liminaire": (
        "La CGT tient à rappeler en ouverture de cette séance que …\n"
        "## Nos constats\n"
        "- …\n\n"
        "## Nos demandes\n"
        "1. …\n\n"
        "Nous vous remercions de votre attention."
    ),
    "Intervention sur un point": (
        "Sur ce point, la CGT souhaite faire les observations suivantes.\n"
        "## Ce que nous constatons\n"
        "…\n"
        "## Ce que nous demandons\n"
        "1. …"
    ),
    "Motion ou vœu": (
        "Les représentant·es du personnel au comité, réuni·es le …,\n"
        "Considérant que …\n"
        "Considérant que …\n"
        "**Demandent** à l'autorité territoriale :\n"
        "1. …\n"
        "2. …"
    ),
    "Explication de vote": (
        "La CGT votera **contre** / **s'abstiendra** / votera **pour** ce projet, "
        "pour les raisons suivantes :\n"
        "- …\n"
        "- …"
    ),
}

NEW = {
    "Déclaration liminaire": (
        "Les élu·es {sigle} tiennent à rappeler en ouverture de cette séance que …\n"
        "## Nos constats\n"
        "- …\n\n"
        "## Nos demandes\n"
        "1. …\n\n"
        "Nous vous remercions de votre attention."
    ),
    "Intervention sur un point": (
        "Sur ce point, les élu·es {sigle} souhaitent faire les observations suivantes.\n"
        "## Ce que nous constatons\n"
        "…\n"
        "## Ce que nous demandons\n"
        "1. …"
    ),
    "Motion ou vœu": (
        "Les représentant·es du personnel siégeant en {instance}, réuni·es le …,\n"
        "Considérant que …\n"
        "Considérant que …\n"
        "**Demandent** à {employeur} :\n"
        "1. …\n"
        "2. …"
    ),
    "Explication de vote": (
        "Les élu·es {sigle} voteront **contre** / **s'abstiendront** / voteront **pour** "
        "ce projet, pour les raisons suivantes :\n"
        "- …\n"
        "- …"
    ),
}

_TEMPLATE = sa.table(
    "statement_template",
    sa.column("name", sa.String),
    sa.column("text", sa.Text),
    sa.column("builtin", sa.Boolean),
)


def _replace(source: dict[str, str], target: dict[str, str]) -> None:
    for name, text in source.items():
        op.execute(
            _TEMPLATE.update()
            .where(_TEMPLATE.c.name == name)
            .where(_TEMPLATE.c.builtin == sa.true())
            .where(_TEMPLATE.c.text == text)
            .values(text=target[name])
        )


def upgrade() -> None:
    _replace(OLD, NEW)


def downgrade() -> None:
    _replace(NEW, OLD)
