"""The main window: a sidebar of pages, each in its own module."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from aiconsult_desktop.resources_path import resource
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs

SIDEBAR_STYLE = """
QListWidget#sidebar { background: #2f3640; color: #f1f2f6; border: none; font-size: 11pt;
                      padding-top: 12px; outline: 0; }
QListWidget#sidebar::item { padding: 9px 16px; border-left: 4px solid transparent; }
QListWidget#sidebar::item:hover { background: #3b4450; }
QListWidget#sidebar::item:selected { background: #444e5c; color: #ffffff;
                                     border-left: 4px solid #d63031; }
"""


class Page(Protocol):
    """What the window expects of a page module's widget."""

    title: str

    def refresh(self) -> None:
        """Reload from the store: called each time the page is shown."""

    def leave(self) -> bool:
        """Save what the user typed before the window closes; False if it was refused."""

    def discard(self) -> None:
        """Abandon unsaved typing: the user chose to close without it."""


class MainWindow(QMainWindow):
    data_changed = Signal()
    """Any page that saved something emits this; the window refreshes the visible page."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from aiconsult_desktop.ui.pages.dashboard import DashboardPage
        from aiconsult_desktop.ui.pages.employers import EmployersPage
        from aiconsult_desktop.ui.pages.meetings import MeetingsPage
        from aiconsult_desktop.ui.pages.questions import QuestionsPage
        from aiconsult_desktop.ui.pages.settings import SettingsPage
        from aiconsult_desktop.ui.pages.statements import StatementsPage

        self.store = store
        self.setWindowTitle("AIConsult Desktop")
        self.resize(1200, 780)

        self.setWindowIcon(QIcon(str(resource("icons", "aiconsult.svg"))))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(240)
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.dashboard = DashboardPage(store, self)
        self.meetings = MeetingsPage(store, self)
        self.questions = QuestionsPage(store, self)
        self.statements = StatementsPage(store, self)
        self.employers = EmployersPage(store, self)
        self.settings = SettingsPage(store, self)
        self.pages: list[QWidget] = [
            self.dashboard,
            self.meetings,
            self.questions,
            self.statements,
            self.employers,
            self.settings,
        ]
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(page.title)  # type: ignore[attr-defined]
            item.setToolTip(f"{page.title} (Ctrl+{number})")  # type: ignore[attr-defined]
            self.sidebar.addItem(item)
            self.stack.addWidget(page)
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{number}"))
            shortcut.triggered.connect(lambda _=False, n=number - 1: self.show_page(n))
            self.addAction(shortcut)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        quit_action = QAction("&Quitter", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        self.data_changed.connect(self._refresh_current)
        self.show_page(0)
        self.statusBar().showMessage(f"Base : {store.path}" if store.path else "")
        from aiconsult_desktop.ui.reminders import Reminders

        self.reminders = Reminders(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing typed is lost: every page saves; when one cannot, the user chooses."""
        for index, page in enumerate(self.pages):
            if page.leave():  # type: ignore[attr-defined]
                continue
            self.show_page(index)
            if not dialogs.confirm(
                self,
                "Modifications non enregistrées",
                f"Ce que vous avez saisi dans « {page.title} » n'a pas pu être enregistré "  # type: ignore[attr-defined]
                "(voir le message précédent).\n\n"
                "Fermer quand même et abandonner ces modifications ?",
                destructive=True,
            ):
                event.ignore()
                return
            page.discard()  # type: ignore[attr-defined]
        event.accept()

    def show_page(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.stack.currentWidget()
        page.refresh()  # type: ignore[attr-defined]

    def open_page(self, page: QWidget) -> None:
        """Switch to `page` (used by pages that link to one another)."""
        self.show_page(self.pages.index(page))
        page.setFocus(Qt.FocusReason.OtherFocusReason)
