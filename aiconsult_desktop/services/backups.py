"""Backups of the local SQLite store, and restoring one.

Backups use SQLite's online backup API, so they are consistent even while the app writes.
They live in `<data dir>/backups/`, named by their UTC time; a bounded rotation keeps the
last few and one a day for a month. Restoring always backs up the current state first,
and a file is checked (ours, readable, intact) before it replaces anything.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from aiconsult_desktop.domain.file_names import check_output_name
from aiconsult_desktop.errors import DamagedStoreError, StoreError, UserError
from aiconsult_desktop.files import PART_SUFFIX, replacing
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.connection import inspect_file, reopen
from aiconsult_desktop.store.failures import database_reason, describe_failure, is_damage

BACKUP_DIR = "backups"
PREFIX = "aiconsult-"
SUFFIX = ".sqlite3"
KEEP_LAST = 10
KEEP_DAILY_DAYS = 30
MIN_INTERVAL = timedelta(hours=1)
STALE_PART_SECONDS = 10 * 60


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    """UTC, naive."""
    meetings: int
    questions: int
    statements: int


def backup_dir(database: Path) -> Path:
    return database.parent / BACKUP_DIR


def read_only(path: Path) -> closing[sqlite3.Connection]:
    """A read-only connection that is closed on leaving the `with` block.

    (sqlite3's own context manager only ends the transaction: the file would stay open,
    which on Windows also prevents replacing it.)
    """
    return closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))


def _taken_at(path: Path) -> datetime | None:
    stamp = path.name.removeprefix(PREFIX).removesuffix(SUFFIX)
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return None


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even with writers at work, written whole
    beside `target` then renamed onto it."""
    try:
        with read_only(source) as src, replacing(target) as partial:
            destination = sqlite3.connect(partial)
            try:
                src.backup(destination)
                # A self-contained file: no -wal/-shm appear beside it when it is read.
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
            Path(f"{partial}-journal").unlink(missing_ok=True)
    except sqlite3.Error as error:
        if is_damage(error):
            raise DamagedStoreError(
                f"La base « {source} » est endommagée : elle ne peut pas être copiée "
                f"({database_reason(error)})."
            ) from error
        raise StoreError(
            f"La copie de la base n'a pas pu être écrite dans « {target.parent} ». "
            + describe_failure(error, target.parent, "Aucun fichier n'a été remplacé.")
        ) from error


def remove_stale_parts(directory: Path, *, now: float | None = None) -> list[Path]:
    """Delete what killed backups left (`.part` files), once no backup can still be
    writing them (a few minutes old)."""
    moment = time.time() if now is None else now
    removed = []
    for path in [*directory.glob(f".*{PART_SUFFIX}*"), *directory.glob(f"*{SUFFIX}.part")]:
        try:
            if moment - path.stat().st_mtime > STALE_PART_SECONDS:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone already, or not ours to delete: the next backup tries again
    return removed


def make_backup(database: Path, *, now: datetime | None = None) -> Path:
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    directory = backup_dir(database)
    directory.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(directory)
    target = directory / f"{PREFIX}{moment:%Y%m%d-%H%M%S-%f}{SUFFIX}"
    _copy_database(database, target)
    rotate(directory, today=moment.date())
    return target


def backup_if_due(database: Path, *, now: datetime | None = None) -> Path | None:
    """At start and quit: a backup unless one was taken within the hour."""
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    existing = list_backups(database, with_counts=False)
    if existing and moment - existing[0].taken_at < MIN_INTERVAL:
        return None
    return make_backup(database, now=moment)


