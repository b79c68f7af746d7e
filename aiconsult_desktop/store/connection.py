"""Opening a store: one engine, short sessions, migrations at start.

`open_store` is the only way in; tests pass a temporary file, the app its data dir.
A file that is not ours is never modified: we check before migrating.
"""

from __future__ import annotations

import logging
import os
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
from aiconsult_desktop.store.changes import WriteLog
from aiconsult_desktop.store.failures import database_reason, describe_failure, is_damage
from aiconsult_desktop.store.folding import register_sqlite_fold

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10
_LOG = logging.getLogger(__name__)
CONFLICT_WHILE_SAVING = (
    "Quelqu'un d'autre a enregistré le même élément au même moment. Votre version n'a pas "
    "remplacé la sienne."
)


FileIdentity = tuple[int, int]


def file_identity(path: Path) -> FileIdentity | None:
    """Which file is at `path` (device, inode): changes when the file is replaced."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


@dataclass
class Store:
    engine: Engine
    path: Path | None
    _factory: sessionmaker[Session]
    _local: threading.local = field(default_factory=threading.local, repr=False)
    identity: FileIdentity | None = None
    """The file the engine's connections were opened on (None for a server)."""
    writes: WriteLog = field(init=False, repr=False)
    """Which kinds of data were written, and when (pages reread only what changed)."""

    def __post_init__(self) -> None:
        self.writes = WriteLog(self.engine)
        if self.path is not None and self.identity is None:
            self.identity = file_identity(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error.

        Database failures a user can meet (locked file, read-only disk, full disk) become
        a StoreError with a French sentence; nothing half-written is kept. Inside
        `transaction()` (same thread), it is a step of that larger unit: flushed, not
        committed. When the base file was replaced since the last unit of work (a restore
        by another process), the new file is opened first: writing into the replaced one
        would be lost.
        """
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            outer.flush()
            return
        self.follow_replacement()
        session = self._factory()
        try:
            yield session
            session.commit()
        except exc.OperationalError as error:
            session.rollback()
            folder = self.path.parent if self.path is not None else None
            raise StoreError(describe_operational_error(error, folder)) from error
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

    def follow_replacement(self) -> bool:
        """Reopen the base if its file was replaced; True when that happened."""
        if self.path is None:
            return False
        current = file_identity(self.path)
        if current == self.identity:
            return False
        if current is None:
            raise StoreError(
                f"Le fichier de la base « {self.path} » a été déplacé ou supprimé pendant "
                "que l'application l'utilisait : rien n'a été enregistré. Fermez puis "
                "relancez l'application."
            )
        _LOG.warning("La base %s a été remplacée : elle est rouverte", self.path)
        reopen(self)
        return True

    def close(self) -> None:
        optimize(self.engine)
        self.engine.dispose()


def describe_operational_error(error: exc.OperationalError, folder: Path | None = None) -> str:
    return describe_failure(error, folder, "Rien n'a été enregistré.")


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
    register_sqlite_fold(dbapi_connection)


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def inspect_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not (or not yet) ours to open.

    Runs on a read-only sqlite3 connection before the engine exists: the engine's
    `journal_mode=WAL` pragma would otherwise rewrite the header of someone else's file.
    Only a file SQLite finds corrupt (or not ours) is damaged: a full or read-only disk
    is a `StoreError` that says so, and nothing may be set aside or replaced for it.
    """
    where = str(path)
    if not path.exists():
        return
    if path.stat().st_size == 0:
        # SQLite would take an emptied file for a new base: the data would look lost.
        raise DamagedStoreError(
            f"Le fichier « {where} » est vide (0 octet) : la base a probablement été "
            "tronquée (disque plein, coupure de courant). Il n'a pas été modifié ; "
            "restaurez une sauvegarde."
        )
    unchanged = "La base n'a pas été modifiée."
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(describe_failure(error, path.parent, unchanged)) from error
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
        if not is_damage(error):
            raise StoreError(describe_failure(error, path.parent, unchanged)) from error
        raise DamagedStoreError(
            f"Le fichier « {where} » n'est pas une base AIConsult lisible "
            f"({database_reason(error)}). "
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


def _migrate(engine: Engine, folder: Path | None = None) -> None:
    """Bring the base to the head revision; Alembic is imported only when it is behind."""
    try:
        with engine.begin() as connection:
            if schema_revision(connection) != revisions.head_revision():
                from aiconsult_desktop.store import migrate

                migrate.upgrade(connection)
    except exc.OperationalError as error:
        if is_damage(error):
            raise DamagedStoreError(
                f"La base « {engine.url.database} » est endommagée ({error.orig}). "
                "Restaurez une sauvegarde."
            ) from error
        raise StoreError(
            describe_failure(error, folder, "La base n'a pas été modifiée.")
        ) from error
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
        _migrate(engine, path.parent)
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    return Store(engine=engine, path=path, _factory=factory)


def reopen(store: Store) -> None:
    """After the file under `store` was replaced (restore): check and migrate it again."""
    assert store.path is not None
    store.engine.dispose()
    identity = file_identity(store.path)
    inspect_file(store.path)
    _migrate(store.engine, store.path.parent)
    store.identity = identity  # only once the new file proved usable
    store.writes.mark_everything()


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
    # A server that does not answer is said within seconds, not after the system's
    # TCP timeout (minutes): the window waits on this when testing or copying.
    engine = create_engine(
        address, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )
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
