"""Writing a file whole or not at all: every export goes through here.

The data go to a temporary file next to the target, then move over it, so a failure (full
disk, file open in Word, an error half-way through 100,000 rows, a kill) never leaves
half a file where the user's previous export was. No python-docx here: the spreadsheet
exports use it without loading the Word libraries.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aiconsult_desktop.domain.file_names import check_output_name
from aiconsult_desktop.errors import UserError

_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all."""
    with written_whole(path) as temporary:
        temporary.write_bytes(data)


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path` for a writer that streams (a CSV, a workbook);
    it replaces `path` only if the block ends without error, and is removed otherwise.
    Raises `UserError` with a sentence the user can act on."""
    check_output_name(path)
    folder = path.parent
    if not folder.is_dir():
        raise UserError(
            f"Le dossier « {folder} » n'existe pas : choisissez un autre emplacement "
            "pour le document."
        )
    if path.is_dir():
        raise UserError(f"« {path.name} » est un dossier : choisissez un nom de fichier.")
    temporary: Path | None = None
    try:
        # Not mkstemp: its 0600 mode would survive the rename; 0666 lets the umask decide.
        candidate = folder / f".{path.stem[:40]}.{secrets.token_hex(4)}.tmp"
        os.close(os.open(candidate, _CREATE_FLAGS, 0o666))
        temporary = candidate
        yield temporary
        os.replace(temporary, path)
        temporary = None
    except PermissionError as exc:
        raise UserError(
            f"Impossible d'enregistrer « {path.name} » : le fichier est peut-être ouvert "
            "dans Word, Excel ou LibreOffice, ou le dossier est protégé en écriture. "
            "Fermez-le ou choisissez un autre emplacement."
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            reason = "le disque est plein"
        else:
            reason = "l'emplacement n'est pas accessible"
        raise UserError(f"Impossible d'enregistrer « {path.name} » : {reason}.") from exc
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
