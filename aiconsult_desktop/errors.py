"""Errors meant for users: each carries one clear French sentence.

Services raise these; the GUI shows the message in a dialog and the CLI prints it on
stderr. Anything else reaching the top is a bug, logged with its traceback, and the user
still only sees French.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can understand and act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """A value typed by the user is not acceptable; `field` names the widget to focus."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(UserError):
    pass


class StoreError(UserError):
    """The store cannot be opened or written (damaged file, newer schema, read-only dir)."""


class DamagedStoreError(StoreError):
    """The base file exists but cannot be used as it is: offer to restore a backup."""


class ConflictError(UserError):
    """Someone else saved the same record since it was opened (shared base).

    `kept` is the record where the refused text was kept (a copy of a statement or a
    question), for the editor to move onto: later saves then go to the copy, not into a
    new conflict and a new copy at each autosave.
    """

    def __init__(self, message: str, kept: object | None = None) -> None:
        super().__init__(message)
        self.kept = kept
