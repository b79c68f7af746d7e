"""Checks on dates that a user types, in French.

One range of years for every date the app keeps (meetings, questions and their events,
what the employer sent): a year outside it is a typing slip, and dates near year 1 or
9999 would overflow the deadline arithmetic later (a question "asked" in 9999 cannot
have its two-month answer deadline computed).
"""

from __future__ import annotations

from datetime import date, datetime

from aiconsult_desktop.errors import ValidationError

FIRST_YEAR, LAST_YEAR = 1900, 2200


def check_year(value: date | int, what: str = "", field: str | None = None) -> None:
    """Refuse a date (or a year) that is not plausible; `what` names it for the reader."""
    year = value if isinstance(value, int) else value.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        where = f" {what}" if what else ""
        raise ValidationError(
            f"L'année {year} n'est pas plausible{where} (de {FIRST_YEAR} à {LAST_YEAR}).",
            field=field,
        )


def check_meeting_times(starts_at: datetime, ends_at: datetime | None) -> None:
    check_year(starts_at, "pour une réunion", field="starts_at")
    if ends_at is not None:
        check_year(ends_at, "pour la fin d'une réunion", field="ends_at")
    if ends_at is not None and ends_at < starts_at:
        raise ValidationError(
            "La réunion se termine avant de commencer : vérifiez l'heure de fin.", field="ends_at"
        )
