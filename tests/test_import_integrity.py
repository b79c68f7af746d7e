"""Imports apply whole or not at all, and our own calendar read back changes nothing
(issue 16, items 7 and 8): each compares full dumps before and after."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import employers, meetings, questions, transfer
from aiconsult_desktop.services.calendar_ics import export_calendar
from aiconsult_desktop.services.calendar_import import apply_import, read_invitation
from aiconsult_desktop.services.records import EmployerData, QuestionData
from aiconsult_desktop.store import Store
from tests.gui_support import Dialogs, make_window
from tests.helpers import new_store
from tests.test_cli import aiconsult

TOO_LONG = "Point " + "x" * 1000  # an agenda item longer than the meeting form accepts


def _region(store: Store) -> int:
    found = employers.find_employer(store, "Région des Pays de la Loire").id
    assert found is not None
    return found


def _invitation(store: Store, bad_at: int = 8, count: int = 10) -> bytes:
    """`count` events: the first three move meetings the demo has (same UID), the others
    are new; event n° `bad_at` has an agenda item the form would refuse."""
    known = [m.ics_uid for m in meetings.list_meetings(store)][:3]
    events = []
    for number in range(1, count + 1):
        uid = known[number - 1] if number <= len(known) else f"new-{number}@example.org"
        agenda = f"1. {TOO_LONG} (pour avis)" if number == bad_at else "1. Budget (pour avis)"
        events.append(
            "BEGIN:VEVENT\n"
            f"UID:{uid}\n"
            f"SUMMARY:Réunion importée n° {number}\n"
            f"DTSTART:202611{number:02d}T093000\n"
            f"DTEND:202611{number:02d}T113000\n"
            f"DESCRIPTION:Ordre du jour :\\n{agenda}\n"
            "END:VEVENT\n"
        )
    text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//FR\n" + "".join(events)
    return (text + "END:VCALENDAR\n").replace("\n", "\r\n").encode()


def test_an_invitation_refused_at_its_8th_event_changes_nothing(
    demo_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "agenda.ics"
    path.write_bytes(_invitation(demo_store))
    before = transfer.dump_store(demo_store)
    preview = read_invitation(demo_store, path)
    with pytest.raises(UserError) as refused:
        apply_import(demo_store, preview, _region(demo_store))
    assert refused.value.message.startswith("Événement « Réunion importée n° 8 » du 8 novembre")
    assert "trop long" in refused.value.message and "Rien n'a été importé" in refused.value.message
    assert transfer.dump_store(demo_store) == before
    # The same file without the bad event goes in whole.
    path.write_bytes(_invitation(demo_store, bad_at=0))
    result = apply_import(demo_store, read_invitation(demo_store, path), _region(demo_store))
    assert (result.created, result.updated) == (7, 3)


def test_the_command_line_import_refused_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    assert aiconsult("demo").returncode == 0
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    assert aiconsult("dump", "-o", str(before)).returncode == 0
    from aiconsult_desktop.store import open_store

    store = open_store(data_dir / "aiconsult.sqlite3")
    path = tmp_path / "agenda.ics"
    path.write_bytes(_invitation(store))
    store.close()
    refused = aiconsult("import", "calendar", str(path), "--employer", "Région")
    assert refused.returncode == 1
    assert "Rien n'a été importé" in refused.stderr and "Traceback" not in refused.stderr
    assert aiconsult("dump", "-o", str(after)).returncode == 0
    assert json.loads(after.read_text("utf-8")) == json.loads(before.read_text("utf-8"))


def test_the_calendrier_page_import_refused_changes_nothing(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.meetings)
    page = window.meetings
    page.employer_filter.setCurrentIndex(page.employer_filter.findData(_region(demo_store)))
    path = tmp_path / "agenda.ics"
    path.write_bytes(_invitation(demo_store))
    before = transfer.dump_store(demo_store)
    said.chosen_path, said.answer = path, True
    page.calendar.import_button.click()
    qtbot.waitUntil(lambda: bool(said.errors or said.infos), timeout=10_000)  # off the GUI thread
    assert len(said.errors) == 1 and "Rien n'a été importé" in said.errors[0]
    assert said.infos == []
    assert transfer.dump_store(demo_store) == before


def test_a_pasted_list_with_one_bad_question_adds_none(demo_store: Store) -> None:
    before = transfer.dump_store(demo_store)
    template = QuestionData(employer_id=_region(demo_store), text="", asked_on=date(2025, 6, 5))
    texts = ["Quel budget ?", "Quel calendrier ?", "x" * 100_001, "Quel bilan ?"]
    with pytest.raises(UserError, match="Question n° 3"):
        questions.add_questions(demo_store, template, texts)
    assert transfer.dump_store(demo_store) == before


def test_re_importing_our_own_export_changes_nothing(demo_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "instances.ics"
    export_calendar(demo_store, path)
    before = transfer.dump_store(demo_store)
    preview = read_invitation(demo_store, path)
    assert all("déjà à jour" in line for line in preview.lines())
    result = apply_import(demo_store, preview, _region(demo_store))
    assert (result.created, result.updated, result.unchanged) == (0, 0, len(preview.meetings))
    assert transfer.dump_store(demo_store) == before


def test_our_export_read_into_another_base_invents_nothing(
    demo_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "instances.ics"
    export_calendar(demo_store, path)
    other = new_store(tmp_path, "autre.sqlite3")
    region = employers.save_employer(other, EmployerData(name="Région des Pays de la Loire"))
    assert region.id is not None
    apply_import(other, read_invitation(other, path), region.id)
    theirs = {m.title: m for m in meetings.list_meetings(other)}
    for mine in meetings.list_meetings(demo_store):
        if mine.month_only:
            continue  # not exported: no day to put in a calendar
        copy = theirs[mine.title]
        assert (copy.starts_at, copy.ends_at, copy.notes) == (
            mine.starts_at,
            mine.ends_at,
            mine.notes,
        )
    other.close()
