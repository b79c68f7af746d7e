"""Where the shared server is: kept in `server.json` in the data dir, password excluded.

The password lives only in the system keyring (`passwords`), or is asked at each start.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import URL

from aiconsult_desktop.domain.text import required_line
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.files import write_text
from aiconsult_desktop.passwords import account_for

CONFIG_FILE = "server.json"


@dataclass
class ServerSettings:
    host: str = ""
    port: int = 5432
    database: str = "aiconsult"
    user: str = ""
    tls_required: bool = True
    enabled: bool = False
    """Open this server at start instead of the local base."""

    @property
    def account(self) -> str:
        return account_for(self.user, self.host, self.port, self.database)

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}/{self.database}"

    def url(self) -> str:
        """No password in it: it may be shown or logged."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"sslmode": "require" if self.tls_required else "prefer"},
        ).render_as_string(hide_password=True)


def validated(settings: ServerSettings) -> ServerSettings:
    if not 1 <= int(settings.port) <= 65535:
        raise ValidationError("Le port doit être un nombre entre 1 et 65535.", field="port")
    return ServerSettings(
        host=required_line(settings.host, "Serveur", 255),
        port=int(settings.port),
        database=required_line(settings.database, "Base", 63),
        user=required_line(settings.user, "Utilisateur", 63),
        tls_required=bool(settings.tls_required),
        enabled=bool(settings.enabled),
    )


def load_settings(data_dir: Path) -> ServerSettings | None:
    path = data_dir / CONFIG_FILE
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return validated(
            ServerSettings(**{k: raw[k] for k in asdict(ServerSettings()) if k in raw})
        )
    except (OSError, ValueError, TypeError, RecursionError, UserError) as error:
        raise UserError(
            f"Le réglage du serveur partagé (« {path} ») est illisible ; il est ignoré. "
            "Renseignez à nouveau le serveur dans Paramètres."
        ) from error


def save_settings(data_dir: Path, settings: ServerSettings) -> ServerSettings:
    clean = validated(settings)
    write_text(
        data_dir / CONFIG_FILE, json.dumps(asdict(clean), ensure_ascii=False, indent=2) + "\n"
    )
    return clean
