"""Opening a store: one engine, short sessions, migrations at start.

`open_store` is the only way in; tests pass a temporary file, the app its data dir.
A file that is not ours is never modified: we check before migrating.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, exc, inspect, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm import exc as orm_exc

from aiconsult_desktop.errors import ConflictError, DamagedStoreError, StoreError, UserError
from aiconsult_desktop.identity import current_user
from aiconsult_desktop.store import revisions

BUSY_TIMEOUT_MS = 5000
CONFLICT_WHILE_SAVING = (
    "Quelqu'un d'autre a enregistré le même élément au même moment. Votre version n'a pas "
    "remplacé la sienne."
)


@dataclass
class Store:
    engine: Engine
    path: Path | None
    _factory: sessionmaker[Session]
    _local: threading.local = field(default_factory=threading.local, repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error.

        Database failures a user can meet (locked file, read-only disk, full disk) become
        a StoreError with a French sentence; nothing half-written is kept. Inside
        `transaction()` (same thread), it is a step of that larger unit: flushed, not
        committed.
        """
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            outer.flush()
            return
        session = self._factory()
        try:
            yield session
            session.commit()
        except exc.OperationalError as error:
            session.rollback()
            raise StoreError(describe_operational_error(error)) from error
        except orm_exc.StaleDataError as error:
            # Another save landed between this one's read and its write (version_id_col).
            session.rollback()
            raise ConflictError(CONFLICT_WHILE_SAVING) from error
        except (exc.DataError, OverflowError) as error:
            # A number beyond what the base holds (SQLite's driver raises OverflowError,
            # PostgreSQL a DataError), or a value too long for its column on the server.
            session.rollback()
            if isinstance(error, OverflowError) and "SQLite" not in str(error):
                raise
            raise UserError(
                "Une valeur dépasse ce que la base peut enregistrer (numéro trop grand ou "
                "texte trop long) ; rien n'a été enregistré."
            ) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Many service calls as ONE unit of work: an import applies whole or not at all.

        The services called inside (save_meeting…) share this session, on this thread
        only; the first error anywhere rolls everything back. Nested calls join it.
        """
        if getattr(self._local, "session", None) is not None:
            yield self._local.session
            return
        with self.session() as session:
            self._local.session = session
            try:
                yield session
            finally:
                self._local.session = None

    def close(self) -> None:
        optimize(self.engine)
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


def _stamp_author(session: Session, _context: object, _instances: object) -> None:
    """Every saved employer, meeting, question or statement says who saved it (shown on
    edit conflicts)."""
    author = current_user()
    for row in (*session.new, *session.dirty):
        if hasattr(row, "updated_by") and session.is_modified(row):
            row.updated_by = author


event.listen(Session, "before_flush", _stamp_author)


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
            if current is not None and current[0] not in revisions.known_revisions():
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


def schema_revision(connection: Connection) -> str | None:
    """The base's Alembic revision, read with one SELECT (None for a new base)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _migrate(engine: Engine) -> None:
    """Bring the base to the head revision; Alembic is imported only when it is behind."""
    try:
        with engine.begin() as connection:
            if schema_revision(connection) != revisions.head_revision():
                from aiconsult_desktop.store import migrate

                migrate.upgrade(connection)
    except exc.OperationalError as error:
        raise StoreError(describe_operational_error(error)) from error
    optimize(engine)


def optimize(engine: Engine) -> None:
    """Let SQLite refresh its statistics when they are stale, so large registers use their
    indexes (without them the first page of 100,000 questions sorts everything)."""
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA optimize=0x10002")
    except exc.OperationalError:
        pass  # statistics are an optimisation: never a reason to fail


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


def server_url(url: str, password: str | None = None) -> URL:
    """A PostgreSQL URL for SQLAlchemy (psycopg 3), with the password added in memory only."""
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError) as error:
        # Not repeated: the address may hold a password. ValueError: a port that is not
        # a number ("serveur:abc").
        reason = " : le port doit être un nombre" if isinstance(error, ValueError) else ""
        raise StoreError(
            f"Adresse de serveur invalide{reason}. Forme attendue : "
            "postgresql://utilisateur@serveur:5432/base"
        ) from error
    if parsed.get_backend_name() != "postgresql":
        raise StoreError("Seul un serveur PostgreSQL peut servir de base partagée.")
    parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.set(password=password) if password else parsed


def describe_connection_failure(error: exc.OperationalError, where: str) -> str:
    message = str(error.orig)
    if "password authentication failed" in message or "no password supplied" in message:
        return (
            f"Le serveur {where} a refusé l'identifiant ou le mot de passe. "
            "Vérifiez-les dans Paramètres."
        )
    if "does not exist" in message and "database" in message:
        return f"La base demandée n'existe pas sur le serveur {where}."
    if "SSL" in message or "ssl" in message:
        return (
            f"La connexion chiffrée (TLS) au serveur {where} a échoué. "
            "Vérifiez le réglage TLS avec la personne qui gère le serveur."
        )
    return (
        f"Impossible de joindre le serveur {where}. Vérifiez l'adresse, le port et "
        "la connexion au réseau, puis réessayez."
    )


def open_server_store(url: str, password: str | None = None) -> Store:
    """A shared store on PostgreSQL: same schema, same migrations, no local file."""
    address = server_url(url, password)
    where = f"{address.host or 'local'}:{address.port or 5432}/{address.database}"
    engine = create_engine(address, pool_pre_ping=True)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if tables and "alembic_version" not in tables:
                raise StoreError(
                    f"La base {where} contient déjà les tables d'un autre programme ; "
                    "elle n'a pas été modifiée. Demandez une base vide dédiée."
                )
            current = schema_revision(connection)
            if current is not None and current not in revisions.known_revisions():
                raise StoreError(
                    f"La base {where} a été mise à jour par une version plus récente "
                    "d'AIConsult Desktop. Installez la dernière version."
                )
        _migrate(engine)
    except exc.OperationalError as error:
        engine.dispose()
        raise StoreError(describe_connection_failure(error, where)) from error
    except BaseException:
        engine.dispose()
        raise
    return Store(engine=engine, path=None, _factory=sessionmaker(engine, expire_on_commit=False))
