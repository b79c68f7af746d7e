"""Work that takes more than a blink runs here, off the GUI thread.

The shape is Anki's `CollectionOp`/`QueryOp` (qt/aqt/operations/): the work is a plain
function run by a worker thread; it never sees a widget. Its result, its failure and its
progress come back to the GUI thread through queued signals, where the callbacks run and
the dialogs show. A failure is told as every action tells it: a `UserError` is its French
sentence, anything else goes to the excepthook (logged, « Erreur inattendue »).

A read the window waits for without a progress window (the count of the Questions
page's list) is `read_in_background`, Anki's `QueryOp`: it runs on its own worker, so it
never queues behind a long export, and it says nothing unless it fails.

Cancelling is cooperative: the work reports progress through the `report(done, total)`
it is given, and that call raises `Cancelled` once the user clicked « Annuler ». Only
work whose stop leaves nothing half-done (exports write a temporary file first) offers it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.ui import dialogs

T = TypeVar("T")
Report = Callable[[int, int], None]
"""`report(done, total)`: how far the work has gone; raises `Cancelled` once cancelled."""

SHOWN_AFTER_MS = 400
"""Work finished sooner never flashes a progress window."""

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aiconsult-operation")
"""The one worker: operations run one at a time, in the order asked (two LibreOffice
conversions never share its profile; an export never races a restore)."""
_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="aiconsult-read")
"""Reads the window is waiting for: one at a time, beside any operation."""


class Cancelled(Exception):
    """Raised inside the work by `report` once the user asked to stop."""


class Run(QObject, Generic[T]):
    """One run of `work` in a worker thread; lives on the GUI thread, like its callbacks."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()
    """Emitted on the GUI thread once the success, failure or cancel has been handled."""

    def __init__(
        self, parent: QWidget, work: Callable[[Report], T], on_success: Callable[[T], None]
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.work = work
        self.on_success = on_success
        self.cancelled = threading.Event()
        # Emitted from the worker, received here on the GUI thread (queued connections).
        self.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self.succeeded.connect(self._succeed, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._fail, Qt.ConnectionType.QueuedConnection)

    def _report(self, done: int, total: int) -> None:
        """Called by the work, on the worker thread: never touches a widget."""
        if self.cancelled.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def _run(self) -> None:
        try:
            result = self.work(self._report)
        except BaseException as error:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    def _show_progress(self, done: int, total: int) -> None:
        """How far the work has gone, on the GUI thread (a read shows nothing)."""

    def _close(self) -> None:
        """The work has ended, before its callback runs."""

    def _succeed(self, result: T) -> None:
        self._close()
        try:
            self.on_success(result)
        finally:
            self._end()

    def _fail(self, error: BaseException) -> None:
        self._close()
        try:
            if isinstance(error, Cancelled):
                return
            if isinstance(error, UserError):
                dialogs.show_error(self.parent_widget, error.message)
                return
            sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self._end()

    def _end(self) -> None:
        self.ended.emit()
        self.deleteLater()


class Operation(Run[T]):
    """A run the user waits for, with its progress window (and « Annuler » if safe)."""

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[Report], T],
        on_success: Callable[[T], None],
        *,
        label: str,
        title: str = "AIConsult Desktop",
        cancellable: bool = False,
        at_once: bool = False,
    ) -> None:
        super().__init__(parent, work, on_success)
        self.progress = QProgressDialog(label, "Annuler" if cancellable else "", 0, 0, parent)
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0 if at_once else SHOWN_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        if cancellable:
            self.progress.canceled.connect(self.cancelled.set)
        else:
            self.progress.setCancelButton(None)
        self.at_once = at_once

    def start(self) -> Operation[T]:
        self.progress.setValue(0)
        if self.at_once:  # work known to take seconds: say so now
            self.progress.show()
        _WORKER.submit(self._run)
        return self

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _close(self) -> None:
        self.progress.close()
        self.progress.deleteLater()


def run_in_background(
    parent: QWidget,
    work: Callable[[Report], T],
    on_success: Callable[[T], None],
    *,
    label: str,
    title: str = "AIConsult Desktop",
    cancellable: bool = False,
    at_once: bool = False,
) -> Operation[T]:
    """Start `work(report)` off the GUI thread; `on_success(result)` runs on the GUI
    thread; a failure is shown in French there. The progress window shows after
    `SHOWN_AFTER_MS`, or `at_once` for work known to take seconds. Returns the operation."""
    operation = Operation(
        parent,
        work,
        on_success,
        label=label,
        title=title,
        cancellable=cancellable,
        at_once=at_once,
    )
    return operation.start()


def read_in_background(
    parent: QWidget, work: Callable[[Report], T], on_success: Callable[[T], None]
) -> Run[T]:
    """Start the read `work(report)` off the GUI thread, with no progress window;
    `on_success(result)` runs on the GUI thread, a failure is shown in French there.
    A read no longer wanted (`run.cancelled.set()`) ends silently at its next `report`."""
    run = Run(parent, work, on_success)
    _READER.submit(run._run)
    return run
