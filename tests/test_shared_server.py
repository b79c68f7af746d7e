"""The shared mode from the command line, against a real PostgreSQL server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from aiconsult_desktop import passwords
from aiconsult_desktop.context import open_shared_store
from aiconsult_desktop.errors import StoreError
from aiconsult_desktop.services import questions
from tests.pg_server import PASSWORD, SUPERUSER, PgServer


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


def test_cli_on_a_server_with_pgpassword_and_no_password_anywhere_in_output(
    pg_server: PgServer, data_dir: Path
) -> None:
    url = pg_server.url(pg_server.create_database())
    assert PASSWORD not in url
    env = {
        **os.environ,
        "PGPASSWORD": PASSWORD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    assert run("--database-url", url, "demo", env=env).returncode == 0
    listed = run("--database-url", url, "list", "questions", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 12
    # Local-only commands say so instead of failing obscurely.
    backup = run("--database-url", url, "backup", env=env)
    assert backup.returncode == 1 and "concerne la base locale" in backup.stderr
    # A wrong password: a French sentence, and the password is never echoed or logged.
    wrong = {**env, "PGPASSWORD": "faux-mot-de-passe"}
    refused = run("--database-url", url, "list", "meetings", env=wrong)
    assert refused.returncode == 1
    assert "a refusé l'identifiant ou le mot de passe" in refused.stderr
    with_secret = url.replace(f"{SUPERUSER}@", f"{SUPERUSER}:{PASSWORD}@")
    shown = run("--database-url", with_secret, "list", "meetings", env={**os.environ})
    assert shown.returncode == 0
    log = (
        (data_dir / "aiconsult.log").read_text(encoding="utf-8")
        if (data_dir / "aiconsult.log").exists()
        else ""
    )
    for output in (shown.stdout, shown.stderr, refused.stderr, log):
        assert PASSWORD not in output and "faux-mot-de-passe" not in output


def test_the_password_comes_from_the_keyring(pg_server: PgServer) -> None:
    database = pg_server.create_database()
    account = passwords.account_for(SUPERUSER, pg_server.host, pg_server.port, database)
    passwords.set_password(account, PASSWORD)  # the in-memory keyring of the tests
    store = open_shared_store(pg_server.url(database))
    assert questions.list_questions(store) == []
    store.close()


def test_a_server_that_never_answers_is_said_after_the_connect_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A port that accepts the connection but never speaks (a firewall, a wrong host):
    the user is told within the timeout instead of the window waiting for minutes."""
    from aiconsult_desktop.store import connection

    monkeypatch.setattr(connection, "CONNECT_TIMEOUT_S", 2)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(StoreError) as caught:
            connection.open_server_store(f"postgresql://marie@127.0.0.1:{port}/aiconsult", "x")
    assert "Impossible de joindre le serveur" in caught.value.message
