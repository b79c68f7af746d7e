"""Deadline rules: plain unit tests, no store and no Qt."""

from __future__ import annotations

from datetime import date

import pytest

from aiconsult_desktop.domain.deadlines import (
    DeadlineKind,
    MeetingFacts,
    Rule,
    Whose,
    days_between,
    default_rule,
    meeting_deadlines,
    resolve_rules,
    shift,
)
from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.domain.sessions_count import tally_sessions

CST = resolve_rules(BodyKind.CST)


def by_kind(deadlines, kind):  # type: ignore[no-untyped-def]
    return next(d for d in deadlines if d.kind is kind)


def test_defaults_come_with_their_source() -> None:
    assert CST.convocation_days == 15
    assert CST.documents_days == 8
    assert CST.minutes_days == 15
    assert CST.minimum_sessions == 2
    assert CST.working_days is False
    f3sct = resolve_rules(BodyKind.F3SCT)
    assert (f3sct.minutes_days, f3sct.minimum_sessions) == (30, 3)
    assert "art. 81 II" in f3sct.source(Rule.MINUTES)
    assert "2021-571" in CST.source(Rule.MINUTES)
    assert default_rule(BodyKind.CST, Rule.QUESTIONS).confidence == "faible"
    other = resolve_rules(BodyKind.CAP)
    assert other.minutes_days is None and other.minimum_sessions is None


def test_emptied_settings_fall_back_to_the_defaults() -> None:
    own = resolve_rules(BodyKind.CST, {Rule.DOCUMENTS: 10, Rule.CONVOCATION: None})
    assert own.documents_days == 10
    assert own.convocation_days == 15
    assert own.source(Rule.DOCUMENTS).startswith("règle propre")
    assert "règlement intérieur" in own.source(Rule.CONVOCATION)
    emptied = resolve_rules(BodyKind.CST, dict.fromkeys(Rule))
    assert emptied == CST


def test_documents_three_days_before_give_the_issue_sentence() -> None:
    facts = MeetingFacts(day=date(2025, 6, 5), documents_received_on=date(2025, 6, 2))
    documents = by_kind(
        meeting_deadlines(facts, CST, today=date(2025, 6, 3)), DeadlineKind.DOCUMENTS
    )
    assert documents.late and documents.whose is Whose.EMPLOYER
    assert documents.due == date(2025, 5, 28)
    assert documents.sentence == (
        "Les documents ont été transmis le 2 juin 2025, soit 3 jours avant la séance, "
        "alors que le règlement intérieur prévoit 8 jours."
    )


def test_on_time_is_not_late_and_the_due_day_itself_is_on_time() -> None:
    facts = MeetingFacts(
        day=date(2025, 6, 5),
        convocation_received_on=date(2025, 5, 21),  # exactly 15 days
        documents_received_on=date(2025, 5, 20),
    )
    found = meeting_deadlines(facts, CST, today=date(2025, 6, 30))
    assert not by_kind(found, DeadlineKind.CONVOCATION).late
    assert not by_kind(found, DeadlineKind.DOCUMENTS).late
    convocation = by_kind(
        meeting_deadlines(
            MeetingFacts(day=date(2025, 6, 5), convocation_received_on=date(2025, 5, 22)),
            CST,
            today=date(2025, 6, 1),
        ),
        DeadlineKind.CONVOCATION,
    )
    assert convocation.late
    assert convocation.sentence.startswith("La convocation a été transmise le 22 mai 2025")


def test_nothing_received_is_late_only_once_the_due_date_has_passed() -> None:
    facts = MeetingFacts(day=date(2025, 6, 5))
    before = by_kind(meeting_deadlines(facts, CST, today=date(2025, 5, 28)), DeadlineKind.DOCUMENTS)
    after = by_kind(meeting_deadlines(facts, CST, today=date(2025, 5, 29)), DeadlineKind.DOCUMENTS)
    assert not before.late
    assert after.late
    over = meeting_deadlines(facts, CST, today=date(2025, 6, 6))
    assert not by_kind(over, DeadlineKind.DOCUMENTS).late  # not recorded: unknown, not late
    assert after.sentence == (
        "Les documents n'ont toujours pas été transmis, alors que le règlement intérieur "
        "prévoit 8 jours avant la séance du 5 juin 2025."
    )


