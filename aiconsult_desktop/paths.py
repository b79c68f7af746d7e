"""Where the user's data lives: never the working directory.

Order: `--data-dir`, then `AICONSULT_DATA_DIR`, then the platform's user data dir
(`%LOCALAPPDATA%\\AIConsult\\AIConsult Desktop` on Windows).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

from aiconsult_desktop.domain.french_errors import os_reason
from aiconsult_desktop.errors import StoreError

APP_NAME = "AIConsult Desktop"
APP_AUTHOR = "AIConsult"
DATABASE_FILE = "aiconsult.sqlite3"
LOG_FILE = "aiconsult.log"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get("AICONSULT_DATA_DIR")
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def prepare_data_dir(directory: Path) -> Path:
    """Create the data dir and prove we can write in it, or say in French what to do."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".write-test-"):
            pass
    except OSError as error:
        raise StoreError(
            f"Impossible d'écrire dans le dossier de données « {directory} » "
            f"({os_reason(error)}). Choisissez un autre dossier avec --data-dir "
            "ou la variable AICONSULT_DATA_DIR, ou demandez les droits d'écriture."
        ) from error
    return directory
