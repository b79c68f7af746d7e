"""An urgent meeting as a user records it: the box, the late mark that goes, the rules."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.deadlines import Rule
from aiconsult_desktop.services import body_rules, meetings
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.pages.body_rules_dialog import BodyRulesDialog
from tests.gui_support import Dialogs, make_window
from tests.helpers import small_dossier


def convocation_line(followup: QWidget) -> str:
    row = followup.findChild(QWidget, "deadline_convocation")
    assert row is not None
    label = row.findChild(QLabel, "deadlineLabel")
    assert label is not None
    return label.text()


def test_ticking_urgent_turns_a_late_convocation_on_time(
    qtbot: QtBot, store: Store, said: Dialogs
) -> None:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.convocation_received_on = date(2025, 5, 26)  # 10 days before 5 June
    meetings.save_meeting(store, meeting)
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    page = window.meetings
    page.refresh()
    form = page.form
    form.today = lambda: date(2025, 6, 1)
    form.tabs.setCurrentIndex(1)
    followup = form.followup
    form.update_deadlines()
    assert convocation_line(followup).startswith("⚠ En retard — Convocation (employeur)")
    assert not followup.urgent.isChecked()
    assert followup.urgent.toolTip()

    box = followup.urgent  # clicked on its tick box, as a user would
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    line = convocation_line(followup)
    assert "En retard" not in line
    assert line == (
        "Convocation — séance en urgence (employeur) : au plus tard le 28 mai 2025"
        " — reçu le 26 mai 2025"
    )
    assert page.status_label.text()  # "Modifications non enregistrées"

    page.discard()  # abandoned: back to the saved meeting, late again
    assert not followup.urgent.isChecked()
    assert "En retard" in convocation_line(followup)

    followup.urgent.setChecked(True)
    page.save()
    assert said.errors == []
    assert meetings.get_meeting(store, ids["meeting"]).urgent
    page.refresh()
    assert followup.urgent.isChecked()
    assert "En retard" not in convocation_line(followup)


def test_the_urgent_delay_is_edited_with_the_body_rules(
    qtbot: QtBot, store: Store, said: Dialogs
) -> None:
    ids = small_dossier(store)
    body_id = meetings.get_meeting(store, ids["meeting"]).body_id
    assert body_id is not None
    dialog = BodyRulesDialog(store, body_rules.get_body_rules(store, body_id))
    qtbot.addWidget(dialog)
    field = dialog.fields[Rule.CONVOCATION_URGENT]
    assert field.placeholderText() == "par défaut : 8"
    field.setText("5")
    dialog.accept()
    assert body_rules.get_body_rules(store, body_id).rules.convocation_urgent_days == 5
    dialog = BodyRulesDialog(store, body_rules.get_body_rules(store, body_id))
    qtbot.addWidget(dialog)
    assert dialog.fields[Rule.CONVOCATION_URGENT].text() == "5"
    dialog.fields[Rule.CONVOCATION_URGENT].clear()  # emptied: back to the default
    dialog.accept()
    data = body_rules.get_body_rules(store, body_id)
    assert data.settings[Rule.CONVOCATION_URGENT] is None
    assert data.rules.convocation_urgent_days == 8
    assert said.errors == []
