"""The Calendrier page's filters and iCalendar buttons, and the deadline rules edited from
Employeurs et instances, as a user drives them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.deadlines import Rule
from aiconsult_desktop.domain.enums import BodyKind, MeetingKind
from aiconsult_desktop.services import body_rules, employers, meetings
from aiconsult_desktop.services.records import BodyData, EmployerData, MeetingData
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.pages import rules_editing
from aiconsult_desktop.ui.pages.body_rules_dialog import BodyRulesDialog
from aiconsult_desktop.ui.pages.meetings import MeetingsPage
from tests.gui_support import Dialogs, make_window, type_text
from tests.helpers import small_dossier
from tests.ics_samples import OUTLOOK

PARIS = ZoneInfo("Europe/Paris")


def _meeting(
    store: Store, employer_id: int, body_id: int | None, title: str, when: datetime
) -> None:
    meetings.save_meeting(
        store,
        MeetingData(
            employer_id=employer_id,
            body_id=body_id,
            kind=MeetingKind.PLENARY,
            title=title,
            starts_at=when,
        ),
    )


@pytest.fixture
def two_employers(store: Store) -> dict[str, int]:
    """Lyon (CST on 5 June, F3SCT on 12 June 2025) and the Région (CST on 19 June 2025)."""
    ids = small_dossier(store)
    lyon = employers.get_employer(store, ids["employer"])
    f3sct = next(b.id for b in lyon.bodies if b.kind is BodyKind.F3SCT)
    assert f3sct is not None
    _meeting(store, ids["employer"], f3sct, "F3SCT du 12 juin 2025", datetime(2025, 6, 12, 14, 0))
    region = employers.save_employer(
        store,
        EmployerData(
            name="Région des Pays de la Loire",
            short_name="Région",
            bodies=[BodyData(BodyKind.CST, "CST")],
        ),
    )
    assert region.id is not None and region.bodies[0].id is not None
    _meeting(store, region.id, region.bodies[0].id, "CST régional", datetime(2025, 6, 19, 10, 0))
    return {**ids, "f3sct": f3sct, "region": region.id}


def _calendar(qtbot: QtBot, store: Store) -> tuple[MainWindow, MeetingsPage]:
    window = make_window(qtbot, store)
    window.open_page(window.meetings)
    return window, window.meetings


def _listed(page: MeetingsPage) -> list[str]:
    return [m.title for m in page.model.records()]


def _choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry by its visible text, as a user does in the drop-down."""
    index = combo.findText(text)
    assert index >= 0, f"« {text} » not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


ALL_JUNE = ["CST du 5 juin 2025", "F3SCT du 12 juin 2025", "CST régional"]


def test_the_body_filter_narrows_the_list_and_the_month(
    qtbot: QtBot, store: Store, two_employers: dict[str, int]
) -> None:
    _window, page = _calendar(qtbot, store)
    body_filter = page.calendar.body_filter
    assert page.calendar.body_filter.itemText(0) == "Toutes les instances"
    assert _listed(page) == ALL_JUNE

    _choose(body_filter, "F3SCT (Métropole de Lyon)")
    assert _listed(page) == ["F3SCT du 12 juin 2025"]
    page.calendar.month_button.click()
    month = page.calendar.month
    month.show_month(2025, 6)
    assert month.meetings_shown() == ["F3SCT du 12 juin 2025"]
    assert "F3SCT" in month.legend.text() and "CST" not in month.legend.text()

    _choose(body_filter, "Toutes les instances")
    assert month.meetings_shown() == ALL_JUNE
    page.calendar.list_button.click()
    assert _listed(page) == ALL_JUNE

    # One employer chosen: only its bodies are offered, without the employer's name.
    _choose(page.employer_filter, "Région des Pays de la Loire")
    bodies = [body_filter.itemText(i) for i in range(body_filter.count())]
    assert bodies == ["Toutes les instances", "CST"]
    assert _listed(page) == ["CST régional"]
    _choose(page.employer_filter, "Métropole de Lyon")
    _choose(body_filter, "CST")
    assert _listed(page) == ["CST du 5 juin 2025"]
    # Back to every employer: the body chosen stays, with its employer's name now.
    _choose(page.employer_filter, "Tous les employeurs")
    assert body_filter.currentText() == "CST (Métropole de Lyon)"
    assert _listed(page) == ["CST du 5 juin 2025"]


