"""Every action of the window that can take more than a blink goes through the one
background helper (`ui.operations`): the service runs on a worker thread, the file it wrote
reads back, a failure is told in the same French dialog, and no dialog (no widget) is
touched from the worker. Each case below is one button a user clicks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from aiconsult_desktop.services import exports, meetings, questions
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.pages import ai_tool_exports, calendar_controls, dossiers
from aiconsult_desktop.ui.pages import statement_exports as statement_exports_page
from tests.gui_support import Dialogs, make_window
from tests.ics_samples import OUTLOOK


def on_worker(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[bool]:
    """Wrap the service `owner.name` the page calls: each call records whether it ran on
    a worker thread (True) rather than the GUI thread."""
    real = getattr(owner, name)
    ran: list[bool] = []

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        ran.append(threading.current_thread() is not threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapped)
    return ran


def word_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs).replace("\xa0", " ")


def select_statement(window: MainWindow) -> None:
    window.open_page(window.statements)
    page = window.statements
    june = next(s for s in page.model.records() if s.meeting_id == 5)
    page.view.selectRow(page.model.row_of(june.id))


def select_dossier(window: MainWindow) -> None:
    window.open_page(window.dossiers)
    page = window.dossiers
    page.view.selectRow(
        next(r for r in range(page.model.rowCount()) if "IA" in str(page.model.record(r).title))
    )


def select_tool(window: MainWindow) -> None:
    window.open_page(window.ai_tools)
    window.ai_tools.view.selectRow(0)


@dataclass(frozen=True)
class Action:
    """One export a user starts from a page, and how to read back what it wrote."""

    select: Callable[[MainWindow], None]
    click: Callable[[MainWindow], None]
    service: tuple[object, str]
    file_name: str
    read_back: Callable[[Path], str]
    expected: str


def sheet_values(path: Path) -> str:
    sheet = load_workbook(path).active
    assert sheet is not None
    return " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)


def calendar_titles(path: Path) -> str:
    return " ".join(str(e["SUMMARY"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


ACTIONS = {
    "statement to Word": Action(
        select_statement,
        lambda w: w.statements.export_button.click(),
        (exports, "export_statement"),
        "intervention.docx",
        word_text,
        "CST",
    ),
    "meeting pack to Word": Action(
        select_statement,
        lambda w: w.statements.pack_button.click(),
        (statement_exports_page, "export_meeting_pack"),
        "dossier-pv.docx",
        word_text,
        "5 juin 2025",
    ),
    "dossier chronology to Word": Action(
        select_dossier,
        lambda w: w.dossiers.export(),
        (dossiers, "export_dossier"),
        "chronologie.docx",
        lambda path: word_text(path).upper(),
        "12 JUIN 2025",
    ),
    "AI tool sheet to Word": Action(
        select_tool,
        lambda w: w.ai_tools.sheet_button.click(),
        (ai_tool_exports, "export_tool"),
        "fiche.docx",
        word_text,
        "Déployé le 12 juin 2025 sans avis du CST",
    ),
    "AI tools register to Excel": Action(
        select_tool,
        lambda w: w.ai_tools.register_button.click(),
        (ai_tool_exports, "export_tools"),
        "registre.xlsx",
        sheet_values,
        "LigérIA",
    ),
    "calendar to .ics": Action(
        lambda w: w.open_page(w.meetings),
        lambda w: w.meetings.calendar.export_button.click(),
        (calendar_controls, "export_calendar"),
        "reunions.ics",
        calendar_titles,
        "CST",
    ),
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_the_export_runs_through_the_helper_and_fails_in_french(
    qtbot: QtBot,
    demo_store: Store,
    said: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    action = ACTIONS[name]
    ran = on_worker(monkeypatch, *action.service)
    window = make_window(qtbot, demo_store)
    action.select(window)
    said.save_to = tmp_path / action.file_name
    action.click(window)
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=20_000)
    assert said.errors == [] and ran == [True]
    assert str(said.save_to) in said.infos[-1]
    assert action.expected in action.read_back(said.save_to)

    # A folder that has gone: the worker's refusal is told on the GUI thread, in French.
    said.save_to = tmp_path / "disparu" / action.file_name
    action.click(window)
    qtbot.waitUntil(lambda: bool(said.errors), timeout=20_000)
    assert ran == [True, True]
    assert len(said.errors) == 1 and "disparu" in said.errors[0]
    assert "n'existe pas" in said.errors[0]
    assert len(said.infos) == 1 and said.off_gui_thread == []


def test_an_invitation_is_read_and_imported_off_the_gui_thread(
    qtbot: QtBot,
    demo_store: Store,
    said: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = on_worker(monkeypatch, calendar_controls, "read_invitation")
    applied = on_worker(monkeypatch, calendar_controls, "apply_import")
    window = make_window(qtbot, demo_store)
    window.open_page(window.meetings)
    before = len(meetings.list_meetings(demo_store))
    said.chosen_path = tmp_path / "invitation.ics"
    said.chosen_path.write_bytes(OUTLOOK.replace("\n", "\r\n").encode())
    window.meetings.calendar.import_button.click()
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=20_000)
    assert said.errors == [] and said.infos == ["1 réunion créée, 0 mise à jour."]
    assert read == [True] and applied == [True] and len(said.confirmations) == 1
    assert len(meetings.list_meetings(demo_store)) == before + 1
    assert "CST du 2 octobre 2025" in [m.title for m in window.meetings.model.records()]

    said.chosen_path.write_text("Madame, Monsieur,\nvous êtes convoqué·e.\n", encoding="utf-8")
    window.meetings.calendar.import_button.click()
    qtbot.waitUntil(lambda: bool(said.errors), timeout=20_000)
    assert said.errors[0].startswith("Le fichier « invitation.ics » n'est pas une invitation")
    assert read == [True, True] and applied == [True] and said.off_gui_thread == []


def test_the_questions_count_is_read_off_the_gui_thread_and_a_newer_filter_wins(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = questions.list_questions(demo_store)[0]
    questions.add_questions(demo_store, template, [f"Question n° {n} ?" for n in range(450)])
    everything = questions.count_questions(demo_store, questions.QuestionFilter())
    counted = on_worker(monkeypatch, questions, "count_questions")
    window = make_window(qtbot, demo_store)
    window.open_page(window.questions)
    page = window.questions
    qtbot.waitUntil(lambda: page.count_label.text() == "462 questions en attente", timeout=20_000)
    assert counted and all(counted)
    # Two filters in a row, before any count came back: the last one's total is shown.
    state = page.state_filter
    state.setCurrentIndex(state.findData("all"))
    state.setCurrentIndex(state.findData("open"))
    state.setCurrentIndex(state.findData("all"))
    qtbot.waitUntil(lambda: page.counting is None, timeout=20_000)
    assert page.count_label.text() == f"{everything} questions"
    assert said.errors == [] and said.off_gui_thread == []
