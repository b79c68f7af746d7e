"""The yardstick: a bare PySide6 window, from process start to its first paint.

Prints the same stderr line as `aiconsult-desktop --startup-check`, so both are read and
timed from outside the same way (benchmarks/run_all.py).
"""

from __future__ import annotations

import sys

sys.path.insert(0, __file__.rsplit("/", 2)[0])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from aiconsult_desktop.process_clock import seconds_since_process_start


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            elapsed = seconds_since_process_start() * 1000
            print(f"fenêtre affichée en {elapsed:.0f} ms", file=sys.stderr, flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 780)
watch = FirstPaint(window)
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
