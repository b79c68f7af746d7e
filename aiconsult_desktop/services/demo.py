"""The demo dossier: seed 001, the CGT's file on the Région des Pays de la Loire's AI rollout.

It ships as a JSON dump (resources/demo/seed001.json), so it goes through the same loader
and checks as a user's own file. Its dated facts stay as they were (2024-2025); so that the
dashboard shows deadlines at work on the day the demo is loaded, loading also creates the
employer's next CST, marked « (exemple) », a few weeks after today.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from aiconsult_desktop.domain.enums import BodyKind, MeetingKind
from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.resources_path import resource
from aiconsult_desktop.services import employers, meetings
from aiconsult_desktop.services.records import MeetingData
from aiconsult_desktop.services.transfer import is_empty, load_document, read_document
from aiconsult_desktop.store import Store

DEMO_FILE = ("demo", "seed001.json")


EXAMPLE_MARK = "(exemple)"
EXAMPLE_NOTES = (
    "Exemple créé au chargement du dossier de démonstration, à une date à venir, pour "
    "montrer les échéances (convocation, documents) sur le tableau de bord. Supprimez-le "
    "quand vous voulez : il ne fait pas partie du dossier."
)
WEEKS_AHEAD = 3
TUESDAY = 1


def example_meeting_day(today: date) -> date:
    """A Tuesday about three weeks ahead: far enough for every deadline to be still to
    come (convocation 15 days before), close enough for the 30-day card to show them."""
    day = today + timedelta(weeks=WEEKS_AHEAD)
    return day + timedelta(days=(TUESDAY - day.weekday()) % 7)


def add_example_meeting(store: Store, today: date) -> MeetingData | None:
    """The demo employer's next CST, marked as an example; None if it has no CST."""
    for employer in employers.list_employers(store):
        cst = next((b for b in employer.bodies if b.kind == BodyKind.CST), None)
        if cst is None or employer.id is None:
            continue
        day = example_meeting_day(today)
        return meetings.save_meeting(
            store,
            MeetingData(
                employer_id=employer.id,
                body_id=cst.id,
                kind=MeetingKind.PLENARY,
                title=f"{cst.name} du {day_month_year(day)} {EXAMPLE_MARK}",
                starts_at=datetime.combine(day, time(9, 30)),
                notes=EXAMPLE_NOTES,
            ),
        )
    return None


def load_demo(store: Store, *, example: bool = True, today: date | None = None) -> None:
    """The seed in an empty base, then (unless `example` is False: tests that count the
    seed's own records) the upcoming example meeting."""
    if not is_empty(store):
        raise UserError(
            "La base contient déjà des données : le dossier de démonstration se charge "
            "seulement dans une base vide. Lancez-le sur un autre dossier (--data-dir)."
        )
    load_document(store, read_document(resource(*DEMO_FILE)), "Le dossier de démonstration")
    if example:
        add_example_meeting(store, today or date.today())
