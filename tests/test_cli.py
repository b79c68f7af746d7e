"""The `aiconsult` command as a user runs it: a subprocess, French errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def aiconsult(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "aiconsult_desktop.cli"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


def test_demo_then_list_every_kind_as_json(data_dir: Path) -> None:
    assert aiconsult("demo").returncode == 0
    questions = json.loads(aiconsult("list", "questions", "--json").stdout)
    assert len(questions) == 12
    assert {"id", "employer", "text", "state", "asked_on"} <= set(questions[0])
    assert questions[-1]["state"] == "pending" and questions[-1]["asked_on"] == "2025-05-15"
    meetings = json.loads(aiconsult("list", "meetings", "--json").stdout)
    assert {"id", "title", "kind", "body", "employer", "starts_at"} <= set(meetings[0])
    assert meetings[-2]["starts_at"].startswith("2025-06-05T") and meetings[-2]["body"] == "CST"
    assert meetings[-2]["kind"] == "plenary"
    # The demo's upcoming CST, marked as an example, comes after the seed's meetings.
    assert meetings[-1]["title"].endswith("(exemple)") and meetings[-1]["body"] == "CST"
    statements = json.loads(aiconsult("list", "statements", "--json").stdout)
    assert {"id", "title", "kind", "meeting_id", "state"} <= set(statements[0])
    employers = json.loads(aiconsult("list", "employers", "--json").stdout)
    assert employers[0]["name"] == "Région des Pays de la Loire"
    assert (data_dir / "aiconsult.sqlite3").exists()


def test_data_dir_option_wins_over_the_environment(tmp_path: Path, data_dir: Path) -> None:
    other = tmp_path / "autre"
    assert aiconsult("demo", data_dir=other).returncode == 0
    assert (other / "aiconsult.sqlite3").exists()
    assert not (data_dir / "aiconsult.sqlite3").exists()


def test_plain_listing_is_french(data_dir: Path) -> None:
    aiconsult("demo")
    out = aiconsult("list", "meetings").stdout
    assert "5 juin 2025" in out and "mars 2025" in out and "Séance plénière" in out


def test_dump_load_dump_through_the_cli(tmp_path: Path) -> None:
    source, copy = tmp_path / "source", tmp_path / "copie"
    aiconsult("demo", data_dir=source)
    first, second = tmp_path / "un.json", tmp_path / "deux.json"
    assert aiconsult("dump", "-o", str(first), data_dir=source).returncode == 0
    assert aiconsult("load", str(first), data_dir=copy).returncode == 0
    assert aiconsult("dump", "-o", str(second), data_dir=copy).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text(encoding="utf-8"))["format_version"] == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "statement", "42", "-o", "x.docx"], "La déclaration n° 42 n'existe pas"),
        (["list", "chaises"], "choix invalide"),
        (["export", "statement", "abc", "-o", "x.docx"], "« abc » n'est pas un numéro"),
        (["export", "statement", "3"], "arguments obligatoires manquants : -o/--output"),
        (["load", "absent.json"], "Impossible de lire"),
    ],
)
def test_errors_are_one_french_line_without_traceback(
    data_dir: Path, args: list[str], message: str
) -> None:
    result = aiconsult(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1


def test_loading_a_file_that_is_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "mauvais.json"
    bad.write_text("{ pas du json", encoding="utf-8")
    result = aiconsult("load", str(bad))
    assert result.returncode == 1
    assert "n'est pas un fichier JSON valide" in result.stderr


def test_demo_twice_is_refused(data_dir: Path) -> None:
    aiconsult("demo")
    result = aiconsult("demo")
    assert result.returncode == 1 and "déjà des données" in result.stderr


def test_unwritable_data_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    result = aiconsult("list", "meetings", data_dir=blocker / "sous-dossier")
    assert result.returncode == 1
    assert "Impossible d'écrire dans le dossier de données" in result.stderr


def test_a_damaged_store_is_reported_and_kept(data_dir: Path) -> None:
    store = data_dir / "aiconsult.sqlite3"
    store.write_bytes(b"\x00" * 100 + b"abime" * 1000)
    before = store.read_bytes()
    result = aiconsult("list", "questions")
    assert result.returncode == 1 and "n'est pas une base AIConsult lisible" in result.stderr
    assert store.read_bytes() == before


def test_help_is_french() -> None:
    result = aiconsult("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("utilisation : aiconsult")
    assert "afficher cette aide et quitter" in result.stdout
    assert "charger le dossier de démonstration" in result.stdout
