"""The shared server's password, kept only in the system keyring (via `keyring`).

Never in a file or the database. Where the system has no keyring (a bare Linux session, a
locked-down PC), saving says so in French and the password is asked at each start instead;
there is no plaintext fallback.
"""

from __future__ import annotations

import logging
from contextlib import suppress

import keyring
import keyring.backends.fail
from keyring.errors import KeyringError

from aiconsult_desktop.errors import UserError

SERVICE = "AIConsult Desktop"

NO_KEYRING = (
    "Cet ordinateur n'a pas de trousseau de mots de passe utilisable (Gestionnaire "
    "d'identification Windows, Trousseau macOS ou Secret Service). Le mot de passe du "
    "serveur ne sera pas enregistré : il vous sera demandé à chaque démarrage."
)


class NoKeyringError(UserError):
    def __init__(self) -> None:
        super().__init__(NO_KEYRING)


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    return not isinstance(backend, keyring.backends.fail.Keyring) and backend.priority > 0


def account_for(user: str, host: str, port: int | None, database: str) -> str:
    """One entry per server account: "marie@serveur:5432/aiconsult"."""
    return f"{user}@{host}:{port or 5432}/{database}"


def get_password(account: str) -> str | None:
    """None when nothing is stored or no keyring exists: the caller then asks."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError:
        return None


def set_password(account: str, password: str) -> None:
    if not keyring_available():
        raise NoKeyringError()
    try:
        keyring.set_password(SERVICE, account, password)
    except KeyringError as error:
        # The keyring's own words are English: they go to the log, not to the user.
        logging.getLogger(__name__).info("keyring refused the password: %s", error)
        raise UserError(
            "Le trousseau du système a refusé d'enregistrer le mot de passe. "
            "Il vous sera demandé à chaque démarrage."
        ) from error


def delete_password(account: str) -> None:
    if not keyring_available():
        return
    with suppress(KeyringError):  # nothing stored: nothing to forget
        keyring.delete_password(SERVICE, account)
