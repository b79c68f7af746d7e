"""The main window: a sidebar of pages, each in its own module.

The window paints before the store exists (`MainWindow()` then `attach(store)`): the
sidebar and an empty frame per page are plain Qt, so the first paint waits for neither
SQLAlchemy nor the export libraries. Each page module is imported and built the first
time it is shown (or asked for, e.g. `window.questions`).
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, cast

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from aiconsult_desktop.domain.data_kinds import ALL_KINDS, DataKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.resources_path import resource
from aiconsult_desktop.ui import accessibility, dialogs, window_state
from aiconsult_desktop.ui.freshness import Freshness, shows
from aiconsult_desktop.ui.icons import icon
from aiconsult_desktop.ui.look import (
    SIDEBAR_ICON,
    SIDEBAR_ICON_SELECTED,
    dress_menus,
    window_style_sheet,
)
from aiconsult_desktop.ui.menus import build_menus, follow_page

if TYPE_CHECKING:
    from aiconsult_desktop.services.opening import Store
    from aiconsult_desktop.ui.navigation import CommandName, PageName


class PageSpec(NamedTuple):
    """Where a page lives, so the sidebar can show it before its module is imported."""

    attribute: str
    title: str
    module: str
    cls: str
    icon: str
    """Its icon in the sidebar (ui/icons.py)."""


PAGES = (
    PageSpec("dashboard", "Tableau de bord", "dashboard", "DashboardPage", "layout-dashboard"),
    PageSpec("meetings", "Calendrier", "meetings", "MeetingsPage", "calendar-days"),
    PageSpec(
        "questions", "Questions", "questions", "QuestionsPage", "message-circle-question-mark"
    ),
    PageSpec("statements", "Déclarations", "statements", "StatementsPage", "file-text"),
    PageSpec("ai_tools", "Outils d'IA", "ai_tools", "AiToolsPage", "bot"),
    PageSpec("dossiers", "Dossiers", "dossiers", "DossiersPage", "folders"),
    PageSpec("employers", "Employeurs et instances", "employers", "EmployersPage", "building-2"),
    PageSpec("settings", "Paramètres", "settings", "SettingsPage", "settings"),
)


class Page(Protocol):
    """What the window expects of a page module's widget."""

    title: str

    def refresh(self) -> None:
        """Reload from the store: when shown, if data of a kind it shows changed
        (a `shows` attribute, ui/freshness.py; every kind when it has none)."""

    def leave(self) -> bool:
        """Save what the user typed before the window closes; False if it was refused."""

    def discard(self) -> None:
        """Abandon unsaved typing: the user chose to close without it."""


def base_name(store: Store) -> str:
    """« Base locale » or the shared server's name: no raw file path in the status bar."""
    if store.path is not None:
        return "Base locale"
    url = store.engine.url
    return f"Serveur partagé : {url.database} sur {url.host or 'cet ordinateur'}"


def base_tip(store: Store) -> str:
    if store.path is not None:
        return f"Fichier de la base de données : {store.path}"
    url = store.engine.url
    return f"Base PostgreSQL « {url.database} », serveur {url.host}:{url.port or 5432}"


