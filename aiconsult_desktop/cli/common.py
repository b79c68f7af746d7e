"""What every command group shares: exit codes, the French parser, ids typed by users
and JSON values for --json."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from enum import Enum
from typing import Any

from aiconsult_desktop.cli.french import FrenchParser

EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3


Parser = FrenchParser
"""The parser class of every command and sub-command (French help and errors)."""


def record_id(value: str) -> int:
    """An id as printed by `aiconsult list`, with a French message for anything else."""
    from aiconsult_desktop.services.rows import MAX_ID

    # "²".isdigit() is true but int("²") fails: only ASCII digits are a number here.
    if not (value.isascii() and value.isdigit()) or not value.strip("0"):
        raise argparse.ArgumentTypeError(
            f"« {value[:40]} » n'est pas un numéro ; les numéros sont dans la première "
            "colonne de « aiconsult list »"
        )
    if len(value.lstrip("0")) > len(str(MAX_ID)) or int(value) > MAX_ID:
        raise argparse.ArgumentTypeError(
            f"le numéro {value[:40]} est trop grand : aucun élément ne le porte ; les "
            "numéros sont dans la première colonne de « aiconsult list »"
        )
    return int(value)


def plain(value: Any) -> Any:
    """JSON values for --json: stable English machine values, ISO 8601 dates."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
