"""« Serveur partagé » : connect a section's representatives to one PostgreSQL base.

The password goes to the system keyring when the user asks for it and one exists;
otherwise it is asked at each start. Copying a base (local → server, server → local)
goes through the same JSON format as `aiconsult dump`/`load`, into an empty base only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.passwords import NO_KEYRING, get_password, keyring_available, set_password
from aiconsult_desktop.services import transfer
from aiconsult_desktop.services.opening import Store, open_server_store
from aiconsult_desktop.services.server_config import ServerSettings, load_settings, save_settings
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.operations import run_in_background

T = TypeVar("T")


class ServerDialog(QDialog):
    def __init__(self, data_dir: Path, local: Store | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.local = local
        self.setWindowTitle("Serveur partagé")
        self.setMinimumWidth(520)
        intro = QLabel(
            "Plusieurs élu·es peuvent travailler sur une même base, installée sur un serveur "
            "PostgreSQL de la section. Le mot de passe n'est jamais écrit dans un fichier : "
            "il est gardé dans le trousseau du système, ou demandé à chaque démarrage."
        )
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("aiconsult")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QCheckBox("Exiger une connexion &chiffrée (TLS)")
        self.tls.setChecked(True)
        self.remember = QCheckBox("&Garder le mot de passe dans le trousseau du système")
        self.remember.setChecked(keyring_available())
        self.remember.setEnabled(keyring_available())
        if not keyring_available():
            self.remember.setToolTip(NO_KEYRING)
        self.enabled = QCheckBox("&Utiliser ce serveur au prochain démarrage")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Serveur :", self.host)
        form.addRow("&Port :", self.port)
        form.addRow("&Base :", self.database)
        form.addRow("Utilisa&teur :", self.user)
        form.addRow("&Mot de passe :", self.password)
        self.test_button = QPushButton("&Tester la connexion")
        self.test_button.clicked.connect(self.test_connection)
        self.to_server = QPushButton("Copier la base &locale vers le serveur…")
        self.to_server.clicked.connect(self.copy_local_to_server)
        self.to_server.setEnabled(local is not None)
        self.to_local = QPushButton("Copier le serveur vers la base l&ocale (vide)…")
        self.to_local.clicked.connect(self.copy_server_here)
        self.to_local.setEnabled(local is not None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro,):
            layout.addWidget(widget)
        layout.addLayout(form)
        for control in (
            self.tls,
            self.remember,
            self.enabled,
            self.test_button,
            self.to_server,
            self.to_local,
        ):
            layout.addWidget(control)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        existing = attempt(self, lambda: load_settings(data_dir))
        if existing is not None:
            self._fill(existing)

    def _fill(self, settings: ServerSettings) -> None:
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        self.database.setText(settings.database)
        self.user.setText(settings.user)
        self.tls.setChecked(settings.tls_required)
        self.enabled.setChecked(settings.enabled)
        self.password.setText(get_password(settings.account) or "")

    def settings(self) -> ServerSettings:
        return ServerSettings(
            host=self.host.text(),
            port=self.port.value(),
            database=self.database.text(),
            user=self.user.text(),
            tls_required=self.tls.isChecked(),
            enabled=self.enabled.isChecked(),
        )

    def _server(self) -> Callable[[], Store] | None:
        """What opens the server, read from the fields here on the GUI thread (the worker
        that calls it never touches a widget); None, said in French, if they are wrong."""
        from aiconsult_desktop.services.server_config import validated

        settings = attempt(self, lambda: validated(self.settings()))
        if settings is None:
            return None
        url, password = settings.url(), self.password.text() or None
        return lambda: open_server_store(url, password=password)

    def test_connection(self) -> None:
        """Off the GUI thread: an unreachable server takes up to the connect timeout."""

        open_server = self._server()
        if open_server is None:
            return

        def check() -> bool:
            server = open_server()
            try:
                return transfer.is_empty(server)
            finally:
                server.close()

        def said(empty: bool) -> None:
            self.status.setText(
                "Connexion réussie : la base du serveur est vide."
                if empty
                else "Connexion réussie : la base du serveur contient déjà des données."
            )

        self.status.setText("Connexion au serveur…")
        self._in_background(check, said, "Connexion au serveur…")

    def copy_local_to_server(self) -> None:
        local = self.local
        if local is None:
            return
        if not dialogs.confirm(
            self,
            "Copier vers le serveur",
            "Copier toute la base locale (réunions, questions, déclarations…) vers la base "
            "du serveur ? La base du serveur doit être vide ; la base locale reste intacte.",
        ):
            return
        open_server = self._server()
        if open_server is None:
            return

        def copy() -> str:
            server = open_server()
            try:
                transfer.load_document(server, transfer.dump_store(local))
            finally:
                server.close()
            return "La base locale a été copiée sur le serveur."

        self._in_background(copy, self.status.setText, "Copie vers le serveur…")

    def copy_server_here(self) -> None:
        local = self.local
        open_server = self._server() if local is not None else None
        if local is None or open_server is None:
            return

        def copy() -> str:
            server = open_server()
            try:
                copy_server_to_local(server, local)
            finally:
                server.close()
            return "La base du serveur a été copiée dans la base locale."

        self._in_background(copy, self.status.setText, "Copie depuis le serveur…")

    def _in_background(self, work: Callable[[], T], done: Callable[[T], None], label: str) -> None:
        """One action at a time: the buttons wait until it has ended."""
        buttons = (self.test_button, self.to_server, self.to_local)
        for button in buttons:
            button.setEnabled(False)
        operation = run_in_background(self, lambda _report: work(), done, label=label)
        operation.ended.connect(self._enable_buttons)

    def _enable_buttons(self) -> None:
        self.test_button.setEnabled(True)
        self.to_server.setEnabled(self.local is not None)
        self.to_local.setEnabled(self.local is not None)

    def save(self) -> None:
        def store_settings() -> ServerSettings:
            saved = save_settings(self.data_dir, self.settings())
            if self.remember.isChecked() and self.password.text():
                set_password(saved.account, self.password.text())
            return saved

        if attempt(self, store_settings) is not None:
            self.accept()


def ask_password(settings: ServerSettings, parent: QWidget | None = None) -> str | None:
    """At start, when the keyring has nothing: ask, saying why it must be asked."""
    from PySide6.QtWidgets import QInputDialog

    why = "" if keyring_available() else f"{NO_KEYRING}\n\n"
    password, accepted = QInputDialog.getText(
        parent,
        "Mot de passe du serveur partagé",
        f"{why}Mot de passe de « {settings.user} » sur {settings.where} :",
        QLineEdit.EchoMode.Password,
    )
    return password if accepted else None


def copy_server_to_local(server: Store, local: Store) -> None:
    """The way back: the server's base into an empty local base."""
    if not transfer.is_empty(local):
        raise UserError(
            "La base locale n'est pas vide : la copie depuis le serveur se fait dans une base "
            "vide, pour ne rien écraser. Choisissez un autre dossier de données."
        )
    transfer.load_document(local, transfer.dump_store(server))
