"""Exports that take seconds (a PDF made by LibreOffice) run off the GUI thread.

The shape is Anki's `QueryOp`: the work runs in a worker thread and touches no widget;
a busy progress dialog shows meanwhile; success and failure are handled on the GUI
thread, polled by a timer (no Qt object crosses threads). One worker for every page:
exports run one at a time, in the order asked. Every page that exports a document (a
statement, a meeting pack, the questions register, tool and dossier files) goes through
`run_export`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.ui import dialogs

_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export")
CONVERTING = "Conversion en PDF par LibreOffice…"


def run_export(
    parent: QWidget,
    work: Callable[[], Path],
    done: Callable[[Path], None],
    *,
    title: str = "Export PDF",
    label: str = CONVERTING,
    finished: Callable[[], None] | None = None,
) -> QProgressDialog:
    """Run `work` in the export worker with a busy dialog; then, on the GUI thread,
    `done(path)` on success or the error said in French; `finished()` either way.

    Returns the progress dialog (visible while the export runs).
    """
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # type: ignore[arg-type]
    progress.setWindowTitle(title)
    progress.setMinimumDuration(0)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.show()
    job: Future[Path] = _WORKER.submit(work)
    timer = QTimer(progress)
    timer.setInterval(100)

    def poll() -> None:
        if not job.done():
            return
        timer.stop()
        progress.close()
        if finished is not None:
            finished()
        try:
            target = job.result()
        except UserError as error:
            dialogs.show_error(parent, error.message)
            return
        done(target)

    timer.timeout.connect(poll)
    timer.start()
    return progress
