"""French dates and counts for documents, the command line and the interface.

The GUI formats dates with QLocale; documents are written without Qt, so the month names
live here. French writes "1er" for the first day of a month, "12 345" with a narrow
no-break space between thousands, and the singular for 0 and 1.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def number(value: int) -> str:
    """ "12 345": thousands apart, with a space that never breaks the figure in two."""
    return f"{value:,}".replace(",", "\u202f")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "0 question", "1 fois", "12 345 questions": 0 and 1 take the singular in French."""
    return f"{number(count)} {agreed(count, singular, plural_form)}"


def agreed(count: int, singular: str, plural_form: str | None = None) -> str:
    """The words after a count, agreeing with it: "créée" / "créées", "est" / "sont"."""
    return singular if count < 2 else (plural_form or singular + "s")


def day_month_year(value: date | datetime) -> str:
    """5 juin 2025; 1er octobre 2024."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def month_year(value: date | datetime) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def meeting_date_phrase(value: date | datetime, month_only: bool) -> str:
    """What follows a meeting's name in a title: "du 5 juin 2025" or "de mars 2025"."""
    if month_only:
        month = month_year(value)
        return f"d'{month}" if month[0] in "aeiouyéèâ" else f"de {month}"
    return f"du {day_month_year(value)}"


def on_phrase(value: date | datetime, month_only: bool) -> str:
    """When something happened: "le 12 juin 2025", or "en décembre 2024" when only the
    month is known (the same day-or-month dates as meetings)."""
    return f"en {month_year(value)}" if month_only else f"le {day_month_year(value)}"


def since_phrase(value: date | datetime, month_only: bool) -> str:
    """ "depuis le 11 décembre 2024", or "depuis décembre 2024" for a month alone."""
    return f"depuis {month_year(value)}" if month_only else f"depuis le {day_month_year(value)}"


def time_hm(value: datetime) -> str:
    """14 h 30 in French typography; 9 h for a round hour."""
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


def conflict_message(
    what: str, changed_at: datetime, changed_by: str = "", *, feminine: bool = True
) -> str:
    """Refusing a save because someone else saved first (optimistic locking).

    `changed_at` is naive UTC, as stored; users read their own local time. `what` is
    « Cette réunion », « Cet employeur »…, `feminine` its agreement.
    """
    local = changed_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    who = f" par « {changed_by} »" if changed_by else ""
    e = "e" if feminine else ""
    return (
        f"{what} a été modifié{e}{who} depuis que vous l'avez ouvert{e} "
        f"(le {day_month_year(local)} à {time_hm(local)}). Votre version n'a pas remplacé "
        "la sienne."
    )


def unsaved_copy_label(user: str) -> str:
    """What marks the copy keeping a text refused by a conflict: « (version de Marie non
    enregistrée) », after a statement's title or before a question's text."""
    return f"(version de {user} non enregistrée)"


def elapsed_phrase(since: date, today: date) -> str:
    """How long something has waited, in the unit a reader cares about: « il y a 3 jours »,
    « il y a 2 mois », « il y a plus d'un an »."""
    days = (today - since).days
    if days <= 0:
        return "aujourd'hui"
    months = (today.year - since.year) * 12 + today.month - since.month
    if today.day < since.day:
        months -= 1
    if months >= 24:
        return f"il y a plus de {months // 12} ans"
    if months >= 12:
        return "il y a plus d'un an"
    if months >= 1:
        return f"il y a {months} mois"
    return f"il y a {plural(days, 'jour')}"


def until_phrase(day: date, today: date) -> str:
    """How soon: « aujourd'hui », « demain », « dans 12 jours »."""
    days = (day - today).days
    if days <= 0:
        return "aujourd'hui"
    if days == 1:
        return "demain"
    return f"dans {days} jours"
