"""Opening a Word template and saving a document, with errors a user can act on.

The template may be the union's own letterhead, picked in a file dialog: a renamed PDF,
a `.dotx` saved from Word's "Modèle" choice, a file on a share that just went away. The
target may be open in Word (Windows then refuses to replace it) or in a folder that no
longer exists. Each case becomes a `UserError` with one French sentence; the caller
decides what to do (fall back to the default template, ask for another place).
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.files import write_bytes
from aiconsult_desktop.resources_path import resource

_LOG = logging.getLogger(__name__)

_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CONTENT_TYPES = "[Content_Types].xml"


def default_template() -> Path:
    """The template shipped with the application (`resources/templates/intervention.docx`)."""
    return resource("templates", "intervention.docx")


def open_template(template: Path | None = None) -> DocxDocument:
    """Open `template` (the default one when `None`) as a python-docx document.

    A Word template (`.dotx`) is accepted: only its declared content type differs from a
    document's, and union letterheads are often saved that way.
    """
    path = template if template is not None else default_template()
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(f"Le modèle « {name} » est introuvable ({path.parent}).") from exc
    except IsADirectoryError as exc:
        raise UserError(f"« {name} » est un dossier, pas un modèle Word.") from exc
    except OSError as exc:
        raise UserError(
            f"Le modèle « {name} » ne peut pas être lu : vérifiez qu'il est accessible."
        ) from exc
    unreadable = UserError(
        f"Le modèle « {name} » n'est pas un document Word lisible (.docx). "
        "Choisissez un autre modèle ou revenez au modèle par défaut."
    )
    try:
        data = _as_document_package(data)
        return Document(io.BytesIO(data))
    except Exception as exc:
        # Any file can be picked here; whatever python-docx or lxml raise while parsing
        # it means the same thing to the user.
        _LOG.info("template %s refused", path, exc_info=True)
        raise unreadable from exc


def save_document(document: DocxDocument, path: Path) -> None:
    """Save `document` to `path` whole or not at all (see `files.replacing`)."""
    buffer = io.BytesIO()
    document.save(buffer)
    write_bytes(path, buffer.getvalue())


def _as_document_package(data: bytes) -> bytes:
    """Return `data` with a Word template's content type changed to a document's."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        content_types = source.read(_CONTENT_TYPES)
        if _TEMPLATE_MAIN not in content_types:
            return data
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                payload = source.read(item.filename)
                if item.filename == _CONTENT_TYPES:
                    payload = payload.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN)
                target.writestr(item, payload)
    return output.getvalue()
