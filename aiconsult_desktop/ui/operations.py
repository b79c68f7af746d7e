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

import itertools
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, Required, TypedDict, TypeVar, Unpack, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
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


class Shown(TypedDict, total=False):
    """How an operation shows itself while it runs."""

    label: Required[str]
    """What is being done, in French (« Export de « registre.xlsx »… »)."""
    title: str
    """The progress window's title; « AIConsult Desktop » by default."""
    cancellable: bool
    """Offer « Annuler »: only for work whose stop leaves nothing half-done."""
    at_once: bool
    """Show the progress window now (work known to take seconds), not after
    `SHOWN_AFTER_MS`."""


class Cancelled(Exception):
    """Raised inside the work by `report` once the user asked to stop."""


class _Bridge(QObject):
    """The only QObject a worker ever touches: it lives as long as the application.

    A worker that emitted on its own run's QObject raced that object's deletion on the GUI
    thread (a run ends, is deleted, while its worker still holds it): Qt crashed in
    ~QObject, one CI run in a few. So the worker posts `(ticket, what, payload)` here and
    the GUI thread finds the run by its ticket; the run is never seen off the GUI thread.
    """

    posted = Signal(int, str, object)


_RUNNING: dict[int, Run[object]] = {}
"""Runs whose work has not come back yet, by ticket; only the GUI thread touches it."""
_tickets = itertools.count(1)
_bridge: _Bridge | None = None


def _the_bridge() -> _Bridge:
    """Made on the GUI thread by the first run, owned by the application."""
    global _bridge
    if _bridge is None or not shiboken6.isValid(_bridge):
        _bridge = _Bridge(QCoreApplication.instance())
        _bridge.posted.connect(_arrived, Qt.ConnectionType.QueuedConnection)
    return _bridge


def _arrived(ticket: int, what: str, payload: object) -> None:
    """On the GUI thread: hand what a worker posted to its run, if it is still running."""
    run = _RUNNING.get(ticket)
    if run is None:
        return
    if what == "progress":
        done, total = cast(tuple[int, int], payload)
        run._show_progress(done, total)
    elif what == "succeeded":
        run._succeed(payload)
    else:
        run._fail(cast(BaseException, payload))


def _work(
    bridge: _Bridge, ticket: int, work: Callable[[Report], object], cancelled: threading.Event
) -> None:
    """On the worker thread: knows the run only by its ticket."""

    def report(done: int, total: int) -> None:
        if cancelled.is_set():
            raise Cancelled
        bridge.posted.emit(ticket, "progress", (done, total))

    try:
        result = work(report)
    except BaseException as error:
        bridge.posted.emit(ticket, "failed", error)
    else:
        bridge.posted.emit(ticket, "succeeded", result)


class Run(QObject, Generic[T]):
    """One run of `work` in a worker thread; lives on the GUI thread, like its callbacks.

    It has no Qt parent and is never `deleteLater`-ed: Python owns it, and it is only
    referenced from the GUI thread (`_RUNNING` until it ends, then its caller if it keeps
    it), so it is freed there."""

    ended = Signal()
    """Emitted on the GUI thread once the success, failure or cancel has been handled."""

    def __init__(
        self, parent: QWidget, work: Callable[[Report], T], on_success: Callable[[T], None]
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.work = work
        self.on_success = on_success
        self.cancelled = threading.Event()

    def _submit(self, executor: ThreadPoolExecutor) -> None:
        ticket = next(_tickets)
        _RUNNING[ticket] = cast("Run[object]", self)
        self._ticket = ticket
        executor.submit(_work, _the_bridge(), ticket, self.work, self.cancelled)

    def _show_progress(self, done: int, total: int) -> None:
        """How far the work has gone, on the GUI thread (a read shows nothing)."""

    def _close(self) -> None:
        """The work has ended, before its callback runs."""

    def _succeed(self, result: T) -> None:
        self._close()
        try:
            if shiboken6.isValid(self.parent_widget):  # its window may have closed meanwhile
                self.on_success(result)
        finally:
            self._end()

    def _fail(self, error: BaseException) -> None:
        self._close()
        try:
            if isinstance(error, Cancelled):
                return
            if isinstance(error, UserError):
                parent = self.parent_widget if shiboken6.isValid(self.parent_widget) else None
                dialogs.show_error(parent, error.message)
                return
            sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self._end()

    def _end(self) -> None:
        _RUNNING.pop(self._ticket, None)
        self.ended.emit()


class Operation(Run[T]):
    """A run the user waits for, with its progress window (and « Annuler » if safe)."""

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[Report], T],
        on_success: Callable[[T], None],
        **shown: Unpack[Shown],
    ) -> None:
        super().__init__(parent, work, on_success)
        cancellable = shown.get("cancellable", False)
        self.at_once = shown.get("at_once", False)
        self.progress = QProgressDialog(
            shown["label"], "Annuler" if cancellable else "", 0, 0, parent
        )
        self.progress.setWindowTitle(shown.get("title", "AIConsult Desktop"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0 if self.at_once else SHOWN_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        if cancellable:
            self.progress.canceled.connect(self.cancelled.set)
        else:
            self.progress.setCancelButton(None)

    def start(self) -> Operation[T]:
        self.progress.setValue(0)
        if self.at_once:  # work known to take seconds: say so now
            self.progress.show()
        self._submit(_WORKER)
        return self

    def _show_progress(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self.progress):
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _close(self) -> None:
        if shiboken6.isValid(self.progress):  # gone with its window if that closed first
            self.progress.close()
            self.progress.deleteLater()


def run_in_background(
    parent: QWidget,
    work: Callable[[Report], T],
    on_success: Callable[[T], None],
    **shown: Unpack[Shown],
) -> Operation[T]:
    """Start `work(report)` off the GUI thread; `on_success(result)` runs on the GUI
    thread; a failure is shown in French there. Returns the operation."""
    return Operation(parent, work, on_success, **shown).start()


def read_in_background(
    parent: QWidget, work: Callable[[Report], T], on_success: Callable[[T], None]
) -> Run[T]:
    """Start the read `work(report)` off the GUI thread, with no progress window;
    `on_success(result)` runs on the GUI thread, a failure is shown in French there.
    A read no longer wanted (`run.cancelled.set()`) ends silently at its next `report`."""
    run = Run(parent, work, on_success)
    run._submit(_READER)
    return run
