"""A one-sheet XLSX package written row by row, as plain SpreadsheetML text.

Why not a spreadsheet library: openpyxl's write-only mode (with lxml) costs about 15 µs a
cell and XlsxWriter's constant-memory mode about 9 µs, so the 1.5 million cells of a
100,000-question register took 20 to 30 s of computing on this kind of machine; a row
built as text costs a few µs. The package holds only what a register needs: a frozen,
filtered header row in bold, column widths, dates as real dates (DD/MM/YYYY), long
texts wrapped, and every text an inline string, so « =… » is shown, never run. Rows go
straight into the compressed sheet, so memory stays flat at any size.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path

from aiconsult_desktop.export.docx_metadata import app_properties

Value = str | int | float | date | None

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
TYPE = "application/vnd.openxmlformats-officedocument"
CONTENT_TYPES = (
    DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{TYPE}.spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{TYPE}.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    f'ContentType="{TYPE}.extended-properties+xml"/></Types>'
)
ROOT_RELATIONS = (
    DECLARATION + f'<Relationships xmlns="{PACKAGE_RELATIONS}">'
    f'<Relationship Id="rId1" Type="{RELATIONS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{PACKAGE_RELATIONS}/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{RELATIONS}/extended-properties" '
    'Target="docProps/app.xml"/></Relationships>'
)
WORKBOOK_RELATIONS = (
    DECLARATION + f'<Relationships xmlns="{PACKAGE_RELATIONS}">'
    f'<Relationship Id="rId1" Type="{RELATIONS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONS}/styles" Target="styles.xml"/></Relationships>'
)
FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
STYLES = (
    DECLARATION + f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>'
    f'<fonts count="2"><font>{FONT}</font><font><b/>{FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
BOLD, DATE, WRAPPED = 1, 2, 3
"""Indexes of the cell formats in STYLES."""
EPOCH = date(1899, 12, 30)
"""Day 0 of a spreadsheet's date numbers (1900 date system, as Excel and Calc use)."""
_AWKWARD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\r\ufffe\uffff]")
"""What XML cannot hold (dropped) or would not read back as written (\\r)."""
ROWS_PER_WRITE = 500


@dataclass(frozen=True)
class Layout:
    """How the sheet looks, decided before the first row is written."""

    widths: Sequence[float]
    dates: frozenset[int]
    """Columns whose dates show as DD/MM/YYYY."""
    wrapped: frozenset[int]
    """Columns whose long or multi-line texts wrap."""
    wrap_from: int
    """A text longer than this, or on several lines, wraps in a wrapped column."""


def column_letter(column: int) -> str:
    """ "A" for column 0, "Z" for 25, "AA" for 26."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    """`value` as XML text: escaped, \\r kept as a character reference, what XML cannot
    hold dropped (as openpyxl did)."""
    escaped = escape(value, False)
    if _AWKWARD.search(escaped):
        return _AWKWARD.sub(lambda m: "&#13;" if m.group() == "\r" else "", escaped)
    return escaped


class _RowWriter:
    """Turns rows into SpreadsheetML: one formatting decision per column, dates named once."""

    def __init__(self, layout: Layout, columns: int) -> None:
        self.layout = layout
        self.letters = [column_letter(column) for column in range(columns)]
        self.serials: dict[date, str] = {}

    def _date(self, value: date) -> str:
        found = self.serials.get(value)
        if found is None:
            day = value.date() if isinstance(value, datetime) else value
            found = self.serials[value] = str((day - EPOCH).days)
        return found

    def row(self, number: int, values: Sequence[Value]) -> str:
        cells = []
        layout, r = self.layout, str(number)
        for column, value in enumerate(values):
            if value is None:
                continue
            where = self.letters[column] + r
            if type(value) is str:
                wraps = column in layout.wrapped and (
                    len(value) > layout.wrap_from or "\n" in value
                )
                cells.append(_string_cell(where, value, WRAPPED if wraps else 0))
            elif type(value) is bool:
                cells.append(f'<c r="{where}" t="b"><v>{int(value)}</v></c>')
            elif type(value) is int or type(value) is float:
                cells.append(f'<c r="{where}"><v>{value}</v></c>')
            elif isinstance(value, date):
                style = f' s="{DATE}"' if column in layout.dates else ""
                cells.append(f'<c r="{where}"{style}><v>{self._date(value)}</v></c>')
            else:
                cells.append(_string_cell(where, str(value), 0))
        return f'<row r="{r}">{"".join(cells)}</row>'


def _string_cell(where: str, text: str, style: int) -> str:
    """An inline string: never read as a formula or a number, whatever it starts with."""
    styled = f' s="{style}"' if style else ""
    return (
        f'<c r="{where}"{styled} t="inlineStr"><is><t xml:space="preserve">{_text(text)}'
        "</t></is></c>"
    )


def write_package(
    path: Path,
    sheet: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Value]],
    layout: Layout,
    *,
    author: str,
) -> None:
    """Write the whole package at `path` (the caller's temporary file)."""
    writer = _RowWriter(layout, len(headers))
    last = column_letter(len(headers) - 1)
    count = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            stream.write(_sheet_head(headers, layout).encode())
            batch: list[str] = []
            for values in rows:
                count += 1
                batch.append(writer.row(count + 1, values))
                if len(batch) == ROWS_PER_WRITE:
                    stream.write("".join(batch).encode())
                    batch.clear()
            stream.write("".join(batch).encode())
            end = f'</sheetData><autoFilter ref="A1:{last}{count + 1}"/></worksheet>'
            stream.write(end.encode())
        name = escape(sheet[:31])
        quoted = name.replace("'", "''")
        archive.writestr(
            "xl/workbook.xml",
            DECLARATION + f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONS}">'
            f'<bookViews><workbookView/></bookViews><sheets><sheet name="{name}" sheetId="1" '
            'r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" '
            f'localSheetId="0" hidden="1">\'{quoted}\'!$A$1:${last}${count + 1}'
            "</definedName></definedNames></workbook>",
        )
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELATIONS)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("docProps/app.xml", app_properties())
        archive.writestr("docProps/core.xml", _core(author, sheet))


def _sheet_head(headers: Sequence[str], layout: Layout) -> str:
    columns = "".join(
        f'<col min="{n}" max="{n}" width="{width:g}" customWidth="1"/>'
        for n, width in enumerate(layout.widths, start=1)
    )
    titles = "".join(
        _string_cell(f"{column_letter(column)}1", header, BOLD)
        for column, header in enumerate(headers)
    )
    return (
        DECLARATION + f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONS}"><sheetViews>'
        '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
        f'</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols>'
        f'<sheetData><row r="1">{titles}</row>'
    )


def _core(author: str, title: str) -> str:
    now = datetime.now(tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    who = escape(author)
    return (
        DECLARATION + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
        '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{who}</dc:creator>"
        f"<cp:lastModifiedBy>{who}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )
