"""Dates typed by hand in the meeting form: an impossible day is refused in French and
never replaced by another one; the calendar button and the month-only mode still work."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from aiconsult_desktop.services import meetings
from aiconsult_desktop.store import Store
from tests.gui_support import Dialogs, make_window, type_text
from tests.helpers import small_dossier


def _retype(qtbot: QtBot, edit: object, text: str) -> None:
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # type: ignore[arg-type]
    type_text(qtbot, edit, text)  # type: ignore[arg-type]


def test_29_february_of_a_common_year_is_refused_and_nothing_else_is_saved(
    qtbot: QtBot, store: Store, said: Dialogs
) -> None:
    ids = small_dossier(store)
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    page = window.meetings
    form = page.form
    assert page.editing_id() == ids["meeting"]
    form.starts.setFocus()
    _retype(qtbot, form.starts.edit, "29/02/2025 09:30")
    assert form.starts.edit.text() == "29/02/2025 09:30"  # as typed, never "corrected"
    assert "bissextile" in form.starts.edit.toolTip()
    page.save()
    assert said.errors == ["Le 29 février 2025 n'existe pas : 2025 n'est pas une année bissextile."]
    assert meetings.get_meeting(store, ids["meeting"]).starts_at == datetime(2025, 6, 5, 9, 30)
    assert form.starts.edit.text() == "29/02/2025 09:30"  # kept for the user to correct
    assert form.starts.edit.hasFocus()
    # 31 April is refused too; a real day is saved as typed.
    _retype(qtbot, form.starts.edit, "31/04/2025 10:00")
    page.save()
    assert said.errors[-1] == "Le 31 avril 2025 n'existe pas : avril 2025 a 30 jours."
    _retype(qtbot, form.starts.edit, "28/02/2025 14:15")
    page.save()
    assert meetings.get_meeting(store, ids["meeting"]).starts_at == datetime(2025, 2, 28, 14, 15)
    assert len(said.errors) == 2


def test_calendar_button_and_month_only_dates(qtbot: QtBot, store: Store, said: Dialogs) -> None:
    ids = small_dossier(store)
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    page = window.meetings
    form = page.form
    form.starts.calendar.clicked.emit(QDate(2025, 6, 12))
    assert form.starts.edit.text() == "12/06/2025 09:30"  # the day picked, the time kept
    form.month_only.setChecked(True)
    assert form.starts.edit.text() == "juin 2025"
    _retype(qtbot, form.starts.edit, "mars 2025")
    page.save()
    saved = meetings.get_meeting(store, ids["meeting"])
    assert (saved.starts_at.year, saved.starts_at.month, saved.month_only) == (2025, 3, True)
    _retype(qtbot, form.starts.edit, "13/2025")
    page.save()
    assert said.errors == ["« 13/2025 » n'est pas un mois : écrivez par exemple « mars 2025 »."]
