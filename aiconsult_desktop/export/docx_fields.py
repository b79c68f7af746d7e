"""Word fields (page number, page count) that the reader's application computes.

"Page 2 / 3" cannot be written as text: only Word or LibreOffice knows where pages
break. Complex fields (begin / instruction / separate / result / end) are what Word
itself writes and what every reader understands; the cached result "1" is what a
reader that does not compute fields shows.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def add_field(paragraph: Paragraph, instruction: str, cached_result: str = "1") -> None:
    """Append the field `instruction` ("PAGE", "NUMPAGES"…) to `paragraph`."""

    def field_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run().element.append(element)

    field_char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} \\* MERGEFORMAT "
    paragraph.add_run().element.append(code)
    field_char("separate")
    paragraph.add_run(cached_result)
    field_char("end")


def add_page_of_pages(paragraph: Paragraph) -> None:
    """Append "Page n / N" to `paragraph`, with real PAGE and NUMPAGES fields."""
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" / ")
    add_field(paragraph, "NUMPAGES")
