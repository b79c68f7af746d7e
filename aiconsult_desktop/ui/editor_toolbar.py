"""The statement editor's toolbar as users see it: icons, with each action's full name
in its tooltip and for screen readers.

Text buttons (« G », « • Liste », « « Citation » »…) made the toolbar wider than the
editor at the default window width, and Qt hid the last actions (« Rétablir ») behind
its »». Icons from the app's one set keep every action in view.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QToolButton

from aiconsult_desktop.ui.icons import icon

TOOLBAR_ICONS = {
    "bold": ("bold", "Gras"),
    "italic": ("italic", "Italique"),
    "underline": ("underline", "Souligné"),
    "heading1": ("heading-1", "Titre 1"),
    "heading2": ("heading-2", "Titre 2"),
    "paragraph": ("pilcrow", "Paragraphe normal"),
    "bullets": ("list", "Liste à puces"),
    "numbers": ("list-ordered", "Liste numérotée"),
    "quote": ("text-quote", "Citation"),
    "note": ("superscript", "Note de bas de page"),
    "undo": ("undo-2", "Annuler"),
    "redo": ("redo-2", "Rétablir"),
}
"""Each action's icon (a Lucide file name) and its full name."""


def dress_toolbar(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    """Icons only on the toolbar; an action without an entry here keeps its text."""
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.setIconSize(QSize(18, 18))
    for key, action in actions.items():
        if key in TOOLBAR_ICONS:
            icon_name, name = TOOLBAR_ICONS[key]
            action.setIcon(icon(icon_name))
            action.setText(name)
        elif action.icon().isNull():
            # An action not given an icon yet: its text rather than a blank button.
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
