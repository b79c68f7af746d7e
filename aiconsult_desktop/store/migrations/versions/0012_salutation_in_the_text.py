"""A déclaration liminaire's salutation is part of its text (issue 12, item 6).

Until now the Word export added « Monsieur le Président, Mesdames et Messieurs les
membres du comité, » above every déclaration liminaire, a line the editor never showed.
From now on the export adds nothing: the salutation is the first paragraph of the text,
where the user sees and edits it, and a new déclaration liminaire starts with the one set
in Paramètres (the new `organisation.salutation` column, whose default is the old line).

So that exports stay the same, each existing déclaration liminaire gets the old line
prepended to its text, once (this migration runs once). It is followed by a blank line,
a paragraph break in every Markdown reading, whatever the text starts with (a list, a
heading, a quotation). Its saved versions are left as they were read.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Written here, not imported: a migration keeps meaning what it meant when it was written.
SALUTATION = "Monsieur le Président, Mesdames et Messieurs les membres du comité,"


_STATEMENT = sa.table(
    "statement", sa.column("id", sa.Integer), sa.column("kind"), sa.column("text")
)


def _rewrite_openings(change: Callable[[str], str]) -> None:
    """Each déclaration liminaire's text through `change`."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_STATEMENT.c.id, _STATEMENT.c.text).where(_STATEMENT.c.kind == "opening")
    ).all()
    for row_id, text in rows:
        new_text = change(text or "")
        if new_text != text:
            connection.execute(
                _STATEMENT.update().where(_STATEMENT.c.id == row_id).values(text=new_text)
            )


def _prepend(text: str) -> str:
    body = text.strip("\n")
    return f"{SALUTATION}\n\n{body}" if body.strip() else SALUTATION


def _remove(text: str) -> str:
    return text[len(SALUTATION) :].lstrip("\n") if text.startswith(SALUTATION) else text


def upgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(
            sa.Column("salutation", sa.String(200), nullable=False, server_default=SALUTATION)
        )
    _rewrite_openings(_prepend)


def downgrade() -> None:
    _rewrite_openings(_remove)
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("salutation")
