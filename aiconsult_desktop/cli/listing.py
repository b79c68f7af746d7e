"""`aiconsult list employers|meetings|questions|statements|tools|dossiers|facts [--json]`."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from aiconsult_desktop.cli.common import plain
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.store import Store


def _list(store: Store, what: str, as_json: bool) -> None:
    from aiconsult_desktop.domain.french import day_month_year, month_year
    from aiconsult_desktop.services import employers, meetings, questions, statements

    rows: list[dict[str, Any]]
    lines: list[str]
    if what == "employers":
        found = employers.list_employers(store)
        rows = [asdict(e) for e in found]
        lines = [f"{e.id}\t{e.name}\t" + ", ".join(b.name for b in e.bodies) for e in found]
    elif what == "meetings":
        found_m = meetings.list_meetings(store)
        rows = [{**asdict(m), "body": m.body_name, "employer": m.employer_name} for m in found_m]
        lines = [
            f"{m.id}\t{month_year(m.starts_at) if m.month_only else day_month_year(m.starts_at)}"
            f"\t{m.kind.label}\t{m.body_name or '-'}\t{m.employer_name}\t{m.title}"
            for m in found_m
        ]
    elif what == "questions":
        found_q = questions.list_questions(store)
        rows = [{**asdict(q), "employer": q.employer_name} for q in found_q]
        lines = [
            f"{q.id}\t{day_month_year(q.asked_on)}\t{q.state.label}\t{q.employer_name}\t"
            + " ".join(q.text.split())[:100]
            for q in found_q
        ]
    else:
        found_s = statements.list_statements(store)
        rows = [asdict(s) for s in found_s]
        lines = [
            f"{s.id}\t{s.kind.label}\t{s.state.label}\t{s.meeting_title}\t{s.title}"
            for s in found_s
        ]
    if as_json:
        print(json.dumps(plain(rows), ensure_ascii=False, indent=2))
    elif lines:
        print("\n".join(lines))
    else:
        print("(aucun élément)")


def _list_tools(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.cli.tools import list_tools_command

    list_tools_command(store, args)


def list_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.cli import dossiers

    if args.what == "tools":
        return _list_tools(store, args)
    if args.dossier is not None and args.what != "facts":
        raise UserError("L'option --dossier ne s'applique qu'à « aiconsult list facts ».")
    if args.what == "facts":
        return dossiers.list_facts_command(store, args.dossier, args.json)
    if args.what == "dossiers":
        return dossiers.list_dossiers_command(store, args.json)
    if args.employer:
        raise UserError("L'option --employer ne s'applique qu'à « aiconsult list tools ».")
    return _list(store, args.what, args.json)
