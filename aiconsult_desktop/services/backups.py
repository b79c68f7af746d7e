"""Backups of the local SQLite store, and restoring one.

Backups use SQLite's online backup API, so they are consistent even while the app writes.
They live in `<data dir>/backups/`, named by their UTC time; a bounded rotation keeps the
last few and one a day for a month. Restoring always backs up the current state first,
and a file is checked (ours, readable, intact) before it replaces anything.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from aiconsult_desktop.errors import StoreError, UserError
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.connection import inspect_file, reopen

BACKUP_DIR = "backups"
PREFIX = "aiconsult-"
SUFFIX = ".sqlite3"
KEEP_LAST = 10
KEEP_DAILY_DAYS = 30
MIN_INTERVAL = timedelta(hours=1)


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
    """SQLite's online backup: a consistent copy even with writers at work."""
    partial = target.with_name(target.name + ".part")
    try:
        with read_only(source) as src:
            destination = sqlite3.connect(partial)
            try:
                src.backup(destination)
                # A self-contained file: no -wal/-shm appear beside it when it is read.
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise StoreError(
            f"La sauvegarde n'a pas pu être écrite dans « {target.parent} » ({error}). "
            "Vérifiez la place libre sur le disque."
        ) from error


def make_backup(database: Path, *, now: datetime | None = None) -> Path:
    moment = now or datetime.now(UTC).replace(tzinfo=None)
    directory = backup_dir(database)
    directory.mkdir(parents=True, exist_ok=True)
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
            return tuple(  # type: ignore[return-value]
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


def recover_from_backup(database: Path, backup: Path) -> Path:
    """Put a good backup where a damaged base was; the damaged one is kept aside."""
    check_backup(backup)
    aside = set_aside(database)
    _copy_database(backup, database)
    return aside


def restore_backup(store: Store, path: Path) -> Path:
    """Back up the current state, then put `path` in its place. Returns that safety copy."""
    assert store.path is not None
    check_backup(path)
    safety = make_backup(store.path)
    source = path.resolve()
    staged = store.path.with_name(store.path.name + ".restoring")
    _copy_database(source, staged)
    store.engine.dispose()
    for side in ("-wal", "-shm"):
        Path(str(store.path) + side).unlink(missing_ok=True)
    os.replace(staged, store.path)
    reopen(store)
    return safety


def integrity_report(path: Path) -> list[str]:
    """SQLite's full integrity check: ["ok"] when the base is sound."""
    inspect_file(path)
    with read_only(path) as connection:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
