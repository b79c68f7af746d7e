"""What the system said, in French: OS, JSON and codec errors inside our sentences.

Python's own texts (`strerror`, "Expecting value: line 1 column 12", "'utf-8' codec
can't decode byte 0xff") are English. Users read French, so each message keeps only the
French reason; the English detail goes to the log, where whoever helps them can read it.
"""

from __future__ import annotations

import errno
import json
import logging

_LOG = logging.getLogger(__name__)

# The errors a user can meet while reading or writing a file they chose.
_REASONS_BY_NAME: dict[str, str] = {
    "ENOSPC": "le disque est plein",
    "EDQUOT": "le quota d'espace disque est atteint",
    "EROFS": "le disque est en lecture seule",
    "EACCES": "accès refusé : le fichier est peut-être ouvert ailleurs, ou le dossier "
    "protégé en écriture",
    "EPERM": "opération non permise sur ce fichier ou ce dossier",
    "ENOENT": "fichier ou dossier introuvable",
    "ENOTDIR": "une partie du chemin n'est pas un dossier",
    "EISDIR": "c'est un dossier, pas un fichier",
    "ENAMETOOLONG": "le nom du fichier est trop long",
    "EEXIST": "le fichier existe déjà",
    "EBUSY": "le fichier est occupé par un autre programme",
    "EMFILE": "trop de fichiers sont ouverts",
    "EFBIG": "le fichier est trop gros pour ce disque",
    "EIO": "erreur de lecture ou d'écriture sur le disque",
    "EINVAL": "nom de fichier ou chemin non valide",
    "ELOOP": "le chemin contient trop de liens symboliques",
    "EXDEV": "le fichier ne peut pas être déplacé vers un autre disque",
}
# Windows lacks a few of these names: keep those the platform knows.
_OS_REASONS = {
    getattr(errno, name): reason
    for name, reason in _REASONS_BY_NAME.items()
    if hasattr(errno, name)
}


def os_reason(error: OSError) -> str:
    """A short French reason for `error` (no final full stop); the English goes to the log."""
    _LOG.info("system error: %r", error)
    if isinstance(error, PermissionError) and error.errno is None:
        return _OS_REASONS[errno.EACCES]
    reason = _OS_REASONS.get(error.errno or 0)
    if reason is not None:
        return reason
    return f"erreur du système n° {error.errno}" if error.errno else "erreur du système"


def json_reason(error: json.JSONDecodeError) -> str:
    """Where the JSON stops being JSON, in French."""
    _LOG.info("JSON error: %s", error)
    return f"erreur de syntaxe ligne {error.lineno}, colonne {error.colno}"


def decode_reason(error: UnicodeError) -> str:
    """A text file that is not UTF-8 (or holds characters no file can hold)."""
    _LOG.info("codec error: %s", error)
    if isinstance(error, UnicodeDecodeError):
        return f"le texte n'est pas encodé en UTF-8 (octet illisible à la position {error.start})"
    return "le texte contient des caractères invalides"
