"""`aiconsult`: the command line. Same services as the GUI, and never imports Qt.

Every failure a user can cause prints one French line on stderr and exits non-zero;
unexpected errors are logged to the data dir with their traceback, never printed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiconsult_desktop import __version__
from aiconsult_desktop.cli_french import FrenchParser
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.store import Store

if TYPE_CHECKING:
    from aiconsult_desktop.writer_lock import WriterLock

EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3


Parser = FrenchParser
"""The parser class of every command and sub-command (French help and errors)."""


def record_id(value: str) -> int:
    """An id as printed by `aiconsult list`, with a French message for anything else."""
    from aiconsult_desktop.services.rows import MAX_ID

    # "²".isdigit() is true but int("²") fails: only ASCII digits are a number here.
    if not (value.isascii() and value.isdigit()) or not value.strip("0"):
        raise argparse.ArgumentTypeError(
            f"« {value[:40]} » n'est pas un numéro ; les numéros sont dans la première "
            "colonne de « aiconsult list »"
        )
    if len(value.lstrip("0")) > len(str(MAX_ID)) or int(value) > MAX_ID:
        raise argparse.ArgumentTypeError(
            f"le numéro {value[:40]} est trop grand : aucun élément ne le porte ; les "
            "numéros sont dans la première colonne de « aiconsult list »"
        )
    return int(value)


def _plain(value: Any) -> Any:
    """JSON values for --json: stable English machine values, ISO 8601 dates."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


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
        print(json.dumps(_plain(rows), ensure_ascii=False, indent=2))
    elif lines:
        print("\n".join(lines))
    else:
        print("(aucun élément)")


