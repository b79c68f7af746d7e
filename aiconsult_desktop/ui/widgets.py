"""Small generic widgets shared by several pages.

Kept deliberately tiny and free of business logic: they only translate between what
the user sees (French labels, record titles) and what the services want (enum members,
record ids), so every page picks values the same way.

- `EnumCombo(enum_cls)`: `value()`, `set_value(member)`.
- `IdCombo()`: `set_items([(id_or_None, text), ...])`, `current_id()`, `set_current_id(id)`.
- `wrapping_list()`: a list whose long items (a 300-character question) wrap on as many
  lines as they need, never cut by "…" nor scrolled sideways.
- `after_typing(line, action)`: `action` once typing pauses, or at once on Entrée.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListView, QListWidget, QWidget

from aiconsult_desktop.domain.enums import LabelledEnum

E = TypeVar("E", bound=LabelledEnum)


class EnumCombo(QComboBox, Generic[E]):
    """A combo box listing the members of a `LabelledEnum` by their French label.

    The member itself is stored as item data, so `value()` never has to parse a label
    back. Usage::

        combo = EnumCombo(BodyKind)
        combo.set_value(BodyKind.F3SCT)
        combo.value()  # -> BodyKind.F3SCT
    """

    def __init__(
        self,
        enum_cls: type[E],
        parent: QWidget | None = None,
        *,
        members: Iterable[E] | None = None,
    ) -> None:
        """`members` restricts or reorders the choices (default: all, in declaration order)."""
        super().__init__(parent)
        # Look members up by value: calling a LabelledEnum class with only the value
        # confuses type checkers (its __new__ takes the label too).
        self._by_value: dict[str, E] = {member.value: member for member in enum_cls}
        for member in members if members is not None else enum_cls:
            self.addItem(member.label, member.value)

    def value(self) -> E:
        """The selected member (the first one if nothing was explicitly chosen)."""
        index = max(self.currentIndex(), 0)
        return self._by_value[self.itemData(index)]

    def set_value(self, member: E | str) -> None:
        """Select `member` (a member or its stored value); unknown values are ignored."""
        index = self.findData(str(member))
        if index >= 0:
            self.setCurrentIndex(index)


class IdCombo(QComboBox):
    """A combo box to pick a record by id, showing its title.

    `None` is a legitimate id: use it for an entry such as "(aucun)" when the choice is
    optional. Usage::

        combo = IdCombo()
        combo.set_items([(None, "(aucun dossier)"), (3, "Déploiement de l'IA")])
        combo.set_current_id(3)
        combo.current_id()  # -> 3
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Record titles can be long ("5 juin 2025 — CST du 5 juin 2025 — …"): sized by
        # their longest title, one combo would push the editor wider than a laptop
        # screen. The field still grows with the form; the list opens as wide as needed.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, 700))
        super().showPopup()

    def set_items(self, items: Iterable[tuple[int | None, str]]) -> None:
        """Replace the choices, keeping the current id selected when it still exists."""
        previous = self.current_id()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            for record_id, text in items:
                self.addItem(text, record_id)
        finally:
            self.blockSignals(blocked)
        if not self.set_current_id(previous) and self.count():
            self.setCurrentIndex(0)
        if self.current_id() != previous:
            # Signals were blocked while refilling: tell listeners the choice changed.
            self.currentIndexChanged.emit(self.currentIndex())

    def current_id(self) -> int | None:
        """The id of the selected record, or None (nothing selected or the "none" entry)."""
        if self.currentIndex() < 0:
            return None
        data = self.currentData()
        return data if isinstance(data, int) else None

    def set_current_id(self, record_id: int | None) -> bool:
        """Select the entry with `record_id`; return False (selection unchanged) if absent."""
        for index in range(self.count()):
            data = self.itemData(index)
            if data == record_id or (record_id is None and data is None):
                self.setCurrentIndex(index)
                return True
        return False


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (Alt+letter) puts the cursor in `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def wrapping_list() -> QListWidget:
    """A QListWidget whose items wrap at the view's width and grow as tall as their text:
    the questions users pick from are long sentences that must be read whole."""
    view = QListWidget()
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap when the dialog is resized
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    return view


TYPING_PAUSE_MS = 250
"""Long enough to fall between the keys of someone typing a word, short enough to feel
like search-as-you-type once they stop."""


def after_typing(line: QLineEdit, action: Callable[[], None]) -> QTimer:
    """Run `action` when typing in `line` pauses (or at once on Entrée), not per key: a
    search of 100,000 questions per keystroke would hold the window while one types.

    Returns the timer: stopping it drops a pending run (the caller ran it otherwise)."""
    pause = QTimer(line)
    pause.setSingleShot(True)
    pause.setInterval(TYPING_PAUSE_MS)
    pause.timeout.connect(action)
    line.textChanged.connect(lambda _text: pause.start())

    def now() -> None:
        if pause.isActive():
            pause.stop()
            action()

    line.returnPressed.connect(now)
    return pause