def test_minutes_due_after_the_meeting_quote_the_decree() -> None:
    facts = MeetingFacts(day=date(2025, 6, 5), minutes_received_on=date(2025, 7, 30))
    minutes = by_kind(meeting_deadlines(facts, CST, today=date(2025, 8, 1)), DeadlineKind.MINUTES)
    assert minutes.due == date(2025, 6, 20)
    assert minutes.late
    assert minutes.sentence == (
        "Le procès-verbal de la séance du 5 juin 2025 a été transmis le 30 juillet 2025, "
        "soit 55 jours après la séance, alors que le décret n° 2021-571 du 10 mai 2021 "
        "(art. 81) prévoit 15 jours."
    )
    f3sct = resolve_rules(BodyKind.F3SCT)
    pending = by_kind(
        meeting_deadlines(MeetingFacts(day=date(2025, 6, 5)), f3sct, today=date(2025, 7, 6)),
        DeadlineKind.MINUTES,
    )
    assert pending.due == date(2025, 7, 5) and pending.late
    assert "n'a toujours pas été transmis" in pending.sentence


def test_our_questions_are_a_reminder_never_a_late_mark() -> None:
    found = meeting_deadlines(MeetingFacts(day=date(2025, 6, 5)), CST, today=date(2025, 6, 30))
    questions = by_kind(found, DeadlineKind.QUESTIONS)
    assert questions.whose is Whose.OURS and not questions.late
    assert questions.due == date(2025, 5, 28)
    assert [d.due for d in found] == sorted(d.due for d in found)


def test_weekends_count_as_calendar_days_unless_the_body_says_working_days() -> None:
    # Thursday 5 June 2025; documents on Monday 2 June.
    assert days_between(date(2025, 6, 2), date(2025, 6, 5), working_days=False) == 3
    # Friday 30 May → Thursday 5 June: 6 calendar days, 4 working days (2, 3, 4, 5 June).
    assert days_between(date(2025, 5, 30), date(2025, 6, 5), working_days=False) == 6
    assert days_between(date(2025, 5, 30), date(2025, 6, 5), working_days=True) == 4
    assert shift(date(2025, 6, 5), -8, working_days=False) == date(2025, 5, 28)
    # 8 working days before 5 June: 5, 4, 3, 2 June, 30, 28, 27, 26 May; Thursday 29 May
    # (Ascension) is a public holiday, so a document sent on Sunday 25 May is still on time.
    assert shift(date(2025, 6, 5), -8, working_days=True) == date(2025, 5, 25)
    assert days_between(date(2025, 5, 26), date(2025, 6, 5), working_days=True) == 7
    working = resolve_rules(BodyKind.CST, {Rule.WORKING_DAYS: True})
    documents = by_kind(
        meeting_deadlines(
            MeetingFacts(day=date(2025, 6, 5), documents_received_on=date(2025, 5, 30)),
            working,
            today=date(2025, 6, 1),
        ),
        DeadlineKind.DOCUMENTS,
    )
    assert documents.late
    assert "soit 4 jours ouvrés avant la séance" in documents.sentence
    assert documents.sentence.endswith("prévoit 8 jours ouvrés.")


@pytest.mark.parametrize("days", range(0, 25))
@pytest.mark.parametrize("working", [False, True])
def test_shift_and_days_between_agree(days: int, working: bool) -> None:
    meeting = date(2025, 6, 5)
    due = shift(meeting, -days, working)
    assert days_between(due, meeting, working) == days


