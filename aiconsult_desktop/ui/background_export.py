"""Exports that take seconds (a PDF made by LibreOffice): `ui.operations` with a busy
dialog shown at once and no cancel (a conversion runs to its end).

Kept as the short form the pages call for a document export; the worker, the French
errors and the GUI-thread callbacks are `operations.run_in_background`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from aiconsult_desktop.ui.operations import run_in_background

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
    """Run `work` off the GUI thread with a busy dialog; then, on the GUI thread,
    `done(path)` on success or the error said in French; `finished()` either way.

    Returns the progress dialog (visible while the export runs).
    """
    operation = run_in_background(
        parent, lambda _report: work(), done, label=label, title=title, at_once=True
    )
    if finished is not None:
        operation.ended.connect(finished)
    return operation.progress