def test_export_writes_the_meetings_shown_at_paris_time(
    qtbot: QtBot, store: Store, two_employers: dict[str, int], said: Dialogs, tmp_path: Path
) -> None:
    _window, page = _calendar(qtbot, store)
    said.save_to = tmp_path / "agenda"  # typed without the extension
    qtbot.mouseClick(page.calendar.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=10_000)
    written = tmp_path / "agenda.ics"
    assert said.errors == []
    assert said.infos == [f"3 réunions exportées dans « {written} »."]
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(written.read_bytes()).walk("VEVENT")}
    assert sorted(events) == sorted(ALL_JUNE)
    cst = events["CST du 5 juin 2025"]
    assert cst["DTSTART"].params["TZID"] == "Europe/Paris"
    assert cst.start == datetime(2025, 6, 5, 9, 30, tzinfo=PARIS)
    assert events["CST régional"].start == datetime(2025, 6, 19, 10, 0, tzinfo=PARIS)

    _choose(page.calendar.body_filter, "F3SCT (Métropole de Lyon)")
    said.save_to = tmp_path / "f3sct.ics"
    page.calendar.export_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 2, timeout=10_000)
    assert said.infos[-1] == f"1 réunion exportée dans « {said.save_to} »."
    [only] = Calendar.from_ical(said.save_to.read_bytes()).walk("VEVENT")
    assert str(only["SUMMARY"]) == "F3SCT du 12 juin 2025"
    assert only.start == datetime(2025, 6, 12, 14, 0, tzinfo=PARIS)


def test_export_cancelled_writes_nothing(
    qtbot: QtBot, store: Store, said: Dialogs, tmp_path: Path
) -> None:
    small_dossier(store)
    _window, page = _calendar(qtbot, store)
    said.save_to = None
    page.calendar.export_button.click()
    assert said.infos == [] and said.errors == [] and list(tmp_path.glob("*.ics")) == []


def test_importing_an_invitation_previews_creates_then_updates(
    qtbot: QtBot, store: Store, said: Dialogs, tmp_path: Path
) -> None:
    small_dossier(store)
    _window, page = _calendar(qtbot, store)
    invitation = tmp_path / "invitation.ics"
    invitation.write_bytes(OUTLOOK.replace("\n", "\r\n").encode())
    said.chosen_path = invitation

    said.answer = False  # the preview, declined: nothing changes
    page.calendar.import_button.click()
    qtbot.waitUntil(lambda: len(said.confirmations) == 1, timeout=10_000)
    assert len(said.confirmations) == 1 and "CST du 2 octobre 2025" not in _listed(page)

    said.answer = True
    qtbot.mouseClick(page.calendar.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(said.infos) == 1, timeout=10_000)
    preview, _destructive = said.confirmations[-1]
    assert preview.startswith("Réunions de la Métropole de Lyon à importer :")
    assert "2 octobre 2025" in preview and "CST du 2 octobre 2025" in preview
    assert "nouvelle réunion" in preview
    assert said.infos == ["1 réunion créée, 0 mise à jour."]
    assert _listed(page) == ["CST du 5 juin 2025", "CST du 2 octobre 2025"]
    created = next(m for m in page.model.records() if m.title == "CST du 2 octobre 2025")
    assert created.starts_at == datetime(2025, 10, 2, 9, 30)
    assert created.body_name == "CST" and created.place == "Hôtel de Région, salle Loire"

    # The employer moved it: the same UID updates the meeting instead of adding one.
    invitation.write_bytes(
        OUTLOOK.replace("20251002T0930", "20251003T1400").replace("\n", "\r\n").encode()
    )
    page.calendar.import_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 2, timeout=10_000)
    assert "mise à jour de « CST du 2 octobre 2025 »" in said.confirmations[-1][0]
    assert said.infos[-1] == "0 réunion créée, 1 mise à jour."
    assert _listed(page).count("CST du 2 octobre 2025") == 1
    assert meetings.get_meeting(store, created.id or 0).starts_at == datetime(2025, 10, 3, 14, 0)
    assert said.errors == []


def test_a_file_that_is_not_icalendar_is_refused_in_french(
    qtbot: QtBot, store: Store, said: Dialogs, tmp_path: Path
) -> None:
    small_dossier(store)
    _window, page = _calendar(qtbot, store)
    letter = tmp_path / "convocation.ics"
    letter.write_text("Madame, Monsieur,\nvous êtes convoqué·e au CST du 2 octobre.\n")
    said.chosen_path = letter
    page.calendar.import_button.click()
    qtbot.waitUntil(lambda: bool(said.errors), timeout=10_000)
    assert said.errors == [
        "Le fichier « convocation.ics » n'est pas une invitation iCalendar (.ics) : exportez "
        "le rendez-vous depuis Outlook ou Thunderbird (« Enregistrer sous » → Format "
        "iCalendar)."
    ]
    assert said.confirmations == [] and said.infos == []
    assert _listed(page) == ["CST du 5 juin 2025"]
    assert len(meetings.list_meetings(store)) == 1