def test_deadlines_across_the_change_to_and_from_summer_time() -> None:
    # Summer time began on Sunday 30 March 2025 and ended on Sunday 26 October 2025.
    spring = MeetingFacts(day=date(2025, 4, 3), documents_received_on=date(2025, 3, 26))
    autumn = MeetingFacts(day=date(2025, 10, 30), documents_received_on=date(2025, 10, 22))
    for facts, due in ((spring, date(2025, 3, 26)), (autumn, date(2025, 10, 22))):
        documents = by_kind(
            meeting_deadlines(facts, CST, date(2025, 11, 1)), DeadlineKind.DOCUMENTS
        )
        assert documents.due == due
        assert not documents.late


def test_sessions_short_of_the_minimum() -> None:
    tallies = tally_sessions(
        [
            (1, date(2025, 3, 1)),
            (2, date(2025, 3, 1)),
            (2, date(2025, 6, 5)),
            (1, date(2024, 1, 2)),
        ],
        {1: 2, 2: 2, 3: None},
        [2025],
    )
    assert [(t.body_id, t.held, t.short) for t in tallies] == [(1, 1, True), (2, 2, False)]
    assert tallies[0].sentence("CST", date(2026, 1, 1)) == (
        "CST : 1 séance plénière en 2025, pour 2 au minimum."
    )


# Urgent meetings ---------------------------------------------------------------------


def test_an_urgent_meeting_is_convened_with_the_urgent_delay() -> None:
    assert CST.convocation_urgent_days == 8
    assert "urgence" in CST.source(Rule.CONVOCATION_URGENT)
    # Convocation received on 26 May for 5 June: 10 days before.
    facts = MeetingFacts(day=date(2025, 6, 5), convocation_received_on=date(2025, 5, 26))
    normal = by_kind(meeting_deadlines(facts, CST, date(2025, 6, 1)), DeadlineKind.CONVOCATION)
    assert normal.late and normal.due == date(2025, 5, 21) and not normal.urgent
    assert normal.sentence.endswith("prévoit 15 jours.")
    urgent_facts = MeetingFacts(
        day=date(2025, 6, 5), convocation_received_on=date(2025, 5, 26), urgent=True
    )
    urgent = by_kind(
        meeting_deadlines(urgent_facts, CST, date(2025, 6, 1)), DeadlineKind.CONVOCATION
    )
    assert urgent.urgent and urgent.required_days == 8
    assert urgent.due == date(2025, 5, 28)
    assert not urgent.late and urgent.sentence == ""
    # The documents keep their own delay.
    documents = by_kind(
        meeting_deadlines(urgent_facts, CST, date(2025, 6, 1)), DeadlineKind.DOCUMENTS
    )
    assert documents.required_days == 8


def test_a_late_urgent_convocation_says_the_urgent_delay_in_its_sentence() -> None:
    facts = MeetingFacts(
        day=date(2025, 6, 5), convocation_received_on=date(2025, 6, 2), urgent=True
    )
    convocation = by_kind(meeting_deadlines(facts, CST, date(2025, 6, 3)), DeadlineKind.CONVOCATION)
    assert convocation.late
    assert convocation.sentence == (
        "La convocation a été transmise le 2 juin 2025, soit 3 jours avant la séance, "
        "alors que le règlement intérieur prévoit 8 jours en cas d'urgence."
    )
    missing = by_kind(
        meeting_deadlines(MeetingFacts(day=date(2025, 6, 5), urgent=True), CST, date(2025, 5, 29)),
        DeadlineKind.CONVOCATION,
    )
    assert missing.late
    assert missing.sentence == (
        "La convocation n'a toujours pas été transmise, alors que le règlement intérieur "
        "prévoit, en cas d'urgence, 8 jours avant la séance du 5 juin 2025."
    )


def test_the_urgent_delay_is_a_body_setting_and_an_emptied_one_is_the_default() -> None:
    own = resolve_rules(BodyKind.F3SCT, {Rule.CONVOCATION_URGENT: 5})
    assert own.convocation_urgent_days == 5 and own.convocation_days == 15
    assert own.source(Rule.CONVOCATION_URGENT).startswith("règle propre")
    emptied = resolve_rules(BodyKind.F3SCT, {Rule.CONVOCATION_URGENT: None})
    assert emptied.convocation_urgent_days == 8
    facts = MeetingFacts(day=date(2025, 6, 5), urgent=True)
    convocation = by_kind(meeting_deadlines(facts, own, date(2025, 5, 1)), DeadlineKind.CONVOCATION)
    assert convocation.due == date(2025, 5, 31)


