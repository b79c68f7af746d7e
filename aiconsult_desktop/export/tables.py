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
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiconsult_desktop.export.docx_metadata import APPLICATION, app_properties
from aiconsult_desktop.files import replacing

if TYPE_CHECKING:
    from openpyxl import Workbook

Cell = str | int | date | None
APP_XML = "docProps/app.xml"


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


def _csv_text(value: Cell) -> str:
    """A cell as text; only one that a spreadsheet would run as a formula is guarded."""
    text = value if type(value) is str else _text(value)  # most cells: 1.5 M at 100,000
    return "'" + text if text[:1] in FORMULA_FIRST and is_formula(text) else text


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """Rows are written as they come (an iterator of 100,000 is never held whole)."""
    with (
        replacing(path) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as stream,
    ):
        writer = csv.writer(stream, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(headers)
        writer.writerows([_csv_text(value) for value in row] for row in rows)


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
    """An XLSX workbook streamed with openpyxl's write-only mode (memory stays flat at any
    size); every text cell is an explicit string cell, so that a text starting with « = »
    shows exactly as typed and never runs."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    rows = iter(rows)
    sample = list(islice(rows, SAMPLE_ROWS))
    widths = _column_widths(headers, sample)
    dates = {c for c in range(len(headers)) if any(isinstance(r[c], date) for r in sample)}
    wrapped = {c for c, width in enumerate(widths) if width >= WIDEST}
    for column, width in enumerate(widths):
        worksheet.column_dimensions[_letter(column)].width = width + 2
    worksheet.freeze_panes = "A2"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def cell(column: int, value: Cell) -> object:
        if value is None:
            return None
        value = _clean(value)
        formula_like = isinstance(value, str) and value.startswith("=")
        long_text = column in wrapped and isinstance(value, str) and _needs_wrap(value)
        if column not in dates and not long_text and not formula_like:
            return value  # a plain value: openpyxl writes it without a cell object
        styled = WriteOnlyCell(worksheet, value)
        if formula_like:
            styled.data_type = "s"  # openpyxl would write « =… » as a formula
        if column in dates:
            styled.number_format = "DD/MM/YYYY"
        elif long_text:
            styled.alignment = wrap
        return styled

    heading = []
    for header in headers:
        title = WriteOnlyCell(worksheet, header)
        title.font = bold
        heading.append(title)
    worksheet.append(heading)
    count = 0
    for row in chain(sample, rows):
        worksheet.append([cell(column, value) for column, value in enumerate(row)])
        count += 1
    worksheet.auto_filter.ref = f"A1:{_letter(len(headers) - 1)}{count + 1}"
    workbook.properties.creator = author
    workbook.properties.lastModifiedBy = author
    workbook.properties.title = sheet
    try:
        with replacing(path) as temporary:  # any failure, even in openpyxl, keeps the old file
            _save_without_library_name(workbook, temporary)
    finally:
        if not worksheet.closed:  # a target refused before saving: end the row stream
            worksheet.close()  # now, not at garbage collection (an error nobody sees)


def _needs_wrap(text: str) -> bool:
    """Only text wider than its column, or on several lines, needs the wrap style (a
    styled cell costs openpyxl several times a plain one)."""
    return len(text) > WIDEST or "\n" in text


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column + 1))


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


def _clean(value: Cell) -> Cell:
    """Text without the control characters XLSX cannot hold."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return str(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _save_without_library_name(workbook: Workbook, path: Path) -> None:
    """Save `workbook` with our own `docProps/app.xml` (openpyxl writes « Openpyxl 3.1.5 »).

    openpyxl's own `save_workbook`, with its archive told to write our app.xml in place of
    openpyxl's: the sheet is compressed once, never re-zipped (a register of 100,000
    questions is a 100 MB sheet before compression). The package is built in memory (a
    few MB compressed) and then written: a full disk fails that plain write, never
    openpyxl half-way through its own streams.
    """
    from openpyxl.writer.excel import ExcelWriter

    class Archive(zipfile.ZipFile):
        def writestr(
            self,
            zinfo_or_arcname: str | zipfile.ZipInfo,
            data: Any,
            compress_type: int | None = None,
            compresslevel: int | None = None,
        ) -> None:
            name = zinfo_or_arcname
            if (name.filename if isinstance(name, zipfile.ZipInfo) else name) == APP_XML:
                data = app_properties()
            super().writestr(name, data, compress_type, compresslevel)

    buffer = io.BytesIO()
    archive = Archive(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    ExcelWriter(workbook, archive).save()
    path.write_bytes(buffer.getvalue())
