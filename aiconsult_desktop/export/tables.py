"""The questions register as a spreadsheet: CSV for French Excel, and XLSX.

French Excel opens a CSV by double-click only if it is UTF-8 *with* a BOM (else accents
break) and separated by ";" (the comma is the decimal separator in France). XLSX cells
hold real dates, so users can sort and filter them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from aiconsult_desktop.export.docx_io import write_file
from aiconsult_desktop.export.docx_metadata import APPLICATION, app_properties

Cell = str | int | date | None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
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


def _csv_text(value: Cell) -> str:
    """A cell as text; only one that a spreadsheet would run as a formula is guarded."""
    text = _text(value)
    return "'" + text if is_formula(text) else text


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    writer.writerows([_csv_text(value) for value in row] for row in rows)
    write_file(path, stream.getvalue().encode("utf-8-sig"))


def write_xlsx(
    path: Path,
    sheet: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    author: str = APPLICATION,
) -> None:
    """An XLSX workbook; every text cell is an explicit string cell, so that a text
    starting with « = » shows exactly as typed and never runs."""
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
        worksheet.append([_clean(value) for value in row])
        for cell in worksheet[worksheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would write « =… » as a formula
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
    workbook.properties.creator = author
    workbook.properties.lastModifiedBy = author
    workbook.properties.title = sheet
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_file(path, _without_library_name(buffer.getvalue()))


def _clean(value: Cell) -> Cell:
    """Text without the control characters XLSX cannot hold."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _without_library_name(package: bytes) -> bytes:
    """The workbook with our own `docProps/app.xml` (openpyxl writes « Openpyxl 3.1.5 »)."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            payload = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                payload = app_properties()
            target.writestr(item, payload)
    return output.getvalue()
