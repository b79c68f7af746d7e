"""`aiconsult export calendar` and `aiconsult import calendar` (iCalendar files): registered
by `cli.run`. No Qt here either."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.store import Store


def _day(text: str) -> Any:
    from aiconsult_desktop.domain.typed_dates import parse_day
    from aiconsult_desktop.errors import ValidationError

    try:
        return parse_day(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from error


def add_calendar_commands(commands: Any, export_kinds: Any) -> None:
    from aiconsult_desktop.cli.common import Parser

    calendar = export_kinds.add_parser(
        "calendar", help="les réunions en fichier iCalendar (.ics) pour Outlook ou Thunderbird"
    )
    calendar.add_argument("--employer", metavar="NOM", help="seulement cet employeur")
    calendar.add_argument(
        "--from", dest="since", type=_day, metavar="JJ/MM/AAAA", help="à partir de cette date"
    )
    calendar.add_argument("-o", "--output", required=True, metavar="FICHIER.ics")

    importing = commands.add_parser("import", help="importer une invitation iCalendar (.ics)")
    kinds = importing.add_subparsers(
        dest="kind", metavar="TYPE", required=True, parser_class=Parser
    )
    invitation = kinds.add_parser("calendar", help="une invitation Outlook ou Thunderbird")
    invitation.add_argument("file", metavar="FICHIER.ics")
    invitation.add_argument(
        "--employer",
        metavar="NOM",
        help="employeur des réunions (obligatoire s'il y en a plusieurs)",
    )
    invitation.add_argument(
        "--preview", action="store_true", help="afficher l'aperçu sans rien enregistrer"
    )


def _employer_id(store: Store, name: str | None, required: bool) -> int | None:
    from aiconsult_desktop.services.employers import find_employer, list_employers

    if name:
        found = find_employer(store, name).id
        assert found is not None
        return found
    if not required:
        return None
    employers = list_employers(store)
    if not employers:
        raise UserError(
            "Aucun employeur n'est enregistré : créez-le d'abord dans l'application "
            "(page Employeurs et instances)."
        )
    if len(employers) > 1:
        known = ", ".join(f"« {e.name} »" for e in employers)
        raise UserError(
            f"Plusieurs employeurs sont suivis : précisez lequel avec --employer NOM "
            f"(employeurs connus : {known})."
        )
    return employers[0].id


def export_calendar_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.calendar_ics import export_calendar

    employer_id = _employer_id(store, args.employer, required=False)
    print(export_calendar(store, Path(args.output), employer_id, args.since).summary())


def import_calendar_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.calendar_import import apply_import, read_invitation

    preview = read_invitation(store, Path(args.file))
    print("\n".join(preview.lines()))
    if args.preview:
        print("(aperçu seulement : rien n'a été enregistré)")
        return
    employer_id = _employer_id(store, args.employer, required=True)
    assert employer_id is not None
    print(apply_import(store, preview, employer_id).summary())
