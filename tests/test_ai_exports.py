"""Exports of the AI tools register (issue 10): the « Fiche outil » read back with
python-docx and rendered by LibreOffice, the register as CSV and XLSX (formula-safe),
and `aiconsult export tool/tools` as a user runs it."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import ai_register, ai_tools
from aiconsult_desktop.services.ai_exports import REGISTER_HEADERS, export_tool, export_tools
from aiconsult_desktop.store import Store
from tests.rendering import rendered_pages
from tests.test_cli import aiconsult


def test_the_tool_sheet_in_word_says_where_the_tool_stands(
    demo_store: Store, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    target = export_tool(demo_store, 1, tmp_path / "fiche.docx")
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text.startswith("FICHE OUTIL")
    assert document.core_properties.author == "CGT Région des Pays de la Loire"
    for expected in (
        "sans avis du CST — en infraction",
        "12 questions sans réponse depuis le 3 octobre 2024",
        "Historique",
        "présentation des expérimentations menées sans passage en CST",
        "Consultation due : suivi des obligations",
        "Information du CST : refusée par l'employeur (15 mai 2025)",
        "fiabilité : Revendication syndicale",
        "Consultation de la F3SCT : non renseignée",
        "Questions en attente de réponse",
        "Réunions où l'outil a été évoqué",
        "Réunion technique sur l'IA, le 11 décembre 2024",
    ):
        assert expected in text.replace("\u2019", "'").replace("\u202f", " ").replace("\xa0", " ")
    pages = rendered_pages(soffice, pdftotext, target, tmp_path / "render")
    rendered = " ".join(pages)
    assert "FICHE OUTIL : LIGÉRIA" in rendered.replace("\u202f", " ").replace("\xa0", " ")
    assert "Déployé le 12 juin 2025 sans avis du CST" in rendered.replace("\xa0", " ")


def test_the_tool_sheet_as_pdf(demo_store: Store, tmp_path: Path, soffice: str) -> None:
    target = export_tool(demo_store, 1, tmp_path / "fiche.pdf")
    assert target.read_bytes().startswith(b"%PDF")


def test_the_register_as_csv_and_xlsx_one_row_per_tool(demo_store: Store, tmp_path: Path) -> None:
    tool = ai_register.get_tool(demo_store, 1)
    ai_tools.save_tool(demo_store, replace(tool, vendor='=HYPERLINK("http://x";"clic")'))
    path = export_tools(demo_store, tmp_path / "registre.csv")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == REGISTER_HEADERS
    [row] = rows[1:]
    cells = dict(zip(REGISTER_HEADERS, row, strict=True))
    assert cells["Où en est l'outil"] == "Déployé le 12 juin 2025 sans avis du CST"
    assert cells["En infraction"] == "oui" and cells["Éléments ouverts"] == "14"
    assert cells["Détail des éléments ouverts"].startswith(
        "Information du CST (refusée par l'employeur)"
    )
    assert cells["Éditeur ou prestataire"].startswith("'=")  # never run as a formula
    workbook = load_workbook(export_tools(demo_store, tmp_path / "registre.xlsx"))
    sheet = workbook.active
    assert sheet is not None and sheet.title == "Outils d'IA"
    values = [c.value for c in sheet[2]]
    assert values[2] == "LigérIA" and values[3] == '=HYPERLINK("http://x";"clic")'
    assert sheet.cell(row=2, column=4).data_type == "s"


def test_wrong_formats_and_unknown_employers_are_said_in_french(
    demo_store: Store, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match=r"\.docx \(Word\) ou \.pdf"):
        export_tool(demo_store, 1, tmp_path / "fiche.odt")
    with pytest.raises(UserError, match=r"\.xlsx ou \.csv"):
        export_tools(demo_store, tmp_path / "registre.docx")
    with pytest.raises(UserError, match="inconnu"):
        export_tools(demo_store, tmp_path / "r.csv", employer_name="Nulle-Part")
    assert not (tmp_path / "r.csv").exists()


def test_export_tool_and_tools_from_the_command_line(tmp_path: Path, data_dir: Path) -> None:
    assert aiconsult("demo").returncode == 0
    sheet = aiconsult("export", "tool", "1", "-o", str(tmp_path / "fiche.docx"))
    assert sheet.returncode == 0 and "Document écrit" in sheet.stdout
    assert (tmp_path / "fiche.docx").exists()
    register = aiconsult(
        "export", "tools", "--employer", "Région", "-o", str(tmp_path / "registre.xlsx")
    )
    assert register.returncode == 0 and (tmp_path / "registre.xlsx").exists()
    missing = aiconsult("export", "tool", "7", "-o", str(tmp_path / "x.docx"))
    assert missing.returncode == 1 and "n° 7 n'existe pas" in missing.stderr
