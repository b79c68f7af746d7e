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
