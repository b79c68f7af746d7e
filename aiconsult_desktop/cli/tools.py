"""`aiconsult list tools [--employer NOM] [--json]`: the AI tools register from the
command line, with each tool's computed status and open items (same services as the
« Outils d'IA » page)."""

from __future__ import annotations

import argparse
import json

from aiconsult_desktop.store import Store


def list_tools_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.ai_register import list_tools
    from aiconsult_desktop.services.ai_summary import open_items_text, tool_summary
    from aiconsult_desktop.services.employers import find_employer

    employer_id = find_employer(store, args.employer).id if args.employer else None
    tools = list_tools(store, employer_id=employer_id)
    if args.json:
        print(json.dumps([tool_summary(t) for t in tools], ensure_ascii=False, indent=2))
        return
    if not tools:
        print("(aucun outil d'IA)")
        return
    for tool in tools:
        assert tool.status is not None
        first, *rest = tool.status.sentences()
        print(f"{tool.id}\t{tool.employer_name}\t{tool.name}\t{first}")
        for sentence in rest:
            print(f"\t{sentence}")
        if tool.status.open_items:
            count = len(tool.status.open_items)
            print(f"\tÉléments ouverts ({count}) : {open_items_text(tool)}")


def add_tool_export_commands(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`aiconsult export tool ID -o fiche.docx|.pdf`, `export tools -o registre.xlsx|.csv`."""
    from aiconsult_desktop.cli.common import record_id

    tool = kinds.add_parser("tool", help="la fiche d'un outil d'IA (Word ou PDF)")
    tool.add_argument("id", metavar="NUMÉRO", type=record_id)
    tool.add_argument("-o", "--output", required=True, metavar="FICHIER.docx|.pdf")
    tools = kinds.add_parser("tools", help="le registre des outils d'IA (XLSX ou CSV)")
    tools.add_argument("--employer", metavar="NOM", help="un seul employeur (nom ou sigle)")
    tools.add_argument("-o", "--output", required=True, metavar="FICHIER.xlsx|.csv")


def export_tools_command(store: Store, args: argparse.Namespace) -> None:
    from pathlib import Path

    from aiconsult_desktop.services.ai_exports import export_tool, export_tools

    if args.kind == "tool":
        written = export_tool(store, args.id, Path(args.output))
        print(f"Document écrit : {written}")
    else:
        written = export_tools(store, Path(args.output), employer_name=args.employer)
        print(f"Fichier écrit : {written}")
