"""Meetings to an iCalendar (.ics) file that Outlook and Thunderbird import at the right time.

Times are stored as French wall-clock time; the file says so with TZID=Europe/Paris and
carries its VTIMEZONE. That block is written with one yearly RRULE per observance
(last Sunday of March / October), the form Google and Thunderbird publish: Outlook
mishandles the RDATE lists icalendar's `Timezone.from_tzid` generates (events shifted
by an hour; see iCalcreator issue #86), so `add_missing_timezones` is not used.
Each meeting keeps one UID for life: exporting again updates the events in the
calendar instead of adding copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from aiconsult_desktop.domain.enums import MeetingKind
from aiconsult_desktop.domain.french import MONTHS, plural
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.files import write_bytes
from aiconsult_desktop.services.backups import check_output
from aiconsult_desktop.services.meetings import list_meetings
from aiconsult_desktop.services.records import MeetingData
from aiconsult_desktop.store import Store

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//AIConsult Desktop//Calendrier des instances//FR"
DEFAULT_LENGTH = timedelta(hours=2)
AGENDA_HEADING = "Ordre du jour :"
NO_END = "X-AICONSULT-END-UNKNOWN"
"""Marks an end time we wrote only for calendars (start + 2 h): read back, there is none."""


SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def paris_timezone() -> Timezone:
    """Europe/Paris as Outlook accepts it: CET/CEST with EU rules since 1996."""
    timezone = Timezone()
    timezone.add("tzid", "Europe/Paris")
    timezone.add("x-lic-location", "Europe/Paris")
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0, 0))
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0, 0))
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    timezone.add_component(daylight)
    timezone.add_component(standard)
    return timezone


def is_summary_line(line: str) -> bool:
    """The first line `description` writes ("Séance plénière · CST — Région…"): read
    back, it is not a note of the meeting."""
    return any(line.startswith(f"{kind.label} · ") for kind in MeetingKind)


def description(meeting: MeetingData) -> str:
    """Body, employer and the agenda, numbered as on a convocation."""
    lines = []
    where = " — ".join(x for x in (meeting.body_name, meeting.employer_name) if x)
    if where:
        lines.append(f"{meeting.kind.label} · {where}")
    if meeting.agenda:
        lines += ["", AGENDA_HEADING]
        lines += [
            f"{n}. {item.title} ({item.kind.label.lower()})"
            for n, item in enumerate(meeting.agenda, start=1)
        ]
    if meeting.notes.strip():
        lines += ["", meeting.notes.strip()]
    return "\n".join(lines).strip()


def is_all_day(meeting: MeetingData) -> bool:
    """A meeting whose time was never given (00:00) is a whole-day event, not a midnight one."""
    return meeting.starts_at.time() == datetime.min.time() and meeting.ends_at is None


def to_event(meeting: MeetingData, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", meeting.ics_uid)
    event.add("dtstamp", stamp)
    if meeting.updated_at is not None:
        # Outlook and Thunderbird take an event with the same UID and a higher SEQUENCE as
        # an update: minutes since 2020 of the last save only ever grow.
        modified = meeting.updated_at.replace(tzinfo=UTC)
        event.add("last-modified", modified)
        event.add("sequence", int((modified - SEQUENCE_EPOCH).total_seconds() // 60))
    event.add("summary", meeting.title)
    if is_all_day(meeting):
        event.add("dtstart", meeting.starts_at.date())
        event.add("dtend", meeting.starts_at.date() + timedelta(days=1))
    else:
        start = meeting.starts_at.replace(tzinfo=PARIS)
        end = (meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH).replace(tzinfo=PARIS)
        event.add("dtstart", start)
        event.add("dtend", end)
        if meeting.ends_at is None:
            event.add(NO_END, "TRUE")
    if meeting.place:
        event.add("location", meeting.place)
    text = description(meeting)
    if text:
        event.add("description", text)
    if meeting.body_name:
        event.add("categories", [meeting.body_name])
    return event


def build_calendar(meetings: list[MeetingData], stamp: datetime | None = None) -> Calendar:
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Instances — AIConsult Desktop")
    calendar.add("x-wr-timezone", "Europe/Paris")
    if any(not is_all_day(m) for m in meetings):
        calendar.add_component(paris_timezone())
    for meeting in meetings:
        calendar.add_component(to_event(meeting, stamp))
    return calendar


@dataclass(frozen=True)
class ExportResult:
    path: Path
    exported: int
    month_only: list[str]
    """Titles left out: a meeting known only by its month has no day to put in a calendar."""

    def summary(self) -> str:
        noun = "réunion exportée" if self.exported <= 1 else "réunions exportées"
        text = f"{self.exported} {noun} dans « {self.path} »."
        if self.month_only:
            left = ", ".join(f"« {t} »" for t in self.month_only[:5])
            others = len(self.month_only) - 5
            more = f" et {plural(others, 'autre')}" if others > 0 else ""
            text += f" Non exportées (date connue au mois seulement) : {left}{more}."
        return text


def export_calendar(
    store: Store,
    path: Path,
    employer_id: int | None = None,
    since: date | None = None,
    body_id: int | None = None,
) -> ExportResult:
    """The meetings the Calendrier page shows (employer, then body filter) into `path`."""
    check_output(store, path)
    meetings = list_meetings(store, employer_id=employer_id)
    if body_id is not None:
        meetings = [m for m in meetings if m.body_id == body_id]
    if since is not None:
        meetings = [m for m in meetings if m.starts_at.date() >= since]
    dated = [m for m in meetings if not m.month_only]
    month_only = [
        f"{m.title} ({MONTHS[m.starts_at.month - 1]} {m.starts_at.year})"
        for m in meetings
        if m.month_only
    ]
    if not dated:
        raise UserError(
            "Aucune réunion à exporter"
            + (
                " pour ce choix."
                if any(x is not None for x in (employer_id, body_id, since))
                else "."
            )
        )
    data = build_calendar(dated).to_ical()
    write_bytes(path, data)
    return ExportResult(path, len(dated), month_only)
