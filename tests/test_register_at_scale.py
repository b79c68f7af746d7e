"""The register export at scale: a few set-based queries whatever the number of
questions, rows streamed in chunks (the same file whatever the chunk), progress reported."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.export import tables
from aiconsult_desktop.services import question_events, question_exports, questions
from aiconsult_desktop.services.question_exports import export_questions
from aiconsult_desktop.services.records import QuestionEventData
from aiconsult_desktop.store import Store
from tests.helpers import counted_queries

TODAY = date(2025, 9, 1)


def add_pending(store: Store, how_many: int) -> None:
    template = questions.list_questions(store)[0]
    questions.add_questions(store, template, [f"Question ajoutée n° {n}" for n in range(how_many)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".docx"])
def test_the_number_of_queries_does_not_grow_with_the_register(
    demo_store: Store, tmp_path: Path, suffix: str
) -> None:
    name = {"employer_name": "Région"} if suffix == ".docx" else {}
    with counted_queries(demo_store) as small:
        export_questions(demo_store, tmp_path / f"petit{suffix}", today=TODAY, **name)  # type: ignore[arg-type]
    add_pending(demo_store, 60)
    with counted_queries(demo_store) as large:
        export_questions(demo_store, tmp_path / f"grand{suffix}", today=TODAY, **name)  # type: ignore[arg-type]
    assert len(large) == len(small), "one query per question crept back into the export"


def test_rows_stream_in_chunks_with_progress_and_the_file_is_the_same(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_pending(demo_store, 20)
    whole = export_questions(demo_store, tmp_path / "entier.csv", today=TODAY)
    monkeypatch.setattr(question_exports, "CHUNK", 7)
    heard: list[tuple[int, int]] = []
    chunked = export_questions(
        demo_store,
        tmp_path / "morceaux.csv",
        today=TODAY,
        progress=lambda done, total: heard.append((done, total)),
    )
    assert chunked.read_bytes() == whole.read_bytes()
    assert heard == [(0, 32), (7, 32), (14, 32), (21, 32), (28, 32), (32, 32)]
    with chunked.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert len(rows) == 33
    added = sorted(row[3] for row in rows if row[3].startswith("Question ajoutée"))
    assert added == sorted(f"Question ajoutée n° {n}" for n in range(20))

    sheet_path = export_questions(demo_store, tmp_path / "registre.xlsx", today=TODAY)
    sheet = load_workbook(sheet_path).active
    assert sheet is not None
    assert sheet.max_row == 33
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:O33"
    assert sheet["E2"].number_format == "DD/MM/YYYY"
    assert sheet["A1"].font.bold


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_failed_export_leaves_the_previous_file_whole(
    demo_store: Store, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelling (progress raises) half-way through the rows: the previous file is kept
    whole and no temporary file is left, whether the rows went to csv or to XlsxWriter."""
    add_pending(demo_store, 20)
    monkeypatch.setattr(question_exports, "CHUNK", 7)
    monkeypatch.setattr(tables, "SAMPLE_ROWS", 5)  # the cut comes after XlsxWriter wrote rows
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"registre{suffix}"
    target.write_text("export précédent", encoding="utf-8")

    def stop(done: int, _total: int) -> None:
        if done >= 14:  # after rows were written
            raise RuntimeError("coupure")

    with pytest.raises(RuntimeError):
        export_questions(demo_store, target, today=TODAY, progress=stop)
    assert target.read_text(encoding="utf-8") == "export précédent"
    assert [p.name for p in folder.iterdir()] == [target.name]  # no temporary left


def test_a_history_entered_out_of_order_reads_in_date_order(
    demo_store: Store, tmp_path: Path
) -> None:
    """The events are read grouped by question (not in register order) and put in date
    order per question: an answer entered before an earlier relance still comes after it,
    a relance the day the question was asked comes after « Posée », and the relances are
    counted and the last one dated from that order."""
    question = next(q for q in questions.list_questions(demo_store) if q.state.is_open)
    question_id, asked_on = question.id or 0, question.asked_on
    question_events.save_event(
        demo_store,
        QuestionEventData(
            question_id=question_id,
            kind=EventKind.ANSWERED,
            on=date(2025, 7, 1),
            channel=Channel.LETTER,
        ),
    )
    question_events.mark_asked_again(demo_store, [question_id], None, date(2025, 6, 5))
    question_events.mark_asked_again(demo_store, [question_id], None, asked_on)
    target = export_questions(demo_store, tmp_path / "registre.csv", today=TODAY)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    row = next(r for r in rows if r["N°"] == str(question_id))
    asked = day_month_year(asked_on)
    assert row["Historique"].split("\n")[1:] == [
        f"{asked} : Relancée (autrement)",
        "5 juin 2025 : Relancée (autrement)",
        "1er juillet 2025 : Réponse (par courrier)",
    ]
    assert row["Historique"].startswith(f"{asked} : Posée (")
    assert (row["Relances"], row["Dernière relance"], row["Réponse du"]) == (
        "2",
        "05/06/2025",
        "01/07/2025",
    )
