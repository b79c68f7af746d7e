"""`aiconsult export meeting ID -o FICHIER.docx|.pdf`: the meeting pack from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from aiconsult_desktop.store import Store


def add_statement_commands(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from aiconsult_desktop.cli.common import record_id

    meeting = kinds.add_parser(
        "meeting", help="le dossier pour le procès-verbal d'une réunion (Word ou PDF)"
    )
    meeting.add_argument("id", metavar="NUMÉRO", type=record_id)
    meeting.add_argument("-o", "--output", required=True, metavar="FICHIER.docx|.pdf")


def export_meeting_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.pack_export import export_meeting_pack

    notices: list[str] = []
    written = export_meeting_pack(store, args.id, Path(args.output), notices=notices)
    for notice in notices:
        print(notice)
    print(f"Document écrit : {written}")
