"""Where the AI tools register (issue 10) meets the existing window: deleting, from the
Calendrier page, a meeting the register cites as evidence (the confirmation names what
loses it; « non » keeps all), and the tool paragraph inserted in the statement editor."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from aiconsult_desktop.services import ai_register, meetings
from aiconsult_desktop.store import Store
from tests.gui_support import Dialogs, make_window


def test_deleting_a_meeting_that_is_evidence_says_which_items_lose_it(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.meetings)
    may = next(m for m in meetings.list_meetings(demo_store) if m.id == 4)
    window.meetings.view.selectRow(window.meetings.model.row_of(may.id))

    said.answer = False
    window.meetings.delete_button.click()
    asked = said.confirmations[0][0]
    assert "registre des outils d'IA" in asked
    assert "LigérIA : preuve de « Avis du CST avant le déploiement »" in asked
    assert any(m.id == may.id for m in meetings.list_meetings(demo_store))

    said.answer = True
    window.meetings.delete_button.click()
    assert all(m.id != may.id for m in meetings.list_meetings(demo_store))
    assert said.errors == []
    items = {i.rule_key: i for i in ai_register.get_tool(demo_store, 1).items}
    assert items["cst_opinion"].meeting_id is None
    assert items["cst_opinion"].note.startswith("« Refus de passage en CST")


def test_the_tool_paragraph_goes_into_the_statement_editor_with_its_footnotes(
    qtbot: QtBot, demo_store: Store
) -> None:
    """The path the « Outils d'IA » page's insertion takes: the paragraph's blocks into
    the editor, read back as the same Markdown (real notes, lists, numbering)."""
    from aiconsult_desktop.services.ai_paragraph import tool_paragraph, tool_paragraph_markdown
    from aiconsult_desktop.ui.rich_editor import RichEditor

    editor = RichEditor()
    qtbot.addWidget(editor)
    editor.insert_doc(tool_paragraph(demo_store, 1), as_blocks=True)
    text = editor.markdown()
    assert text == tool_paragraph_markdown(demo_store, 1)
    assert "sans que le CST ait rendu son avis[^1]" in text
    assert "[^1]: Code général de la fonction publique, art. L253-5" in text
