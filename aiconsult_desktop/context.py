"""Opening the user's store from a data dir: shared by the GUI and the CLI."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from typing import TYPE_CHECKING

from aiconsult_desktop.paths import DATABASE_FILE, LOG_FILE, prepare_data_dir, resolve_data_dir

if TYPE_CHECKING:  # the store (SQLAlchemy) loads on first use: the window paints first
    from aiconsult_desktop.store import Store


def open_user_store(data_dir: str | os.PathLike[str] | None = None) -> Store:
    from aiconsult_desktop.store import open_store

    directory = prepare_data_dir(resolve_data_dir(data_dir))
    return open_store(directory / DATABASE_FILE)


def open_shared_store(url: str) -> Store:
    """A PostgreSQL base: the password comes from the keyring, else libpq's PGPASSWORD.

    A password written in the URL is used but never repeated: messages and logs name the
    server as host:port/base only.
    """
    from aiconsult_desktop.passwords import account_for, get_password
    from aiconsult_desktop.store.connection import open_server_store, server_url

    address = server_url(url)
    account = account_for(
        address.username or "", address.host or "", address.port, address.database or ""
    )
    password = address.password or get_password(account)
    return open_server_store(url, password=str(password) if password else None)


def local_database(store: Store) -> Path:
    """Backups and integrity checks are for the local file; a server has its own tools."""
    if store.path is None:
        from aiconsult_desktop.errors import UserError

        raise UserError(
            "Cette commande concerne la base locale. Une base partagée se sauvegarde et se "
            "contrôle sur le serveur (pg_dump, par la personne qui le gère)."
        )
    return store.path


# A union office PC runs the app for years: the log keeps the last few MB, never more.
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 3


class QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (full or read-only disk) stays silent: logging's
    default would print a traceback in front of the user."""

    def handleError(self, record: logging.LogRecord) -> None:
        del record


def setup_logging(data_dir: Path) -> Path:
    """Unexpected errors go to a log file in the data dir; users never see a traceback.

    The file rotates (aiconsult.log, then .1 … .3, 2 MB each) so years of use never fill
    the disk of the shared PC.
    """
    log_path = data_dir / LOG_FILE
    handler = QuietFileHandler(
        log_path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_path
