"""What a PDF says about who made it: the organisation and the document's title.

LibreOffice writes « Writer » as the creator and « LibreOffice 7.4 » as the producer of
every PDF it converts; a statement sent to the employer should name the union, like the
Word file it came from (`export/docx_metadata.py`). pypdf rewrites the document
information dictionary and drops the XMP packet that would repeat the old values.
"""

from __future__ import annotations

import io
from pathlib import Path

from aiconsult_desktop.export.docx_metadata import APPLICATION


def pdf_with_properties(pdf: Path, *, title: str, author: str) -> bytes:
    """The bytes of `pdf` with title and author set, and the app as creator and producer."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(pdf))
    info = {
        "/Title": title,
        "/Author": author,
        "/Creator": APPLICATION,
        "/Producer": APPLICATION,
    }
    writer.add_metadata(info)  # over LibreOffice's; subject and keywords come empty
    root = writer.root_object
    if NameObject("/Metadata") in root:
        del root[NameObject("/Metadata")]
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
