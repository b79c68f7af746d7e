"""The statement editor driven as a user would: format, insert, autosave, versions."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import StatementState
from aiconsult_desktop.export import pdf
from aiconsult_desktop.services import statements
from aiconsult_desktop.services.statement_versions import list_versions
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs, rich_editor
from aiconsult_desktop.ui.pages.statements import StatementsPage
from tests.gui_support import CTRL, Dialogs, make_window, type_text


def open_may_statement(qtbot: QtBot, store: Store) -> StatementsPage:
    """The 15 May 2025 statement of the demo, unlocked for editing."""
    window = make_window(qtbot, store)
    window.open_page(window.statements)
    page = window.statements
    may = next(s for s in page.model.records() if "six dimensions" in s.title)
    page.view.selectRow(page.model.row_of(may.id))
    assert page.editor.rich.text.isReadOnly()  # read at the meeting: locked
    page.reopen_button.click()
    assert not page.editor.rich.text.isReadOnly()
    return page


def to_end(page: StatementsPage) -> None:
    page.editor.text.moveCursor(QTextCursor.MoveOperation.End)


def test_loading_then_saving_the_demo_statement_changes_nothing(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = open_may_statement(qtbot, demo_store)
    stored = statements.get_statement(demo_store, page.editing_id() or 0).text
    assert page.editor.rich.markdown() == stored
    assert "[^1]: Le terme de redevabilité" in stored
    assert "1. Le terme de redevabilité" in page.editor.rich.notes_label.text()


def test_write_with_formatting_and_a_footnote(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_may_statement(qtbot, demo_store)
    rich = page.editor.rich
    rich.set_markdown("")
    rich.changed.emit()
    rich.actions_["heading1"].trigger()
    type_text(qtbot, rich.text, "Nos demandes\n")
    rich.set_paragraph()
    rich.actions_["bold"].trigger()
    type_text(qtbot, rich.text, "Important")
    rich.actions_["bold"].trigger()
    type_text(qtbot, rich.text, " : un avis\n")
    rich.actions_["numbers"].trigger()
    type_text(qtbot, rich.text, "premier\nsecond")
    monkeypatch.setattr(rich_editor, "ask_note_text", lambda *_a, **_k: "Décret *2021-571*")
    note = rich.actions_["note"]
    assert "Ctrl+Alt+F" in note.toolTip() and "note de bas de page" in note.toolTip()
    note.trigger()

    assert rich.markdown() == (
        "# Nos demandes\n**Important** : un avis\n1. premier\n2. second[^1]\n\n"
        "[^1]: Décret *2021-571*"
    )
    rich.actions_["undo"].trigger()
    assert "[^1]" not in rich.markdown()
    rich.actions_["redo"].trigger()
    page.save_button.click()
    assert said.errors == []
    saved = statements.get_statement(demo_store, page.editing_id() or 0)
    assert saved.text.endswith("[^1]: Décret *2021-571*")
    # Storage → editor → storage again.
    page.editor.load(saved, None)
    assert rich.markdown() == saved.text


def test_paste_from_word_keeps_structure_and_drops_the_rest(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = open_may_statement(qtbot, demo_store)
    rich = page.editor.rich
    rich.set_markdown("")
    data = QMimeData()
    data.setHtml(
        '<h1 style="font-family:Calibri;color:red">Titre\x07</h1>'
        '<p><span style="font-size:20pt;color:blue">Texte <b>gras</b> et <i>italique</i>'
        " 😀</span></p><ul><li>un</li><li>deux</li></ul>"
        "<table><tr><td>cellule A</td><td>cellule B</td></tr></table>"
    )
    rich.text.insertFromMimeData(data)

    markdown = rich.markdown()
    assert markdown.startswith("# Titre\nTexte **gras** et *italique* 😀\n- un\n- deux\n")
    assert "cellule A" in markdown and "cellule B" in markdown
    assert "\x07" not in markdown and "Calibri" not in markdown


def test_insert_pending_questions_and_a_legal_footnote(qtbot: QtBot, demo_store: Store) -> None:
    page = open_may_statement(qtbot, demo_store)
    to_end(page)
    page.questions_button.click()
    dialog = page.dialog
    assert dialog is not None
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog._accept()

    markdown = page.editor.rich.markdown()
    assert "(posée le 3 octobre 2024, sans réponse à ce jour)" in markdown
    assert "\n1. " in markdown and "\n2. " in markdown

    to_end(page)
    page.grounds_button.click()
    grounds = page.dialog
    assert grounds is not None
    row = next(
        i for i in range(grounds.list.count()) if "TJ Nanterre" in grounds.list.item(i).text()
    )
    grounds.list.setCurrentRow(row)
    grounds.insert_button.click()

    markdown = page.editor.rich.markdown()
    assert "[^2]: TJ Nanterre, ord. réf., 14 février 2025, n° 24/01457 : " in markdown


def test_insert_at_cursor_is_public_for_the_calendar(qtbot: QtBot, demo_store: Store) -> None:
    page = open_may_statement(qtbot, demo_store)
    to_end(page)
    page.insert_at_cursor(" Les documents nous sont parvenus **trois jours** avant la séance.")
    assert "**trois jours** avant la séance." in page.editor.rich.markdown()


def test_autosave_after_a_pause_keeps_no_version(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_may_statement(qtbot, demo_store)
    page.autosaver.idle.setInterval(50)
    statement_id = page.editing_id() or 0
    versions_before = len(list_versions(demo_store, statement_id))
    to_end(page)
    type_text(qtbot, page.editor.text, " Ajout")

    qtbot.waitUntil(lambda: not page.tracker.dirty, timeout=3000)
    assert (
        statements.get_statement(demo_store, statement_id).text.split("\n\n")[0].endswith("Ajout")
    )
    assert len(list_versions(demo_store, statement_id)) == versions_before


def test_restore_an_older_version_from_the_side_by_side_view(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    page = open_may_statement(qtbot, demo_store)
    original = page.editor.rich.markdown()
    page.save_button.click()
    page.editor.rich.set_markdown("Texte entièrement refait.")
    page.editor.rich.changed.emit()
    page.save_button.click()

    page.versions_button.click()
    dialog = page.dialog
    assert dialog is not None
    older = next(i for i in range(dialog.list.count()) if dialog._versions[i].text == original)
    dialog.list.setCurrentRow(older)
    assert "line-through" in dialog.new.toHtml() or "Texte entièrement refait" in (
        dialog.new.toPlainText()
    )
    dialog.restore_button.click()

    assert page.editor.rich.markdown() == original
    assert statements.get_statement(demo_store, page.editing_id() or 0).text == original


def test_read_statements_are_locked_and_modifier_starts_a_new_version(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = open_may_statement(qtbot, demo_store)
    statement = statements.get_statement(demo_store, page.editing_id() or 0)
    assert statement.state is StatementState.DRAFT
    versions = list_versions(demo_store, statement.id or 0)
    assert versions and versions[0].state is StatementState.READ


def export_word(qtbot: QtBot, page: StatementsPage, said: Dialogs, target: Path) -> Path:
    """« Exporter » clicked, the Word document written off the GUI thread, no error."""
    said.save_to = target
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=10_000)
    assert said.errors == []
    return target


def test_word_export_from_the_editor_has_the_real_footnote(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    page = open_may_statement(qtbot, demo_store)
    export_word(qtbot, page, said, tmp_path / "mai.docx")
    with zipfile.ZipFile(said.save_to) as package:
        assert "Le terme de redevabilité" in package.read("word/footnotes.xml").decode()
        assert "<w:footnoteReference" in package.read("word/document.xml").decode()


def test_pdf_export_is_disabled_with_the_reason_without_libreoffice(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    window = make_window(qtbot, demo_store)
    page = window.statements
    assert not page.pdf_button.isEnabled()
    assert pdf.UNAVAILABLE in page.pdf_button.toolTip()


def test_save_as_template_then_start_from_it(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_may_statement(qtbot, demo_store)
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: "Six dimensions")
    page.save_template_button.click()
    assert said.errors == [] and "Six dimensions" in said.infos[-1]

    page.new_button.click()
    page.template_button.click()
    dialog = page.dialog
    assert dialog is not None
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert names[0] == "Déclaration liminaire"
    dialog.list.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith("Six")))
    dialog._accept()
    assert "redevabilité[^1]" in page.editor.rich.markdown()


@pytest.mark.libreoffice
def test_pdf_export_runs_off_the_gui_thread_and_says_where(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path, soffice: str
) -> None:
    page = open_may_statement(qtbot, demo_store)
    said.save_to = tmp_path / "mai.pdf"
    page.pdf_button.click()

    assert page.progress.isVisible()  # the window stays responsive meanwhile
    qtbot.waitUntil(lambda: bool(said.infos), timeout=120_000)
    assert said.errors == []
    assert said.save_to.read_bytes().startswith(b"%PDF")
    assert page.pdf_button.isEnabled()


def test_french_word_keys_bold_italic_underline_are_the_toolbar_actions(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = open_may_statement(qtbot, demo_store)
    rich = page.editor.rich
    rich.set_markdown("")
    rich.text.setFocus()
    for key, name in (
        (Qt.Key.Key_G, "bold"),
        (Qt.Key.Key_I, "italic"),
        (Qt.Key.Key_U, "underline"),
    ):
        action = rich.actions_[name]
        assert action in rich.toolbar.actions()  # one QAction: button and key
        assert f"Ctrl+{chr(key)}" in action.toolTip()
        qtbot.keyClick(rich.text, key, CTRL)
    type_text(qtbot, rich.text, "Texte")
    assert rich.markdown() == "***<u>Texte</u>***"
    # No other action of the window answers Ctrl+G (Word's French « gras »).
    window = page.window()
    taken = [
        a.text()
        for a in window.findChildren(QAction)
        if QKeySequence("Ctrl+G") in a.shortcuts() and a is not rich.actions_["bold"]
    ]
    assert taken == []


def test_a_blank_line_survives_save_reopen_and_export(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    page = open_may_statement(qtbot, demo_store)
    rich = page.editor.rich
    rich.set_markdown("")
    rich.changed.emit()
    rich.text.setFocus()
    type_text(qtbot, rich.text, "Premier paragraphe.\n\nAprès une ligne vide.")
    page.save_button.click()
    assert said.errors == []
    saved = statements.get_statement(demo_store, page.editing_id() or 0)
    page.editor.load(saved, None)  # reopened from the store
    document = rich.text.document()
    shown = [document.findBlockByNumber(n).text() for n in range(document.blockCount())]
    assert shown == ["Premier paragraphe.", "", "Après une ligne vide."]

    exported = export_word(qtbot, page, said, tmp_path / "vide.docx")
    body = [p.text for p in docx.Document(str(exported)).paragraphs]
    first = body.index("Premier paragraphe.")
    assert body[first : first + 3] == ["Premier paragraphe.", "", "Après une ligne vide."]


def test_the_editor_spaces_paragraphs_as_the_word_document(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    page = open_may_statement(qtbot, demo_store)
    styles = docx.Document(str(export_word(qtbot, page, said, tmp_path / "mai.docx"))).styles
    dpi = QGuiApplication.primaryScreen().logicalDotsPerInchY()
    rich = page.editor.rich
    rich.set_markdown("## Nos questions\nUn paragraphe.")
    heading = rich.text.document().firstBlock()
    paragraph = heading.next()
    normal = styles["Normal"].paragraph_format
    heading2 = styles["Heading 2"].paragraph_format
    assert normal.space_after is not None and normal.space_after.pt > 0
    assert paragraph.blockFormat().bottomMargin() == pytest.approx(normal.space_after.pt * dpi / 72)
    assert heading.blockFormat().topMargin() == pytest.approx(heading2.space_before.pt * dpi / 72)
    assert heading.blockFormat().bottomMargin() == pytest.approx(heading2.space_after.pt * dpi / 72)
    # What the user types next is spaced the same: a new paragraph and an empty text.
    rich.set_markdown("")
    empty = rich.text.document().firstBlock().blockFormat()
    assert empty.bottomMargin() == pytest.approx(normal.space_after.pt * dpi / 72)


def test_heading_keys_are_words_and_leave_ctrl_number_to_the_pages(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = open_may_statement(qtbot, demo_store)
    rich = page.editor.rich
    rich.set_markdown("Nos demandes")
    rich.text.setFocus()
    alt = CTRL | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(rich.text, Qt.Key.Key_2, alt)
    assert rich.markdown() == "## Nos demandes"
    qtbot.keyClick(rich.text, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert rich.markdown() == "Nos demandes"
    window = page.window()
    qtbot.keyClick(rich.text, Qt.Key.Key_1, CTRL)  # Affichage → the first page
    assert window.stack.currentWidget() is not page
