"""Errors in the GUI: French for users, tracebacks only in the log file.

`attempt()` wraps one user action: a UserError becomes a dialog with its sentence and the
action returns None; the caller keeps whatever the user typed. Anything unexpected reaches
`excepthook`, which logs it and shows a French dialog instead of a crash.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.ui import dialogs

T = TypeVar("T")
log = logging.getLogger("aiconsult_desktop.ui")

UNEXPECTED = (
    "Une erreur inattendue s'est produite ; ce que vous aviez déjà enregistré est intact. "
    "Le détail technique a été écrit dans le journal :\n{log}\n"
    "Vous pouvez continuer à travailler ; si l'erreur revient, transmettez ce fichier."
)


def attempt(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    try:
        return action()
    except UserError as error:
        dialogs.show_error(parent, error.message)
        return None


def install_excepthook(log_path: str) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, UserError):
            dialogs.show_error(QApplication.activeWindow(), error.message)
            return
        log.error("Erreur inattendue", exc_info=(kind, error, tb))
        dialogs.show_error(
            QApplication.activeWindow(), UNEXPECTED.format(log=log_path), "Erreur inattendue"
        )

    sys.excepthook = hook
