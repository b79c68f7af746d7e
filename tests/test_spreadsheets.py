"""The register as a spreadsheet shows exactly what the user typed: in XLSX as explicit
string cells (Excel and LibreOffice Calc never run « =… », no apostrophe shows), in CSV
with only real formulas guarded; and the files name the organisation, not a library."""

from __future__ import annotations

import csv
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

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
    assert not [
        leak for leak in ("openpyxl", "xlsxwriter", "microsoft") if leak in (app + core).casefold()
    ]
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


def test_xlsx_keeps_markup_characters_line_breaks_and_dates(tmp_path: Path) -> None:
    """What XML escapes, a carriage return and a long text read back exactly; a control
    character that XLSX cannot hold is dropped, not the whole file. XlsxWriter stores a
    carriage return as the standard « _x000D_ » escape, which Excel decodes and openpyxl
    leaves as is: the test decodes it as Excel does."""
    from aiconsult_desktop.export.tables import write_xlsx

    long_text = "Budget R&D <2026> : « priorités » " * 4
    rows = [
        [1, 'R&D <DRH> & "CST"\r\nsuite', date(2025, 6, 5), long_text],
        [2, "sonnerie\x07 coupée", None, "-3 agents"],
    ]
    target = tmp_path / "feuille.xlsx"
    write_xlsx(target, "Essai", ["N°", "Texte", "Le", "Long"], rows)
    sheet = load_workbook(target).active
    assert sheet is not None
    values = [
        [unescape(cell.value) if isinstance(cell.value, str) else cell.value for cell in row]
        for row in sheet.iter_rows()
    ]
    assert values[0] == ["N°", "Texte", "Le", "Long"]
    assert values[1][:2] == [1, 'R&D <DRH> & "CST"\r\nsuite']
    assert values[1][2].date() == date(2025, 6, 5)
    assert values[1][3] == long_text
    assert values[2] == [2, "sonnerie coupée", None, "-3 agents"]
    assert sheet["C2"].number_format == "DD/MM/YYYY"
    assert sheet["D2"].alignment.wrap_text
    assert sheet.title == "Essai"


def test_xlsx_text_of_control_characters_only_is_a_blank_cell(tmp_path: Path) -> None:
    """A text made only of characters a cell cannot hold is written as no cell at all (as
    an empty text is), not as an empty text cell that Excel counts as filled."""
    from aiconsult_desktop.export.tables import write_xlsx

    target = tmp_path / "feuille.xlsx"
    write_xlsx(target, "Essai", ["N°", "Texte", "Vide"], [[1, "\x07\x08", ""]])
    with zipfile.ZipFile(target) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<c r="A2"' in sheet
    assert '<c r="B2"' not in sheet and '<c r="C2"' not in sheet
