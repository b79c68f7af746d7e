"""One writer per data dir: the window holds this lock while it is open, and every
`aiconsult` command that writes holds it while it runs.

Without it a command could replace or rewrite the base under an open window, whose later
saves would then go nowhere. The lock is an operating-system lock on `aiconsult.lock`
(`flock` on Linux and macOS, `msvcrt.locking` on Windows): the system releases it when its
process ends, even killed, so a crash never keeps the user out. The holder writes who it
is in the file so the others can say why they wait or refuse. This module sits below the
ui and the CLI (both take the lock) and loads no SQLAlchemy, so the window takes the lock
before its first paint.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from aiconsult_desktop.errors import StoreError
from aiconsult_desktop.files import disk_refusal

LOCK_FILE = "aiconsult.lock"
WINDOW = "fenetre"
COMMAND = "commande"
_WINDOWS_LOCK_OFFSET = 1 << 20
"""Windows locks a byte range: one far from the holder's description, which stays readable."""


class WriterLock:
    """The single-writer lock of `data_dir`, taken as `holder` (WINDOW or COMMAND)."""

    def __init__(self, data_dir: Path, holder: str) -> None:
        self.path = data_dir / LOCK_FILE
        self.holder = holder
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """True when this process now holds the lock; False when someone else does.

        A lock file that cannot even be created (full or read-only disk) is a StoreError
        saying so, never "already open".
        """
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            reason = disk_refusal(error) or (
                "le dossier de données est protégé en écriture ou inaccessible"
            )
            raise StoreError(
                f"Impossible de créer le verrou « {self.path} » : {reason}. Rien n'a été modifié."
            ) from error
        if not _lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        try:  # who holds it, for the others' messages; a full disk must not stop us
            os.ftruncate(fd, 0)
            os.write(fd, f"{self.holder} {os.getpid()}\n".encode())
        except OSError:
            pass
        return True

    def acquire(self, wait_seconds: float) -> bool:
        """Try for up to `wait_seconds` while another command holds it (commands are
        short); give up at once when the window holds it."""
        deadline = time.monotonic() + wait_seconds
        while not self.try_acquire():
            if current_holder(self.path.parent) == WINDOW or time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def current_holder(data_dir: Path) -> str | None:
    """WINDOW, COMMAND, or None when nobody said (or the file cannot be read)."""
    try:
        text = (data_dir / LOCK_FILE).read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    words = text.split()
    return words[0] if words and words[0] in (WINDOW, COMMAND) else None


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:
            return True  # a share without locks: work unlocked rather than refuse everything
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
