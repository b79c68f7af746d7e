"""The server password goes to the system keyring only: a real Secret Service, the
in-memory backend, and a system without any keyring."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from aiconsult_desktop import passwords
from aiconsult_desktop.errors import UserError
from tests.conftest import require_component
from tests.memory_keyring import MemoryKeyring

ACCOUNT = passwords.account_for("marie", "serveur.cgt.local", 5432, "aiconsult")


def test_store_read_and_forget_with_the_in_memory_backend(memory_keyring: MemoryKeyring) -> None:
    assert passwords.get_password(ACCOUNT) is None
    passwords.set_password(ACCOUNT, "s3cret")
    assert passwords.get_password(ACCOUNT) == "s3cret"
    assert memory_keyring.entries == {(passwords.SERVICE, ACCOUNT): "s3cret"}
    passwords.delete_password(ACCOUNT)
    assert passwords.get_password(ACCOUNT) is None


def test_without_any_keyring_saving_says_so_and_nothing_is_written(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert not passwords.keyring_available()
    with pytest.raises(UserError, match="demandé à chaque démarrage"):
        passwords.set_password(ACCOUNT, "s3cret")
    assert passwords.get_password(ACCOUNT) is None
    passwords.delete_password(ACCOUNT)  # harmless


SECRET_SERVICE_SCRIPT = """
import keyring, sys
from keyring.backends.SecretService import Keyring
keyring.set_keyring(Keyring())
from aiconsult_desktop import passwords
account = passwords.account_for("marie", "serveur", 5432, "aiconsult")
passwords.set_password(account, "mot de passe é€")
assert passwords.get_password(account) == "mot de passe é€", "read back"
passwords.delete_password(account)
assert passwords.get_password(account) is None, "deleted"
print("secret-service-ok")
"""


def test_a_real_secret_service_stores_reads_and_deletes(tmp_path: Path) -> None:
    daemon, session = shutil.which("gnome-keyring-daemon"), shutil.which("dbus-run-session")
    require_component(daemon is not None and session is not None, "gnome-keyring and dbus")
    script = tmp_path / "secret_service.py"
    script.write_text(SECRET_SERVICE_SCRIPT, encoding="utf-8")
    # A private D-Bus session with an unlocked login keyring, as on a user's desktop.
    shell = (
        "printf 'test-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
        f" && {sys.executable} {script}"
    )
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        [session or "dbus-run-session", "--", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share")},
    )
    assert "secret-service-ok" in result.stdout, result.stderr
