"""Dates typed by hand (command line, imported files), refused in French when impossible.

The GUI's date edits cannot produce 29 February 2025; a keyboard or another program can.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from aiconsult_desktop.domain.french import MONTHS
from aiconsult_desktop.domain.rules import check_year
from aiconsult_desktop.errors import ValidationError

_FRENCH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})")


def check_day(year: int, month: int, day: int, field: str = "date") -> date:
    """The date, or a sentence saying why it does not exist."""
    if not 1 <= month <= 12:
        raise ValidationError(f"Le mois {month} n'existe pas (de 1 à 12).", field=field)
    check_year(year, field=field)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = MONTHS[month - 1]
        if month == 2 and day == 29:
            reason = f"{year} n'est pas une année bissextile"
        else:
            reason = f"{name} {year} a {last} jours"
        raise ValidationError(f"Le {day} {name} {year} n'existe pas : {reason}.", field=field)
    return date(year, month, day)


def parse_day(text: str, field: str = "date") -> date:
    """ "05/06/2025" or "2025-06-05"; anything else is refused with the expected form."""
    found = _FRENCH.match(text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        return check_day(year, month, day, field)
    found = _ISO.match(text)
    if found and len(text.strip()) in (8, 10):
        year, month, day = (int(g) for g in found.groups())
        return check_day(year, month, day, field)
    raise ValidationError(
        f"« {text} » n'est pas une date : écrivez-la JJ/MM/AAAA (ex. 05/06/2025).", field=field
    )


def day_in(raw: str) -> tuple[int, int, int] | None:
    """The year, month and day at the start of an iCalendar value (20250229T100000)."""
    found = _ISO.search(raw)
    return tuple(int(g) for g in found.groups()) if found else None  # type: ignore[return-value]
