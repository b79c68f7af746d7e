"""A déclaration liminaire's salutation is part of its text (issue 12, item 6): the
setting gives the first line of a new one, the user edits it, the export prints exactly
what the editor showed, once; bases and files from before keep their documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import sqlalchemy as sa
from alembic import command
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import StatementKind
from aiconsult_desktop.domain.salutation import DEFAULT_SALUTATION, with_salutation
from aiconsult_desktop.services import exports, statements, transfer
from aiconsult_desktop.services.statement_settings import get_salutation
from aiconsult_desktop.store import Store, migrate, open_store
from tests.gui_support import Dialogs, make_window, type_text
from tests.helpers import new_store, plain, small_dossier


def paragraphs(path: Path) -> list[str]:
    return [plain(p.text) for p in docx.Document(str(path)).paragraphs if plain(p.text)]


def test_salutation_round_trip_from_the_setting_to_the_word_document(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.settings)
    box = window.settings.statement_settings
    box.salutation.setEditText("Madame la Présidente,")
    box.salutation.lineEdit().editingFinished.emit()
    assert get_salutation(demo_store) == "Madame la Présidente,"

    window.open_page(window.statements)
    page = window.statements
    page.new_button.click()
    editor = page.editor
    editor.title.setText("Ouverture de la séance")
    editor.kind.setCurrentIndex(editor.kind.findText(StatementKind.OPENING.label))
    editor.kind.activated.emit(editor.kind.currentIndex())
    shown = editor.text.document()
    assert shown.firstBlock().text() == "Madame la Présidente,"  # seen in the editor
    type_text(qtbot, editor.text, "Nous ouvrons cette séance.")
    # The user makes the salutation theirs, in the text.
    cursor = editor.text.textCursor()
    cursor.setPosition(len("Madame la Présidente"))
    editor.text.setTextCursor(cursor)
    type_text(qtbot, editor.text, ", Mesdames et Messieurs")
    page.save_button.click()
    assert said.errors == []
    saved = statements.get_statement(demo_store, page.editing_id() or 0)
    assert saved.text == (
        "Madame la Présidente, Mesdames et Messieurs,\nNous ouvrons cette séance."
    )

    said.save_to = tmp_path / "liminaire.docx"
    page.export_button.click()  # written off the GUI thread (ui.operations)
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=10_000)
    assert said.errors == []
    lines = paragraphs(said.save_to)
    assert lines[0].startswith("DÉCLARATION LIMINAIRE")
    assert lines[1] == "Ouverture de la séance"  # its title, then its text
    assert lines[2:4] == [
        "Madame la Présidente, Mesdames et Messieurs,",
        "Nous ouvrons cette séance.",
    ]
    assert not [line for line in lines if "Président" in line and "Mesdames" not in line]
    assert sum("Présidente" in line for line in lines) == 1


def test_a_liminaire_without_a_salutation_exports_without_one(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    ids = small_dossier(store)
    statement = statements.get_statement(store, ids["statement"])
    statements.save_statement(store, replace(statement, kind=StatementKind.OPENING))
    target = exports.export_statement(store, ids["statement"], tmp_path / "liminaire.docx")
    lines = paragraphs(target)
    assert lines[0] == "DÉCLARATION LIMINAIRE CGT EN CST DU 5 JUIN 2025"
    assert not [line for line in lines if "Président" in line]  # nothing added


def test_a_base_of_revision_0011_keeps_its_liminaires_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store = open_store(path)
    ids = small_dossier(store)
    first = statements.get_statement(store, ids["statement"])
    statements.save_statement(store, replace(first, kind=StatementKind.OPENING))
    store.close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:  # back to 0011, where the export added it
        command.downgrade(migrate.alembic_config(connection), "0011")
        assert "salutation" not in {
            c["name"] for c in sa.inspect(connection).get_columns("organisation")
        }
    engine.dispose()
    store = open_store(path)
    try:
        assert get_salutation(store) == DEFAULT_SALUTATION
        migrated = statements.get_statement(store, ids["statement"])
        assert migrated.text == with_salutation(first.text, DEFAULT_SALUTATION)
        lines = paragraphs(exports.export_statement(store, migrated.id or 0, tmp_path / "l.docx"))
        # Where the export used to add it: above the text's first paragraph, once.
        assert lines.count(DEFAULT_SALUTATION) == 1
        assert lines.index(DEFAULT_SALUTATION) + 1 == lines.index("Premier paragraphe.")
    finally:
        store.close()


def test_a_file_of_format_3_gets_the_salutation_it_used_to_print(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    ids = small_dossier(store)
    statement = statements.get_statement(store, ids["statement"])
    statements.save_statement(store, replace(statement, kind=StatementKind.OPENING))
    document = transfer.dump_store(store)
    store.close()
    document["format_version"] = 3
    copy = new_store(tmp_path, "copy.sqlite3")
    try:
        transfer.load_document(copy, document)
        loaded = statements.get_statement(copy, ids["statement"])
        assert loaded.text == with_salutation(statement.text, DEFAULT_SALUTATION)
        assert transfer.dump_store(copy)["format_version"] == transfer.FORMAT_VERSION
    finally:
        copy.close()
