"""When an editor saves itself: after a pause in typing, and every few seconds while it flows.

An idle debounce alone (restart a timer at each keystroke) never fires while someone
types steadily: a crash then loses everything since the last pause (issue 16: 9 to 39 s
of typing lost to each SIGKILL). `Autosaver` adds a maximum wait started by the first
change after a save, so a kill at any moment loses a few seconds of typing at most.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 3000
"""A pause this long saves: typing has stopped, nothing is interrupted."""
MAX_WAIT_MS = 3000
"""Typing that never pauses is saved at least this often (the loss bound, plus the save)."""


class Autosaver(QObject):
    """Calls `save` once the user paused for `idle_ms`, or `max_wait_ms` after the first
    change not yet saved, whichever comes first."""

    def __init__(
        self,
        parent: QObject,
        save: Callable[[], None],
        *,
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self._fire)
        self.max_wait = QTimer(self)
        self.max_wait.setSingleShot(True)
        self.max_wait.setInterval(max_wait_ms)
        self.max_wait.timeout.connect(self._fire)

    def changed(self, *_args: object) -> None:
        """The user changed something: wait for a pause, but not longer than the max wait."""
        self.idle.start()
        if not self.max_wait.isActive():
            self.max_wait.start()

    def stop(self) -> None:
        """Nothing left to save (saved another way, or the editor shows another record)."""
        self.idle.stop()
        self.max_wait.stop()

    def pending(self) -> bool:
        return self.idle.isActive() or self.max_wait.isActive()

    def _fire(self) -> None:
        self.stop()
        self._save()


class StopsAutosave:
    """A `RecordPage` mixin (first among its bases): leaving the record or discarding the
    typing stops the page's `autosaver`, so no autosave fires after the editor was saved
    another way or went back to the saved record."""

    autosaver: Autosaver

    def leave(self) -> bool:
        self.autosaver.stop()
        left: bool = super().leave()  # type: ignore[misc]
        return left

    def discard(self) -> None:
        self.autosaver.stop()
        super().discard()  # type: ignore[misc]
