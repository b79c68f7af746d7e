"""Every test runs on its own data dir and store, offscreen, with an in-memory keyring."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.store import Store, open_server_store, open_store
from tests.gui_support import Dialogs
from tests.memory_keyring import MemoryKeyring
from tests.pg_server import PASSWORD, PgServer, start_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_component(available: bool, what: str) -> None:
    """Skip for lack of a real component on a developer's machine; fail under CI=true."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required under CI=true but is missing", pytrace=False)
    pytest.skip(f"{what} is not installed (allowed outside CI only)")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring for every test; the real Secret Service has its own test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir for every test, also seen by subprocesses through the environment."""
    directory = tmp_path / "data"
    directory.mkdir()
    monkeypatch.setenv("AICONSULT_DATA_DIR", str(directory))
    return directory


@pytest.fixture
def soffice() -> Iterator[str]:
    """Path to a real LibreOffice, the client every exported document must open in."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    require_component(found is not None, "LibreOffice (soffice)")
    assert found is not None
    yield found


@pytest.fixture
def pdftotext() -> Iterator[str]:
    """poppler's pdftotext, to read back what LibreOffice rendered."""
    found = shutil.which("pdftotext")
    require_component(found is not None, "pdftotext (poppler-utils)")
    assert found is not None
    yield found


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store in the test's own folder."""
    opened = open_store(tmp_path / "s.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store: Store) -> Store:
    """The seed 001 demo dossier: Région des Pays de la Loire, 12 pending questions (without
    the upcoming example meeting, whose date depends on the day the tests run)."""
    load_demo(store, example=False)
    return store


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Dialogs answered by the test (confirmations: yes); what was said is recorded."""
    return Dialogs(monkeypatch)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real PostgreSQL (the shared mode's server); fails under CI=true when missing."""
    try:
        yield from start_server()
    except (FileNotFoundError, subprocess.CalledProcessError) as error:
        require_component(False, f"PostgreSQL server ({error})")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same store tests on both back ends: a local SQLite file and a shared server."""
    if request.param == "sqlite":
        opened = open_store(tmp_path / "s.sqlite3")
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        opened = open_server_store(server.url(server.create_database()), password=PASSWORD)
    yield opened
    opened.close()
