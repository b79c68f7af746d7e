"""On a first start with an empty store: load the demo dossier, or start empty."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.transfer import is_empty
from aiconsult_desktop.ui.guard import attempt

INTRO = (
    "Bienvenue dans AIConsult Desktop.\n\n"
    "Votre base est vide. Vous pouvez charger le dossier de démonstration "
    "(la Région des Pays de la Loire et le déploiement de l'IA : réunions, questions restées "
    "sans réponse, interventions en CST) pour découvrir l'application, ou commencer "
    "directement avec votre propre organisation."
)


def ask_first_start(parent: QWidget | None) -> bool:
    """True to load the demo dossier. Kept apart so tests can answer it."""
    box = QMessageBox(QMessageBox.Icon.Information, "Premier démarrage", INTRO, parent=parent)
    demo = box.addButton("Charger la &démonstration", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Commencer avec une base &vide", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    return box.clickedButton() is demo


def offer_first_start(store: Store, parent: QWidget | None = None) -> None:
    if is_empty(store) and ask_first_start(parent):
        attempt(parent, lambda: load_demo(store))
