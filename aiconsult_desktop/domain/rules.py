"""Checks on dates that a user types, in French."""

from __future__ import annotations

from datetime import datetime

from aiconsult_desktop.errors import ValidationError


def check_meeting_times(starts_at: datetime, ends_at: datetime | None) -> None:
    if ends_at is not None and ends_at < starts_at:
        raise ValidationError(
            "La réunion se termine avant de commencer : vérifiez l'heure de fin.", field="ends_at"
        )
    if not 1900 <= starts_at.year <= 2200:
        raise ValidationError(
            f"L'année {starts_at.year} n'est pas plausible pour une réunion.", field="starts_at"
        )
