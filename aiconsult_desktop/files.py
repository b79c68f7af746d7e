"""Writing a file whole or not at all: the one way the app writes a file.

Exports, dumps, backups and settings are written to a temporary file in the target's own
folder, flushed to disk, then renamed over the target with `os.replace`. A full disk, a
kill or a crash of the writer leaves the previous good file exactly as it was (plus, at
worst, a hidden `.part` file beside it), never half a file where a good one was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aiconsult_desktop.domain.file_names import check_output_name
from aiconsult_desktop.errors import UserError

PART_SUFFIX = ".part"
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def temporary_name(target: Path) -> Path:
    """A hidden, unique name beside `target` (same folder, so the rename is atomic)."""
    return target.with_name(f".{target.name[:40]}.{secrets.token_hex(4)}{PART_SUFFIX}")


def disk_refusal(error: OSError) -> str | None:
    """Why the disk itself refused a write, in French; None for other causes."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "le disque est plein. Libérez de la place puis réessayez"
    if error.errno == errno.EROFS:
        return "le disque est en lecture seule"
    return None


def write_failure(target: Path, error: OSError) -> UserError:
    """What went wrong writing `target`, in French; the previous file is intact."""
    reason = disk_refusal(error)
    if reason is None and isinstance(error, PermissionError):
        reason = (
            "le fichier est peut-être ouvert dans Word, Excel ou LibreOffice, ou le dossier "
            "est protégé en écriture. Fermez-le ou choisissez un autre emplacement"
        )
    elif reason is None and isinstance(error, FileNotFoundError):
        reason = f"le dossier « {target.parent} » n'existe pas. Choisissez un autre emplacement"
    elif reason is None:
        reason = "l'emplacement n'est pas accessible. Choisissez un autre emplacement"
    kept = " Le fichier précédent n'a pas été modifié." if target.exists() else ""
    return UserError(f"Impossible d'enregistrer « {target.name} » : {reason}.{kept}")


def _sync(path: Path) -> None:
    """Flush the written bytes to the disk before the rename makes them the real file."""
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield an empty temporary file beside `target`; write it, and on leaving the block
    it replaces `target`. If the block fails, the temporary file is removed and `target`
    is untouched. An `OSError` (full disk, protected folder) becomes a French `UserError`.
    """
    check_output_name(target)
    if not target.parent.is_dir():
        raise UserError(
            f"Le dossier « {target.parent} » n'existe pas : choisissez un autre "
            "emplacement pour le fichier."
        )
    if target.is_dir():
        raise UserError(f"« {target.name} » est un dossier : choisissez un nom de fichier.")
    temporary = temporary_name(target)
    try:
        # Not mkstemp: its 0600 mode would survive the rename; 0666 lets the umask decide.
        os.close(os.open(temporary, _CREATE_FLAGS, 0o666))
    except OSError as error:
        raise write_failure(target, error) from error
    try:
        yield temporary
        _sync(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise write_failure(target, error) from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> None:
    with replacing(target) as temporary:
        temporary.write_bytes(data)


def write_text(target: Path, text: str, *, encoding: str = "utf-8") -> None:
    write_bytes(target, text.encode(encoding))


def copy_into_place(source: Path, target: Path) -> None:
    """Put a copy of `source` (e.g. a PDF made in a temporary folder) at `target`."""
    with replacing(target) as temporary:
        shutil.copyfile(source, temporary)