def _list_tools(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.ai_tools_cli import list_tools_command

    list_tools_command(store, args)


def _list_any(store: Store, args: argparse.Namespace) -> None:
    if args.what == "tools":
        return _list_tools(store, args)
    if args.employer:
        raise UserError("L'option --employer ne s'applique qu'à « aiconsult list tools ».")
    return _list(store, args.what, args.json)


def _demo(store: Store, _args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.demo import load_demo

    load_demo(store)
    print("Dossier de démonstration chargé.")


def _dump(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.transfer import dump_to_file

    dump_to_file(store, Path(args.output))
    print(f"Base exportée dans {args.output}")


def _load(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.transfer import load_file

    load_file(store, Path(args.file))
    print(f"Fichier {args.file} chargé.")


def _export(store: Store, args: argparse.Namespace) -> None:
    if args.kind == "calendar":
        from aiconsult_desktop.calendar_cli import export_calendar_command

        return export_calendar_command(store, args)
    if args.kind in ("tool", "tools"):
        from aiconsult_desktop.ai_tools_cli import export_tools_command

        return export_tools_command(store, args)
    if args.kind == "meeting":
        from aiconsult_desktop.statement_cli import export_meeting_command

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


def _import(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.calendar_cli import import_calendar_command

    import_calendar_command(store, args)


def _backup(store: Store, _args: argparse.Namespace) -> None:
    from aiconsult_desktop.context import local_database
    from aiconsult_desktop.services.backups import make_backup

    print(f"Sauvegarde écrite : {make_backup(local_database(store))}")


def _restore(store: Store, _args: argparse.Namespace) -> None:
    from aiconsult_desktop.context import local_database

    local_database(store)  # a shared server: refused in French


def _restore_local(database: Path, args: argparse.Namespace) -> None:
    """Restore without opening the base first: it may be damaged, which is often why."""
    from aiconsult_desktop.services.backups import describe, restore_file

    backup = Path(args.file)
    source = describe(backup) if backup.is_file() else None
    restored = restore_file(database, backup)
    if source is not None:
        print(
            f"Sauvegarde restaurée ({source.meetings} réunions, {source.questions} questions, "
            f"{source.statements} déclarations)."
        )
    if restored.safety is not None:
        print(f"L'état précédent a été sauvegardé dans {restored.safety}")
    if restored.aside is not None:
        print(
            "La base endommagée ne pouvait pas être sauvegardée : elle est conservée telle "
            f"quelle sous le nom {restored.aside}"
        )


def _check(store: Store, _args: argparse.Namespace) -> None:
    from aiconsult_desktop.context import local_database
    from aiconsult_desktop.services.backups import integrity_report

    report = integrity_report(local_database(store))
    if report != ["ok"]:
        raise UserError(
            "Le contrôle d'intégrité a trouvé des problèmes : "
            + " ; ".join(report[:5])
            + ". Restaurez une sauvegarde (aiconsult restore FICHIER)."
        )
    print(f"Base intègre : {local_database(store)}")


def build_parser() -> Parser:
    parser = Parser(
        prog="aiconsult",
        description="AIConsult Desktop en ligne de commande (mêmes données que l'application).",
    )
    parser.add_argument(
        "--data-dir", metavar="DOSSIER", help="dossier des données (sinon AICONSULT_DATA_DIR)"
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="base partagée : postgresql://utilisateur@serveur:5432/base (mot de passe : "
        "trousseau du système, sinon variable PGPASSWORD)",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="afficher la version et quitter",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMANDE", required=True, parser_class=Parser
    )

    commands.add_parser("demo", help="charger le dossier de démonstration (base vide)")

    listing = commands.add_parser("list", help="lister employeurs, réunions, questions…")
    listing.add_argument(
        "what",
        metavar="QUOI",
        choices=["employers", "meetings", "questions", "statements", "tools"],
        help="employers, meetings, questions, statements ou tools",
    )
    listing.add_argument("--json", action="store_true", help="sortie JSON")
    listing.add_argument(
        "--employer", metavar="NOM", help="outils d'un seul employeur (nom ou sigle)"
    )

    dump = commands.add_parser("dump", help="exporter toute la base en JSON")
    dump.add_argument("-o", "--output", required=True, metavar="FICHIER.json")

    load = commands.add_parser("load", help="charger un export JSON dans une base vide")
    load.add_argument("file", metavar="FICHIER.json")

    commands.add_parser("backup", help="sauvegarder la base maintenant")
    restore = commands.add_parser(
        "restore", help="restaurer une sauvegarde (l'état actuel est sauvegardé avant)"
    )
    restore.add_argument("file", metavar="FICHIER.sqlite3")
    commands.add_parser("check", help="contrôler l'intégrité de la base")

    export = commands.add_parser(
        "export", help="exporter un document (Word ou PDF), un tableur ou un agenda"
    )
    kinds = export.add_subparsers(dest="kind", metavar="TYPE", required=True, parser_class=Parser)
    statement = kinds.add_parser("statement", help="une déclaration en intervention (Word ou PDF)")
    statement.add_argument("id", metavar="NUMÉRO", type=record_id)
    statement.add_argument("-o", "--output", required=True, metavar="FICHIER.docx|.pdf")
    register = kinds.add_parser(
        "questions", help="le registre des questions (Word, PDF, CSV, XLSX)"
    )
    register.add_argument("--employer", metavar="NOM", help="un seul employeur (nom ou sigle)")
    register.add_argument("--state", metavar="ÉTAT", help="pending, answered… ou open")
    register.add_argument("-o", "--output", required=True, metavar="FICHIER.docx|.pdf|.csv|.xlsx")
    from aiconsult_desktop.calendar_cli import add_calendar_commands

    add_calendar_commands(commands, kinds)
    from aiconsult_desktop.statement_cli import add_statement_commands

    add_statement_commands(kinds)
    from aiconsult_desktop.ai_tools_cli import add_tool_export_commands

    add_tool_export_commands(kinds)
    return parser


HANDLERS: dict[str, Callable[[Store, argparse.Namespace], None]] = {
    "demo": _demo,
    "list": _list_any,
    "dump": _dump,
    "load": _load,
    "export": lambda store, args: (_export_questions if args.kind == "questions" else _export)(
        store, args
    ),
    "import": _import,
    "backup": _backup,
    "restore": _restore,
    "check": _check,
}


WRITING_COMMANDS = {"demo", "load", "import", "restore"}
"""Commands that change the base: each holds the data dir's single-writer lock."""
LOCK_WAIT_SECONDS = 30


def _writer_lock(data_dir: Path, command: str) -> WriterLock:
    from aiconsult_desktop.writer_lock import COMMAND, WINDOW, WriterLock, current_holder

    lock = WriterLock(data_dir, COMMAND)
    if lock.acquire(LOCK_WAIT_SECONDS):
        return lock
    if current_holder(data_dir) == WINDOW:
        raise UserError(
            "AIConsult Desktop est ouvert sur ces données : fermez sa fenêtre avant "
            f"« aiconsult {command} » (elle continuerait d'écrire dans la base). "
            "Rien n'a été modifié."
        )
    raise UserError(
        f"Une autre commande aiconsult modifie ces données depuis plus de {LOCK_WAIT_SECONDS} s "
        "; réessayez quand elle aura fini. Rien n'a été modifié."
    )


def _damaged_hint(database: Path) -> str:
    """What to type next when the base is damaged: restore the newest intact backup."""
    from aiconsult_desktop.services.backups import backup_dir, latest_good_backup

    backup = latest_good_backup(database)
    if backup is None:
        return f"Aucune sauvegarde intacte n'a été trouvée dans « {backup_dir(database)} »."
    return (
        "Pour remettre la dernière sauvegarde intacte (le fichier endommagé sera conservé "
        f'à part) : aiconsult restore "{backup.path}"'
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")  # Windows consoles
    from aiconsult_desktop.cli_output import OutputFailed, guarded_stdout

    try:
        with guarded_stdout():
            return _run(args)
    except OutputFailed as failure:
        if failure.reader_left:
            return 0  # `aiconsult list … | head`: the reader has what it wanted
        print(failure.message, file=sys.stderr)
        return EXIT_USER_ERROR


def _run(args: argparse.Namespace) -> int:
    """Open the store, run the command; every failure ends as one French line."""
    from aiconsult_desktop.cli_output import OutputFailed
    from aiconsult_desktop.context import open_shared_store, open_user_store, setup_logging
    from aiconsult_desktop.domain.file_names import check_output_name
    from aiconsult_desktop.errors import DamagedStoreError
    from aiconsult_desktop.paths import DATABASE_FILE, prepare_data_dir, resolve_data_dir

    log = logging.getLogger("aiconsult_desktop.cli")
    log_path: Path | None = None
    local = not args.database_url
    lock: WriterLock | None = None
    store: Store | None = None
    try:
        data_dir = prepare_data_dir(resolve_data_dir(args.data_dir))
        log_path = setup_logging(data_dir)
        if getattr(args, "output", None) is not None:
            check_output_name(Path(args.output))  # before any work: `-o ""` is no file
        if local and args.command in WRITING_COMMANDS and not getattr(args, "preview", False):
            lock = _writer_lock(data_dir, args.command)
        if local and args.command == "restore":
            _restore_local(data_dir / DATABASE_FILE, args)
            return 0
        store = open_user_store(data_dir) if local else open_shared_store(args.database_url)
        HANDLERS[args.command](store, args)
    except DamagedStoreError as error:
        print(f"{error.message} {_damaged_hint(data_dir / DATABASE_FILE)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except UserError as error:
        print(error.message, file=sys.stderr)
        return EXIT_USER_ERROR
    except OutputFailed:
        raise
    except Exception:
        log.exception("Erreur inattendue")
        where = f" ; le détail est dans le journal {log_path}" if log_path else ""
        print(f"Erreur inattendue{where}.", file=sys.stderr)
        return EXIT_UNEXPECTED
    finally:
        if store is not None:
            store.close()
        if lock is not None:
            lock.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
