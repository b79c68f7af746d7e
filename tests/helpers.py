"""Builders shared by tests: a store with one employer, meeting, question, statement."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from aiconsult_desktop.domain.enums import BodyKind, MeetingKind, StatementKind
from aiconsult_desktop.services import employers, meetings, organisation, questions, statements
from aiconsult_desktop.services.records import (
    BodyData,
    EmployerData,
    MeetingData,
    OrganisationData,
    QuestionData,
    StatementData,
)
from aiconsult_desktop.store import Store, migrate, open_store


def new_store(tmp_path: Path, name: str = "store.sqlite3") -> Store:
    return open_store(tmp_path / name)


def small_dossier(store: Store) -> dict[str, int]:
    organisation.save_organisation(
        store,
        OrganisationData(
            name="Syndicat CGT des territoriaux de Lyon",
            short_name="CGT",
            signature="Les élu·es CGT au CST",
            place="Lyon",
        ),
    )
    employer = employers.save_employer(
        store,
        EmployerData(
            name="Métropole de Lyon",
            bodies=[BodyData(BodyKind.CST, "CST"), BodyData(BodyKind.F3SCT, "F3SCT")],
        ),
    )
    assert employer.id is not None
    cst = next(b for b in employer.bodies if b.kind is BodyKind.CST)
    meeting = meetings.save_meeting(
        store,
        MeetingData(
            employer_id=employer.id,
            body_id=cst.id,
            kind=MeetingKind.PLENARY,
            title="CST du 5 juin 2025",
            starts_at=datetime(2025, 6, 5, 9, 30),
            ends_at=datetime(2025, 6, 5, 12, 0),
        ),
    )
    assert meeting.id is not None
    question = questions.save_question(
        store,
        QuestionData(
            employer_id=employer.id,
            text="Quel calendrier de consultation du CST sur l'outil d'IA ?",
            asked_on=date(2025, 6, 5),
            meeting_id=meeting.id,
        ),
    )
    statement = statements.save_statement(
        store,
        StatementData(
            meeting_id=meeting.id,
            kind=StatementKind.INTERVENTION,
            title="Intelligence artificielle",
            text="Premier paragraphe.\nSecond paragraphe.",
        ),
    )
    assert question.id is not None and statement.id is not None
    return {
        "employer": employer.id,
        "meeting": meeting.id,
        "question": question.id,
        "statement": statement.id,
    }


def plain(text: str) -> str:
    """Exported text with French typography undone (no-break spaces, ’), for tests that
    check the words; tests of the typography itself read the raw text."""
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2019", "'")


# What must never reach a user inside a French message (issue 16, item 12).
NOT_FRENCH = ("Error", "error:", "Traceback", "Expecting", "codec", "usage:", "invalid ")


def french_problems(message: str) -> list[str]:
    """What is wrong with a refusal shown to a user; empty when it is a French sentence."""
    problems = [f"English « {word} »" for word in NOT_FRENCH if word in message]
    if not message.strip():
        problems.append("empty message")
    if "Erreur inattendue" in message:
        problems.append("« Erreur inattendue »")
    if ".." in message.replace("...", "").replace("…", ""):
        problems.append("double full stop")
    return problems


def assert_french(message: str) -> None:
    assert not french_problems(message), (french_problems(message), message)


@contextmanager
def counted_queries(store: Store) -> Iterator[list[str]]:
    """Every SQL statement sent to the base inside the block."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def base_at_revision(path: Path, revision: str, extra_events: str = "") -> None:
    """An SQLite base left at an older `revision` by raw SQL: one employer, a question
    asked 15 January 2025 and answered 10 March, another asked 3 February and pending.
    `extra_events`: more `question_event` value rows, as `, (…)` SQL."""
    engine = sa.create_engine(f"sqlite:///{path}")
    stamp = "'2025-01-01', '2025-01-01'"
    with engine.begin() as connection:
        migrate.upgrade(connection, revision)
        for statement in (
            "INSERT INTO employer (id, name, short_name, answer_deadline_days, created_at, "
            f"updated_at) VALUES (1, 'Région', '', 61, {stamp})",
            "INSERT INTO question (id, employer_id, text, asked_on, state, answer, version, "
            f"created_at, updated_at) VALUES (1, 1, 'Quid ?', '2025-01-15', 'answered', 'Oui.', "
            f"1, {stamp}), (2, 1, 'Et ça ?', '2025-02-03', 'pending', '', 1, {stamp})",
            'INSERT INTO question_event (question_id, kind, "on", channel, text, created_at, '
            f"updated_at) VALUES (1, 'asked', '2025-01-15', 'other', '', {stamp}), "
            f"(1, 'answered', '2025-03-10', 'other', 'Oui.', {stamp}), "
            f"(2, 'asked', '2025-02-03', 'other', '', {stamp}){extra_events}",
        ):
            connection.execute(sa.text(statement))
    engine.dispose()
