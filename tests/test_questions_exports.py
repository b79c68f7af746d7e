"""Exports of the questions register read back: Word (python-docx and LibreOffice), CSV as
French Excel opens it, XLSX with openpyxl; and the command line."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import meetings, question_events, questions
from aiconsult_desktop.services.question_exports import TABLE_HEADERS, export_questions
from aiconsult_desktop.services.records import QuestionEventData
from aiconsult_desktop.store import Store
from tests.helpers import plain
from tests.rendering import rendered_pages
from tests.test_cli import aiconsult

TODAY = date(2025, 9, 1)


def _with_history(store: Store) -> None:
    june = next(m for m in meetings.list_meetings(store) if m.title == "CST du 5 juin 2025")
    pending = questions.list_questions(store)
    question_events.mark_asked_again(store, [q.id for q in pending], june.id, date(2025, 6, 5))  # type: ignore[misc]
    question_events.save_event(
        store,
        QuestionEventData(
            question_id=pending[0].id or 0,
            kind=EventKind.ANSWERED,
            on=date(2025, 7, 1),
            channel=Channel.LETTER,
            text="=SOMME(A1) ; réponse « complète »\nsur deux lignes",
        ),
    )


@pytest.mark.libreoffice
def test_word_register_of_one_employer(
    demo_store: Store, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    _with_history(demo_store)
    target = export_questions(demo_store, tmp_path / "q.docx", employer_name="Région", today=TODAY)
    document = Document(str(target))
    texts = [plain(p.text) for p in document.paragraphs]
    assert texts[0] == "QUESTIONS RESTÉES SANS RÉPONSE"
    assert "Déploiement de l'IA" in texts
    items = [t for t in texts if "— Posée le" in t]
    assert len(items) == 11  # the answered one is not "sans réponse"
    assert "relancée le 5 juin 2025" in items[0] and "sans réponse à ce jour" in items[0]
    assert document.core_properties.title == "QUESTIONS RESTÉES SANS RÉPONSE"
    pages = rendered_pages(soffice, pdftotext, target, tmp_path / "render")
    whole = " ".join(" ".join(pages).split())
    assert "QUESTIONS RESTÉES SANS RÉPONSE" in whole
    assert "reconnaissance des émotions" in whole
    assert "Page 1 /" in whole


def test_csv_opens_in_french_excel_with_every_field(demo_store: Store, tmp_path: Path) -> None:
    _with_history(demo_store)
    target = export_questions(demo_store, tmp_path / "q.csv", today=TODAY)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == TABLE_HEADERS
    assert len(rows) == 13
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Posée le"] == "03/10/2024"
    assert first["État"] == "Répondue"
    assert first["Réponse"].endswith("sur deux lignes")
    # A spreadsheet opening the file shows the answer; it never runs it as a formula.
    assert first["Réponse"].startswith("'=SOMME(A1)")
    assert "Relancée" in first["Historique"]
    # Where each step happened: the meeting, or how the answer came.
    assert "5 juin 2025 : Relancée (CST du 5 juin 2025)" in first["Historique"]
    assert "1er juillet 2025 : Réponse (par courrier) — =SOMME(A1)" in first["Historique"]


def test_xlsx_has_real_dates_and_state_filter(demo_store: Store, tmp_path: Path) -> None:
    _with_history(demo_store)
    target = export_questions(demo_store, tmp_path / "q.xlsx", state="answered", today=TODAY)
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == TABLE_HEADERS
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Posée le"].date() == date(2024, 10, 3)  # type: ignore[union-attr]
    assert row["Réponse"].startswith("=SOMME")  # a string cell: shown as typed, never run
    assert row["Relances"] == 1


def test_word_needs_one_employer_and_unknown_names_are_listed(
    demo_store: Store, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="Employeurs connus : « Région des Pays de la Loire »"):
        export_questions(demo_store, tmp_path / "q.docx", employer_name="Mairie de Brest")
    with pytest.raises(UserError, match=r"Format « \.txt » inconnu"):
        export_questions(demo_store, tmp_path / "q.txt")


def test_command_line_export_and_unknown_employer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert aiconsult("demo", data_dir=data).returncode == 0
    done = aiconsult(
        "export", "questions", "--state", "open", "-o", str(tmp_path / "q.csv"), data_dir=data
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "q.csv").exists()
    failed = aiconsult(
        "export",
        "questions",
        "--employer",
        "Inconnu",
        "-o",
        str(tmp_path / "q.docx"),
        data_dir=data,
    )
    assert failed.returncode == 1
    assert failed.stderr.strip() == (
        "Employeur « Inconnu » inconnu. Employeurs connus : « Région des Pays de la Loire »."
    )
    assert "Traceback" not in failed.stderr
