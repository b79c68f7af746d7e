"""Exporting the demo dossier's statements as users do: from the CLI, opened by LibreOffice."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import demo, exports, organisation
from aiconsult_desktop.services.records import OrganisationData
from tests.helpers import new_store, plain, small_dossier
from tests.rendering import rendered_pages


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.libreoffice
def test_demo_statements_export_from_the_cli_and_open_in_libreoffice(
    data_dir: Path, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    assert run_cli("demo").returncode == 0
    may, june = tmp_path / "15-mai.docx", tmp_path / "5-juin.docx"
    for statement_id, target in ((4, may), (5, june)):
        result = run_cli("export", "statement", str(statement_id), "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert str(target) in result.stdout

    document = docx.Document(str(june))
    assert plain(document.paragraphs[0].text) == "INTERVENTION CGT EN CST DU 5 JUIN 2025"
    assert document.core_properties.author == "CGT Région des Pays de la Loire"
    assert document.core_properties.title == "INTERVENTION CGT EN CST DU 5 JUIN 2025"
    with zipfile.ZipFile(may) as package:
        assert "Le terme de redevabilité" in package.read("word/footnotes.xml").decode()

    june_text = " ".join(rendered_pages(soffice, pdftotext, june, tmp_path / "juin"))
    assert "INTERVENTION CGT EN CST DU 5 JUIN 2025" in june_text
    assert "Extrait" in june_text
    assert "ne doit pas être le prétexte à des suppressions de postes" in june_text
    assert "Les élu·es CGT au CST Nantes, le 5 juin 2025" in june_text

    may_text = " ".join(rendered_pages(soffice, pdftotext, may, tmp_path / "mai"))
    assert "DÉCLARATION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025" in may_text
    assert re.search(r"transparence et redevabilité ?1", may_text)
    assert "traduction française (dans la norme ISO 26000 (2010))" in may_text
    assert "[^1]" not in may_text


def test_a_month_only_meeting_is_titled_with_its_month(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    demo.load_demo(store)
    target = exports.export_statement(store, 3, tmp_path / "mars")
    assert target.name == "mars.docx"
    assert (
        plain(docx.Document(str(target)).paragraphs[0].text)
        == "INTERVENTION CGT EN CST DE MARS 2025"
    )


def test_export_without_an_organisation_asks_to_fill_it_in(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    ids = small_dossier(store)
    organisation.save_organisation(store, OrganisationData(name="Syndicat CGT"))
    store_without = new_store(tmp_path, "vide.sqlite3")
    from aiconsult_desktop.services import transfer

    document = transfer.dump_store(store)
    document["organisation"] = []
    transfer.load_document(store_without, document)
    with pytest.raises(UserError, match="Renseignez d'abord votre organisation"):
        exports.export_statement(store_without, ids["statement"], tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
