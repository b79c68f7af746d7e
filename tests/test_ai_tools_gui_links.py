"""The « Outils d'IA » page with the rest of the window (issue 10): an agenda item « pour
avis » linked to the tool whose vote fills « avis du CST », the dashboard card of the
tools running without what they owe, the paragraph inserted from the statement editor,
and the exports written through the services."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import AgendaItemKind, MeetingKind
from aiconsult_desktop.domain.followup import Opinion
from aiconsult_desktop.services import ai_register, employers, meetings
from aiconsult_desktop.services.ai_paragraph import tool_paragraph_markdown
from aiconsult_desktop.services.records import AgendaItemData, MeetingData
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs
from tests.gui_support import Dialogs, make_window
from tests.helpers import plain


def _vote_meeting(store: Store) -> int:
    employer = employers.list_employers(store)[0]
    cst = next(b for b in employer.bodies if b.kind.value == "cst")
    assert employer.id is not None
    saved = meetings.save_meeting(
        store,
        MeetingData(
            employer_id=employer.id,
            kind=MeetingKind.PLENARY,
            title="CST du 3 juillet 2025",
            starts_at=datetime(2025, 7, 3, 9, 30),
            body_id=cst.id,
            agenda=[
                AgendaItemData(
                    "Déploiement de LigérIA",
                    AgendaItemKind.OPINION,
                    1,
                    opinion=Opinion.UNFAVOURABLE,
                )
            ],
        ),
    )
    assert saved.id is not None
    return saved.id


def test_a_linked_vote_fills_the_cst_opinion(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    _vote_meeting(demo_store)
    window = make_window(qtbot, demo_store)
    page = window.ai_tools
    window.open_page(page)
    page.view.selectRow(0)
    offered: list[list[str]] = []

    def pick(_parent: object, _title: str, _label: str, choices: list[str]) -> int:
        offered.append(choices)
        return 0

    monkeypatch.setattr(dialogs, "choose", pick)
    page.form.tabs.setCurrentIndex(1)
    page.form.link_button.click()
    assert offered == [["3 juillet 2025 — CST du 3 juillet 2025 — Déploiement de LigérIA"]]
    assert page.form.links.rowCount() == 1
    assert page.form.links.item(0, 1).text() == "Avis défavorable"
    page.form.tabs.setCurrentIndex(2)
    rows = {
        page.form.checklist.item(r, 0).text(): page.form.checklist.item(r, 1).text()
        for r in range(page.form.checklist.rowCount())
    }
    assert rows["Avis du CST avant le déploiement"] == "Fait (3 juillet 2025), d'après le vote"
    assert "avant l'avis du CST (rendu le 3 juillet 2025)" in page.form.status_view.text()
    assert ai_register.get_tool(demo_store, 1).agenda_item_ids
    # Unlinked: the opinion is no longer derived from that vote.
    page.form.tabs.setCurrentIndex(1)
    page.form.links.selectRow(0)
    page.form.unlink_button.click()
    assert ai_register.get_tool(demo_store, 1).agenda_item_ids == []
    assert said.errors == []


def test_the_dashboard_card_names_the_tools_in_breach(qtbot: QtBot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.dashboard)
    card = window.dashboard.tools_card
    assert card.isVisible()
    from PySide6.QtWidgets import QLabel, QPushButton

    texts = [label.text() for label in card.findChildren(QLabel) if label.objectName()]
    assert any("LigérIA" in t and "sans avis du CST — en infraction" in t for t in texts)
    see = next(b for b in card.findChildren(QPushButton) if b.text() == "Voir")
    see.click()
    assert window.stack.currentWidget() is window.ai_tools
    assert window.ai_tools.editing_id() == 1


def test_no_card_when_no_tool_is_in_breach(qtbot: QtBot, store: Store) -> None:
    employers.save_employer(store, employers.EmployerData(name="Commune de Rezé"))
    window = make_window(qtbot, store)
    window.open_page(window.dashboard)
    assert not window.dashboard.tools_card.isVisible()


def test_the_statement_editor_inserts_the_tool_paragraph(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    page = window.statements
    window.open_page(page)
    page.new()
    monkeypatch.setattr(dialogs, "choose", lambda *_args: 0)
    page.tool_button.click()
    text = page.editor.rich.markdown()
    assert text.strip() == tool_paragraph_markdown(demo_store, 1).strip()
    assert "[^1]:" in text
    assert said.errors == []


def test_exports_from_the_page(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_store)
    page = window.ai_tools
    window.open_page(page)
    page.view.selectRow(0)
    said.save_to = tmp_path / "fiche.docx"
    page.sheet_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 1, timeout=10_000)
    assert said.errors == []
    words = plain("\n".join(p.text for p in Document(str(said.save_to)).paragraphs))
    assert "FICHE OUTIL : LIGÉRIA" in words and "Déployé le 12 juin 2025 sans avis du CST" in words
    said.save_to = tmp_path / "registre.xlsx"
    page.register_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 2, timeout=10_000)
    sheet = load_workbook(said.save_to).active
    assert sheet is not None
    values = [cell.value for cell in sheet[2]]
    assert "LigérIA" in values
    said.save_to = tmp_path / "registre.csv"
    page.register_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 3, timeout=10_000)
    assert "LigérIA" in said.save_to.read_text(encoding="utf-8-sig")
    assert said.errors == [] and len(said.infos) == 3


@pytest.mark.libreoffice
def test_the_fiche_as_pdf_from_the_page(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    from tests.rendering import pdf_text

    window = make_window(qtbot, demo_store)
    page = window.ai_tools
    window.open_page(page)
    page.view.selectRow(0)
    said.save_to = tmp_path / "fiche.pdf"
    page.sheet_button.click()
    assert page.progress is not None and page.progress.isVisible()
    qtbot.waitUntil(lambda: bool(said.infos), timeout=120_000)
    assert said.errors == []
    text = plain(" ".join(pdf_text(pdftotext, said.save_to).split()))
    assert "Déployé le 12 juin 2025 sans avis du CST" in text


def test_an_agenda_item_is_linked_from_the_meeting(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = _vote_meeting(demo_store)
    window = make_window(qtbot, demo_store)
    window.show_meeting(meeting_id)
    page = window.meetings
    assert page.editing_id() == meeting_id
    offered: list[list[str]] = []

    def pick(_parent: object, _title: str, _label: str, choices: list[str]) -> int:
        offered.append(choices)
        return 0

    monkeypatch.setattr(dialogs, "choose", pick)
    page.form.agenda.table.setCurrentCell(0, 0)
    page.form.agenda.tool_button.click()
    assert offered == [["LigérIA"]]
    assert said.errors == []
    tool = ai_register.get_tool(demo_store, 1)
    assert len(tool.agenda_item_ids) == 1
    assert tool.status is not None
    assert tool.status.headline.startswith("Déployé le 12 juin 2025 avant l'avis du CST")
