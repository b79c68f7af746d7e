"""How every page looks: the same header and margins, one primary action, native styles.

- `PageHeader`: the title (and a muted subtitle) on the left, the page's filters beside
  it, its primary action on the right: every page builds its top the same way, inside
  `page_layout()`'s margins, so no header touches its filters on one page and floats on
  another.
- `mark_primary(button)`: the one action the page is for (« Nouvelle question »,
  « Enregistrer » in the settings) is the default button: Windows and macOS mark it in
  the accent colour themselves; under Fusion (Linux) the window's style sheet fills it.
- `window_style_sheet()`: the sidebar, plus the primary button under non-native styles
  only. The app never sets a style: Qt picks windows11/windowsvista on Windows, Fusion or
  the desktop's own on Linux, and the style sheet leaves every other widget to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.ui.flow_layout import FlowLayout
from aiconsult_desktop.ui.icons import icon

PAGE_MARGINS = (16, 14, 16, 12)
"""Left, top, right, bottom of every page's content: the same on every page."""
PAGE_SPACING = 10
NATIVE_STYLES = frozenset({"windows11", "windowsvista", "macos"})
"""Styles that mark a default button in the system's accent colour on their own."""

SIDEBAR_STYLE = """
QListWidget#sidebar { background: #2f3640; color: #f1f2f6; border: none; font-size: 10.5pt;
                      padding-top: 12px; outline: 0; }
QListWidget#sidebar::item { padding: 8px 10px; border-left: 4px solid transparent; }
QListWidget#sidebar::item:hover { background: #3b4450; }
QListWidget#sidebar::item:selected { background: #444e5c; color: #ffffff;
                                     border-left: 4px solid #d63031; }
"""
SIDEBAR_ICON = "#c8cdd4"
SIDEBAR_ICON_SELECTED = "#ffffff"


MENU_ICONS = {
    "new_meeting": "calendar-plus",
    "new_question": "message-circle-question-mark",
    "new_statement": "file-text",
    "new_tool": "bot",
    "export": "file-down",
    "backup": "save",
    "restore": "archive-restore",
    "search": "search",
    "shortcuts": "keyboard",
    "guide": "book-open",
    "data_folder": "folder-open",
    "log": "scroll-text",
    "about": "info",
}
"""The menus' commands (ui/menus.py) and their icons: the same as the pages' buttons."""


EDIT_ICONS = {
    QKeySequence.StandardKey.Undo: "undo-2",
    QKeySequence.StandardKey.Redo: "redo-2",
    QKeySequence.StandardKey.Cut: "scissors",
    QKeySequence.StandardKey.Copy: "copy",
    QKeySequence.StandardKey.Paste: "clipboard-paste",
}
"""Édition's entries, known by their standard keys."""


def dress_menus(bar: QMenuBar, commands: dict[str, QAction], quit_action: QAction) -> None:
    """Icons on the menu entries, which are the pages' buttons' own actions."""
    for name, action in commands.items():
        if name in MENU_ICONS:
            action.setIcon(icon(MENU_ICONS[name]))
    quit_action.setIcon(icon("log-out"))
    keys = {QKeySequence(key).toString(): name for key, name in EDIT_ICONS.items()}
    for menu_action in bar.actions():
        menu = menu_action.menu()
        for action in menu.actions() if isinstance(menu, QMenu) else []:
            edit_icon = keys.get(action.shortcut().toString())
            if edit_icon is not None and action.icon().isNull():
                action.setIcon(icon(edit_icon))


def style_name() -> str:
    style = QApplication.style()
    return style.name().lower() if style is not None else ""


def native_style() -> bool:
    """Whether the style draws the primary button itself (no style sheet for it)."""
    return style_name() in NATIVE_STYLES


def _primary_colours() -> tuple[QColor, QColor]:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Highlight), palette.color(
        QPalette.ColorRole.HighlightedText
    )


def window_style_sheet() -> str:
    """The main window's style sheet: the sidebar, and the primary button where the style
    would draw it like any other."""
    if native_style():
        return SIDEBAR_STYLE
    fill, text = _primary_colours()
    disabled = QGuiApplication.palette().color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText
    )
    return SIDEBAR_STYLE + (
        f'QPushButton[primary="true"] {{ background: {fill.name()}; color: {text.name()};'
        f" border: 1px solid {fill.darker(125).name()}; border-radius: 4px;"
        " padding: 4px 12px; font-weight: 600; }"
        f'QPushButton[primary="true"]:hover {{ background: {fill.lighter(110).name()}; }}'
        f'QPushButton[primary="true"]:pressed {{ background: {fill.darker(115).name()}; }}'
        f'QPushButton[primary="true"]:focus {{ border: 1px solid {text.name()};'
        f" outline: 1px solid {fill.darker(140).name()}; }}"
        f'QPushButton[primary="true"]:disabled {{ background: {fill.lighter(160).name()};'
        f" color: {disabled.name()}; border-color: {fill.lighter(140).name()}; }}"
    )


def mark_primary(button: QPushButton, icon_name: str) -> QPushButton:
    """Make `button` the page's one primary action, with its icon in the matching colour."""
    button.setDefault(True)
    button.setProperty("primary", True)
    # Filled only by our style sheet: native styles draw a default button their own way
    # (Windows 11 outlines it in the accent colour), where the text colour stays readable.
    filled = not native_style()
    button.setIcon(icon(icon_name, _primary_colours()[1] if filled else None))
    return button


def is_primary(widget: QWidget) -> bool:
    return bool(widget.property("primary"))


class PageHeader(QWidget):
    """Title (and subtitle) on the left, filters beside it, actions on the right."""

    def __init__(
        self,
        title: str,
        subtitle: str = "",
        *,
        filters: Sequence[QWidget] = (),
        actions: Sequence[QWidget] = (),
    ) -> None:
        super().__init__()
        self.setObjectName("pageHeader")
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(subtitle)
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.subtitle)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        # As tall as a row of fields, filters or not: the buttons under it start at the
        # same height on every page.
        self.setMinimumHeight(
            max(QLineEdit().sizeHint().height(), QPushButton().sizeHint().height()) + 4
        )
        row.setSpacing(8)
        row.addLayout(words, 0 if filters else 1)
        if filters:
            row.addSpacing(16)
            flow = FlowLayout(spacing=12)
            for group in label_groups(filters):
                flow.addWidget(group)
            row.addLayout(flow, 1)
        for widget in actions:
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        self.subtitle.setVisible(bool(subtitle))  # now a child: shown alone, it is a window

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))


def label_groups(widgets: Sequence[QWidget]) -> list[QWidget]:
    """Each label kept with the field it names, so a wrapped line never parts them."""
    groups: list[QWidget] = []
    pending: QLabel | None = None
    for widget in widgets:
        if pending is not None and pending.buddy() is widget:
            group = QWidget()
            pair = QHBoxLayout(group)
            pair.setContentsMargins(0, 0, 0, 0)
            pair.setSpacing(4)
            pair.addWidget(pending)
            pair.addWidget(widget)
            groups.append(group)
            pending = None
            continue
        if pending is not None:
            groups.append(pending)
            pending = None
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            pending = widget
        else:
            groups.append(widget)
    if pending is not None:
        groups.append(pending)
    return groups


def page_layout(widget: QWidget) -> QVBoxLayout:
    """The page's column, with the margins and spacing every page uses."""
    layout = QVBoxLayout(widget)
    set_page_margins(layout)
    return layout


def set_page_margins(layout: QLayout) -> None:
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.setSpacing(PAGE_SPACING)
