"""Errors in the GUI: French for users, tracebacks only in the log file.

`attempt()` wraps one user action: a UserError becomes a dialog with its sentence and the
action returns None; the caller keeps whatever the user typed. Anything unexpected reaches
`excepthook`, which logs it and shows a French dialog instead of a crash.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from aiconsult_desktop.errors import ConflictError, UserError, ValidationError
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


def attempt_form(
    parent: QWidget | None, action: Callable[[], T], fields: Mapping[str, QWidget]
) -> T | None:
    """Run a form's save like `guard.attempt`, then put the cursor where the problem is.

    A French dialog alone leaves the user hunting for the faulty field: `fields` maps the
    names services put in `ValidationError.field` ("Nom de l'employeur", "name"…) to the
    widgets that edit them, and the named one gets the focus. What the user typed stays.
    """
    failures: list[ValidationError] = []

    def run() -> T:
        try:
            return action()
        except ValidationError as error:
            failures.append(error)
            raise

    result = attempt(parent, run)
    if failures and failures[0].field in fields:
        widget = fields[failures[0].field or ""]
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
    return result


def attempt_done(parent: QWidget | None, action: Callable[[], object]) -> bool:
    """`guard.attempt` for actions that return nothing (deletions, imports).

    `attempt` returns None both on success and on a reported error for those; this tells
    the two apart so the page only says "supprimé" when it is true.
    """

    def run() -> bool:
        action()
        return True

    return attempt(parent, run) is True


REPLACE_THEIRS = (
    "Remplacer sa version par la vôtre ?\n\nNon : sa version s'affiche, et ce que vous "
    "venez de saisir est abandonné."
)


def replace_theirs(parent: QWidget | None, conflict: ConflictError) -> bool:
    """Someone else saved the record first and no copy kept the user's input (meetings,
    employers: short records). Said at once, with the way out: True to save over theirs
    knowingly, False to show theirs (the input is given up). Never a refusal that repeats
    at every save."""
    return dialogs.confirm(
        parent, "Modifié par quelqu'un d'autre", f"{conflict.message}\n\n{REPLACE_THEIRS}"
    )


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
