"""Document exports from the pages (Word, PDF, spreadsheets, calendars): always off the GUI
thread through `ui.operations`, without cancel (each writes a temporary file first, and a
LibreOffice conversion runs to its end).

A PDF says so at once (LibreOffice takes seconds); any other format shows its progress
window only if it lasts longer than a blink. The worker, the French errors and the
GUI-thread callbacks are `operations.run_in_background`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QProgressDialog, QWidget

from aiconsult_desktop.ui.operations import run_in_background

CONVERTING = "Conversion en PDF par LibreOffice…"

T = TypeVar("T")


def run_export(
    parent: QWidget,
    target: Path,
    work: Callable[[], T],
    done: Callable[[T], None],
    *,
    title: str,
    finished: Callable[[], None] | None = None,
) -> QProgressDialog:
    """Run `work` (which writes `target`) off the GUI thread; then, on the GUI thread,
    `done(result)` on success or the error said in French; `finished()` either way.

    Returns the progress dialog, for tests to watch.
    """
    pdf = target.suffix.lower() == ".pdf"
    operation = run_in_background(
        parent,
        lambda _report: work(),
        done,
        label=CONVERTING if pdf else f"Export de « {target.name} »…",
        title=title,
        at_once=pdf,
    )
    if finished is not None:
        operation.ended.connect(finished)
    return operation.progress
