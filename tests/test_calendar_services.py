"""The calendar's storage and services: follow-up, body rules, what is coming, migration."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from aiconsult_desktop.domain.deadlines import DeadlineKind, Rule, Whose
from aiconsult_desktop.domain.enums import AgendaItemKind, BodyKind, MeetingKind, StatementState
from aiconsult_desktop.domain.followup import AttendeeRole, Opinion
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services import body_rules, deadlines, employers, meetings, statements
from aiconsult_desktop.services.records import (
    AgendaItemData,
    AttendeeData,
    MeetingData,
    MeetingDocumentData,
    VotesData,
)
from aiconsult_desktop.services.transfer import dump_store, load_document
from aiconsult_desktop.store import Store, open_store
from aiconsult_desktop.store.migrate import upgrade
from tests.helpers import small_dossier


def cst_of(store: Store, employer_id: int) -> int:
    employer = employers.get_employer(store, employer_id)
    body = next(b for b in employer.bodies if b.kind is BodyKind.CST)
    assert body.id is not None
    return body.id


def test_follow_up_is_saved_and_read_back(store: Store) -> None:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    assert meeting.ics_uid.endswith("@aiconsult-desktop")
    meeting.convocation_received_on = date(2025, 5, 28)
    meeting.documents_received_on = date(2025, 6, 2)
    meeting.minutes_received_on = date(2025, 6, 30)
    meeting.minutes_approved_on = date(2025, 9, 18)
    meeting.documents = [
        MeetingDocumentData(location="/srv/docs/note IA.pdf", title="Note de cadrage"),
        MeetingDocumentData(location="https://intranet.example/cst"),
    ]
    meeting.attendees = [
        AttendeeData("Awa Diallo"),
        AttendeeData("Jean Morel", AttendeeRole.SUBSTITUTE),
    ]
    meeting.agenda = [
        AgendaItemData(
            "Déploiement de LigérIA",
            AgendaItemKind.OPINION,
            opinion=Opinion.UNFAVOURABLE,
            votes=VotesData(staff_for=0, staff_against=6, staff_abstaining=1),
        )
    ]
    saved = meetings.save_meeting(store, meeting)
    again = meetings.get_meeting(store, ids["meeting"])
    assert again == saved
    assert again.ics_uid == meeting.ics_uid
    assert [d.title for d in again.documents] == ["Note de cadrage", ""]
    assert [(a.name, a.role) for a in again.attendees] == [
        ("Awa Diallo", AttendeeRole.TITULAR),
        ("Jean Morel", AttendeeRole.SUBSTITUTE),
    ]
    item = again.agenda[0]
    assert item.opinion is Opinion.UNFAVOURABLE
    assert (item.votes.staff_against, item.votes.employer_for) == (6, None)


def test_impossible_follow_up_is_refused_in_french(store: Store) -> None:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.minutes_received_on = date(2025, 7, 1)
    meeting.minutes_approved_on = date(2025, 6, 20)
    with pytest.raises(ValidationError, match="approuvé avant d'avoir été reçu"):
        meetings.save_meeting(store, meeting)
    meeting.minutes_approved_on = None
    meeting.documents = [MeetingDocumentData(location="  ")]
    with pytest.raises(ValidationError, match="Emplacement du document"):
        meetings.save_meeting(store, meeting)


def test_body_rules_emptied_fall_back_to_the_defaults(store: Store) -> None:
    ids = small_dossier(store)
    body_id = cst_of(store, ids["employer"])
    own = body_rules.save_body_rules(
        store, body_id, {Rule.DOCUMENTS: 10, Rule.WORKING_DAYS: True, Rule.MINUTES: 20}
    )
    assert own.rules.documents_days == 10 and own.rules.working_days
    assert own.rules.convocation_days == 15
    emptied = body_rules.save_body_rules(store, body_id, dict.fromkeys(Rule))
    assert emptied.settings == dict.fromkeys(Rule)
    assert (emptied.rules.documents_days, emptied.rules.minutes_days) == (8, 15)
    assert emptied.rules.working_days is False
    with pytest.raises(ValidationError, match="n'est pas plausible"):
        body_rules.save_body_rules(store, body_id, {Rule.DOCUMENTS: 4000})


def test_late_documents_show_in_the_meeting_deadlines(store: Store) -> None:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.documents_received_on = date(2025, 6, 2)
    meeting = meetings.save_meeting(store, meeting)
    found = deadlines.meeting_deadlines_now(store, meeting, today=date(2025, 6, 3))
    documents = next(d for d in found if d.kind is DeadlineKind.DOCUMENTS)
    assert documents.late
    assert documents.sentence.startswith("Les documents ont été transmis le 2 juin 2025")


def test_the_next_30_days_list_meetings_and_deadlines_ours_and_theirs(store: Store) -> None:
    ids = small_dossier(store)
    statement = statements.get_statement(store, ids["statement"])
    statement.state = StatementState.TO_VALIDATE
    statements.save_statement(store, statement)
    coming = deadlines.upcoming(store, today=date(2025, 5, 20))
    texts = [(u.day, u.whose, u.text) for u in coming]
    assert (date(2025, 6, 5), None, "CST du 5 juin 2025 (Métropole de Lyon)") in texts
    assert (date(2025, 5, 21), Whose.EMPLOYER, "Convocation attendue — CST du 5 juin 2025") in (
        texts
    )
    assert (date(2025, 5, 28), Whose.OURS, "Envoyer nos questions — CST du 5 juin 2025") in texts
    assert any(w is Whose.OURS and "Valider la déclaration" in t for _d, w, t in texts)
    near = deadlines.reminders(store, today=date(2025, 5, 26))
    assert [u.text for u in near] == ["Envoyer nos questions — CST du 5 juin 2025"]


def test_what_the_employer_owes_stays_on_the_list_once_late(store: Store) -> None:
    small_dossier(store)  # a CST on 5 June 2025: documents due 28 May, minutes 20 June

    def owed(today: date) -> list[tuple[date, bool, str]]:
        return [
            (u.day, u.late, u.text)
            for u in deadlines.upcoming(store, today=today)
            if u.whose is Whose.EMPLOYER
        ]

    # The day after the documents were due, before the meeting: still there, late.
    assert (date(2025, 5, 28), True, "Documents attendus — CST du 5 juin 2025") in owed(
        date(2025, 5, 30)
    )
    # Once the meeting is over the documents no longer matter; the minutes do, late.
    later = owed(date(2025, 7, 10))
    assert [text for _day, _late, text in later] == ["Procès-verbal attendu — CST du 5 juin 2025"]
    assert later[0][:2] == (date(2025, 6, 20), True)
    # A year on, the dashboard stops chasing them.
    assert owed(date(2026, 7, 1)) == []


def test_sessions_below_the_minimum(store: Store) -> None:
    ids = small_dossier(store)
    tallies = deadlines.session_tallies(store, [2025])
    by_body = {t.body_name: t for t in tallies}
    assert by_body["CST"].tally.held == 1 and by_body["CST"].tally.short
    assert by_body["F3SCT"].tally.held == 0 and by_body["F3SCT"].tally.minimum == 3
    assert by_body["CST"].sentence(date(2026, 2, 1)) == (
        "CST : 1 séance plénière en 2025, pour 2 au minimum."
    )
    meetings.save_meeting(
        store,
        MeetingData(
            employer_id=ids["employer"],
            body_id=cst_of(store, ids["employer"]),
            kind=MeetingKind.PLENARY,
            title="CST du 2 décembre 2025",
            starts_at=datetime(2025, 12, 2, 14, 0),
        ),
    )
    assert not {t.body_name: t for t in deadlines.session_tallies(store, [2025])}["CST"].tally.short


def test_a_uid_already_taken_is_refused(store: Store) -> None:
    ids = small_dossier(store)
    taken = meetings.get_meeting(store, ids["meeting"]).ics_uid
    with pytest.raises(UserError, match="porte déjà l'identifiant"):
        meetings.save_meeting(
            store,
            MeetingData(
                employer_id=ids["employer"],
                kind=MeetingKind.INFORMATION,
                title="Autre",
                starts_at=datetime(2025, 7, 1, 10, 0),
                ics_uid=taken,
            ),
        )


def test_dump_load_dump_keeps_the_follow_up(store: Store, tmp_path: Path) -> None:
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.documents = [MeetingDocumentData(location="https://intranet.example/cst")]
    meeting.attendees = [AttendeeData("Awa Diallo", AttendeeRole.SUBSTITUTE)]
    meeting.agenda = [AgendaItemData("IA", AgendaItemKind.OPINION, opinion=Opinion.FAVOURABLE)]
    meetings.save_meeting(store, meeting)
    body_rules.save_body_rules(store, cst_of(store, ids["employer"]), {Rule.DOCUMENTS: 10})
    first = dump_store(store)
    other = open_store(tmp_path / "other.sqlite3")
    load_document(other, first)
    assert dump_store(other) == first
    assert first["meeting_attendees"][0]["role"] == "substitute"
    assert first["agenda_items"][0]["opinion"] == "favourable"
    other.close()


def test_an_existing_base_keeps_its_meetings_and_gets_uids(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        upgrade(connection, "0002")
        connection.execute(
            text(
                "INSERT INTO employer (id, name, short_name, created_at, updated_at) "
                "VALUES (1, 'Région des Pays de la Loire', '', '2025-01-01', '2025-01-01')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO body (id, employer_id, kind, name, created_at, updated_at) "
                "VALUES (1, 1, 'cst', 'CST', '2025-01-01', '2025-01-01')"
            )
        )
        for meeting_id, day in ((1, "2025-03-20 09:30:00"), (2, "2025-06-05 09:30:00")):
            connection.execute(
                text(
                    "INSERT INTO meeting (id, employer_id, body_id, kind, title, starts_at, "
                    "date_precision, place, notes, created_at, updated_at) VALUES "
                    f"({meeting_id}, 1, 1, 'plenary', 'CST', '{day}', 'day', '', '', "
                    "'2025-01-01', '2025-01-01')"
                )
            )
    engine.dispose()
    store = open_store(path)
    found = meetings.list_meetings(store)
    assert [m.starts_at.date() for m in found] == [date(2025, 3, 20), date(2025, 6, 5)]
    uids = {m.ics_uid for m in found}
    assert len(uids) == 2 and all(u.endswith("@aiconsult-desktop") for u in uids)
    assert body_rules.get_body_rules(store, 1).rules.minutes_days == 15
    store.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM meeting_document").fetchone() == (0,)
