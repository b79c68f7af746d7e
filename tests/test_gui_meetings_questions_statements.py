"""GUI: the Calendrier, Questions and Déclarations pages, driven through their real widgets.

Dialogs are replaced (pytest-qt's advice for modal boxes): each test records what the page
said or asked, and answers confirmations itself.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import (
    AgendaItemKind,
    BodyKind,
    MeetingKind,
    QuestionState,
    StatementKind,
)
from aiconsult_desktop.services import employers, meetings, questions, statements
from aiconsult_desktop.services.records import (
    BodyData,
    EmployerData,
    MeetingData,
    QuestionData,
)
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.pages.question_model import QuestionTableModel
from aiconsult_desktop.ui.pages.record_page import UNSAVED
from aiconsult_desktop.ui.record_model import IdRole, fold
from aiconsult_desktop.ui.widgets import EnumCombo
from tests.gui_support import CTRL, Dialogs, make_window, type_text
from tests.helpers import plain

END_BEFORE_START = "La réunion se termine avant de commencer : vérifiez l'heure de fin."


def add_employer(store: Store, name: str = "Métropole de Lyon") -> EmployerData:
    return employers.save_employer(
        store,
        EmployerData(
            name=name, bodies=[BodyData(BodyKind.CST, "CST"), BodyData(BodyKind.F3SCT, "F3SCT")]
        ),
    )


def at(day: date, hour: int, minute: int = 0) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, minute))


# Models -------------------------------------------------------------------------------------


def test_table_models_pass_qt_model_tester(qtbot: QtBot, qtmodeltester: Any, demo_store: Store):
    model = QuestionTableModel()
    model.set_records(questions.list_questions(demo_store))
    qtmodeltester.check(model)
    assert model.roleNames()[IdRole].data() == b"recordId"

    window = make_window(qtbot, demo_store)
    for page in (window.meetings, window.questions, window.statements):
        window.open_page(page)
        qtmodeltester.check(page.model)
    qtmodeltester.check(window.questions.proxy)


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Reconnaissance des ÉMOTIONS") == "reconnaissance des emotions"
    assert fold("Élections") == fold("elections")


# Meetings -----------------------------------------------------------------------------------


def test_create_meeting_with_two_agenda_items(qtbot: QtBot, store: Store, said: Dialogs) -> None:
    employer = add_employer(store)
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    page = window.meetings
    assert page.empty_label.isVisible()  # nothing yet: say so, not an empty grid

    page.new_button.click()
    form = page.form
    form.kind.set_value(MeetingKind.PLENARY)
    form.employer.set_current_id(employer.id)
    cst = next(b for b in employer.bodies if b.kind is BodyKind.CST)
    f3sct = next(b for b in employer.bodies if b.kind is BodyKind.F3SCT)
    bodies = [form.body.itemData(i) for i in range(form.body.count())]
    assert bodies == [None, cst.id, f3sct.id]  # only this employer's bodies, or none
    form.body.set_current_id(cst.id)
    type_text(qtbot, form.title, "CST du 5 juin 2025")
    form.starts.setDateTime(at(date(2025, 6, 5), 9, 30))
    form.has_end.setChecked(True)
    form.ends.setDateTime(at(date(2025, 6, 5), 12))
    type_text(qtbot, form.place, "Hôtel de Région")

    form.agenda.add_button.click()
    form.agenda.table.item(0, 0).setText("Déploiement de LigérIA")
    form.agenda.add_button.click()
    form.agenda.table.item(1, 0).setText("Approbation du procès-verbal")
    kind = form.agenda.table.cellWidget(1, 1)
    assert isinstance(kind, EnumCombo)
    kind.set_value(AgendaItemKind.OPINION)
    form.agenda.up_button.click()  # the minutes come first
    assert page.status_label.text() == UNSAVED
    # Still typing in the cell when saving: Ctrl+S does not move the focus out of it.
    table = form.agenda.table
    table.setCurrentCell(1, 0)
    table.editItem(table.item(1, 0))
    cell_editor = table.indexWidget(table.currentIndex())
    assert isinstance(cell_editor, QLineEdit)
    cell_editor.setText("Deploiement de LigerIA")
    qtbot.keyClicks(cell_editor, " (suite)")

    page.save_button.click()

    assert said.errors == []
    assert page.status_label.text() == "Enregistré."
    (saved,) = meetings.list_meetings(store)
    assert (saved.title, saved.kind, saved.body_id) == (
        "CST du 5 juin 2025",
        MeetingKind.PLENARY,
        cst.id,
    )
    assert saved.starts_at == datetime(2025, 6, 5, 9, 30)
    assert saved.ends_at == datetime(2025, 6, 5, 12)
    assert saved.place == "Hôtel de Région"
    assert [(a.position, a.title, a.kind) for a in saved.agenda] == [
        (1, "Approbation du procès-verbal", AgendaItemKind.OPINION),
        (2, "Deploiement de LigerIA (suite)", AgendaItemKind.INFORMATION),
    ]
    assert page.editing_id() == saved.id
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "5 juin 2025"


def test_end_before_start_shows_french_error_and_keeps_the_form(
    qtbot: QtBot, store: Store, said: Dialogs
) -> None:
    add_employer(store)
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    page = window.meetings
    page.new_button.click()
    type_text(qtbot, page.form.title, "Réunion technique sur l'IA")
    page.form.starts.setDateTime(at(date(2024, 12, 11), 14))
    page.form.has_end.setChecked(True)
    page.form.ends.setDateTime(at(date(2024, 12, 11), 10))

    page.save_button.click()

    assert said.errors == [END_BEFORE_START]
    assert page.form.title.text() == "Réunion technique sur l'IA"
    assert page.form.ends.dateTime() == at(date(2024, 12, 11), 10)
    assert page.status_label.text() == UNSAVED
    assert meetings.list_meetings(store) == []


def test_month_only_meeting_shows_month_and_year(qtbot: QtBot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.meetings)
    dates = [
        window.meetings.model.index(row, 0).data()
        for row in range(window.meetings.model.rowCount())
    ]
    assert dates == [
        "3 octobre 2024",
        "11 décembre 2024",
        "mars 2025",
        "15 mai 2025",
        "5 juin 2025",
    ]


def test_statements_button_opens_that_meetings_statements(qtbot: QtBot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.meetings)
    june = next(m for m in meetings.list_meetings(demo_store) if m.title == "CST du 5 juin 2025")
    window.meetings.view.selectRow(window.meetings.model.row_of(june.id))

    window.meetings.statements_button.click()

    assert window.stack.currentWidget() is window.statements
    assert window.statements.meeting_filter.current_id() == june.id
    shown = window.statements.model.records()
    assert [s.meeting_id for s in shown] == [june.id]


def test_deleting_a_meeting_with_statements_says_how_many(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.meetings)
    june = next(m for m in meetings.list_meetings(demo_store) if m.title == "CST du 5 juin 2025")
    window.meetings.view.selectRow(window.meetings.model.row_of(june.id))

    said.answer = False
    window.meetings.delete_button.click()
    assert "1 déclaration" in said.confirmations[0][0]
    assert any(m.id == june.id for m in meetings.list_meetings(demo_store))

    said.answer = True
    window.meetings.delete_button.click()
    assert all(m.id != june.id for m in meetings.list_meetings(demo_store))
    assert statements.list_statements(demo_store, meeting_id=june.id) == []
    assert said.errors == []


# Questions ----------------------------------------------------------------------------------


def test_question_filters_on_the_demo(qtbot: QtBot, demo_store: Store) -> None:
    other = add_employer(demo_store, "Département de Loire-Atlantique")
    assert other.id is not None
    questions.save_question(
        demo_store,
        QuestionData(
            employer_id=other.id,
            text="Quand le DUERP sera-t-il mis à jour ?",
            asked_on=date(2025, 2, 1),
            state=QuestionState.ANSWERED,
            answer="En septembre.",
        ),
    )
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    shown = page.view.model()

    # By default: what the employers still owe, the demo's twelve.
    assert shown.rowCount() == 12
    assert page.count_label.text() == "12 questions en attente"

    page.state_filter.setCurrentIndex(page.state_filter.findData(QuestionState.ANSWERED.value))
    assert shown.rowCount() == 1
    assert "DUERP" in shown.index(0, 2).data()
    page.state_filter.setCurrentIndex(page.state_filter.findData("all"))
    assert shown.rowCount() == 13
    assert page.count_label.text() == "13 questions"

    page.employer_filter.set_current_id(other.id)
    assert shown.rowCount() == 1
    page.employer_filter.set_current_id(None)
    assert shown.rowCount() == 13

    page.focus_search()
    type_text(qtbot, page.search, "reconnaissance des emotions")
    qtbot.waitUntil(lambda: shown.rowCount() == 1)  # once typing pauses
    found = shown.index(0, 0).data(IdRole)
    assert "reconnaissance des émotions" in questions.get_question(demo_store, found).text
    assert page.count_label.text() == "1 question contenant « reconnaissance des emotions »"

    page.search.setText("aucun mot de ce genre")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Entrée: searched at once
    assert shown.rowCount() == 0
    assert page.list_stack.currentWidget() is page.empty_label
    assert "Aucune question ne correspond" in page.empty_label.text()
    page.search.clear()
    qtbot.waitUntil(lambda: shown.rowCount() == 13)


def test_create_question_through_the_detail_panel(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    june = next(m for m in meetings.list_meetings(demo_store) if m.title == "CST du 5 juin 2025")

    page.new_button.click()
    assert page.form.text.toPlainText() == ""
    type_text(qtbot, page.form.text, "Quel calendrier pour l'avis du CST sur LigérIA ?")
    page.form.meeting.set_current_id(june.id)
    assert page.form.asked_on.date() == QDate(2025, 6, 5)  # asked at that meeting
    page.save_button.click()

    assert said.errors == []
    saved = [q for q in questions.list_questions(demo_store) if "LigérIA" in q.text]
    assert len(saved) == 1
    assert saved[0].meeting_id == june.id
    assert saved[0].asked_on == date(2025, 6, 5)
    assert saved[0].state is QuestionState.PENDING
    assert page.count_label.text() == "13 questions en attente"
    assert page.editing_id() == saved[0].id


def test_question_without_text_is_refused_in_french(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    page.new_button.click()
    dossier_id = page.form.dossier.itemData(1)
    page.form.dossier.set_current_id(dossier_id)
    page.save_button.click()
    assert said.errors and "obligatoire" in said.errors[0]
    assert page.form.dossier.current_id() == dossier_id


# Statements ---------------------------------------------------------------------------------


def test_write_save_and_export_a_statement(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.statements)
    page = window.statements
    june = next(m for m in meetings.list_meetings(demo_store) if m.title == "CST du 5 juin 2025")

    page.new_button.click()
    page.editor.meeting.set_current_id(june.id)
    page.editor.kind.set_value(StatementKind.INTERVENTION)
    type_text(qtbot, page.editor.title, "Conditions de travail")
    type_text(qtbot, page.editor.text, "Les agents attendent des réponses depuis octobre 2024.")
    assert page.editor.word_count.text() == "8 mots"
    assert page.status_label.text() == UNSAVED
    page.save_button.click()

    assert said.errors == []
    assert page.status_label.text() == "Enregistré."
    saved = [
        s for s in statements.list_statements(demo_store) if s.title == "Conditions de travail"
    ]
    assert len(saved) == 1 and saved[0].meeting_id == june.id
    assert saved[0].text == "Les agents attendent des réponses depuis octobre 2024."

    said.save_to = tmp_path / "intervention.docx"
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=10_000)
    assert said.errors == []
    assert said.suggested is not None
    assert said.suggested.name == "2025-06-05 Intervention - Conditions de travail.docx"
    assert said.save_to.exists()
    assert said.infos and str(said.save_to) in said.infos[0]
    text = "\n".join(plain(p.text) for p in docx.Document(str(said.save_to)).paragraphs)
    assert "Les agents attendent des réponses depuis octobre 2024." in text


def test_autosave_when_switching_statements(qtbot: QtBot, demo_store: Store, said: Dialogs) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.statements)
    page = window.statements
    first, second = page.model.records()[:2]
    page.view.selectRow(page.model.row_of(first.id))
    assert page.editing_id() == first.id
    page.reopen_button.click()  # the demo's statements were read at their meeting

    page.editor.text.selectAll()
    type_text(qtbot, page.editor.text, "Texte réécrit")
    assert page.status_label.text() == UNSAVED

    page.view.selectRow(page.model.row_of(second.id))

    assert said.errors == []
    assert statements.get_statement(demo_store, first.id).text == "Texte réécrit"
    assert page.editing_id() == second.id
    assert page.editor.text.toPlainText() == second.text
    assert page.status_label.text() == ""

    # Leaving the page saves too.
    type_text(qtbot, page.editor.title, " (relu)")
    window.open_page(window.questions)
    assert statements.get_statement(demo_store, second.id).title == second.title + " (relu)"


def test_refused_autosave_keeps_the_text_and_the_statement(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.statements)
    page = window.statements
    before = len(statements.list_statements(demo_store))

    page.new_button.click()
    type_text(qtbot, page.editor.text, "Un texte sans titre")
    other = page.model.records()[0]
    page.view.selectRow(page.model.row_of(other.id))

    assert said.errors == ["Le champ « Titre de la déclaration » est obligatoire."]
    assert page.editor.text.toPlainText() == "Un texte sans titre"
    assert page.editing is None
    assert page.status_label.text() == UNSAVED
    qtbot.waitUntil(lambda: not page.view.selectionModel().hasSelection())
    assert len(statements.list_statements(demo_store)) == before


def test_agenda_items_follow_the_chosen_meeting(qtbot: QtBot, store: Store) -> None:
    employer = add_employer(store)
    assert employer.id is not None
    meeting = meetings.save_meeting(
        store,
        MeetingData(
            employer_id=employer.id,
            kind=MeetingKind.PLENARY,
            title="CST du 5 juin 2025",
            starts_at=datetime(2025, 6, 5, 9, 30),
            agenda=[],
        ),
    )
    from aiconsult_desktop.services.records import AgendaItemData

    meeting.agenda = [AgendaItemData("Point IA", AgendaItemKind.OPINION, 1)]
    meeting = meetings.save_meeting(store, meeting)
    window = make_window(qtbot, store)
    window.statements.show_meeting(meeting.id)
    assert window.stack.currentWidget() is window.statements
    editor = window.statements.editor
    assert editor.meeting.current_id() == meeting.id
    labels = [editor.agenda_item.itemText(i) for i in range(editor.agenda_item.count())]
    assert labels == ["(aucun point précis)", "1. Point IA"]


def test_keyboard_shortcuts(qtbot: QtBot, demo_store: Store, said: Dialogs) -> None:
    window = make_window(qtbot, demo_store)
    window.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(window.isActiveWindow)
    window.open_page(window.questions)
    questions_page = window.questions
    qtbot.keyClick(questions_page.view, Qt.Key.Key_F, CTRL)
    assert questions_page.search.hasFocus()

    window.open_page(window.statements)
    page = window.statements
    first = page.model.records()[0]
    page.view.selectRow(0)
    page.editor.title.setFocus()
    type_text(qtbot, page.editor.title, " bis")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_S, CTRL)
    assert statements.get_statement(demo_store, first.id).title == first.title + " bis"

    qtbot.keyClick(page.editor.title, Qt.Key.Key_N, CTRL)
    assert page.editing is None and page.editor.title.text() == ""

    page.view.selectRow(0)
    page.view.setFocus()
    said.answer = False
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert said.confirmations and first.title in said.confirmations[0][0]
