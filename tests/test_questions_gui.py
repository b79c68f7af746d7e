"""GUI flows of the questions register, through the real widgets: the liste de relance,
a pasted list, a look-alike recorded as a relance, the history of events, exports."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.question_state import EventKind, months_between
from aiconsult_desktop.services import meetings, question_events, questions
from aiconsult_desktop.services.records import QuestionEventData
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.forms import to_qdate
from aiconsult_desktop.ui.pages import question_dialogs
from aiconsult_desktop.ui.pages.question_model import (
    AGE_COLUMN,
    DOSSIER_COLUMN,
    QUESTION_COLUMN,
    STATE_COLUMN,
)
from tests.gui_support import Dialogs, make_window, type_text


def drive(monkeypatch: pytest.MonkeyPatch, act: Callable[[Any], bool]) -> list[QDialog]:
    """Replace the modal run: `act` fills the dialog and says whether to accept it."""
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        shown.append(dialog)
        return act(dialog)

    monkeypatch.setattr(question_dialogs, "run", run)
    return shown


def test_liste_de_relance_marks_every_pending_question_at_the_meeting(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    june = next(m for m in meetings.list_meetings(demo_store) if m.title == "CST du 5 juin 2025")

    def act(dialog: question_dialogs.RelanceDialog) -> bool:
        assert dialog.questions.count() == 12
        assert "sans réponse depuis" in dialog.questions.item(0).text()
        dialog.meeting.set_current_id(june.id)
        assert dialog.on.date() == to_qdate(date(2025, 6, 5))
        return True

    shown = drive(monkeypatch, act)
    page.relance_button.click()
    assert len(shown) == 1 and said.errors == []
    assert said.infos == ["12 questions marquées comme relancées."]
    everything = questions.list_questions(demo_store)
    assert all(q.relances == 1 and q.last_asked_on == date(2025, 6, 5) for q in everything)
    assert "relancée 1 fois" in page.form.age.text()
    assert any("Relancée (CST du 5 juin 2025)" in e for e in _history(page))


def _history(page: Any) -> list[str]:
    return [page.form.history.item(i).text() for i in range(page.form.history.count())]


def test_pasted_list_is_previewed_then_saved_one_question_per_item(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    page.new_button.click()
    june = next(m for m in meetings.list_meetings(demo_store) if m.title == "CST du 5 juin 2025")
    page.form.meeting.set_current_id(june.id)
    pasted = (
        "Nos questions :\n1) Quel calendrier pour l'avis du CST ?\n"
        "2) Quelle formation pour les agents\n   des lycées ?\n• Qui pilote le projet ?"
    )
    previews: list[list[str]] = []

    def act(dialog: question_dialogs.PasteDialog) -> bool:
        assert dialog.summary.text() == "Rien à enregistrer pour l'instant."
        where = [label.text() for label in dialog.findChildren(QLabel)]
        said_where = "Questions posées à la Région des Pays de la Loire, le"
        assert any(text.startswith(said_where) for text in where)
        dialog.source.setPlainText(pasted)
        previews.append([dialog.preview.item(i).text() for i in range(dialog.preview.count())])
        return True

    drive(monkeypatch, act)
    page.paste_button.click()
    assert previews == [
        [
            "1. Quel calendrier pour l'avis du CST ?",
            "2. Quelle formation pour les agents des lycées ?",
            "3. Qui pilote le projet ?",
        ]
    ]
    assert said.infos == ["3 questions enregistrées."]
    new = [q for q in questions.list_questions(demo_store) if q.asked_on == date(2025, 6, 5)]
    assert sorted(q.text for q in new) == [
        "Quel calendrier pour l'avis du CST ?",
        "Quelle formation pour les agents des lycées ?",
        "Qui pilote le projet ?",
    ]
    assert all(q.meeting_id == june.id and q.state is QuestionState.PENDING for q in new)
    assert page.count_label.text() == "15 questions en attente"


def test_empty_paste_cannot_be_saved(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    states: list[bool] = []

    def act(dialog: question_dialogs.PasteDialog) -> bool:
        dialog.source.setPlainText("  \n \n")
        states.append(dialog.box.button(dialog.box.StandardButton.Ok).isEnabled())
        return False

    drive(monkeypatch, act)
    window.questions.paste_button.click()
    assert states == [False]
    assert len(questions.list_questions(demo_store)) == 12


def test_look_alike_question_is_recorded_as_a_relance_instead_of_a_duplicate(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    page.new_button.click()
    assert not page.form.similar.isVisible()
    type_text(
        qtbot, page.form.text, "Quelles mesures pour prévenir les risques psychosociaux de l'IA ?"
    )
    page.form.update_similar()  # what the typing pause triggers
    assert page.form.similar.isVisible()
    first = page.form.similar.item(0).text()
    assert first.startswith("Quelles mesures sont mises en place pour évaluer et prévenir")
    page.form.relance_button.click()

    assert said.errors == []
    assert len(questions.list_questions(demo_store)) == 12  # no duplicate
    target = next(q for q in questions.list_questions(demo_store) if q.relances == 1)
    assert target.text.startswith("Quelles mesures sont mises en place")
    assert page.editing_id() == target.id
    assert not page.tracker.dirty


def test_history_add_refuse_and_remove_an_event(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    page.state_filter.setCurrentIndex(page.state_filter.findData("all"))
    question = page.editing
    assert question is not None and question.asked_on == date(2024, 10, 3)
    dates = iter([date(2024, 10, 1), date(2025, 7, 1)])

    def act(dialog: question_dialogs.EventDialog) -> bool:
        dialog.kind.set_value(EventKind.ANSWERED)
        dialog.on.setDate(to_qdate(next(dates)))
        dialog.text.setPlainText("Les algorithmes seront présentés en CST.")
        return True

    shown = drive(monkeypatch, act)
    page.form.add_event_button.click()
    # First try dated before the question: refused in French, the dialog comes back.
    assert len(shown) == 2
    assert said.errors and "avant que la question soit posée" in said.errors[0]
    assert questions.get_question(demo_store, question.id).state is QuestionState.ANSWERED
    assert page.count_label.text() == "12 questions"
    assert page.editing_id() == question.id
    assert "répondue le 1er juillet 2025" in page.form.age.text()

    page.form.history.setCurrentRow(1)
    page.form.remove_event_button.click()
    assert questions.get_question(demo_store, question.id).state is QuestionState.PENDING
    assert len(_history(page)) == 1


def test_answering_under_the_waiting_filter_keeps_the_editor_on_the_question(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    assert page.count_label.text() == "12 questions en attente"
    page.view.selectRow(1)
    question = page.editing
    assert question is not None

    def act(dialog: question_dialogs.EventDialog) -> bool:
        dialog.kind.set_value(EventKind.ANSWERED)
        dialog.on.setDate(to_qdate(date(2025, 7, 1)))
        dialog.text.setPlainText("Les algorithmes seront présentés en CST.")
        return True

    drive(monkeypatch, act)
    page.form.add_event_button.click()
    assert said.errors == []
    # The answered question leaves the list, but the user still sees what they just did.
    assert page.count_label.text() == "11 questions en attente"
    assert question.id not in [r.id for r in page.model.records()]
    assert page.editing_id() == question.id
    assert page.form.text.toPlainText() == question.text
    assert "répondue le 1er juillet 2025" in page.form.age.text()
    assert not page.view.selectionModel().hasSelection()
    # Changing a filter afterwards follows the list again.
    page.state_filter.setCurrentIndex(page.state_filter.findData("answered"))
    assert page.editing_id() == question.id
    assert page.view.selectionModel().hasSelection()


def test_search_filters_and_odd_input_in_the_page(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    for typed in ['"', "*", "(", "é", "reconnaissance des emotions"]:
        page.search.setText(typed)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)  # searched at once, not after a pause
    assert said.errors == []
    assert page.view.model().rowCount() == 1
    page.search.clear()
    page.age_filter.setCurrentIndex(page.age_filter.findData(365))
    assert page.view.model().rowCount() <= 12


def test_the_age_cell_says_how_long_and_how_often_in_few_words(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    first = questions.list_questions(demo_store)[0]
    meeting = meetings.list_meetings(demo_store)[-1]
    for on in (date(2025, 6, 5), date(2025, 9, 1)):
        question_events.mark_asked_again(demo_store, [first.id], meeting.id, on)
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    row = page.model.row_of(first.id)
    cell = page.model.index(row, AGE_COLUMN)
    months = months_between(first.asked_on, date.today())
    assert cell.data() == f"⚠ {months} mois · 2 relances"
    assert "relancée 2 fois" in cell.data(Qt.ItemDataRole.ToolTipRole)
    question_events.save_event(
        demo_store,
        QuestionEventData(question_id=first.id, kind=EventKind.ANSWERED, on=date(2025, 10, 1)),
    )
    page.state_filter.setCurrentIndex(page.state_filter.findData("answered"))
    assert page.model.index(0, AGE_COLUMN).data() == "— · 2 relances"


def test_a_laptop_screen_keeps_the_question_column_readable(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    # 1366 × 768 at 125 %: 1093 pixels wide. Every page fits without a horizontal cut.
    assert window.minimumSizeHint().width() <= 1093
    window.open_page(window.questions)
    page = window.questions
    window.resize(1093, 700)
    qtbot.waitUntil(lambda: page.view.isColumnHidden(DOSSIER_COLUMN))
    assert page.view.isColumnHidden(STATE_COLUMN)
    assert page.view.columnWidth(QUESTION_COLUMN) >= 200
    window.resize(1800, 900)
    qtbot.waitUntil(lambda: not page.view.isColumnHidden(DOSSIER_COLUMN))
    assert not page.view.isColumnHidden(STATE_COLUMN)


def test_lazy_loading_fetches_pages_as_the_list_scrolls(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    employer_id = questions.list_questions(demo_store)[0].employer_id
    template = questions.list_questions(demo_store)[0]
    questions.add_questions(demo_store, template, [f"Question n° {n} ?" for n in range(450)])
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    # Counted off the GUI thread (ui.operations.read_in_background); pages load meanwhile.
    qtbot.waitUntil(lambda: page.count_label.text() == "462 questions en attente", timeout=10_000)
    assert page.model.rowCount() < 462
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 462
    assert employer_id


def test_export_buttons_write_word_and_csv(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    said.save_to = tmp_path / "relance.csv"
    page.export_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 1)  # written off the GUI thread
    assert said.errors == []
    with said.save_to.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert len(rows) == 13 and rows[0][3] == "Question"
    said.save_to = tmp_path / "relance.docx"
    page.export_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 2)
    assert (tmp_path / "relance.docx").exists()
    assert said.suggested is not None and said.suggested.suffix == ".docx"
    assert question_events  # module used by the page
