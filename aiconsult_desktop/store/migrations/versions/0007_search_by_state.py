"""Questions search: the full-text index also holds each question's state (issue 3).

Searching "en attente" questions then needs the index only, not every matching row; see
`store.fts`. The index is rebuilt from the questions, so nothing is lost either way.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

from aiconsult_desktop.store.fts import create_fts, drop_fts

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    drop_fts(bind)
    create_fts(bind)


def downgrade() -> None:
    # The two-column index of revisions 0002-0006 answers every search the same way, slower.
    bind = op.get_bind()
    drop_fts(bind)
    for statement in (
        "CREATE VIRTUAL TABLE question_fts USING fts5(text, answer, content='question', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER question_fts_insert AFTER INSERT ON question BEGIN "
        "INSERT INTO question_fts(rowid, text, answer) VALUES (new.id, new.text, new.answer); "
        "END",
        "CREATE TRIGGER question_fts_delete AFTER DELETE ON question BEGIN "
        "INSERT INTO question_fts(question_fts, rowid, text, answer) "
        "VALUES ('delete', old.id, old.text, old.answer); END",
        "CREATE TRIGGER question_fts_update AFTER UPDATE OF text, answer ON question BEGIN "
        "INSERT INTO question_fts(question_fts, rowid, text, answer) "
        "VALUES ('delete', old.id, old.text, old.answer); "
        "INSERT INTO question_fts(rowid, text, answer) VALUES (new.id, new.text, new.answer); "
        "END",
        "INSERT INTO question_fts(question_fts) VALUES ('rebuild')",
    ):
        if bind.dialect.name == "sqlite":
            op.execute(statement)
