"""Every control named for a screen reader, and Tab moving through a page field by field.

Qt derives a line edit's accessible name from the label whose buddy it is, but not a
combo box's (a screen reader would read « Tous les employeurs » where the user needs
« Employeur »), not a field behind a focus proxy (the date fields) and not a button
with only an arrow. `prepare(page)` runs once on each page when it is built, so every
page gets the same treatment without repeating it:

- a control without an accessible name takes its label's text (« Emplo&yeur : » gives
  « Employeur »), else its placeholder, else its tooltip; a name given to a widget also
  goes to the widget it hands its focus to;
- text fields let Tab move to the next field (a tab character is never what a form
  field wants, and a field that swallows Tab traps a keyboard user);
- tables and lists are one stop: the arrows move inside them, Tab leaves them;
- scroll areas are not stops of their own: Qt scrolls to the field that takes focus.

Dialogs get the same the first time they take the focus (`follow_dialogs()`, through
Qt's focus-window signal: no event filter on the whole application).
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

TAB_STOP = Qt.FocusPolicy.TabFocus


def label_name(text: str) -> str:
    """What a label says, as a name: no mnemonic « & », no trailing « : » or « * », no
    markup, the first line or sentence only."""
    plain = re.sub(r"<[^>]+>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    first = plain.strip().splitlines()[0].split(". ")[0] if plain.strip() else ""
    return first.rstrip(" :*.\u00a0").strip()


def focus_target(widget: QWidget) -> QWidget:
    """The widget that really takes the focus when `widget` is given it."""
    while (proxy := widget.focusProxy()) is not None:
        widget = proxy
    return widget


def is_tab_stop(widget: QWidget) -> bool:
    """Whether Tab can land on `widget` itself (a focus proxy's owner never does)."""
    return (
        widget.focusProxy() is None
        and (widget.focusPolicy() & TAB_STOP) == TAB_STOP
        and widget.isVisible()
        and widget.isEnabled()
    )


def _name(widget: QWidget, name: str) -> None:
    if not name:
        return
    for target in (widget, focus_target(widget)):
        if not target.accessibleName():
            target.setAccessibleName(name)


def _fallback_name(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return label_name(widget.placeholderText().split("(")[0])
    return label_name(widget.toolTip().split(".")[0].split("(")[0]) if widget.toolTip() else ""


def prepare(root: QWidget) -> None:
    """Name `root`'s controls and make Tab move through them (see the module's docstring)."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not (isinstance(buddy, QAbstractButton) and buddy.text()):
            _name(buddy, label_name(label.text()))
    for widget in root.findChildren(QWidget):
        if widget.accessibleName():
            _name(widget, widget.accessibleName())  # and to its focus proxy
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.setTabChangesFocus(True)
        elif isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)  # arrows move in a table; Tab leaves it
        elif isinstance(widget, QScrollArea):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if (
            (widget.focusPolicy() & TAB_STOP) == TAB_STOP
            and not widget.accessibleName()
            and not (isinstance(widget, QAbstractButton) and widget.text())
        ):
            _name(widget, _fallback_name(widget))


def cells_in_tab_order(table: QTableWidget, then: QWidget) -> None:
    """Tab through a table whose cells hold widgets (a combo per row): the table, each
    row's widgets (named by their column), then `then`. Its current cell goes, unselected,
    on a cell without a widget: a current cell holding one takes the table's focus, and
    Tab would never reach the others."""
    chain: list[QWidget] = [table]
    free: QModelIndex | None = None
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            cell = table.cellWidget(row, column)
            if cell is not None:
                header = table.horizontalHeaderItem(column)
                _name(cell, header.text() if header is not None else "")
                chain.append(cell)
            elif free is None:
                free = table.model().index(row, column)
    for first, second in pairwise([*chain, then]):
        QWidget.setTabOrder(first, second)
    current = table.currentIndex()
    if free is not None and (not current.isValid() or table.indexWidget(current) is not None):
        table.selectionModel().setCurrentIndex(free, QItemSelectionModel.SelectionFlag.NoUpdate)


def _laid_out(widget: QWidget) -> list[QWidget]:
    """`widget`'s children in the order its layout shows them (None of a compound
    control's own parts: a combo, a table or a spin box is one stop)."""
    if isinstance(widget, QSplitter | QStackedWidget | QTabWidget):
        pages = [widget.widget(index) for index in range(widget.count())]
        tabs = [widget.tabBar()] if isinstance(widget, QTabWidget) else []
        return tabs + [page for page in pages if page is not None]
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        return [inner] if inner is not None else []
    if isinstance(widget, QAbstractScrollArea | QComboBox | QAbstractSpinBox):
        return []
    layout = widget.layout()
    return _in_layout(layout) if layout is not None else []


def _in_layout(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if (child := item.widget()) is not None:
            found.append(child)
        elif (inner := item.layout()) is not None:
            found.extend(_in_layout(inner))  # a nested row, in its place
    return found


def _stops_in_layout_order(widget: QWidget) -> list[QWidget]:
    own = [widget] if widget.focusProxy() is None and widget.focusPolicy() & TAB_STOP else []
    return own + [stop for child in _laid_out(widget) for stop in _stops_in_layout_order(child)]


def tab_in_layout_order(root: QWidget) -> None:
    """Tab follows the layout (top to bottom, left to right as the rows are built), not
    the order the widgets were made in: rows filled in later join the chain at the end."""
    for first, second in pairwise(_stops_in_layout_order(root)):
        QWidget.setTabOrder(first, second)


PREPARED = "aiconsultAccessible"
"""Property set on a dialog once `prepare` ran on it."""
_following: list[bool] = []


def follow_dialogs() -> None:
    """Prepare every dialog (as the pages are) when it first becomes the active window."""
    app = QGuiApplication.instance()
    if _following or not isinstance(app, QGuiApplication):
        return
    _following.append(True)
    app.focusWindowChanged.connect(_prepare_active_dialog)


def _prepare_active_dialog(_window: object) -> None:
    dialog = QApplication.activeWindow()
    if isinstance(dialog, QDialog) and not dialog.property(PREPARED):
        dialog.setProperty(PREPARED, True)
        prepare(dialog)