# Public holidays -----------------------------------------------------------------------

WORKING = resolve_rules(BodyKind.CST, {Rule.WORKING_DAYS: True})


@pytest.mark.parametrize(
    ("holiday", "name"),
    [
        (date(2025, 5, 1), "fête du Travail"),
        (date(2025, 5, 8), "Victoire 1945"),
        (date(2025, 5, 29), "Ascension"),
        (date(2025, 7, 14), "fête nationale"),
        (date(2025, 11, 11), "Armistice"),
        (date(2025, 12, 25), "Noël"),
    ],
)
def test_a_public_holiday_on_a_weekday_is_not_a_working_day(holiday: date, name: str) -> None:
    assert holiday.weekday() < 5, name
    before, after = date.fromordinal(holiday.toordinal() - 1), holiday
    # The holiday itself is not counted: from the day before to the day after is 1 day
    # when the day after is a weekday.
    next_day = date.fromordinal(holiday.toordinal() + 1)
    if next_day.weekday() < 5:
        assert days_between(before, next_day, working_days=True) == 1
    assert days_between(before, after, working_days=True) == 0
    assert days_between(before, after, working_days=False) == 1


def test_working_day_deadlines_skip_the_may_holidays() -> None:
    # CST on Monday 12 May 2025, documents 8 working days before. Counting back:
    # 12, 9, 7, 6, 5, 2 May, 30, 29 April; 1 and 8 May are holidays, 3-4 and 10-11 weekends.
    facts = MeetingFacts(day=date(2025, 5, 12), documents_received_on=date(2025, 4, 28))
    documents = by_kind(meeting_deadlines(facts, WORKING, date(2025, 5, 1)), DeadlineKind.DOCUMENTS)
    assert documents.due == date(2025, 4, 28)
    assert not documents.late
    late = by_kind(
        meeting_deadlines(
            MeetingFacts(day=date(2025, 5, 12), documents_received_on=date(2025, 5, 2)),
            WORKING,
            date(2025, 5, 3),
        ),
        DeadlineKind.DOCUMENTS,
    )
    assert late.late
    assert "soit 5 jours ouvrés avant la séance" in late.sentence  # 5, 6, 7, 9, 12 May


def test_minutes_in_working_days_skip_christmas_and_new_year() -> None:
    # CST on Friday 19 December 2025, minutes within 15 working days: 22, 23, 24, 26,
    # 29, 30, 31 December, 2, 5, 6, 7, 8, 9, 12, 13 January (25 Dec, 1 Jan: holidays).
    facts = MeetingFacts(day=date(2025, 12, 19))
    minutes = by_kind(meeting_deadlines(facts, WORKING, date(2025, 12, 20)), DeadlineKind.MINUTES)
    assert minutes.due == date(2026, 1, 13)


def test_calendar_day_bodies_ignore_public_holidays() -> None:
    facts = MeetingFacts(day=date(2025, 5, 12), documents_received_on=date(2025, 5, 2))
    documents = by_kind(meeting_deadlines(facts, CST, date(2025, 5, 3)), DeadlineKind.DOCUMENTS)
    assert documents.due == date(2025, 5, 4)  # 8 calendar days, holidays or not
    assert not documents.late
    assert days_between(date(2025, 12, 24), date(2025, 12, 26), working_days=False) == 2
    assert shift(date(2025, 7, 15), -1, working_days=False) == date(2025, 7, 14)


def test_alsace_moselle_extra_days_are_working_days_here() -> None:
    """Documented limit: Good Friday and 26 December count as working days."""
    good_friday, saint_stephen = date(2025, 4, 18), date(2025, 12, 26)
    assert days_between(date(2025, 4, 17), good_friday, working_days=True) == 1
    assert days_between(date(2025, 12, 24), saint_stephen, working_days=True) == 1
