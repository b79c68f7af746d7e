"""A one-sheet XLSX workbook written row by row by XlsxWriter, in constant-memory mode.

XlsxWriter is the library made for writing XLSX. In constant-memory mode each row goes
to a scratch file as it is written, with its texts as inline strings, so memory stays flat
at any size. The workbook options switch off XlsxWriter's guessing: a text starting with
« = » stays a text (never a formula), an address is not made a link, « 0612 » is not made
a number. Date and wrap formats are set on whole columns, so cells are written with no
format of their own and dates go in as ready-made day numbers (less work per cell for the
1.5 million cells of a 100,000-question register).

XlsxWriter names « Microsoft Excel » as the application in docProps/app.xml; its
documented hook for another packager (`Workbook._get_packager`) writes the app's own
app.xml instead (export/docx_metadata.app_properties: the app's name, no library, version
or machine), as the Word exports do.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.packager import Packager

from aiconsult_desktop.export.docx_metadata import app_properties

Value = str | int | float | date | None

EPOCH = date(1899, 12, 30)
"""Day 0 of a spreadsheet's date numbers (1900 date system, as Excel and Calc use)."""
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Control characters a cell cannot show: dropped (XlsxWriter would keep them as
_xHHHH_ escapes that some readers show as such)."""
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


@dataclass(frozen=True)
class Layout:
    """How the sheet looks, decided before the first row is written."""

    widths: Sequence[float]
    dates: frozenset[int]
    """Columns whose dates show as DD/MM/YYYY."""
    wrapped: frozenset[int]
    """Columns whose long or multi-line texts wrap."""


class _AppPackager(Packager):  # type: ignore[misc]
    """XlsxWriter's packager, with the app's docProps/app.xml instead of its own."""

    def _write_app_file(self) -> None:
        target = self._filename("docProps/app.xml")
        if isinstance(target, str):  # a scratch file (the default, not in_memory)
            Path(target).write_bytes(app_properties())
        else:  # an in-memory StringIO
            target.write(app_properties().decode("utf-8"))


class _Workbook(Workbook):  # type: ignore[misc]
    def _get_packager(self) -> Packager:
        return _AppPackager()


class _Cells:
    """Writes a row's cells by their type with XlsxWriter's undecorated typed writers.

    `Worksheet.write_row` sends each cell through the generic `write` (type sniffing, then
    the string options) and the public `write_string`/`write_number` through a decorator
    that looks for « A1 » notation: about 2 µs a cell, 2.3 s of a 100,000-question
    register's 12. `_write_string` and `_write_number` are the methods those call
    (XlsxWriter's own `write_row`, `write_column` and `add_table` use them); the types are
    known here, so a row goes straight to them. Empty texts and None write nothing, as
    `write_row` did; dates go in as day numbers worked out once each."""

    def __init__(self, worksheet: Any) -> None:
        self.text = worksheet._write_string
        self.number = worksheet._write_number
        self.other = worksheet.write
        self.serials: dict[date, int] = {}

    def day(self, value: date) -> int:
        found = self.serials.get(value)
        if found is None:
            plain = value.date() if isinstance(value, datetime) else value
            found = self.serials[value] = (plain - EPOCH).days
        return found

    def write(self, row: int, values: Sequence[Value]) -> None:
        text, number = self.text, self.number
        for column, value in enumerate(values):
            kind = type(value)
            if isinstance(value, str):
                if value and _UNWRITABLE.search(value):
                    value = _UNWRITABLE.sub("", value)
                if value:  # a text of control characters only stays blank, as before
                    text(row, column, value)
            elif kind is int or kind is float:
                number(row, column, value)
            elif isinstance(value, date):
                number(row, column, self.day(value))
            elif value is not None:  # a bool, a Decimal…: XlsxWriter's own choice
                self.other(row, column, value)


def write_workbook(
    path: Path,
    sheet: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Value]],
    layout: Layout,
    *,
    author: str,
) -> None:
    """Write the whole workbook at `path` (the caller's temporary file). A failure to
    write comes out as the `OSError` it is (files.replacing says it in French).

    The zip is assembled in memory (a few MiB compressed for 100,000 questions; the rows
    themselves wait in the scratch file) and written to `path` in one go: on a full disk
    XlsxWriter's own zip would fail half-closed and fail again when collected."""
    package = io.BytesIO()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as scratch:
        book = _Workbook(package, {**OPTIONS, "tmpdir": scratch})
        try:
            book.set_properties({"title": sheet, "author": author})
            worksheet = book.add_worksheet(sheet[:31])
            bold = book.add_format({"bold": True})
            day = book.add_format({"num_format": "DD/MM/YYYY"})
            wrap = book.add_format({"text_wrap": True, "valign": "top"})
            for column, width in enumerate(layout.widths):
                style = day if column in layout.dates else None
                style = wrap if column in layout.wrapped else style
                worksheet.set_column(column, column, width, style)
            for column, header in enumerate(headers):
                worksheet.write_string(0, column, header, bold)
            worksheet.freeze_panes(1, 0)
            cells, count = _Cells(worksheet), 0
            for values in rows:
                count += 1
                cells.write(count, values)
            worksheet.autofilter(0, 0, count, len(headers) - 1)
            book.close()
        except FileCreateError as error:  # XlsxWriter wraps the OSError of close()
            cause = error.args[0] if error.args else None
            raise (cause if isinstance(cause, OSError) else error) from None
        finally:
            if not book.fileclosed:  # a failure half-way: free the scratch file
                for each in book.worksheets():
                    each._opt_close()
    path.write_bytes(package.getbuffer())
