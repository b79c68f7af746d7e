"""The demo dossier: seed 001, the CGT's file on the Région des Pays de la Loire's AI rollout.

It ships as a JSON dump (resources/demo/seed001.json), so it goes through the same loader
and checks as a user's own file.
"""

from __future__ import annotations

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.resources_path import resource
from aiconsult_desktop.services.transfer import is_empty, load_document, read_document
from aiconsult_desktop.store import Store

DEMO_FILE = ("demo", "seed001.json")


def load_demo(store: Store) -> None:
    if not is_empty(store):
        raise UserError(
            "La base contient déjà des données : le dossier de démonstration se charge "
            "seulement dans une base vide. Lancez-le sur un autre dossier (--data-dir)."
        )
    load_document(store, read_document(resource(*DEMO_FILE)), "Le dossier de démonstration")
