"""The `aiconsult` parser and its run: open the store (taking the single-writer lock for
commands that write), dispatch to the command group's module, and turn every failure
into one French line on stderr with a non-zero exit; unexpected errors are logged to the
data dir with their traceback, never printed."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aiconsult_desktop import __version__
from aiconsult_desktop.cli.backups import (
    backup_command,
    check_command,
    restore_command,
    restore_local,
)
from aiconsult_desktop.cli.common import (
    EXIT_UNEXPECTED,
    EXIT_USER_ERROR,
    Parser,
    record_id,
)
from aiconsult_desktop.cli.exports import export_command
from aiconsult_desktop.cli.ics import import_calendar_command
from aiconsult_desktop.cli.listing import list_command
from aiconsult_desktop.cli.transfer import demo_command, dump_command, load_command
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.store import Store

if TYPE_CHECKING:
    from aiconsult_desktop.writer_lock import WriterLock


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
        choices=["employers", "meetings", "questions", "statements", "tools", "dossiers", "facts"],
        help="employers, meetings, questions, statements, tools, dossiers ou facts",
    )
    listing.add_argument(
        "--dossier", metavar="NUMÉRO", type=record_id, help="les faits d'un seul dossier"
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
    from aiconsult_desktop.cli.ics import add_calendar_commands

    add_calendar_commands(commands, kinds)
    from aiconsult_desktop.cli.meeting_pack import add_statement_commands

    add_statement_commands(kinds)
    from aiconsult_desktop.cli.tools import add_tool_export_commands

    add_tool_export_commands(kinds)
    from aiconsult_desktop.cli.dossiers import add_dossier_export

    add_dossier_export(kinds)
    return parser


HANDLERS: dict[str, Callable[[Store, argparse.Namespace], None]] = {
    "demo": demo_command,
    "list": list_command,
    "dump": dump_command,
    "load": load_command,
    "export": export_command,
    "import": import_calendar_command,
    "backup": backup_command,
    "restore": restore_command,
    "check": check_command,
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
    from aiconsult_desktop.cli.output import OutputFailed, guarded_stdout

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
    from aiconsult_desktop.cli.output import OutputFailed
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
            restore_local(data_dir / DATABASE_FILE, args)
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
