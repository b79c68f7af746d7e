"""`load` refuses what the forms refuse, derives what they derive, and everything it
accepts can be opened and saved again unchanged (issue 16, item 9)."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import transfer
from aiconsult_desktop.store import Store
from tests.helpers import new_store
from tests.load_support import BOOKKEEPING, content, resave_everything

Document = dict[str, Any]


@pytest.fixture(scope="module")
def demo_dump(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """The demo as the app dumps it, with an agenda item and a question answered."""
    from dataclasses import replace
    from datetime import date

    from aiconsult_desktop.domain.question_state import EventKind
    from aiconsult_desktop.services import demo, meetings, question_events
    from aiconsult_desktop.services.records import AgendaItemData, QuestionEventData

    store = new_store(tmp_path_factory.mktemp("demo"))
    demo.load_demo(store)
    cst = meetings.get_meeting(store, 5)
    meetings.save_meeting(store, replace(cst, agenda=[AgendaItemData("IA")]))
    question_events.save_event(
        store,
        QuestionEventData(
            question_id=2, kind=EventKind.ANSWERED, on=date(2025, 7, 1), text="Réponse écrite."
        ),
    )
    dumped = transfer.dump_store(store)
    store.close()
    return dumped


def _load(store: Store, document: Document) -> None:
    transfer.load_document(store, json.loads(json.dumps(document)), "Le fichier « base.json »")


def _row(document: Document, section: str, row_id: int) -> dict[str, Any]:
    return next(r for r in document[section] if r["id"] == row_id)


def _set(section: str, row_id: int, **values: Any) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        _row(document, section, row_id).update(values)

    return change


def _answered_before_asked(document: Document) -> None:
    answer = next(e for e in document["question_events"] if e["kind"] == "answered")
    answer["on"] = "2020-01-01"


REFUSED = [
    (
        _set("meetings", 4, ends_at="2025-05-15T08:00:00"),
        "réunion n° 4 « Réunion d'information sur l'IA » "
        "(champ « ends_at ») : la réunion se termine avant de commencer",
    ),
    (
        _answered_before_asked,
        "question n° 2 (champ « on ») : « Réponse » est daté du 1er janvier 2020, avant que "
        "la question soit posée",
    ),
    (
        _set("employers", 1, name="Région " * 80),
        "employeur n° 1 « Région Région",
    ),
    (
        _set("bodies", 1, name="C" * 201),
        "employeur n° 1 « Région des Pays de la Loire » : le champ « Nom de l'instance » est "
        "trop long (201 caractères, 200 au plus).",
    ),
    (_set("agenda_items", 1, title="x" * 1001), "réunion n° 5"),
    (_set("dossiers", 1, title="D" * 501), "dossier n° 1"),
    (_set("statements", 1, title="   "), "déclaration n° 1 : le champ « Titre de la déclaration »"),
    (_set("questions", 3, text="x" * 100_001), "question n° 3 (champ « text ») : la question"),
    (_set("organisation", 1, words_per_minute=5), "l'organisation : indiquez une vitesse"),
    (
        _set("bodies", 1, convocation_days=1000),
        "instance n° 1 « CST » (champ « convocation_days »)",
    ),
    (_set("statements", 2, agenda_item_id=1), "(champ « agenda_item_id »)"),
]


@pytest.mark.parametrize(("change", "message"), REFUSED)
def test_what_the_forms_refuse_is_refused_naming_record_and_field(
    tmp_path: Path, demo_dump: Document, change: Callable[[Document], None], message: str
) -> None:
    store = new_store(tmp_path)
    empty = transfer.dump_store(store)
    document = copy.deepcopy(demo_dump)
    change(document)
    with pytest.raises(UserError) as refused:
        _load(store, document)
    assert refused.value.message.startswith("Le fichier « base.json », ")
    assert message in refused.value.message
    assert refused.value.message.endswith(" Rien n'a été chargé.")
    assert transfer.dump_store(store) == empty


def test_what_can_be_derived_is_derived(tmp_path: Path, demo_dump: Document) -> None:
    document = copy.deepcopy(demo_dump)
    _row(document, "questions", 1)["state"] = "answered"  # its events: asked only
    _row(document, "questions", 2).update(state="pending", answer="")  # answered on 1 July
    _row(document, "statements", 1).update(state="draft", read_on="2025-06-05")
    _row(document, "employers", 1)["name"] = "  Région des   Pays de la Loire "
    store = new_store(tmp_path)
    _load(store, document)
    loaded = transfer.dump_store(store)
    assert _row(loaded, "questions", 1)["state"] == "pending"
    assert _row(loaded, "questions", 2)["state"] == "answered"
    assert _row(loaded, "questions", 2)["answer"] == "Réponse écrite."
    assert _row(loaded, "statements", 1)["read_on"] is None
    assert _row(loaded, "employers", 1)["name"] == "Région des Pays de la Loire"
    before = content(store)
    resave_everything(store)
    assert content(store) == before


def test_the_demo_loaded_then_every_record_saved_again_is_unchanged(
    tmp_path: Path, demo_dump: Document
) -> None:
    store = new_store(tmp_path)
    _load(store, demo_dump)
    assert transfer.dump_store(store) == demo_dump
    resave_everything(store)
    assert content(store) == {
        key: [{k: v for k, v in row.items() if k not in BOOKKEEPING} for row in rows]
        if isinstance(rows, list)
        else rows
        for key, rows in demo_dump.items()
    }


HOSTILE_TEXT = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["", " ", "\n", "  a  b ", "\ta\n", "x" * 201, "x" * 501, "x" * 1001]),
)
HOSTILE_DAY = st.sampled_from(["2020-01-01", "2024-10-03", "2025-07-01", "2099-12-31", None])
FIELDS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "employers": {"name": HOSTILE_TEXT, "short_name": HOSTILE_TEXT},
    "bodies": {"name": HOSTILE_TEXT, "documents_days": st.integers(-5, 400) | st.none()},
    "dossiers": {"title": HOSTILE_TEXT, "description": HOSTILE_TEXT},
    "meetings": {
        "title": HOSTILE_TEXT,
        "place": HOSTILE_TEXT,
        "notes": HOSTILE_TEXT,
        "ends_at": st.sampled_from(["2024-01-01T00:00:00", "2026-01-01T00:00:00", None]),
        "minutes_received_on": HOSTILE_DAY,
        "minutes_approved_on": HOSTILE_DAY,
    },
    "agenda_items": {"title": HOSTILE_TEXT, "position": st.integers(-3, 9)},
    "questions": {
        "text": HOSTILE_TEXT,
        "state": st.sampled_from(["pending", "answered", "refused", "partial"]),
        "answer": HOSTILE_TEXT,
        "asked_on": HOSTILE_DAY.filter(bool),
        "meeting_id": st.sampled_from([None, 1, 2, 4, 5]),
    },
    "question_events": {
        "on": HOSTILE_DAY.filter(bool),
        "text": HOSTILE_TEXT,
        "channel": st.sampled_from(["meeting", "letter", "email", "other"]),
        "promised_for": HOSTILE_DAY,
    },
    "statements": {
        "title": HOSTILE_TEXT,
        "text": HOSTILE_TEXT,
        "state": st.sampled_from(["draft", "validated", "read"]),
        "read_on": HOSTILE_DAY,
        "agenda_item_id": st.sampled_from([None, 1]),
    },
    "organisation": {"name": HOSTILE_TEXT, "place": HOSTILE_TEXT},
}


@st.composite
def hostile_changes(draw: st.DrawFn) -> list[tuple[str, int, str, Any]]:
    changes = []
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(sorted(FIELDS)))
        field = draw(st.sampled_from(sorted(FIELDS[section])))
        changes.append((section, draw(st.integers(0, 20)), field, draw(FIELDS[section][field])))
    return changes


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=hostile_changes())
def test_a_load_either_refuses_whole_or_gives_records_that_save_unchanged(
    tmp_path: Path, demo_dump: Document, changes: list[tuple[str, int, str, Any]]
) -> None:
    document = copy.deepcopy(demo_dump)
    for section, index, field, value in changes:
        rows = document[section]
        rows[index % len(rows)][field] = value
    run = tmp_path / uuid.uuid4().hex
    run.mkdir()
    store = new_store(run)
    empty = transfer.dump_store(store)
    try:
        _load(store, document)
    except UserError as refused:
        event("refused")
        assert "Rien n'a été chargé" in refused.message
        assert transfer.dump_store(store) == empty
        store.close()
        return
    event("accepted")
    before = content(store)
    resave_everything(store)
    assert content(store) == before
    store.close()
