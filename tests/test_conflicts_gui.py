"""Two people on one PostgreSQL server editing the same record, in real windows: the one
whose save is refused is told at once, and one conflict makes one copy of their text,
however often the editor saves itself afterwards (issue 16, item 10)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import StatementKind
from aiconsult_desktop.services import employers, meetings, questions, statements
from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.services.records import StatementData
from aiconsult_desktop.store import Store, open_server_store
from aiconsult_desktop.ui.main_window import MainWindow
from tests.gui_support import Dialogs, make_window, type_text
from tests.pg_server import PASSWORD, PgServer

COPY = "(version de Karim non enregistrée)"


@dataclass
class TwoSeats:
    """Karim's window and Marie's store, on the same server database (demo loaded)."""

    window: MainWindow
    karim: Store
    marie: Store


@pytest.fixture
def server_stores(pg_server: PgServer) -> Iterator[tuple[Store, Store]]:
    url = pg_server.url(pg_server.create_database())
    karim, marie = open_server_store(url, PASSWORD), open_server_store(url, PASSWORD)
    load_demo(karim)
    yield karim, marie
    karim.close()
    marie.close()


@pytest.fixture
def seats(server_stores: tuple[Store, Store], qtbot: QtBot) -> TwoSeats:
    """Requested before `qtbot` in the tests: the window (closed with qtbot, which may still
    read the store) then goes before the stores."""
    karim, marie = server_stores
    return TwoSeats(make_window(qtbot, karim), karim, marie)


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("AICONSULT_USER", name)


def test_a_conflict_while_typing_makes_one_copy_and_is_said_at_once(
    seats: TwoSeats, qtbot: QtBot, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, karim, marie = seats.window, seats.karim, seats.marie
    meeting_id = meetings.list_meetings(karim)[0].id or 0
    shared = statements.save_statement(
        karim,
        StatementData(meeting_id, StatementKind.INTERVENTION, "Télétravail", "Premier jet."),
    )
    window.open_page(window.statements)
    page = window.statements
    page.autosaver.idle.setInterval(50)
    page.autosaver.max_wait.setInterval(200)
    page.view.selectRow(page.model.row_of(shared.id))
    assert page.editing_id() == shared.id

    as_user(monkeypatch, "Marie")
    theirs = statements.get_statement(marie, shared.id or 0)
    statements.save_statement(marie, replace(theirs, text="Le texte de Marie."))

    as_user(monkeypatch, "Karim")
    page.editor.text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, page.editor.text, " Karim ajoute ceci.")
    # The first autosave after Marie's save says so, at once.
    qtbot.waitUntil(lambda: bool(said.errors), timeout=5000)
    assert len(said.errors) == 1
    assert "modifiée par « Marie »" in said.errors[0]
    assert f"« Télétravail {COPY} »" in said.errors[0]
    assert page.editor.title.text() == f"Télétravail {COPY}"

    # Typing goes on into the copy: later autosaves neither conflict nor copy again.
    type_text(qtbot, page.editor.text, " Puis cela.")
    qtbot.waitUntil(lambda: not page.tracker.dirty, timeout=5000)
    type_text(qtbot, page.editor.text, " Et encore.")
    window.open_page(window.questions)  # leaving the page saves too
    assert len(said.errors) == 1

    listed = statements.list_statements(marie)
    copies = [s for s in listed if COPY in s.title]
    assert len(copies) == 1
    assert copies[0].text == "Premier jet. Karim ajoute ceci. Puis cela. Et encore."
    assert statements.get_statement(marie, shared.id or 0).text == "Le texte de Marie."


def test_a_refused_question_is_said_and_its_text_kept_in_a_copy(
    seats: TwoSeats, qtbot: QtBot, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, marie = seats.window, seats.marie
    window.open_page(window.questions)
    page = window.questions
    question = page.model.records()[0]
    page.view.selectRow(page.model.row_of(question.id))
    assert page.editing_id() == question.id

    as_user(monkeypatch, "Marie")
    theirs = questions.get_question(marie, question.id or 0)
    questions.save_question(marie, replace(theirs, text="La question reformulée par Marie ?"))

    as_user(monkeypatch, "Karim")
    page.form.text.selectAll()
    type_text(qtbot, page.form.text, "La question de Karim ?")
    page.save_button.click()

    assert len(said.errors) == 1 and "modifiée par « Marie »" in said.errors[0]
    copy_id = page.editing_id()
    assert copy_id is not None and copy_id != question.id
    assert f"la question n° {copy_id}" in said.errors[0]
    assert page.form.text.toPlainText() == f"{COPY} La question de Karim ?"
    assert page.status_label.text() == ""
    # Moving on is not refused again, and nothing else is copied.
    page.view.selectRow(page.model.row_of(question.id))
    assert page.editing_id() == question.id
    assert page.form.text.toPlainText() == "La question reformulée par Marie ?"
    assert len(said.errors) == 1
    assert [q.id for q in questions.list_questions(marie) if COPY in q.text] == [copy_id]


@pytest.mark.parametrize("replace_theirs", [True, False])
def test_a_refused_meeting_asks_at_once_to_save_over_theirs_or_show_theirs(
    seats: TwoSeats,
    qtbot: QtBot,
    said: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    replace_theirs: bool,
) -> None:
    window, marie = seats.window, seats.marie
    window.open_page(window.meetings)
    page = window.meetings
    meeting = page.model.records()[0]
    page.view.selectRow(page.model.row_of(meeting.id))

    as_user(monkeypatch, "Marie")
    theirs = meetings.get_meeting(marie, meeting.id or 0)
    meetings.save_meeting(marie, replace(theirs, place="Salle du conseil"))

    as_user(monkeypatch, "Karim")
    page.form.place.selectAll()
    type_text(qtbot, page.form.place, "Salle 12")
    said.answer = replace_theirs
    page.save_button.click()

    [(question, _destructive)] = said.confirmations
    assert question.startswith("Cette réunion a été modifiée par « Marie » depuis")
    assert "Remplacer sa version par la vôtre ?" in question
    assert said.errors == []
    expected = "Salle 12" if replace_theirs else "Salle du conseil"
    assert meetings.get_meeting(marie, meeting.id or 0).place == expected
    assert page.form.place.text() == expected
    assert page.status_label.text() == ("Enregistré." if replace_theirs else "")
    # Nothing is asked again: the next edit saves without a word.
    type_text(qtbot, page.form.place, " bis")
    page.save_button.click()
    assert len(said.confirmations) == 1 and said.errors == []
    assert meetings.get_meeting(marie, meeting.id or 0).place == f"{expected} bis"


@pytest.mark.parametrize("replace_theirs", [True, False])
def test_a_refused_employer_asks_at_once_to_save_over_theirs_or_show_theirs(
    seats: TwoSeats,
    qtbot: QtBot,
    said: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    replace_theirs: bool,
) -> None:
    window, marie = seats.window, seats.marie
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    employer_id = editor.editing_id() or 0

    as_user(monkeypatch, "Marie")
    theirs = employers.get_employer(marie, employer_id)
    employers.save_employer(marie, replace(theirs, short_name="Région PDL"))

    as_user(monkeypatch, "Karim")
    editor.short_name_edit.selectAll()
    type_text(qtbot, editor.short_name_edit, "RPDL")
    said.answer = replace_theirs
    editor.save_button.click()

    [(question, _destructive)] = said.confirmations
    assert question.startswith("Cet employeur a été modifié par « Marie » depuis que vous ")
    assert said.errors == []
    expected = "RPDL" if replace_theirs else "Région PDL"
    assert employers.get_employer(marie, employer_id).short_name == expected
    assert editor.short_name_edit.text() == expected
    assert not editor.tracker.dirty


def test_saving_twice_without_leaving_the_meeting_is_no_conflict_with_oneself(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    """Exporting the calendar or opening the statements saves the form first and stays on
    the meeting: the next save follows that one, it does not conflict with it."""
    window = make_window(qtbot, demo_store)
    window.open_page(window.meetings)
    page = window.meetings
    meeting = page.model.records()[0]
    page.view.selectRow(page.model.row_of(meeting.id))
    page.form.place.selectAll()
    type_text(qtbot, page.form.place, "Salle 12")
    assert page.leave()
    type_text(qtbot, page.form.place, " bis")
    page.save_button.click()
    assert said.errors == [] and said.confirmations == []
    assert meetings.get_meeting(demo_store, meeting.id or 0).place == "Salle 12 bis"
