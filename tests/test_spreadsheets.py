"""The register as a spreadsheet shows exactly what the user typed: in XLSX as explicit
string cells (Excel and LibreOffice Calc never run « =… », no apostrophe shows), in CSV
with only real formulas guarded; and the files name the organisation, not openpyxl."""

from __future__ import annotations

import csv
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aiconsult_desktop.services import questions
from aiconsult_desktop.services.question_exports import export_questions
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.store import Store
from tests.conftest import require_component
from tests.helpers import new_store, small_dossier

TYPED = [
    '=HYPERLINK("http://exemple.fr";"clic")',
    "-3 agents au service RH ?",
    "+33 6 12 34 56 78 : qui rappeler ?",
    "@DRH : calendrier ?",
    "- point de vigilance (voir annexe)",
]


def _register(tmp_path: Path) -> Store:
    store = new_store(tmp_path)
    ids = small_dossier(store)
    for text in TYPED:
        questions.save_question(
            store, QuestionData(employer_id=ids["employer"], text=text, asked_on=date(2025, 6, 5))
        )
    return store


def _texts(rows: list[list[str]]) -> list[str]:
    column = rows[0].index("Question")
    return [row[column] for row in rows[1:]]


def test_xlsx_cells_hold_exactly_the_typed_text(tmp_path: Path) -> None:
    target = export_questions(_register(tmp_path), tmp_path / "q.xlsx")
    sheet = load_workbook(target).active
    assert sheet is not None
    cells = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells][1:] == TYPED
    assert all(cell.data_type == "s" for cell in cells)


def test_csv_guards_only_what_a_spreadsheet_would_run(tmp_path: Path) -> None:
    target = export_questions(_register(tmp_path), tmp_path / "q.csv")
    with target.open(encoding="utf-8-sig", newline="") as stream:
        texts = _texts(list(csv.reader(stream, delimiter=";")))
    assert texts[1:] == ["'" + TYPED[0], TYPED[1], TYPED[2], "'" + TYPED[3], TYPED[4]]


def test_xlsx_names_the_organisation_and_no_library(tmp_path: Path) -> None:
    target = export_questions(_register(tmp_path), tmp_path / "q.xlsx")
    with zipfile.ZipFile(target) as package:
        app = package.read("docProps/app.xml").decode()
        core = package.read("docProps/core.xml").decode()
    assert "openpyxl" not in (app + core).casefold()
    assert "<Application>AIConsult Desktop</Application>" in app
    assert "Syndicat CGT des territoriaux de Lyon" in core


@pytest.mark.libreoffice
def test_libreoffice_calc_shows_the_typed_text(tmp_path: Path, soffice: str) -> None:
    program = Path(soffice).resolve().parent
    has_calc = any(program.glob("libsclo.*")) or any(program.glob("sclo.dll"))
    require_component(has_calc, "LibreOffice Calc (libreoffice-calc-nogui)")
    target = export_questions(_register(tmp_path), tmp_path / "q.xlsx")
    out = tmp_path / "csv"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76",
            "--outdir",
            str(out),
            str(target),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    with (out / "q.csv").open(encoding="utf-8", newline="") as stream:
        texts = _texts(list(csv.reader(stream, delimiter=";")))
    assert texts[1:] == TYPED
