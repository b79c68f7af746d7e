"""The .ics export: read by icalendar and by vobject (an independent parser), the right
instant on both sides of summer time, stable UIDs, and read back by our own import."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar, Event

from aiconsult_desktop.domain.enums import AgendaItemKind, MeetingKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import meetings
from aiconsult_desktop.services.calendar_ics import export_calendar, paris_timezone
from aiconsult_desktop.services.calendar_import import apply_import, read_invitation
from aiconsult_desktop.services.records import AgendaItemData, MeetingData
from aiconsult_desktop.services.transfer import dump_store
from aiconsult_desktop.store import Store, open_store
from tests.helpers import small_dossier

PARIS = ZoneInfo("Europe/Paris")


def add_meeting(store: Store, employer_id: int, title: str, start: datetime) -> MeetingData:
    return meetings.save_meeting(
        store,
        MeetingData(
            employer_id=employer_id,
            kind=MeetingKind.INFORMATION,
            title=title,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        ),
    )


@pytest.fixture
def exported(store: Store, tmp_path: Path) -> tuple[Store, Path, dict[str, int]]:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.place = "Hôtel de la Métropole, salle 3"
    meeting.agenda = [
        AgendaItemData("Déploiement de l'outil d'IA", AgendaItemKind.OPINION),
        AgendaItemData("Bilan social 2024", AgendaItemKind.INFORMATION),
    ]
    meetings.save_meeting(store, meeting)
    # Saturday 25 October (summer time) and Monday 27 October 2025 (winter time).
    add_meeting(
        store, ids["employer"], "Avant le changement d'heure", datetime(2025, 10, 25, 9, 30)
    )
    add_meeting(
        store, ids["employer"], "Après le changement d'heure", datetime(2025, 10, 27, 9, 30)
    )
    path = tmp_path / "réunions.ics"
    result = export_calendar(store, path)
    assert result.exported == 3
    return store, path, ids


def test_icalendar_reads_the_right_instants(exported: tuple[Store, Path, dict[str, int]]) -> None:
    _store, path, _ids = exported
    calendar = Calendar.from_ical(path.read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    utc = {title: e.start.astimezone(UTC) for title, e in events.items()}
    assert utc["CST du 5 juin 2025"] == datetime(2025, 6, 5, 7, 30, tzinfo=UTC)
    assert utc["Avant le changement d'heure"] == datetime(2025, 10, 25, 7, 30, tzinfo=UTC)
    assert utc["Après le changement d'heure"] == datetime(2025, 10, 27, 8, 30, tzinfo=UTC)
    cst = events["CST du 5 juin 2025"]
    assert str(cst["LOCATION"]) == "Hôtel de la Métropole, salle 3"
    assert "1. Déploiement de l'outil d'IA (pour avis)" in str(cst["DESCRIPTION"])
    assert "2. Bilan social 2024 (pour information)" in str(cst["DESCRIPTION"])
    text = path.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Paris:20250605T093000" in text
    assert "RDATE" not in text  # Outlook mishandles RDATE-based VTIMEZONE blocks
    assert text.count("BEGIN:VTIMEZONE") == 1


def test_vobject_an_independent_parser_reads_the_same(
    exported: tuple[Store, Path, dict[str, int]],
) -> None:
    _store, path, _ids = exported
    parsed = vobject.readOne(io.StringIO(path.read_text(encoding="utf-8")))
    starts = {e.summary.value: e.dtstart.value for e in parsed.vevent_list}
    assert starts["CST du 5 juin 2025"].astimezone(UTC) == datetime(2025, 6, 5, 7, 30, tzinfo=UTC)
    assert starts["Après le changement d'heure"].astimezone(UTC) == datetime(
        2025, 10, 27, 8, 30, tzinfo=UTC
    )
    assert len({e.uid.value for e in parsed.vevent_list}) == 3


def test_the_vtimezone_matches_the_tz_database_for_years_to_come() -> None:
    """Each half hour of the changes from 2024 to 2037: VTIMEZONE and zoneinfo agree."""
    calendar = Calendar()
    calendar.add_component(paris_timezone())
    zone = calendar.walk("VTIMEZONE")[0].to_tz()
    for year in range(2024, 2038):
        for month in (3, 10):
            for day in range(24, 32):
                for hour in (0, 1, 4, 12):
                    local = datetime(year, month, day, hour, 30)
                    assert (
                        local.replace(tzinfo=zone).utcoffset()
                        == local.replace(tzinfo=PARIS).utcoffset()
                    ), local


def test_a_second_export_keeps_the_uids(
    exported: tuple[Store, Path, dict[str, int]], tmp_path: Path
) -> None:
    store, path, _ids = exported
    again = tmp_path / "encore.ics"
    export_calendar(store, again)
    uids = [
        sorted(str(e["UID"]) for e in Calendar.from_ical(p.read_bytes()).walk("VEVENT"))
        for p in (path, again)
    ]
    assert uids[0] == uids[1]


def test_a_changed_meeting_is_exported_as_an_update(store: Store, tmp_path: Path) -> None:
    """Same UID, higher SEQUENCE and a LAST-MODIFIED: calendar clients update the event."""
    from aiconsult_desktop.store.models import Meeting

    ids = small_dossier(store)

    def exported_event(name: str) -> Event:
        target = tmp_path / name
        export_calendar(store, target)
        (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        return event

    before = exported_event("avant.ics")
    assert before.get("LAST-MODIFIED") is not None
    # Backdate the last save, as if the meeting had been exported an hour ago.
    with store.session() as session:
        row = session.get(Meeting, ids["meeting"])
        assert row is not None
        row.updated_at -= timedelta(hours=1)
    older = exported_event("ancien.ics")
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.agenda = [AgendaItemData("Point ajouté après l'invitation")]  # agenda only
    meetings.save_meeting(store, meeting)
    after = exported_event("apres.ics")
    assert str(after["UID"]) == str(older["UID"])
    assert int(after["SEQUENCE"]) > int(older["SEQUENCE"])
    assert "Point ajouté après l'invitation" in str(after["DESCRIPTION"])


def test_round_trip_through_import(
    exported: tuple[Store, Path, dict[str, int]], tmp_path: Path
) -> None:
    store, path, ids = exported
    # Into the same base: every event is recognised by its UID, nothing is doubled.
    preview = read_invitation(store, path)
    assert all(m.existing_id for m in preview.meetings)
    before = dump_store(store)
    result = apply_import(store, preview, ids["employer"])
    assert (result.updated, result.unchanged) == (0, 3)  # our own export changes nothing
    assert dump_store(store) == before
    assert len(before["meetings"]) == 3
    # Into an empty base: the same meetings, times, places and agenda.
    other = open_store(tmp_path / "autre.sqlite3")
    from aiconsult_desktop.services import employers
    from aiconsult_desktop.services.records import EmployerData

    employer = employers.save_employer(other, EmployerData(name="Métropole de Lyon"))
    assert employer.id is not None
    result = apply_import(other, read_invitation(other, path), employer.id)
    assert (result.created, result.updated) == (3, 0)
    mine = {
        (m.title, m.starts_at, m.ends_at, m.place, m.ics_uid) for m in meetings.list_meetings(store)
    }
    theirs = {
        (m.title, m.starts_at, m.ends_at, m.place, m.ics_uid) for m in meetings.list_meetings(other)
    }
    assert mine == theirs
    cst = next(m for m in meetings.list_meetings(other) if m.title == "CST du 5 juin 2025")
    assert [(a.title, a.kind) for a in cst.agenda] == [
        ("Déploiement de l'outil d'IA", AgendaItemKind.OPINION),
        ("Bilan social 2024", AgendaItemKind.INFORMATION),
    ]
    other.close()


def test_month_only_meetings_are_left_out_and_said(demo_store: Store, tmp_path: Path) -> None:
    result = export_calendar(demo_store, tmp_path / "demo.ics")
    assert result.exported >= 1
    assert "mois seulement" in result.summary()
    assert "mars 2025" in result.summary()


def test_nothing_to_export_is_said(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Aucune réunion à exporter"):
        export_calendar(store, tmp_path / "vide.ics")
