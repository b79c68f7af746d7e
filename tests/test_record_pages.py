"""Every list-and-form page behaves the same when the user moves to another record: what
was typed is saved, and a refused save keeps the user on the record with their text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.services import (
    ai_register,
    ai_tools,
    dossiers,
    employers,
    meetings,
    questions,
    statements,
)
from aiconsult_desktop.services.ai_records import AiToolData
from aiconsult_desktop.services.records import DossierData, EmployerData
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.pages.record_page import UNSAVED, RecordPage
from tests.gui_support import Dialogs, make_window


@dataclass(frozen=True)
class PageCase:
    """How to reach a page, the text field that a save requires, and where it is stored."""

    page: Callable[[MainWindow], RecordPage[object]]
    field: Callable[[RecordPage[object]], QLineEdit | QPlainTextEdit]
    stored: Callable[[Store, int], str]


def _open(window: MainWindow, page: QWidget, editor: QWidget | None = None) -> QWidget:
    """Show `page`; the record editor is `editor` when the page holds it (Employeurs)."""
    window.open_page(page)
    return editor or page


CASES = {
    "Calendrier": PageCase(
        lambda w: _open(w, w.meetings),  # type: ignore[arg-type, return-value]
        lambda p: p.form.title,  # type: ignore[attr-defined]
        lambda s, i: meetings.get_meeting(s, i).title,
    ),
    "Questions": PageCase(
        lambda w: _open(w, w.questions),  # type: ignore[arg-type, return-value]
        lambda p: p.form.text,  # type: ignore[attr-defined]
        lambda s, i: questions.get_question(s, i).text,
    ),
    "Déclarations": PageCase(
        lambda w: _open(w, w.statements),  # type: ignore[arg-type, return-value]
        lambda p: p.editor.title,  # type: ignore[attr-defined]
        lambda s, i: statements.get_statement(s, i).title,
    ),
    "Employeurs": PageCase(
        lambda w: _open(w, w.employers, w.employers.employer_editor),  # type: ignore[arg-type, return-value]
        lambda p: p.name_edit,  # type: ignore[attr-defined]
        lambda s, i: employers.get_employer(s, i).name,
    ),
    "Outils d'IA": PageCase(
        lambda w: _open(w, w.ai_tools),  # type: ignore[arg-type, return-value]
        lambda p: p.form.name,  # type: ignore[attr-defined]
        lambda s, i: ai_register.get_tool(s, i).name,
    ),
    "Dossiers": PageCase(
        lambda w: _open(w, w.dossiers),  # type: ignore[arg-type, return-value]
        lambda p: p.title_edit,  # type: ignore[attr-defined]
        lambda s, i: next(d.title for d in dossiers.list_dossiers(s) if d.id == i),
    ),
}


def set_text(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(field, QLineEdit):
        field.setText(text)
    else:
        field.setPlainText(text)


def text_of(field: QLineEdit | QPlainTextEdit) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


@pytest.fixture
def two_of_each(demo_store: Store) -> Store:
    """The demo, with a second employer, dossier and AI tool so each list has two rows."""
    employers.save_employer(demo_store, EmployerData(name="Ville de Nantes"))
    employer_id = employers.list_employers(demo_store)[0].id or 0
    ai_tools.save_tool(demo_store, AiToolData(employer_id=employer_id, name="Copilote"))
    dossiers.save_dossier(demo_store, DossierData(title="Télétravail"))
    return demo_store


def type_then_move(
    qtbot: QtBot, store: Store, name: str, text: str
) -> tuple[RecordPage[object], int, int, QLineEdit | QPlainTextEdit, str]:
    """Open the page on its first record, put `text` in the field a save requires, then
    click another record. Returns the page, both ids, the field and the stored text
    before."""
    case = CASES[name]
    window = make_window(qtbot, store)
    page = case.page(window)
    first = page.editing_id()
    assert first is not None and page.model.rowCount() >= 2
    before = case.stored(store, first)
    field = case.field(page)
    set_text(field, text)
    assert page.status_label.text() == UNSAVED
    other = next(
        i for i in (page._record_id(r) for r in page.model.records()) if i not in (first, None)
    )
    page.view.selectRow(page.model.row_of(other))
    qtbot.wait(10)  # a refused move puts the selection back once the click is handled
    return page, first, other, field, before


@pytest.mark.parametrize("name", list(CASES))
def test_moving_to_another_record_saves_what_was_typed(
    qtbot: QtBot, two_of_each: Store, said: Dialogs, name: str
) -> None:
    typed = "Texte changé avant de passer à la suite"
    page, first, other, _field, _before = type_then_move(qtbot, two_of_each, name, typed)

    assert said.errors == [] and said.confirmations == []
    assert CASES[name].stored(two_of_each, first) == typed
    assert page.editing_id() == other
    assert page.status_label.text() == ""


@pytest.mark.parametrize("name", list(CASES))
def test_a_refused_save_keeps_the_user_on_the_record_with_the_text(
    qtbot: QtBot, two_of_each: Store, said: Dialogs, name: str
) -> None:
    # A required text left blank.
    page, first, _other, field, before = type_then_move(qtbot, two_of_each, name, "   ")

    [error] = said.errors
    assert error.startswith("Le champ « ") and error.endswith(" » est obligatoire.")
    assert page.editing_id() == first
    assert page.view.currentIndex().row() == page.model.row_of(first)
    assert text_of(field) == "   " and page.status_label.text() == UNSAVED
    assert CASES[name].stored(two_of_each, first) == before
    page.discard()  # the window would otherwise ask at close
