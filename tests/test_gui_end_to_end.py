"""A new user's first session, entirely through the widgets: describe the union, add an
employer with its CST, a meeting, a question and a statement, then export the statement
and open the document in LibreOffice."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import (
    AgendaItemKind,
    BodyKind,
    MeetingKind,
    QuestionState,
    StatementKind,
)
from aiconsult_desktop.services import employers, meetings, questions, statements
from aiconsult_desktop.store import Store
from tests.gui_support import Dialogs, make_window, type_text
from tests.helpers import plain
from tests.rendering import rendered_pages


@pytest.mark.libreoffice
def test_first_session_from_empty_base_to_word_document(
    qtbot: QtBot, store: Store, said: Dialogs, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    window = make_window(qtbot, store)
    assert window.stack.currentWidget() is window.dashboard

    # 1. Paramètres: who we are.
    window.open_page(window.settings)
    settings = window.settings
    type_text(qtbot, settings.name_edit, "Syndicat CGT des territoriaux d'Angers")
    qtbot.keyClicks(settings.short_name_edit, "CGT")
    type_text(qtbot, settings.signature_edit, "Les élu·es CGT au CST")
    qtbot.keyClicks(settings.place_edit, "Angers")
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)

    # 2. The employer and its CST.
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, editor.name_edit, "Ville d'Angers")
    qtbot.mouseClick(editor.bodies.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    (employer,) = employers.list_employers(store)
    assert [(b.kind, b.name) for b in employer.bodies] == [(BodyKind.CST, "CST")]

    # 3. The meeting, with an agenda item "pour avis".
    window.open_page(window.meetings)
    page = window.meetings
    page.new_button.click()
    form = page.form
    form.kind.set_value(MeetingKind.PLENARY)
    form.employer.set_current_id(employer.id)
    form.body.set_current_id(employer.bodies[0].id)
    type_text(qtbot, form.title, "CST du 12 mars 2026")
    form.starts.setDateTime(QDateTime(QDate(2026, 3, 12), QTime(14, 0)))
    form.agenda.add_button.click()
    form.agenda.table.item(0, 0).setText("Déploiement d'un assistant d'IA générative")
    form.agenda.table.cellWidget(0, 1).set_value(AgendaItemKind.OPINION)
    page.save_button.click()
    (meeting,) = meetings.list_meetings(store)
    assert meeting.starts_at == datetime(2026, 3, 12, 14, 0)
    assert meeting.agenda[0].kind is AgendaItemKind.OPINION

    # 4. A question put at that meeting.
    window.open_page(window.questions)
    qpage = window.questions
    qpage.new_button.click()
    type_text(qtbot, qpage.form.text, "Le CST sera-t-il consulté avant tout déploiement ?")
    qpage.form.employer.set_current_id(employer.id)
    qpage.form.meeting.set_current_id(meeting.id)
    qpage.save_button.click()
    (question,) = questions.list_questions(store)
    assert (question.asked_on, question.state) == (date(2026, 3, 12), QuestionState.PENDING)

    # 5. The intervention, written and saved with Ctrl+S.
    window.open_page(window.statements)
    spage = window.statements
    spage.new_button.click()
    spage.editor.meeting.set_current_id(meeting.id)
    spage.editor.agenda_item.set_current_id(meeting.agenda[0].id)
    spage.editor.kind.set_value(StatementKind.INTERVENTION)
    type_text(qtbot, spage.editor.title, "Assistant d'IA générative")
    type_text(
        qtbot,
        spage.editor.text,
        "La CGT demande l'avis préalable du CST.\nAucune réponse à ce jour.",
    )
    qtbot.keyClick(spage.editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (statement,) = statements.list_statements(store)
    assert statement.agenda_item_title == "Déploiement d'un assistant d'IA générative"

    # 6. Export (Ctrl+E) and open it in LibreOffice.
    said.save_to = tmp_path / "intervention.docx"
    qtbot.keyClick(spage.editor.title, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=10_000)  # off the GUI thread
    assert said.errors == []
    assert said.save_to.exists() and str(said.save_to) in said.infos[-1]
    document = docx.Document(str(said.save_to))
    assert plain(document.paragraphs[0].text) == "INTERVENTION CGT EN CST DU 12 MARS 2026"
    assert document.core_properties.author == "Syndicat CGT des territoriaux d'Angers"
    text = " ".join(rendered_pages(soffice, pdftotext, said.save_to, tmp_path / "pdf"))
    assert "INTERVENTION CGT EN CST DU 12 MARS 2026" in text
    assert "La CGT demande l'avis préalable du CST." in text
    assert "Les élu·es CGT au CST" in text and "Angers, le " in text
    assert "Syndicat CGT des territoriaux d'Angers" in text
