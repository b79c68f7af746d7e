"""PDF from the window for the meeting pack and the questions register: the conversion
runs off the GUI thread behind a progress dialog, then says where the file is."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from tests.gui_support import Dialogs, make_window


@pytest.mark.libreoffice
def test_the_meeting_pack_and_the_register_as_pdf_from_the_window(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path, soffice: str
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.statements)
    page = window.statements
    june = next(s for s in page.model.records() if s.meeting_id == 5)
    page.view.selectRow(page.model.row_of(june.id))
    said.save_to = tmp_path / "pv-juin.pdf"
    page.pack_button.click()
    assert page.progress is not None and page.progress.isVisible()
    qtbot.waitUntil(lambda: bool(said.infos), timeout=120_000)
    assert said.errors == []
    assert str(said.save_to) in said.infos[-1]
    assert said.save_to.read_bytes().startswith(b"%PDF-")

    window.open_page(window.questions)
    questions = window.questions
    said.save_to = tmp_path / "registre.pdf"
    questions.export_button.click()
    assert questions.progress is not None and questions.progress.isVisible()
    qtbot.waitUntil(lambda: len(said.infos) == 2, timeout=120_000)
    assert said.errors == []
    assert said.save_to.read_bytes().startswith(b"%PDF-")
