"""Importing an invitation: Outlook and Thunderbird styles, and every bad input of the issue."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from aiconsult_desktop.domain.enums import MeetingKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import meetings
from aiconsult_desktop.services.calendar_import import (
    MAX_EVENTS,
    apply_import,
    read_invitation,
    read_invitation_bytes,
)
from aiconsult_desktop.store import Store
from tests.helpers import small_dossier
from tests.ics_samples import OUTLOOK


def event(body: str, header: str = "") -> bytes:
    text = (
        f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//FR\n{header}"
        f"BEGIN:VEVENT\n{body}\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    return text.replace("\n", "\r\n").encode()


def test_an_outlook_invitation_becomes_a_cst_meeting_then_updates_it(store: Store) -> None:
    ids = small_dossier(store)
    preview = read_invitation_bytes(store, OUTLOOK.replace("\n", "\r\n").encode())
    [invited] = preview.meetings
    assert invited.starts_at == datetime(2025, 10, 2, 9, 30)
    assert invited.remarks == []  # Romance Standard Time is Paris time: nothing converted
    assert "nouvelle réunion" in preview.lines()[0]
    assert apply_import(store, preview, ids["employer"]).created == 1
    created = next(m for m in meetings.list_meetings(store) if m.title == "CST du 2 octobre 2025")
    assert created.body_name == "CST" and created.kind is MeetingKind.PLENARY
    assert created.place == "Hôtel de Région, salle Loire"
    moved = OUTLOOK.replace("20251002T0930", "20251003T1400").replace(
        "20251002T1230", "20251003T1600"
    )
    preview = read_invitation_bytes(store, moved.replace("\n", "\r\n").encode())
    assert "mise à jour de « CST du 2 octobre 2025 »" in preview.lines()[0]
    assert apply_import(store, preview, ids["employer"]).updated == 1
    again = meetings.get_meeting(store, created.id or 0)
    assert again.starts_at == datetime(2025, 10, 3, 14, 0)
    assert len(meetings.list_meetings(store)) == 2


def test_a_file_that_is_not_icalendar(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "note.ics"
    path.write_text("Réunion jeudi à 9 h 30", encoding="utf-8")
    with pytest.raises(UserError, match="n'est pas une invitation iCalendar"):
        read_invitation(store, path)
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Awa\r\nEND:VCARD\r\n")
    with pytest.raises(UserError, match="n'est pas une invitation iCalendar"):
        read_invitation(store, path)


def test_no_event(store: Store) -> None:
    raw = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//FR\r\nEND:VCALENDAR\r\n"
    with pytest.raises(UserError, match="ne contient aucun événement"):
        read_invitation_bytes(store, raw)


def test_an_event_with_no_start_is_skipped_with_its_reason(store: Store) -> None:
    with pytest.raises(UserError, match="n'a pas de date de début"):
        read_invitation_bytes(store, event("UID:a\nSUMMARY:CST"))
    both = event("UID:a\nSUMMARY:Sans date") + b""
    both = both.replace(
        b"END:VCALENDAR",
        b"BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Datee\r\nDTSTART:20251002T093000\r\nEND:VEVENT\r\nEND:VCALENDAR",
    )
    preview = read_invitation_bytes(store, both)
    assert [m.title for m in preview.meetings] == ["Datee"]
    assert preview.lines()[-1] == "Ignoré : « Sans date » : l'événement n'a pas de date de début"


def test_another_time_zone_is_converted_to_paris_time(store: Store) -> None:
    preview = read_invitation_bytes(
        store, event("UID:a\nSUMMARY:Visio\nDTSTART;TZID=America/New_York:20250605T093000")
    )
    [invited] = preview.meetings
    assert invited.starts_at == datetime(2025, 6, 5, 15, 30)
    assert "America/New_York (9 h 30 → 15 h 30)" in invited.remarks[0]
    utc = read_invitation_bytes(store, event("UID:b\nSUMMARY:UTC\nDTSTART:20251027T083000Z"))
    assert utc.meetings[0].starts_at == datetime(2025, 10, 27, 9, 30)  # winter time: UTC+1
    floating = read_invitation_bytes(store, event("UID:c\nSUMMARY:Locale\nDTSTART:20250605T093000"))
    assert floating.meetings[0].starts_at == datetime(2025, 6, 5, 9, 30)
    assert floating.meetings[0].remarks == []


def test_an_all_day_event(store: Store) -> None:
    preview = read_invitation_bytes(
        store,
        event("UID:a\nSUMMARY:Séminaire\nDTSTART;VALUE=DATE:20250605\nDTEND;VALUE=DATE:20250607"),
    )
    [invited] = preview.meetings
    assert invited.starts_at == datetime(2025, 6, 5) and invited.ends_at is None
    assert "journée entière" in invited.remarks[0]
    assert "sur 2 jours" in invited.remarks[1]


def test_a_recurring_event_imports_its_first_occurrence_and_says_so(store: Store) -> None:
    preview = read_invitation_bytes(
        store,
        event(
            "UID:a\nSUMMARY:Groupe de travail\nDTSTART:20250605T093000\nRRULE:FREQ=WEEKLY;COUNT=10"
        ),
    )
    [invited] = preview.meetings
    assert invited.starts_at == datetime(2025, 6, 5, 9, 30)
    assert "seule la première occurrence est importée" in preview.lines()[0]


def test_thousands_of_events_are_refused_clearly(store: Store) -> None:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:R{n}\r\nDTSTART:20250605T093000\r\nEND:VEVENT\r\n"
        for n in range(2000)
    )
    raw = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//FR\r\n{events}END:VCALENDAR\r\n"
    with pytest.raises(UserError, match=f"contient 2000 événements.*au plus {MAX_EVENTS}"):
        read_invitation_bytes(store, raw.encode())


def test_a_bounded_preview(store: Store) -> None:
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:R{n}\r\nDTSTART:20250605T093000\r\nEND:VEVENT\r\n"
        for n in range(120)
    )
    raw = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//FR\r\n{events}END:VCALENDAR\r\n"
    lines = read_invitation_bytes(store, raw.encode()).lines()
    assert len(lines) == 51 and lines[-1] == "… et 70 autres événements."


def test_29_february_of_a_non_leap_year_is_refused_in_french(store: Store) -> None:
    with pytest.raises(
        UserError, match="29 février 2025 n'existe pas : 2025 n'est pas une année bissextile"
    ):
        read_invitation_bytes(store, event("UID:a\nSUMMARY:CST\nDTSTART:20250229T093000"))
    preview = read_invitation_bytes(store, event("UID:a\nSUMMARY:CST\nDTSTART:20240229T093000"))
    assert preview.meetings[0].starts_at == datetime(2024, 2, 29, 9, 30)
