"""The calendar as a user drives it: month view, a late convocation, its sentence."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from aiconsult_desktop.services import meetings
from aiconsult_desktop.store import Store
from tests.gui_support import Dialogs, make_window
from tests.helpers import small_dossier


def test_month_view_navigation_and_opening_a_meeting(qtbot: QtBot, store: Store) -> None:
    ids = small_dossier(store)
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    page = window.meetings
    page.calendar.month_button.click()
    month = page.calendar.month
    assert month.isVisible() and not page.list_stack.isVisible()
    assert month.title.text() == "Juin 2025"  # the month of the meeting in the editor
    assert month.meetings_shown() == ["CST du 5 juin 2025"]
    qtbot.mouseClick(month.next_button, Qt.MouseButton.LeftButton)
    assert month.title.text() == "Juillet 2025" and month.meetings_shown() == []
    month.previous()
    month.previous()
    assert month.title.text() == "Mai 2025"
    month.show_month(2025, 6)
    page.new()
    assert page.editing is None
    entry = next(b for b in month.findChildren(QPushButton) if b.property("title"))
    entry.click()
    assert page.editing_id() == ids["meeting"]
    page.calendar.list_button.click()
    assert page.list_stack.isVisible() and not month.isVisible()


def test_a_late_convocation_gives_a_sentence_for_the_statement(
    qtbot: QtBot, store: Store, said: Dialogs
) -> None:
    ids = small_dossier(store)
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    page = window.meetings
    form = page.form
    form.today = lambda: date(2025, 5, 27)
    form.tabs.setCurrentIndex(1)
    followup = form.followup
    followup.convocation.check.setChecked(True)
    followup.convocation.edit.setDate(QDate(2025, 5, 30))
    late = [d for d in followup.deadlines if d.late]
    assert [d.kind.value for d in late] == ["convocation"]
    sentence = late[0].sentence
    assert sentence == (
        "La convocation a été transmise le 30 mai 2025, soit 6 jours avant la séance, "
        "alors que le règlement intérieur prévoit 15 jours."
    )
    page.save()
    assert meetings.get_meeting(store, ids["meeting"]).convocation_received_on == date(2025, 5, 30)
    qtbot.waitUntil(
        lambda: any(b.isVisible() for b in followup.findChildren(QPushButton, "insertSentence"))
    )
    insert = next(b for b in followup.findChildren(QPushButton, "insertSentence") if b.isVisible())
    insert.click()
    statements = window.statements
    assert window.stack.currentWidget() is statements
    assert sentence in statements.editor.rich.text.toPlainText()


def test_the_dashboard_lists_the_next_30_days_and_reminds_ours(qtbot: QtBot, store: Store) -> None:
    small_dossier(store)
    window = make_window(qtbot, store)
    window.dashboard.today = lambda: date(2025, 5, 20)
    window.dashboard.refresh()
    texts = window.dashboard.upcoming.texts
    assert "5 juin 2025 · Séance · CST du 5 juin 2025 (Métropole de Lyon)" in texts
    assert "28 mai 2025 · Nous · Envoyer nos questions — CST du 5 juin 2025" in texts
    window.reminders.today = lambda: date(2025, 5, 26)
    message = window.reminders.check()
    assert message == ("Rappel : Envoyer nos questions — CST du 5 juin 2025, d'ici le 28 mai 2025.")
    assert window.statusBar().currentMessage() == message