def test_rules_edited_from_the_employers_page_reach_the_calendar(
    qtbot: QtBot, store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = small_dossier(store)
    june = meetings.get_meeting(store, ids["meeting"])
    june.convocation_received_on = date(2025, 5, 30)  # 6 days before: late against 15
    meetings.save_meeting(store, june)
    window, page = _calendar(qtbot, store)

    def convocation_late() -> bool:
        [convocation] = [d for d in page.form.followup.deadlines if d.kind.value == "convocation"]
        return convocation.late

    assert convocation_late()

    window.open_page(window.employers)
    editor = window.employers.employer_editor
    assert not editor.bodies.rules_button.isEnabled()  # no body chosen yet
    editor.bodies.table.setCurrentCell(0, 1)
    assert editor.bodies.rules_button.isEnabled()
    assert editor.bodies.rules_button.text() == "Règles de &délais…"
    assert editor.bodies.rules_button.toolTip()
    assert "convocation 15 jours avant" in editor.bodies.rules_label.text()
    assert "Valeurs par défaut" in editor.bodies.rules_label.text()
    titles: list[str] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, BodyRulesDialog)
        titles.append(dialog.windowTitle())
        type_text(qtbot, dialog.fields[Rule.CONVOCATION], "5")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(rules_editing, "run", run)
    qtbot.mouseClick(editor.bodies.rules_button, Qt.MouseButton.LeftButton)
    assert titles == ["Règles de l'instance — CST"]
    assert said.errors == []
    cst = next(b for b in employers.get_employer(store, ids["employer"]).bodies if b.name == "CST")
    assert body_rules.get_body_rules(store, cst.id or 0).settings[Rule.CONVOCATION] == 5
    assert editor.status_label.text() == "Règles de « CST » enregistrées."
    assert editor.bodies.table.currentRow() == 0  # still on the body just edited
    assert "convocation 5 jours avant" in editor.bodies.rules_label.text()
    assert "Règles propres à l'instance" in editor.bodies.rules_label.text()

    window.open_page(window.meetings)
    assert page.editing_id() == ids["meeting"]
    assert not convocation_late()


def test_rules_of_a_body_just_added_save_the_employer_first(
    qtbot: QtBot, store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = small_dossier(store)
    window = make_window(qtbot, store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    row = editor.bodies.add_body(BodyKind.CAP, "CAP A")
    assert editor.tracker.dirty and editor.bodies.table.currentRow() == row
    assert "Valeurs par défaut" in editor.bodies.rules_label.text()
    titles: list[str] = []

    def run(dialog: QDialog) -> bool:
        titles.append(dialog.windowTitle())
        return False  # looked, then cancelled

    monkeypatch.setattr(rules_editing, "run", run)
    editor.bodies.rules_button.click()
    assert titles == ["Règles de l'instance — CAP A"]
    assert not editor.tracker.dirty and said.errors == []
    names = [b.name for b in employers.get_employer(store, ids["employer"]).bodies]
    assert "CAP A" in names
    chosen = editor.bodies.chosen()
    assert chosen is not None and chosen[1] == "CAP A"


def test_the_month_leaves_the_editor_its_width_and_shortens_long_titles(
    qtbot: QtBot, store: Store, two_employers: dict[str, int]
) -> None:
    _window, page = _calendar(qtbot, store)
    meetings.save_meeting(
        store,
        MeetingData(
            employer_id=two_employers["employer"],
            kind=MeetingKind.TECHNICAL,
            title="Réunion technique sur le déploiement de l'assistant d'IA générative",
            starts_at=datetime(2025, 6, 24, 14, 0),
        ),
    )
    page.refresh()
    page.calendar.month_button.click()
    month = page.calendar.month
    month.show_month(2025, 6)
    editor_pane = page.splitter.widget(1)
    assert editor_pane.width() >= page.form.minimumSizeHint().width()
    long_title = "Réunion technique sur le déploiement de l'assistant d'IA générative"
    [chip] = [c for c in month.findChildren(QPushButton) if c.property("title") == long_title]
    qtbot.waitUntil(lambda: chip.text().endswith("…"))  # once the grid is laid out
    assert chip.width() < month.width() / 6
    assert long_title in chip.toolTip()
