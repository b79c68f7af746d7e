"""Opening the user's store from a data dir: shared by the GUI and the CLI."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from aiconsult_desktop.paths import DATABASE_FILE, LOG_FILE, prepare_data_dir, resolve_data_dir
from aiconsult_desktop.store import Store, open_store


def open_user_store(data_dir: str | os.PathLike[str] | None = None) -> Store:
    directory = prepare_data_dir(resolve_data_dir(data_dir))
    return open_store(directory / DATABASE_FILE)


def setup_logging(data_dir: Path) -> Path:
    """Unexpected errors go to a log file in the data dir; users never see a traceback."""
    log_path = data_dir / LOG_FILE
    handler = logging.FileHandler(log_path, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_path
