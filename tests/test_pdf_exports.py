"""PDF for every document, from the command line as from the window: `-o fichier.pdf`
writes a real PDF naming the organisation (not LibreOffice), or refuses in one French
sentence; an unknown extension is refused, never rewritten."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from aiconsult_desktop.export.pdf import UNAVAILABLE
from tests.helpers import plain
from tests.rendering import pdf_text

ORGANISATION = "CGT Région des Pays de la Loire"


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=300,
    )


def _check_pdf(path: Path, title: str, pdftotext: str) -> str:
    """The PDF's text, after checking it is a real PDF that names only the organisation."""
    assert path.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(path)
    info = reader.metadata
    assert info is not None
    assert info.title == title
    assert info.author == ORGANISATION
    assert info.creator == "AIConsult Desktop" and info.producer == "AIConsult Desktop"
    assert reader.xmp_metadata is None
    for value in info.values():
        assert "LibreOffice" not in str(value) and "Writer" not in str(value)
    return plain(" ".join(pdf_text(pdftotext, path).split()))


@pytest.mark.libreoffice
def test_every_command_line_export_writes_a_real_pdf(
    data_dir: Path, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    assert run_cli("demo").returncode == 0
    statement, pack, register = tmp_path / "s5.pdf", tmp_path / "pv.pdf", tmp_path / "q.pdf"
    tool = tmp_path / "outil.pdf"
    for args in (
        ("statement", "5", "-o", str(statement)),
        ("meeting", "5", "-o", str(pack)),
        ("questions", "--employer", "Région", "-o", str(register)),
        ("tool", "1", "-o", str(tool)),
    ):
        result = run_cli("export", *args)
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "data",
        "outil.pdf",
        "pv.pdf",
        "q.pdf",
        "s5.pdf",
    ]

    text = _check_pdf(statement, "INTERVENTION CGT EN CST DU 5 JUIN 2025", pdftotext)
    assert "INTERVENTION CGT EN CST DU 5 JUIN 2025" in text
    assert "Nantes, le 5 juin 2025" in text
    text = _check_pdf(pack, "Déclarations CGT — CST du 5 juin 2025", pdftotext)
    assert "DÉCLARATIONS CGT — CST DU 5 JUIN 2025" in text
    text = _check_pdf(register, "QUESTIONS RESTÉES SANS RÉPONSE", pdftotext)
    assert "QUESTIONS RESTÉES SANS RÉPONSE" in text and "Page 1 /" in text
    text = _check_pdf(tool, "FICHE OUTIL : LIGÉRIA", pdftotext)
    assert "FICHE OUTIL : LIGÉRIA" in text


def test_an_unknown_extension_is_refused_never_rewritten(data_dir: Path, tmp_path: Path) -> None:
    assert run_cli("demo").returncode == 0
    for kind in ("statement", "meeting"):
        result = run_cli("export", kind, "5", "-o", str(tmp_path / "s5.odt"))
        assert result.returncode == 1
        assert result.stderr.strip() == (
            "Format « .odt » inconnu : choisissez un fichier .docx (Word) ou .pdf."
        )
    result = run_cli("export", "questions", "-o", str(tmp_path / "q.ods"))
    assert result.returncode == 1
    assert "Format « .ods » inconnu" in result.stderr and ".xlsx (tableur)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_without_libreoffice_a_pdf_is_refused_in_one_sentence(
    data_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("demo").returncode == 0
    bare = tmp_path / "bin"
    bare.mkdir()
    result = run_cli(
        "export", "statement", "5", "-o", str(tmp_path / "s5.pdf"), env={"PATH": str(bare)}
    )
    assert result.returncode == 1
    assert result.stderr.strip() == UNAVAILABLE
    assert ". " not in UNAVAILABLE and UNAVAILABLE.endswith(".")  # one sentence
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin", "data"]
