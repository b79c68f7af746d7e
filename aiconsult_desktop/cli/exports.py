"""`aiconsult export statement|questions|meeting|calendar|tool|tools|dossier`: documents, tables and
agendas, each through the service the window uses (the other groups' modules register
and run their own kinds)."""

from __future__ import annotations

import argparse
from pathlib import Path

from aiconsult_desktop.store import Store


def export_command(store: Store, args: argparse.Namespace) -> None:
    if args.kind == "questions":
        return _export_questions(store, args)
    if args.kind == "calendar":
        from aiconsult_desktop.cli.ics import export_calendar_command

        return export_calendar_command(store, args)
    if args.kind in ("tool", "tools"):
        from aiconsult_desktop.cli.tools import export_tools_command

        return export_tools_command(store, args)
    if args.kind == "dossier":
        from aiconsult_desktop.cli.dossiers import export_dossier_command

        return export_dossier_command(store, args)
    if args.kind == "meeting":
        from aiconsult_desktop.cli.meeting_pack import export_meeting_command

        return export_meeting_command(store, args)
    from aiconsult_desktop.services.exports import export_statement

    written = export_statement(store, args.id, Path(args.output))
    print(f"Document écrit : {written}")


def _export_questions(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.question_exports import export_questions

    written = export_questions(
        store, Path(args.output), employer_name=args.employer, state=args.state
    )
    print(f"Fichier écrit : {written}")
