"""`aiconsult export calendar` and `aiconsult import calendar`, as a user runs them."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from tests.test_cli import aiconsult


def test_export_then_import_calendar_from_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    assert aiconsult("demo").returncode == 0
    out = tmp_path / "cst.ics"
    done = aiconsult(
        "export", "calendar", "--employer", "Région des Pays de la Loire", "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert "réunions exportées" in done.stdout
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) >= 3
    preview = aiconsult("import", "calendar", str(out), "--preview")
    assert preview.returncode == 0
    assert "déjà à jour" in preview.stdout and "rien n'a été enregistré" in preview.stdout
    imported = aiconsult("import", "calendar", str(out))
    assert imported.returncode == 0, imported.stderr
    assert f"0 réunion créée, 0 mise à jour, {len(events)} déjà à jour." in imported.stdout


def test_calendar_commands_refuse_bad_input_in_french(data_dir: Path, tmp_path: Path) -> None:
    bad = aiconsult("export", "calendar", "--from", "29/02/2025", "-o", str(tmp_path / "x.ics"))
    assert bad.returncode == 2
    assert "Le 29 février 2025 n'existe pas : 2025 n'est pas une année bissextile" in bad.stderr
    note = tmp_path / "note.ics"
    note.write_text("pas un agenda", encoding="utf-8")
    refused = aiconsult("import", "calendar", str(note))
    assert refused.returncode == 1
    assert "n'est pas une invitation iCalendar" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


def test_importing_with_several_employers_asks_which_one(tmp_path: Path) -> None:
    import argparse

    import pytest

    from aiconsult_desktop.cli.ics import import_calendar_command
    from aiconsult_desktop.errors import UserError
    from aiconsult_desktop.services import employers
    from aiconsult_desktop.services.records import EmployerData
    from aiconsult_desktop.store import open_store

    store = open_store(tmp_path / "s.sqlite3")
    for name in ("Région des Pays de la Loire", "Ville de Nantes"):
        employers.save_employer(store, EmployerData(name=name))
    invitation = tmp_path / "cst.ics"
    invitation.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//FR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
        "SUMMARY:CST\r\nDTSTART:20251002T093000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    args = argparse.Namespace(file=str(invitation), employer=None, preview=False)
    with pytest.raises(
        UserError, match=r"précisez lequel avec --employer NOM.*« Ville de Nantes »"
    ):
        import_calendar_command(store, args)
    store.close()
