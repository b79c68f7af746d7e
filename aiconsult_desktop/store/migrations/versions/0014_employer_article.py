"""How sentences name an employer (issue 12): its article, « la », « le », « l' », « les »
or « aucun ». NULL, the value every existing employer gets, means the default its name
calls for (`domain.employer_names.default_article`): nothing existing is rewritten.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ADD COLUMN in place: `employer` is referred to by bodies, meetings…
    with op.batch_alter_table("employer") as batch:
        batch.add_column(sa.Column("article", sa.String(10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("employer") as batch:
        batch.drop_column("article")
