"""Opening a store: one engine, short sessions, migrations at start.

`open_store` is the only way in; tests pass a temporary file, the app its data dir.
A file that is not ours is never modified: we check before migrating.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from aiconsult_desktop.errors import DamagedStoreError, StoreError
from aiconsult_desktop.store import migrate

BUSY_TIMEOUT_MS = 5000


@dataclass
class Store:
    engine: Engine
    path: Path | None
    _factory: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error.

        Database failures a user can meet (locked file, read-only disk, full disk) become
        a StoreError with a French sentence; nothing half-written is kept.
        """
        session = self._factory()
        try:
            yield session
            session.commit()
        except exc.OperationalError as error:
            session.rollback()
            raise StoreError(describe_operational_error(error)) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def describe_operational_error(error: exc.OperationalError) -> str:
    message = str(error.orig).lower()
    if "locked" in message or "busy" in message:
        return (
            "La base de données est occupée par un autre programme. "
            "Réessayez dans un instant ; rien n'a été enregistré."
        )
    if "readonly" in message or "read-only" in message:
        return (
            "La base de données est en lecture seule : impossible d'enregistrer. "
            "Vérifiez les droits sur le dossier de données."
        )
    if "disk" in message and "full" in message:
        return "Le disque est plein : rien n'a été enregistré. Libérez de la place et réessayez."
    return f"La base de données a refusé l'opération ({error.orig}). Rien n'a été enregistré."


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def inspect_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not (or not yet) ours to open.

    Runs on a read-only sqlite3 connection before the engine exists: the engine's
    `journal_mode=WAL` pragma would otherwise rewrite the header of someone else's file.
    """
    where = str(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"Impossible d'ouvrir « {where} » ({error}).") from error
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if tables and "alembic_version" not in tables:
            raise DamagedStoreError(
                f"Le fichier « {where} » est une base de données d'un autre programme "
                "(tables : " + ", ".join(sorted(tables)[:5]) + "). "
                "Il n'a pas été modifié. Choisissez un autre dossier de données."
            )
        if "alembic_version" in tables:
            current = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if current is not None and current[0] not in migrate.known_revisions():
                raise DamagedStoreError(
                    f"La base « {where} » a été créée par une version plus récente "
                    "d'AIConsult Desktop. Installez la dernière version de l'application ; "
                    "le fichier n'a pas été modifié."
                )
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise DamagedStoreError(
                f"La base « {where} » est endommagée (le contrôle d'intégrité a échoué). "
                "Elle n'a pas été modifiée ; restaurez une sauvegarde."
            )
    except sqlite3.DatabaseError as error:
        if "locked" in str(error):
            raise StoreError(
                f"La base « {where} » est verrouillée par un autre programme. "
                "Fermez-le puis réessayez."
            ) from error
        raise DamagedStoreError(
            f"Le fichier « {where} » n'est pas une base AIConsult lisible ({error}). "
            "Il n'a pas été modifié. Restaurez une sauvegarde ou choisissez un autre "
            "dossier de données."
        ) from error
    finally:
        connection.close()


def _migrate(engine: Engine) -> None:
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
    except exc.OperationalError as error:
        raise StoreError(describe_operational_error(error)) from error


def open_store(path: Path) -> Store:
    """Open (creating if needed) the SQLite store at `path`, migrated to the latest schema."""
    inspect_file(path)
    engine = sqlite_engine(path)
    try:
        _migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    return Store(engine=engine, path=path, _factory=factory)


def reopen(store: Store) -> None:
    """After the file under `store` was replaced (restore): check and migrate it again."""
    assert store.path is not None
    store.engine.dispose()
    inspect_file(store.path)
    _migrate(store.engine)
