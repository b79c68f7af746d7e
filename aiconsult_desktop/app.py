"""`aiconsult-desktop`: the GUI entry point.

Opens the user's store before any window: a store that cannot be opened gets a French
dialog and a clean exit, never a traceback. `--startup-check` prints the milliseconds from
process start to the first paint of the main window, for benchmarks and packaging checks.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

from aiconsult_desktop import __version__

IMPORTED_AT = time.time()


def process_start_time() -> float:
    """Wall-clock time the process started; falls back to when this module loaded."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
        return boot + start_ticks / ticks
    except (OSError, ValueError, IndexError, StopIteration, AttributeError):
        return IMPORTED_AT


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="aiconsult-desktop", description="AIConsult Desktop : préparer les instances."
    )
    parser.add_argument("--data-dir", help="dossier des données (par défaut : dossier utilisateur)")
    parser.add_argument(
        "--startup-check",
        action="store_true",
        help="démarre, affiche la fenêtre, écrit le temps de démarrage en ms et quitte",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    started = process_start_time()
    args = parse_args(argv)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from aiconsult_desktop.context import setup_logging
    from aiconsult_desktop.errors import UserError
    from aiconsult_desktop.paths import prepare_data_dir, resolve_data_dir
    from aiconsult_desktop.services.backups import backup_if_due
    from aiconsult_desktop.ui import dialogs
    from aiconsult_desktop.ui.guard import attempt, install_excepthook
    from aiconsult_desktop.ui.locale import install_french
    from aiconsult_desktop.ui.recovery import open_configured_store
    from aiconsult_desktop.ui.single_instance import SingleInstance, ask_running_instance_to_raise

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("AIConsult Desktop")
    app.setOrganizationName("AIConsult")
    app.setApplicationVersion(__version__)
    install_french(app)  # type: ignore[arg-type]

    data_dir = resolve_data_dir(args.data_dir)
    try:
        prepare_data_dir(data_dir)
    except UserError as error:
        dialogs.show_error(None, error.message, "Impossible d'ouvrir les données")
        return 1
    instance = SingleInstance(data_dir)
    if not instance.acquire():
        raised = ask_running_instance_to_raise(data_dir)
        message = (
            "AIConsult Desktop est déjà ouvert sur ces données : sa fenêtre a été ramenée "
            "au premier plan."
            if raised
            else "AIConsult Desktop est déjà ouvert sur ces données. Fermez-le avant de le "
            "relancer."
        )
        if args.startup_check:
            print(message, file=sys.stderr)
        else:
            dialogs.show_info(None, message)
        return 0 if raised else 1
    log_path = setup_logging(data_dir)
    install_excepthook(str(log_path))
    logging.getLogger(__name__).info("Démarrage sur %s", data_dir)
    store = open_configured_store(data_dir)
    if store is None:
        instance.release()
        return 1
    if store.path is not None:  # a shared server is backed up on the server
        attempt(None, lambda: backup_if_due(store.path))

    from aiconsult_desktop.ui.first_start import offer_first_start
    from aiconsult_desktop.ui.main_window import MainWindow

    if not args.startup_check:
        offer_first_start(store)
    window = MainWindow(store)
    instance.raise_requested.connect(lambda: bring_forward(window))

    if args.startup_check:

        class FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    elapsed = (time.time() - started) * 1000
                    watched.removeEventFilter(self)
                    QTimer.singleShot(0, lambda: (print(f"{elapsed:.0f}", flush=True), app.quit()))
                return False

        painter_watch = FirstPaint(window)
        window.installEventFilter(painter_watch)
        QTimer.singleShot(30_000, lambda: app.exit(2))

    window.show()
    code = app.exec()
    if store.path is not None:
        attempt(None, lambda: backup_if_due(store.path))
    store.close()
    instance.release()
    return code


def bring_forward(window: QWidget) -> None:
    """Another start asked for the window: show it on top, restored if minimised."""
    from PySide6.QtCore import Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    logging.getLogger(__name__).info(
        "Fenêtre ramenée au premier plan à la demande d'un second lancement"
    )


if __name__ == "__main__":
    sys.exit(main())
