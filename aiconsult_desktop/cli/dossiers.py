"""`aiconsult list dossiers|facts` and `aiconsult export dossier` (issue 11): a dossier's
chronology from the command line, through the same services as the Dossiers page."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.store import Store


def add_dossier_export(kinds: Any) -> None:
    """`aiconsult export dossier ID [--from DATE] [--to DATE] [--extracts] -o FICHIER`."""
    from aiconsult_desktop.cli.common import record_id
    from aiconsult_desktop.cli.ics import _day

    dossier = kinds.add_parser(
        "dossier", help="la chronologie d'un dossier (Word ou PDF), dans la forme du seed 001"
    )
    dossier.add_argument("id", metavar="NUMÉRO", type=record_id)
    dossier.add_argument(
        "--from", dest="start", type=_day, metavar="JJ/MM/AAAA", help="à partir de cette date"
    )
    dossier.add_argument("--to", dest="end", type=_day, metavar="JJ/MM/AAAA", help="jusqu'à")
    dossier.add_argument(
        "--extracts",
        action="store_true",
        help="le premier paragraphe de chaque déclaration seulement (« Extrait »)",
    )
    dossier.add_argument("-o", "--output", required=True, metavar="FICHIER.docx|.pdf")


def export_dossier_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.chronology import Filters
    from aiconsult_desktop.services.chronology_export import export_dossier

    filters = Filters(start=args.start, end=args.end, extracts=args.extracts)
    written = export_dossier(store, args.id, Path(args.output), filters)
    print(f"Document écrit : {written}")


def list_dossiers_command(store: Store, as_json: bool) -> None:
    from aiconsult_desktop.services.chronology import list_dossier_rows

    rows = list_dossier_rows(store)
    if as_json:
        keys = ("id", "title", "meetings", "open_questions", "facts")
        print(
            json.dumps(
                [dict(zip(keys, r, strict=True)) for r in rows], ensure_ascii=False, indent=2
            )
        )
        return
    if not rows:
        print("(aucun dossier)")
    for dossier_id, title, meetings, open_questions, facts in rows:
        pending = plural(open_questions, "question sans réponse", "questions sans réponse")
        print(
            f"{dossier_id}\t{title}\t{plural(meetings, 'réunion')}\t{pending}\t"
            f"{plural(facts, 'fait')}"
        )


def list_facts_command(store: Store, dossier_id: int | None, as_json: bool) -> None:
    from aiconsult_desktop.services.facts import list_facts

    found = list_facts(store, dossier_id)
    if as_json:
        rows = [
            {
                "id": f.id,
                "dossier_id": f.dossier_id,
                "on": f.on.isoformat(),
                "date_precision": f.precision.value,
                "kind": f.kind.value,
                "title": f.title,
                "source": f.source,
                "extract": f.extract,
                "comment": f.comment,
                "tool_id": f.tool_id,
                "tool_stage": f.tool_stage.value if f.tool_stage else None,
            }
            for f in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        print("(aucun fait)")
    for fact in found:
        print(f"{fact.id}\t{fact.when.words()}\t{fact.kind.label}\t{fact.title}")
