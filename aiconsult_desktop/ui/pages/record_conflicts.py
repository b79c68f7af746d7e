"""A save refused because someone else saved the record first (shared server), on the
list-and-form pages (issue 16, item 10).

Said at once, never a refusal that comes back at every save (nor, with an autosaving
editor, a new copy at each autosave):

- when the service kept the user's text in a copy (statements, questions), the editor
  moves onto the copy and later saves go there: one conflict, one copy;
- otherwise (meetings: short records) the user chooses at once between saving over the
  other version and showing it (`guard.replace_theirs`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from aiconsult_desktop.errors import ConflictError
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt_form, replace_theirs

if TYPE_CHECKING:
    from aiconsult_desktop.ui.forms import ChangeTracker

T = TypeVar("T")


class ConflictsMixin(Generic[T]):
    """Part of `RecordPage`: its saves go through `_attempt_save`."""

    if TYPE_CHECKING:
        _editing: T | None
        tracker: ChangeTracker

        def editing_id(self) -> int | None: ...
        def _save_editor(self) -> T | None: ...
        def _announce_change(self) -> None: ...

    def _attempt_save(self, action: Callable[[], T], fields: Mapping[str, QWidget]) -> T | None:
        """Run the service's save as `guard.attempt_form` does, conflicts through
        `_conflicted`; None when refused (message shown)."""

        def run() -> T | None:
            try:
                return action()
            except ConflictError as conflict:
                return self._save_editor() if self._conflicted(conflict) else None

        return attempt_form(self._parent_widget(), run, fields)

    def _conflicted(self, conflict: ConflictError) -> bool:
        """Say it now; show the copy kept, or ask. True: save again, over theirs."""
        parent = self._parent_widget()
        if conflict.kept is not None:
            dialogs.show_error(parent, conflict.message)
            self._move_to(conflict.kept)  # type: ignore[arg-type]
            return False
        theirs = self._fetch(self.editing_id())
        if theirs is None:
            dialogs.show_error(parent, conflict.message)
            return False  # nothing to offer: the user stays on what they typed
        if replace_theirs(parent, conflict):
            self._editing = theirs  # the editor saves again with their version number
            return True
        self._move_to(theirs)
        return False

    def _move_to(self, record: T) -> None:
        """Show `record` (the copy of the user's text, or their version), reloading the list."""
        self._editing = record
        self.tracker.clear()
        self._announce_change()

    def _fetch(self, record_id: int | None) -> T | None:
        """The record as stored now, for a page whose conflicts keep no copy."""
        return None

    def _parent_widget(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None
