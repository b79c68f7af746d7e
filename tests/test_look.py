"""How the window looks (issue 12, item 3): icons from one set on the sidebar, the pages'
rows of actions and their primary button; one primary action per page; no web links on
the dashboard; every editor action in view; the platform's own style left alone."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui import icons, look
from aiconsult_desktop.ui.main_window import PAGES, MainWindow
from tests.gui_support import make_window


def drawn(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> bool:
    """Whether the icon puts visible pixels on screen (a blank one would not)."""
    image = icon.pixmap(24, mode).toImage()
    return any(image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24))


def primaries(page: QWidget) -> list[QPushButton]:
    return [b for b in page.findChildren(QPushButton) if look.is_primary(b) and b.isVisibleTo(page)]


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    load_demo(store)
    return make_window(qtbot, store)


def test_every_sidebar_entry_shows_its_icon(window: MainWindow) -> None:
    assert window.sidebar.count() == len(PAGES)
    for row in range(window.sidebar.count()):
        item = window.sidebar.item(row)
        assert drawn(item.icon()), item.text()
        assert drawn(item.icon(), QIcon.Mode.Selected), item.text()


def test_every_menu_entry_shows_its_icon(window: MainWindow) -> None:
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():  # type: ignore[union-attr]
            if not action.isSeparator():
                assert drawn(action.icon()), action.text()


def test_each_page_has_one_primary_action_with_its_icon(window: MainWindow) -> None:
    for index, spec in enumerate(PAGES):
        window.show_page(index)
        page = window.page(index)
        found = primaries(page)
        assert len(found) == 1, (spec.title, [b.text() for b in found])
        assert found[0].isDefault() and drawn(found[0].icon()), spec.title


def test_every_page_has_its_header_at_the_same_place(window: MainWindow) -> None:
    """Title at the same distance from the sidebar and the top on every page."""
    places = {}
    for index, spec in enumerate(PAGES):
        window.show_page(index)
        page = window.page(index)
        headers = [h for h in page.findChildren(look.PageHeader) if h.isVisibleTo(page)]
        assert len(headers) == 1, spec.title
        assert headers[0].title.text() == spec.title
        places[spec.title] = headers[0].title.mapTo(page, QPoint(0, 0)).toTuple()
    assert len(set(places.values())) == 1, places


def test_the_dashboard_fits_1024_px_without_sideways_scrolling(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(1024, 640)
    window.open_page(window.dashboard)
    scroll = window.dashboard.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.viewport().width() < 800)
    QApplication.processEvents()
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()


def test_the_empty_dashboard_leads_with_its_first_step(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    found = primaries(window.dashboard)
    assert [b.text() for b in found] == ["Renseigner l'&organisation"]
    found[0].click()
    assert window.stack.currentWidget() is window.settings


def test_the_dashboard_primary_action_opens_a_new_meeting(window: MainWindow) -> None:
    (button,) = primaries(window.dashboard)
    assert button.text() == "&Nouvelle réunion"
    button.click()
    meetings = window.meetings
    assert window.stack.currentWidget() is meetings and meetings.editing is None


def test_the_record_pages_actions_carry_icons(window: MainWindow) -> None:
    for name in ("meetings", "questions", "statements", "ai_tools", "dossiers"):
        page = getattr(window, name)
        window.open_page(page)
        for button in (page.new_button, page.save_button, page.delete_button):
            assert drawn(button.icon()), (name, button.text())
    questions = window.questions
    for button in (questions.relance_button, questions.paste_button, questions.export_button):
        assert drawn(button.icon()), button.text()


def test_dashboard_links_are_styled_and_open_the_meeting(window: MainWindow) -> None:
    dashboard = window.dashboard
    window.open_page(dashboard)
    labels = [label for label in dashboard.findChildren(QLabel) if "<a " in label.text()]
    assert labels, "the demo's example meeting has deadlines within 30 days"
    for label in labels:
        for anchor in re.findall(r"<a [^>]*>", label.text()):
            assert "text-decoration: none" in anchor and "color:" in anchor, anchor
    labels[0].linkActivated.emit(re.findall(r"href='(\d+)'", labels[0].text())[0])
    assert window.stack.currentWidget() is window.meetings
    assert window.meetings.editing is not None


@pytest.mark.parametrize("size", [(1200, 728), (1024, 640)])
def test_the_editor_toolbar_shows_every_action(
    window: MainWindow, size: tuple[int, int], qtbot: QtBot
) -> None:
    """At the window's default size on a 1366×768 screen, and at 1024×640: no »»."""
    window.resize(*size)
    statements = window.statements
    window.open_page(statements)
    toolbar = statements.editor.rich.toolbar
    qtbot.waitUntil(lambda: toolbar.isVisible())
    QApplication.processEvents()
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    for key, action in statements.editor.rich.actions_.items():
        assert drawn(action.icon()), key
        assert toolbar.widgetForAction(action).isVisible(), key
    assert isinstance(toolbar, QToolBar)


def test_icons_follow_the_buttons_colour_and_a_missing_one_says_so(qapp: QApplication) -> None:
    dark = icons.icon("save", "#000000").pixmap(24).toImage()
    light = icons.icon("save", "#ffffff").pixmap(24).toImage()
    opaque = [(x, y) for x in range(24) for y in range(24) if dark.pixelColor(x, y).alpha() > 200]
    assert opaque
    x, y = opaque[0]
    assert dark.pixelColor(x, y).lightness() < 50 < 200 < light.pixelColor(x, y).lightness()
    sharp = icons.icon("save").pixmap(QSize(16, 16), 1.5)  # 150 % scaling
    assert sharp.size() == QSize(24, 24) and sharp.devicePixelRatio() == 1.5
    with pytest.raises(FileNotFoundError):
        icons.icon("no-such-icon")


def test_native_styles_keep_their_own_buttons(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows 11/Vista the style draws the default button in the accent colour: the
    window's style sheet then styles the sidebar only, and the app never sets a style."""
    before = qapp.style().name()
    monkeypatch.setattr(look, "style_name", lambda: "windows11")
    assert "QPushButton" not in look.window_style_sheet()
    monkeypatch.setattr(look, "style_name", lambda: "fusion")
    assert 'QPushButton[primary="true"]' in look.window_style_sheet()
    MainWindow()
    assert qapp.style().name() == before
