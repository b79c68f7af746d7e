"""Domain rules: text cleaning, French dates, enums, meeting times."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from aiconsult_desktop.domain.enums import MeetingKind, QuestionState
from aiconsult_desktop.domain.french import (
    day_month_year,
    elapsed_phrase,
    meeting_date_phrase,
    number,
    plural,
    until_phrase,
)
from aiconsult_desktop.domain.rules import check_meeting_times
from aiconsult_desktop.domain.text import clean_line, clean_text, long_text, required_line
from aiconsult_desktop.errors import ValidationError


def test_pasted_control_characters_become_breaks_or_vanish() -> None:
    assert clean_text("ligne\x0bsuite\x0cpage\x00fin\r\n") == "ligne\nsuite\npagefin\n"


def test_emoji_and_right_to_left_text_are_kept() -> None:
    text = "Avis défavorable ✊ — العمال / עובדים"
    assert clean_text(text) == text


def test_one_line_fields_fold_newlines() -> None:
    assert clean_line("  Région des\nPays de la Loire  ") == "Région des Pays de la Loire"


@pytest.mark.parametrize("value", ["", "   ", "\n\t", "\x00\x0b"])
def test_empty_or_whitespace_required_field_is_refused_in_french(value: str) -> None:
    with pytest.raises(ValidationError, match="Le champ « Nom » est obligatoire"):
        required_line(value, "Nom")


def test_enormous_text_is_refused_with_its_size() -> None:
    with pytest.raises(ValidationError, match="dépasse la taille admise"):
        long_text("a" * 5_000_001, "Texte", required=False)


def test_french_dates() -> None:
    assert day_month_year(date(2025, 6, 5)) == "5 juin 2025"
    assert day_month_year(date(2024, 10, 1)) == "1er octobre 2024"
    assert meeting_date_phrase(datetime(2025, 6, 5), month_only=False) == "du 5 juin 2025"
    assert meeting_date_phrase(datetime(2025, 3, 1), month_only=True) == "de mars 2025"
    assert meeting_date_phrase(datetime(2025, 4, 1), month_only=True) == "d'avril 2025"
    assert meeting_date_phrase(datetime(2025, 8, 1), month_only=True) == "d'août 2025"


def test_meeting_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="se termine avant de commencer"):
        check_meeting_times(datetime(2025, 6, 5, 14), datetime(2025, 6, 5, 9))
    check_meeting_times(datetime(2025, 6, 5, 9), None)


def test_enums_parse_machine_values_and_french_labels() -> None:
    assert MeetingKind.parse("Réunion d'information") is MeetingKind.INFORMATION
    assert QuestionState.parse("PENDING") is QuestionState.PENDING
    with pytest.raises(ValueError, match="valeurs possibles : pending"):
        QuestionState.parse("oubliée")
    assert QuestionState.PARTIAL.is_open and not QuestionState.ANSWERED.is_open


def test_counts_read_the_french_way() -> None:
    assert plural(0, "question") == "0 question"
    assert plural(1, "relance") == "1 relance"
    assert plural(2, "fois", "fois") == "2 fois"
    # Thousands apart, with a narrow space that never lets a line break split the figure.
    assert plural(12_345, "question") == "12\u202f345 questions"
    assert number(1_234_567) == "1\u202f234\u202f567"
    assert number(999) == "999"


def test_elapsed_and_until_are_said_in_the_unit_a_reader_cares_about() -> None:
    today = date(2025, 6, 12)
    assert elapsed_phrase(date(2025, 6, 12), today) == "aujourd'hui"
    assert elapsed_phrase(date(2025, 6, 11), today) == "il y a 1 jour"
    assert elapsed_phrase(date(2025, 5, 15), today) == "il y a 28 jours"
    assert elapsed_phrase(date(2025, 4, 12), today) == "il y a 2 mois"
    assert elapsed_phrase(date(2024, 6, 12), today) == "il y a plus d'un an"
    assert elapsed_phrase(date(2022, 10, 3), today) == "il y a plus de 2 ans"
    assert until_phrase(date(2025, 6, 12), today) == "aujourd'hui"
    assert until_phrase(date(2025, 6, 13), today) == "demain"
    assert until_phrase(date(2025, 6, 24), today) == "dans 12 jours"
