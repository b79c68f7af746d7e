"""The log file of a shared PC never grows without end."""

from __future__ import annotations

import logging
from pathlib import Path

from aiconsult_desktop.context import LOG_BACKUPS, LOG_MAX_BYTES, setup_logging


def test_the_log_file_rotates_and_keeps_a_few_megabytes(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    log_path = setup_logging(folder)
    root = logging.getLogger()
    handler = root.handlers[-1]
    line = "x" * 1000
    try:
        # Enough for every backup to fill and the oldest to be dropped.
        for number in range((LOG_BACKUPS + 2) * LOG_MAX_BYTES // len(line)):
            logging.getLogger("aiconsult_desktop.test").info("%d %s", number, line)
    finally:
        root.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["aiconsult.log"] + [f"aiconsult.log.{n}" for n in range(1, LOG_BACKUPS + 1)]
    assert all((folder / name).stat().st_size <= LOG_MAX_BYTES for name in files)
    # The newest lines are in the current file.
    last = log_path.read_text(encoding="utf-8").splitlines()[-1]
    assert last.endswith(line)
