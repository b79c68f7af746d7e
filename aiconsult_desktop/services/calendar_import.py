"""An iCalendar invitation (Outlook, Thunderbird) read into meetings: preview, then apply.

Reading never writes: `read_invitation` returns a preview a person checks (or the CLI
prints); `apply_import` then creates the meetings, or updates the one with the same UID
(an invitation sent again after a change, or our own export read back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Component
from icalendar.error import BrokenCalendarProperty

from aiconsult_desktop.domain.enums import AgendaItemKind, MeetingKind
from aiconsult_desktop.domain.french import agreed, day_month_year, plural, time_hm
from aiconsult_desktop.domain.french_errors import os_reason
from aiconsult_desktop.domain.rules import check_meeting_times
from aiconsult_desktop.domain.text import clean_text
from aiconsult_desktop.domain.typed_dates import check_day, day_in
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services.calendar_ics import AGENDA_HEADING, NO_END, PARIS, is_summary_line
from aiconsult_desktop.services.employers import get_employer
from aiconsult_desktop.services.meetings import find_by_uid, save_meeting
from aiconsult_desktop.services.records import AgendaItemData, EmployerData, MeetingData
from aiconsult_desktop.store import Store

MAX_EVENTS = 500
"""More is a whole calendar exported, not an invitation: refused with a clear message."""
PREVIEW_LINES = 50
MAX_BYTES = 20 * 1024 * 1024

_AGENDA_LINE = re.compile(r"^\s*(\d+)[.)]\s+(.*?)(?:\s+\((pour avis|pour information)\))?\s*$")


@dataclass
class InvitedMeeting:
    """One event of the file, as the meeting it would become."""

    uid: str
    title: str
    starts_at: datetime
    """Paris wall-clock time (converted when the file used another zone)."""
    ends_at: datetime | None
    place: str = ""
    notes: str = ""
    agenda: list[AgendaItemData] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    """What the reader should know: converted time zone, whole day, recurring…"""
    existing_id: int | None = None
    existing_title: str = ""
    unchanged: bool = False
    """Known by its UID and the invitation would change nothing (our own export)."""

    def line(self) -> str:
        when = day_month_year(self.starts_at)
        if self.starts_at.time() != time(0, 0):
            when += f", {time_hm(self.starts_at)}"
        action = (
            "déjà à jour"
            if self.unchanged
            else f"mise à jour de « {self.existing_title} »"
            if self.existing_id
            else "nouvelle réunion"
        )
        remarks = "".join(f"\n    ({r})" for r in self.remarks)
        return f"{when} — {self.title} [{action}]{remarks}"


@dataclass
class ImportPreview:
    source: str
    meetings: list[InvitedMeeting]
    skipped: list[str]
    """Events left out, each with its reason in French."""

    def lines(self, limit: int = PREVIEW_LINES) -> list[str]:
        shown = [m.line() for m in self.meetings[:limit]]
        if len(self.meetings) > limit:
            others = plural(len(self.meetings) - limit, "autre événement", "autres événements")
            shown.append(f"… et {others}.")
        shown += [f"Ignoré : {reason}" for reason in self.skipped]
        return shown


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int = 0

    def summary(self) -> str:
        created = f"{plural(self.created, 'réunion')} {agreed(self.created, 'créée')}"
        text = f"{created}, {plural(self.updated, 'mise')} à jour"
        if self.unchanged:
            text += f", {self.unchanged} déjà à jour"
        return text + "."


def _text(component: Component, name: str) -> str:
    value = component.get(name)
    return clean_text(str(value)).strip() if value is not None else ""


def _paris(value: datetime, remarks: list[str], tzid: str | None) -> datetime:
    """Naive Paris wall-clock time, whatever the zone the file used."""
    if value.tzinfo is None:
        if tzid:
            remarks.append(f"fuseau « {tzid} » inconnu : heure prise comme heure de Paris")
        return value
    converted = value.astimezone(PARIS).replace(tzinfo=None)
    if value.replace(tzinfo=None) != converted:
        name = tzid or ("UTC" if value.utcoffset() == timedelta(0) else str(value.tzinfo))
        remarks.append(
            f"heure convertie en heure de Paris depuis {name} "
            f"({time_hm(value.replace(tzinfo=None))} → {time_hm(converted)})"
        )
    return converted


def _split_description(text: str) -> tuple[str, list[AgendaItemData]]:
    """Notes, and the agenda when written as our export writes it ("1. Point (pour avis)").

    The summary line our export puts first (kind, body, employer) is not a note.
    """
    first, _, others = text.partition("\n")
    if is_summary_line(first):
        text = others.strip()
    if AGENDA_HEADING not in text:
        return text, []
    before, after = text.split(AGENDA_HEADING, 1)
    agenda: list[AgendaItemData] = []
    rest: list[str] = []
    for line in after.splitlines():
        found = _AGENDA_LINE.match(line)
        if found and not rest:
            kind = (
                AgendaItemKind.OPINION
                if found.group(3) == "pour avis"
                else AgendaItemKind.INFORMATION
            )
            agenda.append(AgendaItemData(title=found.group(2), kind=kind, position=len(agenda) + 1))
        elif line.strip() or rest:
            rest.append(line)
    notes = "\n".join(x for x in (before.strip(), "\n".join(rest).strip()) if x)
    return notes, agenda


def _broken_start(event: Component) -> str | None:
    """Why a start that icalendar could not read is wrong, in French (29 février 2025)."""
    for name, message in event.errors:
        if name != "DTSTART":
            continue
        found = day_in(str(message).rsplit(":", 1)[-1])
        if found:
            try:
                check_day(*found)
            except ValidationError as error:
                return error.message.rstrip(".")  # said inside a longer sentence
        return "date de début illisible"
    return None


def _event_or_reason(event: Component) -> InvitedMeeting | str:
    """The meeting, or why the event is left out (dates at the calendar's very ends
    cannot be converted or extended without overflowing)."""
    try:
        return _read_event(event)
    except (OverflowError, ValueError):
        return f"« {_text(event, 'SUMMARY') or '(sans titre)'} » : date hors des limites"


def _read_event(event: Component) -> InvitedMeeting | str:
    """The meeting, or why the event is left out."""
    title = _text(event, "SUMMARY") or "(sans titre)"
    broken = _broken_start(event)
    if broken:
        return f"« {title} » : {broken}"
    try:
        start_prop = event.get("DTSTART")
        end_prop = event.get("DTEND")
        start = start_prop.dt if start_prop is not None else None
        end = end_prop.dt if end_prop is not None else None
    except BrokenCalendarProperty:
        return f"« {title} » : date illisible"
    if start is None:
        return f"« {title} » : l'événement n'a pas de date de début"
    if isinstance(start, tuple):  # DTSTART;VALUE=PERIOD: a start and an end or a duration
        start, length = start
        end = length if isinstance(length, datetime) else None
        if isinstance(length, timedelta) and isinstance(start, datetime):
            end = start + length
    remarks: list[str] = []
    tzid = start_prop.params.get("TZID")
    if isinstance(start, datetime):
        starts_at = _paris(start, remarks, tzid)
        ends_at = _paris(end, [], tzid) if isinstance(end, datetime) else None
        if end is None and event.get("DURATION") is not None:
            ends_at = starts_at + event.get("DURATION").dt
        if _text(event, NO_END).upper() == "TRUE":
            ends_at = None  # written by our export for calendars only
    else:
        starts_at, ends_at = datetime.combine(start, time(0, 0)), None
        remarks.append("événement sur la journée entière : heure à préciser")
        if isinstance(end, date) and (end - start).days > 1:
            remarks.append(f"sur {(end - start).days} jours : seul le premier est retenu")
    if ends_at is not None and ends_at < starts_at:
        ends_at = None
    try:
        check_meeting_times(starts_at, ends_at)  # the forms' range of years
    except ValidationError as error:
        return f"« {title} » : {error.message.rstrip('.')}"
    if event.get("RRULE") is not None:
        remarks.append("événement répété : seule la première occurrence est importée")
    if _text(event, "STATUS").upper() == "CANCELLED":
        remarks.append("l'organisateur a annulé cet événement")
    uid = _text(event, "UID")
    notes, agenda = _split_description(_text(event, "DESCRIPTION"))
    return InvitedMeeting(
        uid=uid[:255],
        title=title[:500],
        starts_at=starts_at,
        ends_at=ends_at,
        place=_text(event, "LOCATION")[:500],
        notes=notes,
        agenda=agenda,
        remarks=remarks,
    )


def read_invitation(store: Store, path: Path) -> ImportPreview:
    name = f"Le fichier « {path.name} »"
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UserError(f"{name} est trop volumineux pour une invitation (plus de 20 Mo).")
        raw = path.read_bytes()
    except OSError as error:
        raise UserError(f"Impossible de lire « {path} » ({os_reason(error)}).") from error
    return read_invitation_bytes(store, raw, name)


def read_invitation_bytes(store: Store, raw: bytes, name: str = "Le fichier") -> ImportPreview:
    not_ics = (
        f"{name} n'est pas une invitation iCalendar (.ics) : exportez le rendez-vous depuis "
        "Outlook ou Thunderbird (« Enregistrer sous » → Format iCalendar)."
    )
    try:
        calendar = Calendar.from_ical(raw)
    except (ValueError, IndexError, KeyError, UnicodeDecodeError) as error:
        raise UserError(not_ics) from error
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise UserError(not_ics)
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise UserError(f"{name} ne contient aucun événement (VEVENT) à importer.")
    if len(events) > MAX_EVENTS:
        raise UserError(
            f"{name} contient {len(events)} événements : c'est un calendrier entier, pas une "
            f"invitation. Importez au plus {MAX_EVENTS} événements à la fois (exportez une "
            "période plus courte depuis votre agenda)."
        )
    meetings: list[InvitedMeeting] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for event in events:
        found = _event_or_reason(event)
        if isinstance(found, str):
            skipped.append(found)
            continue
        if event.get("RECURRENCE-ID") is not None and found.uid in seen:
            skipped.append(
                f"« {found.title} » : modification d'une occurrence d'un événement répété"
            )
            continue
        seen.add(found.uid)
        existing = find_by_uid(store, found.uid) if found.uid else None
        if existing is not None:
            found.existing_id, found.existing_title = existing.id, existing.title
            found.unchanged = _updated(existing, found) == existing
        meetings.append(found)
    if not meetings:
        reasons = " ; ".join(skipped[:3])
        raise UserError(f"{name} ne contient aucun événement importable : {reasons}.")
    meetings.sort(key=lambda m: m.starts_at)
    return ImportPreview(name, meetings, skipped)


def _body_for(employer: EmployerData, title: str) -> int | None:
    """The employer's body named in the title ("CST du 5 juin"), as a whole word."""
    for body in sorted(employer.bodies, key=lambda b: -len(b.name)):
        if re.search(rf"(?<!\w){re.escape(body.name)}(?!\w)", title, re.IGNORECASE):
            return body.id
    return None


