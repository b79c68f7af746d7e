"""Every page can be used with the keyboard alone and read by a screen reader (issue 12,
item 8): each control has a name, and Tab walks every control in reading order."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.accessibility import is_tab_stop
from aiconsult_desktop.ui.main_window import PAGES, MainWindow
from tests.gui_support import make_window

PAGE_NAMES = [spec.attribute for spec in PAGES]
INPUTS = (QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit)
"""Controls Qt would name by their value on Linux (« Tous les employeurs »): they need a
name of their own."""


def _window(qtbot: QtBot, store: Store, name: str) -> tuple[MainWindow, QWidget]:
    window = make_window(qtbot, store)
    window.resize(1366, 728)
    window.go_to(name)  # type: ignore[arg-type]
    qtbot.wait(10)
    return window, window.page(PAGE_NAMES.index(name))


def _stops(page: QWidget) -> list[QWidget]:
    return [widget for widget in page.findChildren(QWidget) if is_tab_stop(widget)]


def _spoken_name(widget: QWidget) -> str:
    if isinstance(widget, INPUTS):
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) and isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {shown!r} {widget.toolTip()!r}"


def _exclusive(widget: QWidget) -> bool:
    if not isinstance(widget, QAbstractButton):
        return False
    group = widget.group()
    return widget.autoExclusive() or (group is not None and group.exclusive())


def _every_tab(page: QWidget) -> list[tuple[QTabWidget, int]]:
    tab_widgets = page.findChildren(QTabWidget)
    return [(tabs, index) for tabs in tab_widgets for index in range(tabs.count())]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_control_has_a_name(qtbot: QtBot, demo_store: Store, name: str) -> None:
    window, page = _window(qtbot, demo_store, name)
    unnamed: set[str] = set()
    for tabs, index in [(None, 0), *_every_tab(page)]:
        if tabs is not None:
            tabs.setCurrentIndex(index)
        unnamed |= {_describe(w) for w in _stops(page) if not _spoken_name(w).strip()}
    assert unnamed == set()
    assert window.sidebar.accessibleName() != ""


def _position(widget: QWidget, page: QWidget) -> QPoint:
    return widget.mapTo(page, QPoint(0, 0))


def _reading_order(stops: list[QWidget], page: QWidget) -> list[QWidget]:
    return sorted(stops, key=lambda w: (_position(w, page).y(), _position(w, page).x()))


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_tab_walks_every_control_of_the_page(qtbot: QtBot, demo_store: Store, name: str) -> None:
    """From the page's first control, Tab reaches every control (never stuck in one) and
    goes forward: down the page, or to the next column."""
    _window_shown, page = _window(qtbot, demo_store, name)
    stops = _stops(page)
    start = _reading_order(stops, page)[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    walk = [start]
    for _ in range(5 * len(stops) + 20):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        # A date field takes Tab to go from the day to the month and the year, no more.
        assert walk[-3:] != [after] * 3, f"Tab stays on {_describe(current)}"
        if after is start:
            break
        walk.append(after)
    else:
        pytest.fail("Tab never comes back to the page's first control")
    on_page = [w for w in walk if page.isAncestorOf(w)]
    # Of a group of exclusive buttons (« Liste », « Mois »), Tab stops on the checked one
    # and the arrows move between them, as everywhere in Qt.
    expected = [w for w in stops if not (_exclusive(w) and not w.isChecked())]
    assert {_describe(w) for w in expected} - {_describe(w) for w in on_page} == set()
    backwards = []
    for before, after in pairwise(on_page):
        b, a = _position(before, page), _position(after, page)
        went_up = a.y() < b.y() - 8
        next_column = a.x() >= b.x() + before.width() - 8
        if went_up and not next_column:
            backwards.append(f"{_describe(before)} -> {_describe(after)}")
    assert backwards == []
