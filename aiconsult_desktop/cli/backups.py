"""`aiconsult backup`, `restore FICHIER` and `check`: the local base's safety net."""

from __future__ import annotations

import argparse
from pathlib import Path

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.store import Store


def backup_command(store: Store, _args: argparse.Namespace) -> None:
    from aiconsult_desktop.context import local_database
    from aiconsult_desktop.services.backups import make_backup

    print(f"Sauvegarde écrite : {make_backup(local_database(store))}")


def restore_command(store: Store, _args: argparse.Namespace) -> None:
    from aiconsult_desktop.context import local_database

    local_database(store)  # a shared server: refused in French


def restore_local(database: Path, args: argparse.Namespace) -> None:
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


def check_command(store: Store, _args: argparse.Namespace) -> None:
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
