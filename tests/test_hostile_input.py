"""Issue 16, items 11 and 12: each hostile input named there gets a French sentence.

No "Erreur inattendue", no traceback, no English from Python or argparse, no "..".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from aiconsult_desktop.cli.french import FrenchParser, translate
from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services import (
    employers,
    meetings,
    question_events,
    questions,
    statements,
    transfer,
)
from aiconsult_desktop.services.calendar_import import read_invitation_bytes
from aiconsult_desktop.services.records import (
    EmployerData,
    QuestionData,
    QuestionEventData,
)
from aiconsult_desktop.store import Store
from tests.helpers import assert_french, small_dossier

HUGE = 2**63


def aiconsult(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", *args],
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


def load_text(store: Store, tmp_path: Path, text: str) -> None:
    path = tmp_path / "fichier.json"
    path.write_text(text, encoding="utf-8")
    transfer.load_file(store, path)


# --- Item 11: ids of 2^63 and more -------------------------------------------------


def test_ids_beyond_the_base_are_records_that_do_not_exist(store: Store) -> None:
    ids = small_dossier(store)
    with pytest.raises(UserError) as error:
        statements.get_statement(store, HUGE)
    assert_french(error.value.message)
    with pytest.raises(UserError, match=r"n'existe pas|dépasse"):
        meetings.delete_meeting(store, HUGE)
    with pytest.raises(UserError, match=r"n'existe pas|dépasse"):
        question_events.list_events(store, 2**64)
    with pytest.raises(UserError) as error:
        questions.save_question(
            store,
            QuestionData(employer_id=HUGE, text="Quel calendrier ?", asked_on=date(2025, 6, 5)),
        )
    assert_french(error.value.message)
    assert questions.get_question(store, ids["question"]).text  # the base is fine


def test_cli_refuses_an_id_of_2_63_in_french(data_dir: Path) -> None:
    result = aiconsult("export", "statement", str(HUGE), "-o", "x.docx")
    assert result.returncode == 2
    assert "trop grand" in result.stderr
    assert_french(result.stderr)
    superscript = aiconsult("export", "meeting", "²", "-o", "x.docx")
    assert superscript.returncode == 2 and "n'est pas un numéro" in superscript.stderr


def test_load_refuses_an_id_of_2_63(store: Store, tmp_path: Path) -> None:
    document = {"format": "aiconsult-desktop", "format_version": 1}
    document["employers"] = [{"id": HUGE, "name": "Région"}]
    with pytest.raises(UserError) as error:
        load_text(store, tmp_path, json.dumps(document))
    assert "« id »" in error.value.message
    assert_french(error.value.message)


# --- Item 11: deeply nested JSON, lone surrogates ----------------------------------


def test_deeply_nested_json_is_refused_in_french(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError) as error:
        load_text(store, tmp_path, "[" * 100_000 + "]" * 100_000)
    assert "imbriqués" in error.value.message
    assert_french(error.value.message)


def test_a_lone_surrogate_in_a_loaded_file_is_dropped(store: Store, tmp_path: Path) -> None:
    document = {"format": "aiconsult-desktop", "format_version": 1}
    document["employers"] = [{"id": 1, "name": "Région\ud800 Centre"}]
    load_text(store, tmp_path, json.dumps(document))  # json.dumps escapes it: \ud800
    assert [e.name for e in employers.list_employers(store)] == ["Région Centre"]
    transfer.dump_to_file(store, tmp_path / "copie.json")  # encodable again


# --- Item 11: .ics dates out of range, DTSTART;VALUE=PERIOD -------------------------


def invitation(*lines: str) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//x//FR", "BEGIN:VEVENT", "UID:u-1"]
    body = "\r\n".join([*head, "SUMMARY:CST", *lines, "END:VEVENT", "END:VCALENDAR", ""])
    return body.encode()


@pytest.mark.parametrize(
    "start",
    [
        "DTSTART:99991231T230000Z",  # converting to Paris time overflows
        "DTSTART:00010101T100000",
        "DTSTART:99991231T100000\r\nDURATION:PT23H",
        "DTSTART;VALUE=DATE:00000101",
        "DTSTART:20250605T090000\r\nDTEND:99991231T235959Z",
    ],
)
def test_ics_dates_out_of_range_are_said_in_french(store: Store, start: str) -> None:
    with pytest.raises(UserError) as error:
        read_invitation_bytes(store, invitation(*start.split("\r\n")))
    assert "aucun événement importable" in error.value.message
    assert_french(error.value.message)


def test_ics_period_start_gives_the_meeting_its_start_and_end(store: Store) -> None:
    preview = read_invitation_bytes(
        store, invitation("DTSTART;VALUE=PERIOD:20250605T090000/PT2H30M")
    )
    (meeting,) = preview.meetings
    assert (meeting.starts_at.hour, meeting.ends_at and meeting.ends_at.hour) == (9, 11)


# --- Item 11: a malformed --database-url, a full device, a broken pipe --------------


def test_malformed_database_port_is_said_and_the_password_not_repeated() -> None:
    result = aiconsult(
        "--database-url", "postgresql://ana:s3cret@serveur:abc/cst", "list", "meetings"
    )
    assert result.returncode == 1
    assert "le port doit être un nombre" in result.stderr
    assert "s3cret" not in result.stderr
    assert_french(result.stderr)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's full device")
def test_output_to_a_full_device_is_said_in_french(data_dir: Path) -> None:
    aiconsult("demo")
    with open("/dev/full", "w") as full:
        result = aiconsult("list", "questions", stdout=full)
    assert result.returncode == 1
    assert "le disque est plein" in result.stderr
    assert_french(result.stderr)


def test_list_into_a_closed_pipe_exits_quietly(data_dir: Path) -> None:
    """`aiconsult list … | head`: the reader left; no message, no error code."""
    aiconsult("demo")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "aiconsult_desktop.cli", "list", "questions", "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")


# --- Item 11: zero-width names, years 1 and 9999 ------------------------------------


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200d\u2060", "\ufeff \u200c"])
def test_zero_width_characters_are_not_a_name(store: Store, name: str) -> None:
    with pytest.raises(ValidationError, match="obligatoire"):
        employers.save_employer(store, EmployerData(name=name))
    assert employers.list_employers(store) == []


@pytest.mark.parametrize("year", [1, 1899, 2201, 9999])
def test_a_question_cannot_be_dated_when_a_meeting_cannot(store: Store, year: int) -> None:
    ids = small_dossier(store)
    with pytest.raises(ValidationError, match=f"L'année {year} n'est pas plausible"):
        questions.save_question(
            store,
            QuestionData(employer_id=ids["employer"], text="Quand ?", asked_on=date(year, 1, 1)),
        )
    with pytest.raises(ValidationError, match=f"L'année {year} n'est pas plausible"):
        questions.add_questions(
            store,
            QuestionData(employer_id=ids["employer"], text="", asked_on=date(year, 1, 1)),
            ["Une", "Deux"],
        )
    with pytest.raises(ValidationError, match=f"L'année {year} n'est pas plausible"):
        question_events.save_event(
            store,
            QuestionEventData(
                question_id=ids["question"], kind=EventKind.ANSWERED, on=date(year, 12, 31)
            ),
        )
    assert questions.get_question(store, ids["question"]).state is QuestionState.PENDING


# --- Item 12: no English inside French messages -------------------------------------


def test_json_encoding_and_os_errors_are_said_in_french(store: Store, tmp_path: Path) -> None:
    broken = tmp_path / "coupé.json"
    broken.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(UserError) as error:
        transfer.load_file(store, broken)
    assert "ligne 1, colonne 12" in error.value.message
    assert_french(error.value.message)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b"\xff\xfe{")
    with pytest.raises(UserError) as error:
        transfer.load_file(store, latin)
    assert "UTF-8" in error.value.message
    assert_french(error.value.message)
    folder = tmp_path / "dossier"
    folder.mkdir()
    with pytest.raises(UserError) as error:
        transfer.load_file(store, folder)
    assert "c'est un dossier" in error.value.message
    assert_french(error.value.message)


def test_argparse_errors_and_help_are_french() -> None:
    assert translate("argument --jours: invalid int value: 'douze'") == (
        "argument --jours : valeur invalide : 'douze'"
    )
    assert translate("argument -o: expected one argument") == (
        "argument -o : une valeur est attendue"
    )
    assert translate("something argparse may say one day") == "arguments incorrects (voir --help)"
    help_text = aiconsult("export", "statement", "--help").stdout
    assert "utilisation : aiconsult export statement" in help_text
    assert "afficher cette aide" in help_text
    for english in ("usage:", "positional arguments", "show this help", "--data-dir DATA_DIR"):
        assert english not in help_text + aiconsult("--help").stdout


def test_argparse_invalid_value_reaches_the_user_in_french(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = FrenchParser(prog="aiconsult")
    parser.add_argument("--jours", type=int)
    with pytest.raises(SystemExit) as stop:
        parser.parse_args(["--jours", "douze"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err == "aiconsult : erreur : argument --jours : valeur invalide : 'douze'\n"


def test_an_impossible_ics_day_has_one_full_stop(store: Store) -> None:
    with pytest.raises(UserError) as error:
        read_invitation_bytes(store, invitation("DTSTART:20250229T100000"))
    assert "2025 n'est pas une année bissextile." in error.value.message
    assert_french(error.value.message)


def test_keyring_and_data_dir_failures_are_said_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.errors import KeyringError

    from aiconsult_desktop import passwords
    from aiconsult_desktop.paths import prepare_data_dir

    def locked(*_args: object) -> None:
        raise KeyringError("Cannot create an item in a locked collection")

    monkeypatch.setattr(keyring, "set_password", locked)
    with pytest.raises(UserError) as error:
        passwords.set_password("ana@serveur:5432/cst", "s3cret")
    assert "trousseau" in error.value.message and "locked" not in error.value.message
    assert_french(error.value.message)
    a_file = tmp_path / "fichier"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as error:
        prepare_data_dir(a_file / "données")
    assert "n'est pas un dossier" in error.value.message
    assert_french(error.value.message)


# --- Item 11: an empty or 300-character output file name ---------------------------


@pytest.mark.parametrize("name", ["", "a" * 300 + ".docx"])
def test_output_names_no_disk_accepts_are_refused_in_french(
    demo_store: Store, tmp_path: Path, name: str
) -> None:
    from aiconsult_desktop.services.exports import export_statement
    from aiconsult_desktop.services.question_exports import export_questions

    target = tmp_path / name if name else Path(name)
    statement = statements.list_statements(demo_store)[0]
    assert statement.id is not None
    for export in (
        lambda: export_statement(demo_store, statement.id or 0, target),
        lambda: export_questions(demo_store, target.with_suffix(".csv") if name else target),
    ):
        with pytest.raises(UserError, match=r"Aucun nom de fichier|trop long") as error:
            export()
        assert_french(error.value.message)


def test_cli_refuses_an_empty_output_name(data_dir: Path) -> None:
    aiconsult("demo")
    for args in (["dump", "-o", ""], ["export", "statement", "1", "-o", ""]):
        result = aiconsult(*args)
        assert result.returncode == 1
        assert "Aucun nom de fichier" in result.stderr
        assert_french(result.stderr)


@pytest.mark.parametrize(
    "content", [b"ceci n'est pas une base" * 100, b"SQLite format 3\x00" + b"\xff" * 5000]
)
def test_a_base_that_is_not_one_is_said_in_french(tmp_path: Path, content: bytes) -> None:
    from aiconsult_desktop.services.backups import make_backup
    from aiconsult_desktop.store import open_store

    database = tmp_path / "aiconsult.sqlite3"
    database.write_bytes(content)
    for attempt in (lambda: open_store(database), lambda: make_backup(database)):
        with pytest.raises(UserError) as error:
            attempt()
        assert "not a database" not in error.value.message
        assert "malformed" not in error.value.message
        assert_french(error.value.message)
    assert database.read_bytes() == content
