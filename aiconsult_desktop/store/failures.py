"""Telling a damaged base from a disk that refuses to work, and saying each in French.

The difference decides what the app does next: a damaged file may be set aside and
replaced by a backup; a full or read-only disk must leave every file where it is (a
"restore" onto a full disk could only fail, after having moved the real base away).
SQLite names the cause in `sqlite_errorname` (Python 3.11+); only corruption codes mean
the file itself is bad.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_FORMAT")
CONCURRENT_WRITES = ("40P01", "40001")
"""PostgreSQL's deadlock_detected and serialization_failure: two users' saves crossed
(the dashboard's tally rows make two saves of one employer's questions meet); the
server cancelled one whole, and saving again simply works."""
NEARLY_FULL_BYTES = 16 * 1024 * 1024
"""Below this much free space an unexplained "disk I/O error" is a full disk."""


def sqlite_code(error: BaseException) -> str:
    """SQLite's error name ("SQLITE_IOERR_SHMSIZE"…) of `error` or of the driver error it
    wraps (SQLAlchemy's `.orig`); "" when there is none (another database, Python)."""
    for candidate in (error, getattr(error, "orig", None)):
        name = getattr(candidate, "sqlite_errorname", None)
        if isinstance(name, str):
            return name
    return ""


def is_damage(error: BaseException) -> bool:
    """True only when SQLite says the file's content is bad."""
    return sqlite_code(error).startswith(DAMAGE_CODES)


def disk_is_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def folder_is_read_only(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return not os.access(folder, os.W_OK)


def describe_failure(error: BaseException, folder: Path | None, outcome: str) -> str:
    """One French sentence for a database error met on open or save; `outcome` says what
    happened to the data ("Rien n'a été enregistré.", "La base n'a pas été modifiée.")."""
    code = sqlite_code(error)
    message = str(getattr(error, "orig", None) or error).lower()
    if getattr(getattr(error, "orig", None), "sqlstate", None) in CONCURRENT_WRITES:
        return (
            "Un autre poste enregistrait au même moment sur le serveur partagé et le "
            f"serveur a dû annuler cet enregistrement. {outcome} Enregistrez de nouveau."
        )
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message:
        return (
            "La base de données est occupée par un autre programme. "
            f"Réessayez dans un instant. {outcome}"
        )
    if code.startswith("SQLITE_FULL") or ("disk" in message and "full" in message):
        return f"Le disque est plein. {outcome} Libérez de la place puis réessayez."
    if (
        code.startswith(("SQLITE_READONLY", "SQLITE_PERM"))
        or "readonly" in message
        or (code.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")) and folder_is_read_only(folder))
    ):
        return (
            f"Le dossier de données « {folder} » est en lecture seule : la base ne peut pas "
            f"y être ouverte ni enregistrée. {outcome} Vérifiez les droits sur ce dossier "
            "ou choisissez-en un autre."
        )
    if code.startswith("SQLITE_IOERR") and disk_is_full(folder):
        return f"Le disque est plein. {outcome} Libérez de la place puis réessayez."
    if code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return (
            f"Le disque n'a pas permis de lire ou d'écrire la base dans « {folder} » "
            f"(erreur d'entrée-sortie). {outcome} Vérifiez le disque ou le partage réseau."
        )
    return f"La base de données a refusé l'opération ({database_reason(error)}). {outcome}"


_REASONS = {
    "SQLITE_NOTADB": "ce n'est pas un fichier de base de données",
    "SQLITE_CORRUPT": "son contenu est endommagé",
    "SQLITE_FORMAT": "son format n'est pas reconnu",
}


def database_reason(error: BaseException) -> str:
    """SQLite's reason in a few French words; its English text goes to the log."""
    logging.getLogger(__name__).info("database error: %s", getattr(error, "orig", None) or error)
    code = sqlite_code(error)
    for prefix, reason in _REASONS.items():
        if code.startswith(prefix):
            return reason
    return "erreur interne de la base de données"
