"""Opening the base at start, and what to do when it is damaged.

The damaged file is never modified: restoring moves it aside (renamed, kept) and puts the
newest intact backup in its place, only after the user said yes.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from PySide6.QtWidgets import QWidget

from aiconsult_desktop.errors import DamagedStoreError, UserError
from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services.backups import BackupInfo, latest_good_backup, recover_from_backup
from aiconsult_desktop.services.opening import Store, open_store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.locale import date_time

TITLE = "Base de données endommagée"


def backup_summary(info: BackupInfo) -> str:
    """« du 5 juin 2025, 18:02 (5 réunions, 12 questions, 5 déclarations) »"""
    local = info.taken_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return (
        f"du {date_time(local)} ({info.meetings} réunions, {info.questions} questions, "
        f"{info.statements} déclarations)"
    )


def open_or_recover(data_dir: Path, parent: QWidget | None = None) -> Store | None:
    """The store, possibly restored from a backup; None when the user must stop here."""
    database = data_dir / DATABASE_FILE
    try:
        return open_store(database)
    except DamagedStoreError as error:
        backup = latest_good_backup(database)
        if backup is None:
            dialogs.show_error(
                parent,
                f"{error.message}\n\nAucune sauvegarde intacte n'a été trouvée dans "
                f"« {data_dir / 'backups'} ». L'application va se fermer sans rien modifier.",
                TITLE,
            )
            return None
        if not dialogs.confirm(
            parent,
            TITLE,
            f"{error.message}\n\nRestaurer la dernière sauvegarde intacte, "
            f"{backup_summary(backup)} ?\nLe fichier endommagé sera conservé à part, "
            "sans être modifié.",
        ):
            return None
        try:
            aside = recover_from_backup(database, backup.path)
            store = open_store(database)
        except UserError as failure:
            dialogs.show_error(parent, failure.message, TITLE)
            return None
        dialogs.show_info(
            parent,
            f"La sauvegarde {backup_summary(backup)} a été restaurée.\n"
            f"Le fichier endommagé est conservé sous le nom « {aside.name} ».",
            TITLE,
        )
        return store
    except UserError as error:
        # A full or read-only disk: said as such, and every file stays where it is.
        dialogs.show_error(parent, error.message, "Impossible d'ouvrir la base")
        return None


def open_configured_store(data_dir: Path, parent: QWidget | None = None) -> Store | None:
    """The shared server when Paramètres says so, else the local base (recovered if need be).

    A server that cannot be reached is not a dead end: the user may open the local base.
    """
    from aiconsult_desktop.passwords import get_password
    from aiconsult_desktop.services.opening import open_server_store
    from aiconsult_desktop.services.server_config import load_settings
    from aiconsult_desktop.ui.server_dialog import ask_password

    try:
        server = load_settings(data_dir)
    except UserError as error:
        dialogs.show_error(parent, error.message, "Serveur partagé")
        server = None
    if server is None or not server.enabled:
        return open_or_recover(data_dir, parent)
    password = get_password(server.account) or ask_password(server, parent)
    if password is not None:
        try:
            return open_server_store(server.url(), password=password)
        except UserError as error:
            problem = error.message
    else:
        problem = "Aucun mot de passe n'a été donné."
    if dialogs.confirm(
        parent,
        "Serveur partagé",
        f"{problem}\n\nOuvrir la base locale de cet ordinateur à la place ?",
    ):
        return open_or_recover(data_dir, parent)
    return None