def rotate(directory: Path, *, today: date) -> list[Path]:
    """Keep the last KEEP_LAST backups and the newest of each of the last 30 days."""
    dated = sorted(
        ((taken, path) for path in directory.glob(f"{PREFIX}*{SUFFIX}")
         if (taken := _taken_at(path)) is not None),
        reverse=True,
    )  # fmt: skip
    keep = {path for _, path in dated[:KEEP_LAST]}
    seen_days: set[date] = set()
    for taken, path in dated:
        day = taken.date()
        if today - day <= timedelta(days=KEEP_DAILY_DAYS) and day not in seen_days:
            seen_days.add(day)
            keep.add(path)
    removed = [path for _, path in dated if path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _counts(path: Path) -> tuple[int, int, int]:
    try:
        with read_only(path) as connection:
            return tuple(
                connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("meeting", "question", "statement")
            )
    except sqlite3.Error:
        return (-1, -1, -1)


def describe(path: Path) -> BackupInfo:
    meetings, questions, statements = _counts(path)
    taken = _taken_at(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(
        tzinfo=None
    )
    return BackupInfo(path, taken, meetings, questions, statements)


def list_backups(database: Path, *, with_counts: bool = True) -> list[BackupInfo]:
    """Newest first."""
    directory = backup_dir(database)
    found = []
    for path in directory.glob(f"{PREFIX}*{SUFFIX}") if directory.is_dir() else []:
        taken = _taken_at(path)
        if taken is None:
            continue
        found.append(describe(path) if with_counts else BackupInfo(path, taken, 0, 0, 0))
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def check_backup(path: Path) -> None:
    """Refuse, in French, anything but an intact AIConsult base."""
    if not path.is_file():
        raise UserError(f"Le fichier « {path} » n'existe pas.")
    try:
        inspect_file(path)
    except StoreError as error:
        raise UserError(
            f"« {path.name} » n'est pas une sauvegarde utilisable d'AIConsult Desktop "
            "(fichier illisible, endommagé, d'un autre programme ou d'une version plus "
            "récente). Rien n'a été modifié."
        ) from error
    with read_only(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "alembic_version" not in tables:
        raise UserError(f"« {path.name} » n'est pas une sauvegarde d'AIConsult Desktop.")


def latest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup that passes every check, to offer when the base is damaged."""
    for info in list_backups(database):
        try:
            check_backup(info.path)
        except UserError:
            continue
        return info
    return None


def set_aside(database: Path, *, now: datetime | None = None) -> Path:
    """Move a damaged base (and its journal files) out of the way, never deleting it."""
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    aside = database.with_name(f"{database.name}.endommagee-{moment:%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(database) + suffix)
        if source.exists():
            os.replace(source, Path(str(aside) + suffix))
    return aside


@dataclass(frozen=True)
class Restored:
    """What a restore did with the base it replaced: backed up, or (damaged) kept aside."""

    safety: Path | None
    aside: Path | None


def _is_damaged(database: Path) -> bool:
    """True for a damaged base; a full or read-only disk raises instead (touch nothing)."""
    try:
        inspect_file(database)
    except DamagedStoreError:
        return True
    return False


def restore_file(
    database: Path, backup: Path, *, release: Callable[[], None] = lambda: None
) -> Restored:
    """Put `backup` at `database`, whatever state the current base is in.

    A sound base is backed up first; a damaged one (zero bytes, unreadable, another
    program's, corrupt) cannot be, so it is kept aside byte for byte. The backup is copied
    beside the base before anything moves: if that copy fails (full disk), every file
    stays where it was. `release` closes the caller's connections just before the swap.
    """
    check_backup(backup)
    damaged = _is_damaged(database)
    safety = None if damaged or not database.exists() else make_backup(database)
    staged = database.with_name(database.name + ".restoring")
    _copy_database(backup.resolve(), staged)
    try:
        release()
        aside = set_aside(database) if damaged else None
        for side in ("-wal", "-shm"):
            Path(str(database) + side).unlink(missing_ok=True)
        os.replace(staged, database)
    except OSError as error:
        raise StoreError(
            "La sauvegarde n'a pas pu prendre la place de la base (fichier ouvert ailleurs "
            f"ou dossier protégé). Elle est prête dans « {staged} »."
        ) from error
    return Restored(safety, aside)


def recover_from_backup(database: Path, backup: Path) -> Path:
    """Put a good backup where a damaged base was; the damaged one is kept aside."""
    restored = restore_file(database, backup)
    assert restored.aside is not None, "recover_from_backup is for damaged bases"
    return restored.aside


def restore_backup(store: Store, path: Path) -> Path:
    """Back up the current state, then put `path` in its place. Returns that safety copy."""
    assert store.path is not None
    restored = restore_file(store.path, path, release=store.engine.dispose)
    reopen(store)
    assert restored.safety is not None
    return restored.safety


def check_output(store: Store, target: Path) -> None:
    """Every export and dump calls this before writing `target` (a server has no file)."""
    check_output_name(target)  # an empty or too long name fails in French, before resolve()
    if store.path is not None:
        check_output_path(store.path, target)


def check_output_path(database: Path, target: Path) -> None:
    """Refuse to write an export or dump over the base, its journal files (-wal, -shm),
    a base kept aside, or a backup: the user asked for a copy, not to destroy the data."""
    resolved = target.resolve()
    beside = resolved.parent == database.parent.resolve()
    hard_link = target.exists() and database.exists() and os.path.samefile(target, database)
    if (
        (beside and resolved.name.startswith(database.name))
        or resolved.parent == backup_dir(database).resolve()
        or hard_link
    ):
        raise UserError(
            f"« {target} » est un fichier de la base d'AIConsult Desktop (ou une de ses "
            "sauvegardes) : l'écrire la détruirait. Choisissez un autre nom ou un autre "
            "dossier ; rien n'a été écrit."
        )


def integrity_report(path: Path) -> list[str]:
    """SQLite's full integrity check: ["ok"] when the base is sound."""
    inspect_file(path)
    with read_only(path) as connection:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
