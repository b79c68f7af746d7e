"""`aiconsult-desktop`: the GUI entry point.

The window paints first (sidebar and page frames, plain Qt), then the store opens: the
user sees the app at once while SQLAlchemy loads and the base is checked. A store that
cannot be opened gets a French dialog and a clean exit, never a traceback.
`--startup-check` prints the milliseconds from process start to that first paint, once
the store is open and the first page filled, then quits (benchmarks, packaging checks).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from aiconsult_desktop import __version__
from aiconsult_desktop.process_clock import seconds_since_process_start

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from aiconsult_desktop.store import Store
    from aiconsult_desktop.ui.main_window import MainWindow


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    from aiconsult_desktop.cli.french import FrenchParser

    parser = FrenchParser(
        prog="aiconsult-desktop", description="AIConsult Desktop : préparer les instances."
    )
    parser.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        help="dossier des données (par défaut : dossier utilisateur)",
    )
    parser.add_argument(
        "--startup-check",
        action="store_true",
        help="démarre, affiche la fenêtre, écrit le temps de démarrage en ms et quitte",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="afficher la version et quitter",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from aiconsult_desktop.context import setup_logging
    from aiconsult_desktop.errors import UserError
    from aiconsult_desktop.paths import prepare_data_dir, resolve_data_dir
    from aiconsult_desktop.ui import dialogs
    from aiconsult_desktop.ui.guard import install_excepthook
    from aiconsult_desktop.ui.locale import install_french
    from aiconsult_desktop.ui.main_window import MainWindow
    from aiconsult_desktop.ui.single_instance import SingleInstance, ask_running_instance_to_raise
    from aiconsult_desktop.writer_lock import COMMAND, current_holder

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
    try:
        acquired = instance.acquire()
    except UserError as error:  # a full or read-only disk: not "already open"
        dialogs.show_error(None, error.message, "Impossible d'ouvrir les données")
        return 1
    if not acquired:
        raised = ask_running_instance_to_raise(data_dir)
        if raised:
            message = (
                "AIConsult Desktop est déjà ouvert sur ces données : sa fenêtre a été ramenée "
                "au premier plan."
            )
        elif current_holder(data_dir) == COMMAND:
            message = (
                "Une commande aiconsult modifie ces données en ce moment. Relancez "
                "l'application quand elle aura fini."
            )
        else:
            message = (
                "AIConsult Desktop est déjà ouvert sur ces données. Fermez-le avant de le relancer."
            )
        if args.startup_check:
            print(message, file=sys.stderr)
        else:
            dialogs.show_info(None, message)
        return 0 if raised else 1
    log_path = setup_logging(data_dir)
    install_excepthook(str(log_path))
    logging.getLogger(__name__).info("Démarrage sur %s", data_dir)

    window = MainWindow()
    window.remember_in(data_dir)
    instance.raise_requested.connect(lambda: bring_forward(window))
    opened: list[Store] = []
    first_paint_ms: list[float] = []
    loading: list[bool] = []

    def load() -> None:
        """Right after the first paint: open the store, then fill the window."""
        if loading:  # once (the fallback timer may fire while a dialog is open)
            return
        loading.append(True)
        store = open_data(data_dir, window, offer_demo=not args.startup_check)
        if store is None:
            window.hide()
            app.exit(1)
            return
        opened.append(store)
        window.attach(store)
        if args.startup_check:
            data_ms = seconds_since_process_start() * 1000
            print(f"données affichées en {data_ms:.0f} ms", file=sys.stderr, flush=True)
            print(f"{(first_paint_ms or [data_ms])[0]:.0f}", flush=True)
            QTimer.singleShot(0, app.quit)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not first_paint_ms:
                first_paint_ms.append(seconds_since_process_start() * 1000)
                if args.startup_check:  # as it happens, for a benchmark's outside clock
                    print(f"fenêtre affichée en {first_paint_ms[0]:.0f} ms", file=sys.stderr)
                    sys.stderr.flush()
                watched.removeEventFilter(self)
                QTimer.singleShot(0, load)
            return False

    painter_watch = FirstPaint(window)
    window.installEventFilter(painter_watch)
    QTimer.singleShot(1000, load)  # a window that is never painted (minimised) still loads
    if args.startup_check:
        QTimer.singleShot(60_000, lambda: app.exit(2))

    window.show()
    code = app.exec()
    if opened:
        close_data(opened[0])
    instance.release()
    return code


def open_data(data_dir: Path, window: MainWindow, offer_demo: bool) -> Store | None:
    """The store (recovered, or the shared server), backed up when due; None to stop."""
    from aiconsult_desktop.services.backups import backup_if_due
    from aiconsult_desktop.ui.first_start import offer_first_start
    from aiconsult_desktop.ui.guard import attempt
    from aiconsult_desktop.ui.recovery import open_configured_store

    store = open_configured_store(data_dir, window)
    if store is None:
        return None
    if store.path is not None:  # a shared server is backed up on the server
        path = store.path
        attempt(window, lambda: backup_if_due(path))
    if offer_demo:
        offer_first_start(store, window)
    return store


def close_data(store: Store) -> None:
    from aiconsult_desktop.services.backups import backup_if_due
    from aiconsult_desktop.ui.guard import attempt

    if store.path is not None:
        path = store.path
        attempt(None, lambda: backup_if_due(path))
    store.close()


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
