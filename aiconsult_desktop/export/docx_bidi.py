"""Paragraphs in a right-to-left script (Arabic, Hebrew) marked as such for Word.

Users quote agents and documents in other languages; without `w:bidi` Word lays an
Arabic paragraph out left to right, punctuation on the wrong side.
"""

from __future__ import annotations

import unicodedata

from docx.oxml import OxmlElement
from docx.oxml.text.paragraph import CT_P

# w:pPr children that follow w:bidi in the schema's sequence.
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def is_right_to_left(text: str) -> bool:
    """True when the first letter with a direction is Arabic or Hebrew (or alike)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


def set_bidi(p: CT_P) -> None:
    pPr = p.get_or_add_pPr()
    pPr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
