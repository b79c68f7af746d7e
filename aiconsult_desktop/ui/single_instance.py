"""One window per data dir: a second start brings the first forward instead of writing too.

The window holds the data dir's single-writer lock (store.writer_lock, the one `aiconsult`
commands that write take too); the system frees it when the process ends, so a crash or
power cut never keeps the user out. A QLocalServer named after the data dir lets a second
start ask the first to come to the front.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from aiconsult_desktop.writer_lock import WINDOW, WriterLock

RAISE = b"raise\n"
COMMAND_WAIT_SECONDS = 15
"""A start waits this long for an `aiconsult` command that writes to finish."""


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"aiconsult-desktop-{digest}"


class SingleInstance(QObject):
    """Hold the data dir; `raise_requested` fires when another start asked for the window."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.lock = WriterLock(data_dir, WINDOW)
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process now holds the data dir; False when another window (or,
        after a wait, a command) does. A disk that refuses the lock file raises StoreError."""
        if not self.lock.acquire(COMMAND_WAIT_SECONDS):
            return False
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a crash
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(name)
        return True

    def _on_connection(self) -> None:
        assert self.server is not None
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._read(socket))
        socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.raise_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.release()


def ask_running_instance_to_raise(data_dir: Path) -> bool:
    """From a second start: ask the first to come forward. False if it did not answer."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(1000):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(1000)
    socket.disconnectFromServer()
    return True
