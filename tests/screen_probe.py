"""Run in a fresh process on a given (offscreen) screen and scale factor: the window as a
first start places it, every page shown in turn; prints what tests/test_window_sizes.py
checks, as JSON. A fresh process because Qt reads QT_SCALE_FACTOR and the screen's size
once, at start."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.store import open_store
from aiconsult_desktop.ui import window_state
from aiconsult_desktop.ui.main_window import PAGES, MainWindow


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def sideways(page: QWidget) -> list[str]:
    """The page's lists, tables and panes that show a horizontal scroll bar."""
    return [
        f"{type(area).__name__} in {type(area.parent()).__name__}"
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def probe(data_dir: Path) -> dict[str, object]:
    store = open_store(data_dir / "base.sqlite3")
    load_demo(store)
    window = MainWindow()
    window.remember_in(data_dir)
    window.attach(store)
    window.show()
    first = window.geometry()
    scrolled: dict[str, list[str]] = {}
    for index, spec in enumerate(PAGES):
        window.show_page(index)
        QApplication.processEvents()
        page = window.page(index)
        scrolled[spec.attribute] = sideways(page)
    screen = window.screen()
    result = {
        "available": _rect(screen.availableGeometry()),
        "first": _rect(first),
        "framed": _rect(first.marginsAdded(window_state.FRAME)),
        "after_every_page": _rect(window.geometry()),
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "scrolled": scrolled,
    }
    window.close()
    store.close()
    return result


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    print(json.dumps(probe(Path(sys.argv[1]))))
