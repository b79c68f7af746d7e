"""dump → load → dump is exact over generated bases: employers and bodies, meetings with
agendas, questions with their events, statements, in any Unicode a user might paste; and
what was loaded saves again through the services unchanged."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiconsult_desktop.domain.enums import (
    AgendaItemKind,
    BodyKind,
    MeetingKind,
    StatementKind,
    StatementState,
)
from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.domain.text import is_visible
from aiconsult_desktop.services import (
    employers,
    meetings,
    question_events,
    questions,
    statements,
    transfer,
)
from aiconsult_desktop.services.records import (
    AgendaItemData,
    BodyData,
    EmployerData,
    MeetingData,
    QuestionData,
    QuestionEventData,
    StatementData,
)
from aiconsult_desktop.store import Store
from tests.helpers import new_store
from tests.load_support import content, resave_everything

line = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda s: is_visible(s) and " ".join(s.split()) == s)
paragraphs = st.lists(line, min_size=0, max_size=3).map("\n".join)
day = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def base(draw: st.DrawFn) -> dict[str, object]:
    return {
        "employers": draw(st.lists(line, min_size=1, max_size=2, unique_by=str.casefold)),
        "meetings": draw(
            st.lists(
                st.tuples(line, day, st.sampled_from(MeetingKind), st.lists(line, max_size=3)),
                min_size=1,
                max_size=3,
            )
        ),
        "questions": draw(
            st.lists(st.tuples(paragraphs.filter(str.strip), day, st.booleans()), max_size=4)
        ),
        "statements": draw(
            st.lists(
                st.tuples(line, paragraphs, st.sampled_from(StatementKind), st.integers(0, 2)),
                max_size=3,
            )
        ),
    }


def build(tmp_path: Path, plan: dict[str, object]) -> Store:
    store = new_store(tmp_path, "source.sqlite3")
    employer_ids = []
    for name in plan["employers"]:  # type: ignore[attr-defined]
        saved = employers.save_employer(
            store, EmployerData(name=name, bodies=[BodyData(BodyKind.CST, "CST")])
        )
        employer_ids.append(saved.id)
    meeting_ids = []
    for index, (title, when, kind, agenda) in enumerate(plan["meetings"]):  # type: ignore[attr-defined]
        saved_meeting = meetings.save_meeting(
            store,
            MeetingData(
                employer_id=employer_ids[index % len(employer_ids)],
                kind=kind,
                title=title,
                starts_at=datetime.combine(when, datetime.min.time()) + timedelta(hours=9),
                agenda=[
                    AgendaItemData(item, AgendaItemKind.OPINION, position)
                    for position, item in enumerate(agenda, start=1)
                ],
            ),
        )
        meeting_ids.append(saved_meeting)
    for index, (text, asked_on, answered) in enumerate(plan["questions"]):  # type: ignore[attr-defined]
        question = questions.save_question(
            store,
            QuestionData(
                employer_id=employer_ids[index % len(employer_ids)], text=text, asked_on=asked_on
            ),
        )
        if answered:
            question_events.save_event(
                store,
                QuestionEventData(
                    question_id=question.id or 0,
                    kind=EventKind.ANSWERED,
                    on=asked_on + timedelta(days=30),
                    text="Réponse écrite.",
                ),
            )
    for index, (title, text, kind, edits) in enumerate(plan["statements"]):  # type: ignore[attr-defined]
        meeting = meeting_ids[index % len(meeting_ids)]
        saved_statement = statements.save_statement(
            store,
            StatementData(
                meeting_id=meeting.id or 0,
                kind=kind,
                title=title,
                text=text,
                state=StatementState.DRAFT,
                agenda_item_id=meeting.agenda[0].id if meeting.agenda else None,
            ),
        )
        for edit in range(edits):
            saved_statement = statements.save_statement(
                store, replace(saved_statement, text=f"{text}\nVersion {edit + 2}.")
            )
    return store


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=base())
def test_dump_load_dump_is_exact_over_generated_bases(
    tmp_path: Path, plan: dict[str, object]
) -> None:
    run = tmp_path / uuid.uuid4().hex
    run.mkdir()
    store = build(run, plan)
    dumped = transfer.dump_store(store)
    copy = new_store(run, "copy.sqlite3")
    transfer.load_document(copy, json.loads(json.dumps(dumped, ensure_ascii=False)))
    assert transfer.dump_store(copy) == dumped
    # Every record loaded opens and saves again through the forms' services unchanged.
    loaded = content(copy)
    resave_everything(copy)
    assert content(copy) == loaded
    store.close()
    copy.close()
