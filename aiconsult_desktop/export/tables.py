"""The questions register as a spreadsheet: CSV for French Excel, and XLSX.

French Excel opens a CSV by double-click only if it is UTF-8 *with* a BOM (else accents
break) and separated by ";" (the comma is the decimal separator in France). XLSX cells
hold real dates, so users can sort and filter them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import chain, islice
from pathlib import Path

from aiconsult_desktop.export.docx_metadata import APPLICATION
from aiconsult_desktop.files import replacing

Cell = str | int | date | None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"  # strftime is slower
    return str(value)


# What a spreadsheet reads as a formula in a CSV cell (OWASP "CSV injection"): « = » or
# « @ » first; « + » or « - » first when a function, a sheet or DDE call, a cell reference
# or arithmetic follows; the same after leading tabs or carriage returns. « -3 agents »,
# « +33 6 12 34 56 78 » or « - point de vigilance » are text and stay as typed.
_FORMULA = re.compile(
    r"""^[\t\r]*(?:
        [=@]
      | [+\-] .*? (?: [A-Za-z_][\w.]*[(!|] | \$?\b[A-Za-z]{1,3}\$?\d+\b )
      | [+\-] [\d\s.,()]* [+\-*/^] [\d\s.,()]* \d [\d\s.,()]* $
    )""",
    re.VERBOSE | re.DOTALL,
)


def is_formula(text: str) -> bool:
    """True when Excel or LibreOffice Calc would run `text`, typed in a cell, as a formula."""
    return bool(_FORMULA.match(text))


FORMULA_FIRST = frozenset("=@+-\t\r")
"""The first characters `_FORMULA` can match: any other cell skips the expression."""


class _DateTexts(dict[date, str]):
    """Each date's text, worked out the first time it is asked for (a register of
    100,000 questions spans a few thousand days)."""

    def __missing__(self, day: date) -> str:
        text = self[day] = _text(day)
        return text


def _guarded(text: str) -> str:
    """Only a text that a spreadsheet would run as a formula gets the apostrophe."""
    return "'" + text if is_formula(text) else text


def _csv_row(row: Sequence[Cell], dates: _DateTexts) -> list[str]:
    """A row's cells as text, only real formulas guarded; written out in one expression
    because a register of 100,000 questions has 1.5 million cells, most of them texts
    that start with a letter."""
    return [
        (_guarded(value) if value[:1] in FORMULA_FIRST else value)
        if type(value) is str
        else ""
        if value is None
        else dates[value]
        if type(value) is date
        else _text(value)
        for value in row
    ]


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """Rows are written as they come (an iterator of 100,000 is never held whole)."""
    dates = _DateTexts()
    with (
        replacing(path) as temporary,
        temporary.open("w", encoding="utf-8", newline="") as stream,
    ):
        # The BOM by hand: "utf-8-sig" encodes each row through a Python-level encoder.
        stream.write("\ufeff")
        writer = csv.writer(stream, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(headers)
        writer.writerows(_csv_row(row, dates) for row in rows)


SAMPLE_ROWS = 500
"""Column widths are chosen from the first rows: a streamed sheet fixes them up front."""
DATE_WIDTH = 12
WIDEST = 80


def write_xlsx(
    path: Path,
    sheet: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    author: str = APPLICATION,
) -> None:
    """An XLSX workbook streamed row by row (export/xlsx_book.py, XlsxWriter: memory
    stays flat at any size); every text cell is an explicit string cell, so that a text
    starting with « = » shows exactly as typed and never runs. Column widths, date
    columns and wrapped columns are chosen from the first rows."""
    from aiconsult_desktop.export.xlsx_book import Layout, write_workbook

    rows = iter(rows)
    try:
        sample = list(islice(rows, SAMPLE_ROWS))
        widths = _column_widths(headers, sample)
        layout = Layout(
            widths=[width + 2 for width in widths],
            dates=frozenset(
                c for c in range(len(headers)) if any(isinstance(r[c], date) for r in sample)
            ),
            wrapped=frozenset(c for c, width in enumerate(widths) if width >= WIDEST),
        )
        with replacing(path) as temporary:  # any failure keeps the old file
            write_workbook(temporary, sheet, headers, chain(sample, rows), layout, author=author)
    finally:
        close = getattr(rows, "close", None)
        if close is not None:  # a target refused after the first rows: end the row stream
            close()  # (and its query) now, not at garbage collection


def _column_widths(headers: Sequence[str], sample: Sequence[Sequence[Cell]]) -> list[int]:
    widths = []
    for column, header in enumerate(headers):
        values = [row[column] for row in sample if row[column] is not None]
        if any(isinstance(value, date) for value in values):
            widths.append(DATE_WIDTH)
            continue
        longest = max([len(header), *(len(str(value)) for value in values)])
        widths.append(min(max(longest, 8), WIDEST))
    return widths
