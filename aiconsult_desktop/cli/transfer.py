"""`aiconsult demo`, `dump -o FICHIER.json` and `load FICHIER.json`: the whole base in and out."""

from __future__ import annotations

import argparse
from pathlib import Path

from aiconsult_desktop.store import Store


def demo_command(store: Store, _args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.demo import load_demo

    load_demo(store)
    print("Dossier de démonstration chargé.")


def dump_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.transfer import dump_to_file

    dump_to_file(store, Path(args.output))
    print(f"Base exportée dans {args.output}")


def load_command(store: Store, args: argparse.Namespace) -> None:
    from aiconsult_desktop.services.transfer import load_file

    load_file(store, Path(args.file))
    print(f"Fichier {args.file} chargé.")
