"""The JSON dump: exact round trips, and malformed files refused without damage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.domain.text import clean_line, is_visible
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import demo, employers, transfer
from aiconsult_desktop.services.records import BodyData, EmployerData
from aiconsult_desktop.store import Store, open_server_store
from tests.helpers import new_store, small_dossier
from tests.pg_server import PASSWORD, PgServer


def test_dump_load_dump_is_identical(tmp_path: Path) -> None:
    store = new_store(tmp_path, "a.sqlite3")
    demo.load_demo(store)
    small_dossier_store = new_store(tmp_path, "c.sqlite3")
    small_dossier(small_dossier_store)
    for source in (store, small_dossier_store):
        first = tmp_path / "first.json"
        transfer.dump_to_file(source, first)
        target = new_store(tmp_path, f"copy-{id(source)}.sqlite3")
        transfer.load_file(target, first)
        second = tmp_path / "second.json"
        transfer.dump_to_file(target, second)
        assert first.read_bytes() == second.read_bytes()


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: is_visible(s) and clean_line(s) == s)  # a name, stored as generated


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(employer_names=st.lists(names, min_size=1, max_size=5, unique_by=str.casefold))
def test_round_trip_over_generated_employers(tmp_path: Path, employer_names: list[str]) -> None:
    import uuid

    run = tmp_path / uuid.uuid4().hex
    run.mkdir()
    store = new_store(run, "a.sqlite3")
    for name in employer_names:
        employers.save_employer(
            store, EmployerData(name=name, bodies=[BodyData(BodyKind.CST, "CST")])
        )
    dumped = transfer.dump_store(store)
    copy = new_store(run, "b.sqlite3")
    transfer.load_document(copy, json.loads(json.dumps(dumped)))
    assert transfer.dump_store(copy) == dumped


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"ceci n'est pas du JSON", "n'est pas un fichier JSON valide"),
        (b"\xff\xfe\x00garbage", "n'est pas un fichier JSON valide"),
        (b"[1, 2, 3]", "n'est pas un export d'AIConsult Desktop"),
        (b'{"format": "aiconsult-desktop", "format_version": 99}', "format n\u00b0 99"),
        (
            b'{"format": "aiconsult-desktop", "format_version": 1, "employers": {}}',
            "doit \u00eatre une liste",
        ),
        (
            b'{"format": "aiconsult-desktop", "format_version": 1,'
            b' "employers": [{"id": 1, "name": "X", "colour": "red"}]}',
            "champ inconnu",
        ),
        (
            b'{"format": "aiconsult-desktop", "format_version": 1,'
            b' "bodies": [{"id": 1, "employer_id": 7, "kind": "cst", "name": "CST"}]}',
            "r\u00e9f\u00e9rences incoh\u00e9rentes",
        ),
        (
            b'{"format": "aiconsult-desktop", "format_version": 1,'
            b' "employers": [{"id": 1, "name": "X"}], "questions": [{"id": 1, "employer_id": 1,'
            b' "text": "Q", "asked_on": "2025-02-30", "state": "pending"}]}',
            "ne convient pas au champ \u00ab asked_on \u00bb",
        ),
        (
            b'{"format": "aiconsult-desktop", "format_version": 1,'
            b' "employers": [{"id": 1, "name": "X"}], "questions": [{"id": 1, "employer_id": 1,'
            b' "text": "Q", "asked_on": "2025-02-03", "state": "lost"}]}',
            "ne convient pas au champ \u00ab state \u00bb",
        ),
    ],
)
def test_malformed_files_are_refused_and_the_store_stays_empty(
    tmp_path: Path, content: bytes, message: str, db: Store
) -> None:
    store = db
    path = tmp_path / "in.json"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        transfer.load_file(store, path)
    assert transfer.is_empty(store)


def test_load_refuses_a_store_that_is_not_empty(tmp_path: Path, db: Store) -> None:
    store = db
    small_dossier(store)
    before = transfer.dump_store(store)
    dump = tmp_path / "d.json"
    transfer.dump_to_file(store, dump)
    with pytest.raises(UserError, match="pas vide"):
        transfer.load_file(store, dump)
    assert transfer.dump_store(store) == before


def test_copy_a_local_base_to_the_server_and_back(tmp_path: Path, pg_server: PgServer) -> None:
    """What the copy wizard does: the same dump format carries a base to PostgreSQL and back."""
    local = new_store(tmp_path, "local.sqlite3")
    demo.load_demo(local)
    server = open_server_store(pg_server.url(pg_server.create_database()), password=PASSWORD)
    transfer.load_document(server, transfer.dump_store(local))
    assert transfer.dump_store(server) == transfer.dump_store(local)
    # New rows on the server get fresh ids after the copied ones.
    created = employers.save_employer(server, EmployerData(name="Ville de Tours"))
    assert created.id == 2
    back = new_store(tmp_path, "retour.sqlite3")
    transfer.load_document(back, transfer.dump_store(server))
    assert transfer.dump_store(back) == transfer.dump_store(server)
    server.close()


def test_edit_counters_survive_a_round_trip(tmp_path: Path) -> None:
    """A statement saved three times stays at version 3: a copied base keeps refusing
    stale saves exactly as the original did."""
    from dataclasses import replace

    from aiconsult_desktop.services import statements

    store = new_store(tmp_path, "a.sqlite3")
    ids = small_dossier(store)
    for text in ("Deux.", "Trois."):
        current = statements.get_statement(store, ids["statement"])
        statements.save_statement(store, replace(current, text=text))
    dumped = transfer.dump_store(store)
    assert next(s for s in dumped["statements"] if s["id"] == ids["statement"])["version"] == 3
    copy = new_store(tmp_path, "b.sqlite3")
    transfer.load_document(copy, json.loads(json.dumps(dumped)))
    assert transfer.dump_store(copy) == dumped
