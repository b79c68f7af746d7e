"""The window remembers itself: size, place, maximised state, last page, last export folder,
and on every page the splitters' positions, the tables' column widths and sort orders.

Kept in `fenetre.ini` in the data dir (QSettings in INI format, which Qt writes through a
temporary file then renames), so that each data dir, and each test, has its own. The
first start fits the window to the screen's available area (a 1366×768 laptop minus its
task bar must show the status bar); a place on a screen that is gone is brought back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableView,
    QTreeView,
    QWidget,
)

SETTINGS_FILE = "fenetre.ini"
PREFERRED = QSize(1200, 780)
FRAME = QMargins(8, 32, 8, 8)
"""Room left for the window manager's title bar and borders around the client area."""

_last_folder: list[Path] = []
"""The folder of the last export, shared by every page's « Enregistrer sous »."""


def fitted_geometry(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """The client area for a first start: the preferred size shrunk to fit `available`
    with its frame, centred in it. Never larger than the available area."""
    room = available.marginsRemoved(FRAME)
    size = preferred.boundedTo(room.size()).expandedTo(QSize(1, 1))
    client = QRect(QPoint(0, 0), size)
    client.moveCenter(room.center())
    return client


def brought_back(geometry: QRect, screens: list[QRect]) -> QRect:
    """`geometry` unchanged if its title bar is on a screen; otherwise moved (and shrunk if
    need be) onto the first screen, as when the laptop left its second monitor."""
    title_bar = QRect(geometry.topLeft() - QPoint(0, FRAME.top()), QSize(geometry.width(), 40))
    if any(screen.intersects(title_bar) for screen in screens) or not screens:
        return geometry
    return fitted_geometry(screens[0], geometry.size())


def last_folder() -> Path | None:
    """Where the last export went (None before the first), if it still exists."""
    if _last_folder and _last_folder[-1].is_dir():
        return _last_folder[-1]
    return None


def remember_folder(folder: Path) -> None:
    _last_folder[:] = [folder]


def _settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def _available_screens() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def restore(window: QMainWindow, data_dir: Path, screens: list[QRect] | None = None) -> int:
    """Size and place `window` as it was left (or fitted, the first time); the page to show."""
    settings = _settings(data_dir)
    screens = screens if screens is not None else _available_screens()
    geometry = settings.value("fenetre/geometrie")
    if isinstance(geometry, QRect) and geometry.isValid():
        window.setGeometry(brought_back(geometry, screens))
    elif screens:
        window.setGeometry(fitted_geometry(screens[0]))
    if str(settings.value("fenetre/maximisee", "false")).lower() == "true":
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    folder = settings.value("exports/dossier")
    if folder:
        remember_folder(Path(str(folder)))
    try:
        return int(str(settings.value("fenetre/page", 0)))
    except ValueError:
        return 0


def _arranged(page: QWidget) -> Iterator[tuple[str, QSplitter | QHeaderView]]:
    """Every splitter and table header of `page` the user can move, with a key stable
    from one start to the next: its objectName when it has one, else its rank among its
    kind in the page (construction order). Dialogs parented to the page are not part of it,
    nor Qt's own internal views (the calendar's grid)."""
    window = page.window()
    splitters = [s for s in page.findChildren(QSplitter) if s.window() is window]
    for rank, splitter in enumerate(splitters):
        yield splitter.objectName() or f"separateur{rank}", splitter
    rank = 0
    for view in page.findChildren(QAbstractItemView):
        header = _header(view)
        if (
            header is None
            or header.isHidden()
            or view.window() is not window
            or view.objectName().startswith("qt_")
        ):
            continue
        yield view.objectName() or f"tableau{rank}", header
        rank += 1


def _header(view: QAbstractItemView) -> QHeaderView | None:
    """The column header of a table or tree view (None for a plain list)."""
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def restore_layout(page: QWidget, name: str, data_dir: Path) -> None:
    """Put `page`'s splitters and columns back as the user left them (a page is built the
    first time it is shown, so this runs then). A saved header whose column count differs
    (the table changed in an update) is ignored rather than applied to the wrong columns."""
    settings = _settings(data_dir)
    for key, widget in _arranged(page):
        state = settings.value(f"{name}/{key}")
        if not isinstance(state, QByteArray):
            continue
        if isinstance(widget, QSplitter):
            widget.restoreState(state)
            continue
        if str(settings.value(f"{name}/{key}-colonnes")) != str(widget.count()):
            continue
        view = widget.parent()
        restored = widget.restoreState(state)
        if restored and isinstance(view, QTableView | QTreeView) and view.isSortingEnabled():
            # The header only shows the order; the view sorts when asked.
            view.sortByColumn(widget.sortIndicatorSection(), widget.sortIndicatorOrder())


def _save_layout(settings: QSettings, page: QWidget, name: str) -> None:
    for key, widget in _arranged(page):
        settings.setValue(f"{name}/{key}", widget.saveState())
        if isinstance(widget, QHeaderView):
            settings.setValue(f"{name}/{key}-colonnes", widget.count())


def save(
    window: QMainWindow, data_dir: Path, page: int, pages: Mapping[str, QWidget] | None = None
) -> None:
    """Write what `restore` reads; the normal geometry, so un-maximising finds its size.
    `pages` are the pages built in this session, by name: their splitters and columns
    (the pages never shown keep what an earlier start saved)."""
    settings = _settings(data_dir)
    for name, built in (pages or {}).items():
        _save_layout(settings, built, name)
    settings.setValue("fenetre/geometrie", window.normalGeometry())
    settings.setValue("fenetre/maximisee", window.isMaximized())
    settings.setValue("fenetre/page", page)
    folder = last_folder()
    if folder is not None:
        settings.setValue("exports/dossier", str(folder))
    settings.sync()