def _updated(existing: MeetingData, invited: InvitedMeeting) -> MeetingData:
    """`existing` as the invitation changes it: what an invitation says (title, time,
    place); the follow-up, and an agenda or notes already typed, stay as they were."""
    return replace(
        existing,
        title=invited.title,
        place=invited.place or existing.place,
        starts_at=invited.starts_at,
        ends_at=invited.ends_at,
        agenda=existing.agenda or invited.agenda,
        notes=existing.notes if existing.notes.strip() else invited.notes,
    )


def _refused(invited: InvitedMeeting, error: UserError) -> UserError:
    """The event named, and the promise kept: nothing of the file was recorded."""
    message = error.message[:1].lower() + error.message[1:]
    return UserError(
        f"Événement « {invited.title} » du {day_month_year(invited.starts_at)} : {message} "
        "Rien n'a été importé : corrigez l'événement dans votre agenda, puis réessayez."
    )


def apply_import(store: Store, preview: ImportPreview, employer_id: int) -> ImportResult:
    """Create the new meetings for `employer_id`, update those already known by UID.

    All or nothing: one transaction, so an event refused halfway leaves every meeting as
    it was. A meeting the invitation would not change is not saved again (our own export
    read back changes nothing, not even the date of last change).
    """
    employer = get_employer(store, employer_id)
    assert employer.id is not None
    created = updated = unchanged = 0
    with store.transaction():
        for invited in preview.meetings:
            try:
                outcome = _apply_one(store, employer, invited)
            except UserError as error:
                raise _refused(invited, error) from error
            created += outcome == "created"
            updated += outcome == "updated"
            unchanged += outcome == "unchanged"
    return ImportResult(created, updated, unchanged)


def _apply_one(store: Store, employer: EmployerData, invited: InvitedMeeting) -> str:
    assert employer.id is not None
    existing = find_by_uid(store, invited.uid) if invited.uid else None
    if existing is not None:
        changed = _updated(existing, invited)
        if changed == existing:
            return "unchanged"
        save_meeting(store, changed)
        return "updated"
    body_id = _body_for(employer, invited.title)
    save_meeting(
        store,
        MeetingData(
            employer_id=employer.id,
            kind=MeetingKind.PLENARY if body_id else MeetingKind.INFORMATION,
            title=invited.title,
            starts_at=invited.starts_at,
            ends_at=invited.ends_at,
            body_id=body_id,
            place=invited.place,
            notes=invited.notes,
            agenda=invited.agenda,
            ics_uid=invited.uid,
        ),
    )
    return "created"
