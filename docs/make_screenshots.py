"""The README's screenshots: every page of the demo in a real window, 1366×768 screen.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/make_screenshots.py

Writes docs/page-<page>.png for each sidebar page and docs/screenshot.png (the
dashboard). The window is fitted to the screen as at a first start; the demo is loaded in
a temporary data folder, so the user's own data is never shown nor touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.store.connection import open_store
from aiconsult_desktop.ui.locale import install_french
from aiconsult_desktop.ui.main_window import PAGES, MainWindow

DOCS = Path(__file__).resolve().parent


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def main() -> int:
    app = QApplication(sys.argv[:1])
    install_french(app)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        store = open_store(data / "aiconsult.sqlite3")
        load_demo(store)
        window = MainWindow(store)
        window.remember_in(data)
        window.show()
        settle(app)
        for spec in PAGES:
            window.go_to(spec.attribute)  # type: ignore[arg-type]
            settle(app)
            image = window.grab()
            image.save(str(DOCS / f"page-{spec.attribute}.png"))
            if spec.attribute == "dashboard":
                image.save(str(DOCS / "screenshot.png"))
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
