"""Word or PDF, chosen by the file's extension: the one path every document export takes.

A statement, a meeting pack, the questions register (and the AI tool file and dossier
chronology to come) are laid out once, as Word, by their writer in `export/`. This module
decides from the target's extension what the user gets:

- `.docx`: the Word document, written whole or not at all;
- `.pdf`: the same document converted by LibreOffice (`export/pdf.py`), its properties
  naming the organisation and the title, never LibreOffice (`export/pdf_metadata.py`);
- no extension: `.docx` is added (what users typing « dossier-juin » expect);
- any other extension is refused in French, never rewritten (`s5.pdf.docx` is not what
  the user asked for).

The conversion takes seconds: the window calls this off the GUI thread.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from aiconsult_desktop.domain.file_names import check_output_name
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.files import write_bytes

WORD, PDF = ".docx", ".pdf"
DOCUMENT_FORMATS = (WORD, PDF)
_NAMES = {".docx": ".docx (Word)", ".pdf": ".pdf", ".csv": ".csv", ".xlsx": ".xlsx (tableur)"}


def checked_target(target: Path, formats: Sequence[str] = DOCUMENT_FORMATS) -> Path:
    """`target` if its extension is one of `formats`, with `.docx` added when it has none;
    otherwise a `UserError` naming the formats."""
    check_output_name(target)
    suffix = target.suffix.lower()
    if not suffix:
        return target.with_name(target.name + WORD)
    if suffix in formats:
        return target
    choices = [_NAMES.get(f, f) for f in formats]
    listed = ", ".join(choices[:-1]) + " ou " + choices[-1] if len(choices) > 1 else choices[0]
    raise UserError(f"Format « {target.suffix} » inconnu : choisissez un fichier {listed}.")


def pdf_unavailable() -> str | None:
    """Why a PDF cannot be made on this PC (LibreOffice missing), else None."""
    from aiconsult_desktop.export import pdf

    return pdf.UNAVAILABLE if pdf.find_soffice() is None else None


def write_document(target: Path, write_word: Callable[[Path], object]) -> Path:
    """Write the document at `target` as Word or PDF; `write_word(path)` lays it out.

    For a PDF, LibreOffice's absence is said before anything is written, and the PDF
    replaces any previous file whole.
    """
    target = checked_target(target)
    if target.suffix.lower() == WORD:
        write_word(target)
        return target
    if (reason := pdf_unavailable()) is not None:
        raise UserError(reason)
    from docx import Document

    from aiconsult_desktop.export.pdf import convert_to_pdf
    from aiconsult_desktop.export.pdf_metadata import pdf_with_properties

    with tempfile.TemporaryDirectory(prefix="aiconsult-pdf-") as work:
        word = Path(work) / "document.docx"
        write_word(word)
        properties = Document(str(word)).core_properties
        (pdf,) = convert_to_pdf([word])
        data = pdf_with_properties(
            pdf, title=properties.title or "", author=properties.author or ""
        )
    write_bytes(target, data)
    return target
