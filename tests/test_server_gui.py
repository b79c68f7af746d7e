"""Paramètres → « Serveur partagé » and starting on the server, with a real PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import keyring.backends.fail
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aiconsult_desktop import passwords
from aiconsult_desktop.services import questions
from aiconsult_desktop.services.server_config import ServerSettings, load_settings, save_settings
from aiconsult_desktop.store import Store, open_server_store
from aiconsult_desktop.ui import recovery, server_dialog
from aiconsult_desktop.ui.server_dialog import ServerDialog
from tests.gui_support import Dialogs
from tests.memory_keyring import MemoryKeyring
from tests.pg_server import PASSWORD, SUPERUSER, PgServer


def fill(dialog: ServerDialog, server: PgServer, database: str, password: str) -> None:
    dialog.host.setText(server.host)
    dialog.port.setValue(server.port)
    dialog.database.setText(database)
    dialog.user.setText(SUPERUSER)
    dialog.password.setText(password)
    dialog.tls.setChecked(False)  # the test server has no certificate


def test_configure_test_copy_and_save_without_writing_the_password(
    qtbot: QtBot,
    demo_store: Store,
    pg_server: PgServer,
    said: Dialogs,
    memory_keyring: MemoryKeyring,
    data_dir: Path,
) -> None:
    database = pg_server.create_database()
    dialog = ServerDialog(data_dir, demo_store)
    qtbot.addWidget(dialog)
    fill(dialog, pg_server, database, "faux")
    dialog.test_button.click()  # off the GUI thread: the dialog answers meanwhile
    qtbot.waitUntil(lambda: bool(said.errors), timeout=30_000)
    assert "a refusé l'identifiant ou le mot de passe" in said.errors[-1]

    qtbot.waitUntil(dialog.test_button.isEnabled)
    dialog.password.setText(PASSWORD)
    dialog.test_button.click()
    assert not dialog.to_server.isEnabled()  # one action at a time
    qtbot.waitUntil(dialog.to_server.isEnabled, timeout=30_000)
    assert dialog.status.text() == "Connexion réussie : la base du serveur est vide."
    dialog.to_server.click()
    qtbot.waitUntil(dialog.to_server.isEnabled, timeout=30_000)
    assert dialog.status.text() == "La base locale a été copiée sur le serveur."
    dialog.enabled.setChecked(True)
    dialog.save()

    saved = json.loads((data_dir / "server.json").read_text(encoding="utf-8"))
    assert saved["host"] == pg_server.host and saved["enabled"] is True
    assert PASSWORD not in (data_dir / "server.json").read_text(encoding="utf-8")
    assert memory_keyring.entries[(passwords.SERVICE, dialog.settings().account)] == PASSWORD
    server = open_server_store(dialog.settings().url(), password=PASSWORD)
    assert len(questions.list_questions(server)) == 12
    server.close()


def configured(data_dir: Path, server: PgServer) -> ServerSettings:
    return save_settings(
        data_dir,
        ServerSettings(
            host=server.host,
            port=server.port,
            database=server.create_database(),
            user=SUPERUSER,
            tls_required=False,
            enabled=True,
        ),
    )


def test_start_on_the_server_with_the_keyring(
    qapp: QApplication, data_dir: Path, pg_server: PgServer, said: Dialogs
) -> None:
    settings = configured(data_dir, pg_server)
    passwords.set_password(settings.account, PASSWORD)
    store = recovery.open_configured_store(data_dir)
    assert store is not None and store.path is None
    assert store.engine.url.database == settings.database
    store.close()


def test_without_a_keyring_the_password_is_asked_and_a_refusal_offers_the_local_base(
    qapp: QApplication, data_dir: Path, pg_server: PgServer, said: Dialogs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(keyring.backends.fail.Keyring())
    configured(data_dir, pg_server)
    asked: list[str] = []
    answers = iter([PASSWORD, "faux"])
    monkeypatch.setattr(
        server_dialog, "ask_password", lambda s, _p=None: asked.append(s.where) or next(answers)
    )
    store = recovery.open_configured_store(data_dir)
    assert store is not None and store.path is None and len(asked) == 1
    store.close()

    said.answer = True  # wrong password → "open the local base instead?" → yes
    local = recovery.open_configured_store(data_dir)
    assert local is not None and local.path == data_dir / "aiconsult.sqlite3"
    assert "Ouvrir la base locale" in said.confirmations[-1][0]
    local.close()


def test_an_unreadable_server_setting_is_ignored_with_a_message(
    qapp: QApplication, data_dir: Path, said: Dialogs
) -> None:
    (data_dir / "server.json").write_text("{ pas du json", encoding="utf-8")
    store = recovery.open_configured_store(data_dir)
    assert store is not None and store.path is not None
    assert "illisible" in said.errors[-1]
    assert load_settings(data_dir.parent / "ailleurs") is None
    store.close()


def test_copy_the_server_back_into_an_empty_local_base(
    qtbot: QtBot, demo_store: Store, pg_server: PgServer, said: Dialogs, tmp_path: Path
) -> None:
    from aiconsult_desktop.store import open_store

    database = pg_server.create_database()
    dialog = ServerDialog(tmp_path, demo_store)
    qtbot.addWidget(dialog)
    fill(dialog, pg_server, database, PASSWORD)
    dialog.to_server.click()
    qtbot.waitUntil(dialog.to_local.isEnabled, timeout=30_000)
    dialog.to_local.click()  # the local base is not empty: refused, nothing overwritten
    qtbot.waitUntil(lambda: bool(said.errors), timeout=30_000)
    assert "n'est pas vide" in said.errors[-1]
    empty = open_store(tmp_path / "vide.sqlite3")
    back = ServerDialog(tmp_path, empty)
    qtbot.addWidget(back)
    fill(back, pg_server, database, PASSWORD)
    back.to_local.click()
    qtbot.waitUntil(back.to_local.isEnabled, timeout=30_000)
    assert back.status.text() == "La base du serveur a été copiée dans la base locale."
    assert len(questions.list_questions(empty)) == 12
    empty.close()
