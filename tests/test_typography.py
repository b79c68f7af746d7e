"""French typography in exported documents: what a delegate sees on the printed page."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import docx
import pytest

from aiconsult_desktop.domain.enums import DatePrecision, MeetingKind, StatementKind
from aiconsult_desktop.domain.typography import NBSP, NNBSP, glue_spans, typeset
from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.export.intervention import write_intervention
from aiconsult_desktop.services import demo, exports, statements
from aiconsult_desktop.services.records import MeetingData, StatementData
from tests.helpers import new_store
from tests.rendering import rendered_text


def test_spaces_before_double_signs_and_inside_guillemets_do_not_break() -> None:
    assert typeset("Questions sans réponse : aucune") == f"Questions sans réponse{NNBSP}: aucune"
    assert typeset("Réponse: non; oui!") == f"Réponse{NNBSP}: non{NNBSP}; oui{NNBSP}!"
    assert typeset("le terme «accountability »") == f"le terme «{NNBSP}accountability{NNBSP}»"
    assert typeset("Pourquoi ?!") == f"Pourquoi{NNBSP}?!"


def test_numbers_dates_and_articles_stay_with_their_word() -> None:
    assert typeset("décret n° 2021-571 du 10 mai 2021, art. 81") == (
        f"décret n°{NBSP}2021-571{NBSP}du 10{NBSP}mai{NBSP}2021, art.{NBSP}81"
    )
    assert typeset("dans les 15 jours") == f"dans les 15{NBSP}jours"
    assert typeset("le 1er octobre 2024") == f"le 1er{NBSP}octobre{NBSP}2024"
    assert typeset("DU 15 MAI 2025") == f"DU 15{NBSP}MAI{NBSP}2025"


def test_apostrophes_are_typographic_and_code_like_text_is_left_alone() -> None:
    assert typeset("l'IA, aujourd'hui") == "l’IA, aujourd’hui"
    assert typeset("à 14:30 sur https://exemple.fr/?q=1") == "à 14:30 sur https://exemple.fr/?q=1"
    assert typeset("[^2]: une note") == "[^2]: une note"


def test_a_colon_after_a_bold_word_takes_its_space_in_its_own_run() -> None:
    left, right = glue_spans(["la réponse ", ": aucune"])
    assert (left, typeset(right, left)) == ("la réponse", f"{NNBSP}: aucune")


def test_the_stored_text_is_unchanged_and_the_document_is_typeset(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    demo.load_demo(store)
    before = statements.get_statement(store, 5).text
    target = exports.export_statement(store, 5, tmp_path / "juin.docx")
    assert statements.get_statement(store, 5).text == before
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert paragraphs[0] == f"INTERVENTION CGT EN CST DU 5{NBSP}JUIN{NBSP}2025"
    assert f"Nantes, le 5{NBSP}juin{NBSP}2025" in paragraphs
    assert not any("'" in p for p in paragraphs)


def _statement(read_on: date | None = None) -> StatementData:
    return StatementData(1, StatementKind.INTERVENTION, "Sur l'IA", read_on=read_on)


def _meeting(month_only: bool = False) -> MeetingData:
    precision = DatePrecision.MONTH if month_only else DatePrecision.DAY
    starts_at = datetime(2025, 3, 1, 9) if month_only else datetime(2025, 10, 14, 9)
    return MeetingData(1, MeetingKind.PLENARY, "CST", starts_at, date_precision=precision)


def test_the_date_line_is_the_day_the_statement_was_read_never_the_export_day() -> None:
    export_day = date(2026, 12, 1)
    read = exports.signing_date(_statement(), _meeting(), export_day)
    assert exports.place_date_line("Toulouse", *read) == "Toulouse, le 14 octobre 2025"
    read = exports.signing_date(_statement(date(2025, 10, 16)), _meeting(), export_day)
    assert exports.place_date_line("Toulouse", *read) == "Toulouse, le 16 octobre 2025"
    month = exports.signing_date(_statement(), _meeting(month_only=True), export_day)
    assert exports.place_date_line("Toulouse", *month) == "Toulouse, mars 2025"
    assert exports.place_date_line("", *month) == "Mars 2025"


def _crowded_body() -> str:
    """Paragraphs whose colon, semicolon and closing guillemet fall at every position of
    a line: without no-break spaces, some would start the next line."""
    lines = []
    for words in range(1, 40):
        filler = " ".join(["agents"] * words)
        lines.append(f"{filler} sans réponse : « accountability » ; relance ? oui")
    return "\n".join(lines)


@pytest.mark.libreoffice
def test_libreoffice_never_starts_a_line_with_a_colon_or_a_closing_guillemet(
    tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    document = InterventionDocument(
        heading="Intervention CGT en réunion d'information et de consultation du 15 mai 2025",
        body=_crowded_body(),
        organisation_name="CGT Région des Pays de la Loire",
        signature="Les élu·es CGT au CST",
        place_date="Nantes, le 15 mai 2025",
    )
    path = tmp_path / "serre.docx"
    write_intervention(document, path)

    text = rendered_text(soffice, pdftotext, path, tmp_path)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert len(lines) > 60  # the paragraphs did wrap
    offenders = [line for line in lines if re.match(r"[:;?!»]", line)]
    assert offenders == []
    assert not any(line.startswith(("MAI", "2025")) for line in lines)
    assert any(line.endswith("DU 15 MAI 2025") for line in lines)