class MainWindow(QMainWindow):
    data_changed = Signal(frozenset)
    """Something was saved: the kinds of data written (domain/data_kinds.py). The visible
    page reloads if it shows one of them; the others when next shown, if they do."""

    def __init__(self, store: Store | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self._built: dict[int, QWidget] = {}
        self.memory_dir: Path | None = None
        """The data dir the window remembers itself in (window_state), once told."""
        self.menu_actions: dict[str, QAction] = {}
        """The window's commands, one QAction each (ui/menus.py), by `CommandName`."""
        self.help_dialog: QDialog | None = None
        self.search_dialog: QDialog | None = None
        """The Aide or Ctrl+K window open now, for tests to drive."""
        self.base_label = QLabel("")
        """Where the data is, in words (the path in its tooltip), at the status bar's end."""
        self.setWindowTitle("AIConsult Desktop")
        self.resize(1200, 780)

        self.setWindowIcon(QIcon(str(resource("icons", "aiconsult.svg"))))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Pages")
        accessibility.follow_dialogs()
        self.sidebar.setIconSize(QSize(20, 20))
        self.setStyleSheet(window_style_sheet())
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        page_actions: list[QAction] = []
        for number, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(
                icon(spec.icon, SIDEBAR_ICON, selected=SIDEBAR_ICON_SELECTED), spec.title
            )
            item.setToolTip(f"{spec.title} (Ctrl+{number})")
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # the page's frame until it is first shown
            shortcut = QAction(icon(spec.icon), spec.title, self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{number}"))
            shortcut.triggered.connect(lambda _=False, n=number - 1: self.show_page(n))
            self.addAction(shortcut)
            page_actions.append(shortcut)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # As wide as its longest name with its icon in this system's font, no wider.
        self.sidebar.ensurePolished()  # the window's style sheet (padding) counts
        self.sidebar.setFixedWidth(max(200, self.sidebar.sizeHintForColumn(0) + 8))

        quit_action = QAction("&Quitter", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        build_menus(self, page_actions, quit_action)
        dress_menus(self.menuBar(), self.menu_actions, quit_action)

        self.freshness = Freshness()
        self._signalled = 0
        """The write-log tick of the last `data_changed`."""
        self.data_changed.connect(self._refresh_current)
        self.sidebar.setCurrentRow(0)
        if store is not None:
            self.attach(store)

    def remember_in(self, data_dir: Path) -> None:
        """Size, place and page as the user left them in this data dir (fitted to the
        screen the first time); saved again when the window closes."""
        self.memory_dir = data_dir
        for index, built in self._built.items():
            window_state.restore_layout(built, PAGES[index].attribute, data_dir)
        page = window_state.restore(self, data_dir)
        if 0 <= page < len(PAGES):
            self.show_page(page)

    def attach(self, store: Store) -> None:
        """The store is open: build and fill the visible page, start the reminders."""
        from aiconsult_desktop.ui.reminders import Reminders

        self.store = store
        self._signalled = store.writes.tick()
        self.base_label.setText(base_name(store))
        self.base_label.setToolTip(base_tip(store))
        self.statusBar().addPermanentWidget(self.base_label)
        # A shared server's base is saved on the server: nothing to restore here.
        self.menu_actions["restore"].setEnabled(store.path is not None)
        self._on_row_changed(max(self.sidebar.currentRow(), 0))
        self.reminders = Reminders(store, self.statusBar().showMessage, self)

    @property
    def pages(self) -> list[QWidget]:
        """Every page, built if need be (tests and `open_page` index into this)."""
        return [self.page(index) for index in range(len(PAGES))]

    def page(self, index: int) -> QWidget:
        """The page at `index`, imported and built on first use."""
        found = self._built.get(index)
        if found is not None:
            return found
        assert self.store is not None, "pages are built once the store is attached"
        spec = PAGES[index]
        module = import_module(f"aiconsult_desktop.ui.pages.{spec.module}")
        built: QWidget = getattr(module, spec.cls)(self.store, self)
        self._built[index] = built
        accessibility.prepare(built)
        frame = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, built)
        if frame is not None:
            self.stack.removeWidget(frame)
            frame.deleteLater()
        self.stack.setCurrentIndex(current)
        if self.memory_dir is not None:
            window_state.restore_layout(built, spec.attribute, self.memory_dir)
        return built

    def __getattr__(self, name: str) -> Any:
        """`window.questions` and the like: the page, built on first use."""
        for index, spec in enumerate(PAGES):
            if spec.attribute == name:
                return self.page(index)
        raise AttributeError(name)

    def changeEvent(self, event: QEvent) -> None:
        """Coming back to the window: if the base file was replaced meanwhile (a restore
        run from a terminal), reopen it and show what it holds now."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.follow_replaced_base()

    def follow_replaced_base(self) -> bool:
        if self.store is None:
            return False
        try:
            replaced = self.store.follow_replacement()
        except UserError as error:
            dialogs.show_error(self, error.message)
            return False
        if replaced:
            self.statusBar().showMessage(
                "La base a été remplacée hors de la fenêtre (restauration) : les données "
                "affichées ont été relues."
            )
            self._refresh_current(ALL_KINDS)
        return replaced

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing typed is lost: every page saves; when one cannot, the user chooses."""
        for index, page in sorted(self._built.items()):
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
        if self.memory_dir is not None:
            built = {PAGES[index].attribute: page for index, page in self._built.items()}
            window_state.save(self, self.memory_dir, self.sidebar.currentRow(), built)
        event.accept()

    def show_page(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        follow_page(self, cast("PageName", PAGES[row].attribute))
        if self.store is None:  # still opening: the page's frame, filled once attached
            self.stack.setCurrentIndex(row)
            return
        page = self.page(row)
        self.stack.setCurrentWidget(page)
        if self.freshness.is_stale(row, page, self.store):
            self.freshness.fill(row, page, self.store)

    def _refresh_current(self, kinds: frozenset[DataKind]) -> None:
        if self.store is None:
            return
        row = self.stack.currentIndex()
        page = self.stack.currentWidget()
        if page is not None and shows(page) & kinds:
            self.freshness.fill(row, page, self.store)

    def open_page(self, page: QWidget) -> None:
        """Switch to `page` (a built page: tests, and the methods below)."""
        index = next(i for i, built in self._built.items() if built is page)
        self.show_page(index)
        page.setFocus(Qt.FocusReason.OtherFocusReason)

    # Navigation (ui/navigation.py): what pages ask of the window ---------------------------

    def notify_changed(self) -> None:
        """Say which kinds of data were written since the last time (every kind when the
        store saw no write: a file or a setting outside the base)."""
        if self.store is None:
            return
        kinds = self.store.writes.kinds_since(self._signalled) or ALL_KINDS
        self._signalled = self.store.writes.tick()
        self.data_changed.emit(kinds)

    def go_to(self, name: PageName) -> None:
        self.open_page(getattr(self, name))

    def show_meeting(self, meeting_id: int) -> None:
        self.go_to("meetings")
        self.meetings.open_meeting(meeting_id)

    def show_open_questions(self, employer_id: int | None) -> None:
        self.go_to("questions")
        self.questions.show_open_questions(employer_id)

    def show_statements_of(self, meeting_id: int | None) -> None:
        self.statements.show_meeting(meeting_id)

    def insert_into_statement(self, meeting_id: int, text: str) -> None:
        self.statements.show_meeting(meeting_id)
        self.statements.insert_at_cursor(text)

    def show_question(self, question_id: int) -> None:
        self.go_to("questions")
        self.questions.open_question(question_id)

    def show_tool(self, tool_id: int | None) -> None:
        self.go_to("ai_tools")
        if tool_id is not None:
            self.ai_tools.open_tool(tool_id)

    def new_employer(self) -> None:
        self.go_to("employers")
        self.employers.new_employer()

    def show_statement(self, statement_id: int, meeting_id: int | None) -> None:
        self.statements.show_meeting(meeting_id)
        self.go_to("statements")
        self.statements.open_record(statement_id)

    def show_dossier(self, dossier_id: int, fact_id: int | None = None) -> None:
        self.go_to("dossiers")
        self.dossiers.open_entry_of(dossier_id, None if fact_id is None else ("facts", fact_id))

    def command(self, name: CommandName) -> QAction:
        return self.menu_actions[name]
