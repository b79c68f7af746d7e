"""Deadlines of meetings, what is coming in the next days, and sessions held per year.

The rules are in `domain.deadlines`; this module feeds them the stored meetings and
body settings, and gathers what the dashboard, the reminders and the calendar show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from aiconsult_desktop.domain.deadlines import (
    BodyRules,
    Deadline,
    DeadlineKind,
    MeetingFacts,
    Whose,
    meeting_deadlines,
)
from aiconsult_desktop.domain.enums import MeetingKind, StatementState
from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.domain.sessions_count import SessionTally, tally_sessions
from aiconsult_desktop.services.body_rules import rules_by_body
from aiconsult_desktop.services.meetings import list_meetings
from aiconsult_desktop.services.records import MeetingData, StatementData
from aiconsult_desktop.services.statements import list_statements
from aiconsult_desktop.store import Store

RulesMap = dict[int, tuple[str, BodyRules]]


def has_deadlines(meeting: MeetingData) -> bool:
    """Only a body's formal session with a known day has a convocation, documents, minutes."""
    return (
        meeting.kind is MeetingKind.PLENARY
        and meeting.body_id is not None
        and not (meeting.month_only)
    )


def deadlines_of(meeting: MeetingData, rules: RulesMap, today: date) -> list[Deadline]:
    if not has_deadlines(meeting) or meeting.body_id not in rules:
        return []
    facts = MeetingFacts(
        day=meeting.starts_at.date(),
        convocation_received_on=meeting.convocation_received_on,
        documents_received_on=meeting.documents_received_on,
        minutes_received_on=meeting.minutes_received_on,
        urgent=meeting.urgent,
    )
    return meeting_deadlines(facts, rules[meeting.body_id][1], today)


def meeting_deadlines_now(store: Store, meeting: MeetingData, today: date) -> list[Deadline]:
    return deadlines_of(meeting, rules_by_body(store), today)


@dataclass(frozen=True)
class Upcoming:
    """One line of "the next 30 days": a meeting, or a deadline (ours or theirs)."""

    day: date
    text: str
    meeting_id: int | None
    whose: Whose | None = None
    """None for the meeting itself."""
    late: bool = False


DEADLINE_TEXT = {
    DeadlineKind.CONVOCATION: "Convocation attendue",
    DeadlineKind.DOCUMENTS: "Documents attendus",
    DeadlineKind.QUESTIONS: "Envoyer nos questions",
    DeadlineKind.MINUTES: "Procès-verbal attendu",
}


def _meeting_name(meeting: MeetingData) -> str:
    return f"{meeting.title} ({meeting.employer_name})"


OWED_SHOWN_DAYS = 365
"""How long a deadline the employer missed stays on the dashboard (minutes never sent)."""


def upcoming(
    store: Store,
    today: date,
    days: int = 30,
    *,
    meetings: list[MeetingData] | None = None,
    statements: list[StatementData] | None = None,
) -> list[Upcoming]:
    """Meetings and open deadlines from today to today + days, oldest first.

    Theirs (convocation, documents, minutes) are shown while not received, and stay
    once past due, marked late: minutes never sent are what the union must chase (up to
    a year; documents only until the meeting). Ours (questions to send, statements to
    validate) while their day has not passed. The dashboard passes the meetings and
    statements it has just read, so they are not read twice.
    """
    end = today + timedelta(days=days)
    rules = rules_by_body(store)
    meetings = list_meetings(store) if meetings is None else meetings
    found: list[Upcoming] = []
    for meeting in meetings:
        day = meeting.starts_at.date()
        if not meeting.month_only and today <= day <= end:
            found.append(Upcoming(day, _meeting_name(meeting), meeting.id))
        for deadline in deadlines_of(meeting, rules, today):
            coming = today <= deadline.due <= end
            owed = (
                deadline.whose is Whose.EMPLOYER
                and deadline.late
                and deadline.due >= today - timedelta(days=OWED_SHOWN_DAYS)
            )
            if not deadline.open or not (coming or owed):
                continue
            urgency = " (séance en urgence)" if deadline.urgent else ""
            text = f"{DEADLINE_TEXT[deadline.kind]}{urgency} — {meeting.title}"
            found.append(Upcoming(deadline.due, text, meeting.id, deadline.whose, deadline.late))
    by_id = {m.id: m for m in meetings}
    for statement in list_statements(store) if statements is None else statements:
        read_at = by_id.get(statement.meeting_id)
        if read_at is None or read_at.month_only:
            continue
        if statement.state not in (StatementState.DRAFT, StatementState.TO_VALIDATE):
            continue
        day = read_at.starts_at.date()
        if today <= day <= end:
            text = f"Valider la déclaration « {statement.title} » — {read_at.title}"
            found.append(Upcoming(day, text, read_at.id, Whose.OURS))
    return sorted(found, key=lambda u: (u.day, u.whose is not None, u.text))


def reminders(store: Store, today: date, within_days: int = 3) -> list[Upcoming]:
    """Ours that are near: what a reminder while the app is open should mention."""
    return [u for u in upcoming(store, today, within_days) if u.whose is Whose.OURS]


@dataclass(frozen=True)
class Shortfall:
    tally: SessionTally
    body_name: str
    employer_name: str

    def sentence(self, today: date) -> str:
        return self.tally.sentence(self.body_name, today)


def session_tallies(store: Store, years: list[int]) -> list[Shortfall]:
    """Per body with a minimum and per year: plenary sessions held (or planned) vs minimum."""
    rules = rules_by_body(store)
    meetings = list_meetings(store)
    employers = {m.body_id: m.employer_name for m in meetings if m.body_id is not None}
    plenaries = [
        (m.body_id, m.starts_at.date())
        for m in meetings
        if m.kind is MeetingKind.PLENARY and m.body_id is not None
    ]
    minimums = {body_id: r.minimum_sessions for body_id, (_name, r) in rules.items()}
    return [
        Shortfall(t, rules[t.body_id][0], employers.get(t.body_id, ""))
        for t in tally_sessions(plenaries, minimums, years)
    ]


def late_summary(deadline: Deadline) -> str:
    """ "Documents : dus le 28 mai 2025, reçus le 2 juin 2025" for lists."""
    due = day_month_year(deadline.due)
    if deadline.done_on is None:
        return f"dû le {due}, non reçu"
    return f"dû le {due}, reçu le {day_month_year(deadline.done_on)}"
