"""The questions register as a spreadsheet: CSV for French Excel, and XLSX.

French Excel opens a CSV by double-click only if it is UTF-8 *with* a BOM (else accents
break) and separated by ";" (the comma is the decimal separator in France). XLSX cells
hold real dates, so users can sort and filter them.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from aiconsult_desktop.errors import UserError

Cell = str | int | date | None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _write_error(path: Path, error: OSError) -> UserError:
    return UserError(f"Impossible d'écrire le fichier « {path} » ({error.strerror or error}).")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel or LibreOffice run a CSV cell as a formula (OWASP "CSV injection")."""


def _csv_text(value: Cell) -> str:
    """A cell as text; one that a spreadsheet would run as a formula is kept as text."""
    text = _text(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, delimiter=";", quoting=csv.QUOTE_MINIMAL)
            writer.writerow(headers)
            writer.writerows([_csv_text(value) for value in row] for row in rows)
    except OSError as error:
        raise _write_error(path, error) from error


def write_xlsx(
    path: Path, sheet: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet[:31]
    worksheet.append(list(headers))
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # Text that Excel would read as a formula ("=…", "+…") stays text.
        worksheet.append([_safe(value) for value in row])
    for column, header in enumerate(headers, start=1):
        letter = get_column_letter(column)
        values = [worksheet.cell(row=r, column=column).value for r in range(2, len(rows) + 2)]
        if any(isinstance(v, date) for v in values):
            for r in range(2, len(rows) + 2):
                worksheet.cell(row=r, column=column).number_format = "DD/MM/YYYY"
            width = 12
        else:
            longest = max([len(header), *(len(str(v)) for v in values if v is not None)])
            width = min(max(longest, 8), 80)
        worksheet.column_dimensions[letter].width = width + 2
        if width >= 80:
            for r in range(2, len(rows) + 2):
                worksheet.cell(row=r, column=column).alignment = Alignment(wrap_text=True)
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = worksheet.dimensions
    workbook.properties.creator = "AIConsult Desktop"
    try:
        workbook.save(path)
    except OSError as error:
        raise _write_error(path, error) from error


def _safe(value: Cell) -> Cell:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(("=", "+", "-", "@")):
            return "'" + value if value.startswith("=") else value
    return value
