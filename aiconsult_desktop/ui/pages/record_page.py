"""The one list-and-form editor: every page (or tab) that lists records beside the form
editing one of them is a `RecordPage` (Calendrier, Questions, Déclarations, Employeurs,
Dossiers suivis, and every new page of that shape).

What it owns is the part users would notice if a page got it wrong:

- nothing typed is lost: leaving a record (another row, "Nouveau", another page or tab,
  closing the window) saves the editor first; if the save is refused, the user stays on
  the record with the French message and their text;
- "Modifications non enregistrées" shows while the editor differs from the store,
  "Enregistré." after Ctrl+S;
- a reload (after any save, or when the page is shown again) never overwrites an editor
  with unsaved changes, and keeps the selected record selected;
- a save refused because someone else saved first (shared server) is said at once; when
  the service kept the user's text in a copy, the editor moves onto the copy, so the next
  saves go there (one conflict, one copy).

How to build a page with it (`ui/pages/dossier_editor.py` is a small one):

1. Subclass `RecordPage[YourData]` (a services dataclass with an `id`); set `title` (the
   heading; "" in a tab), `new_text`, `new_tip`, `delete_tip`, `empty_text`, `list_label`.
2. In `__init__`: build the form, `self.tracker.watch(...)` every input, then call
   `self._setup(RecordTableModel([Column(...)], ...), form)` last.
3. Hooks: `_list_records`, `_fill_editor(record or None)`, `_save_editor` (return
   `self._attempt_save(lambda: service.save(...), fields)`: None when refused),
   `_delete_record` (confirm, delete, True). Optional: `_reload_choices`, `_form_title`,
   `_first_field`, `_after_show`, `_default_row`, `_commit_pending`.
4. Add the page to tests/test_record_pages.py (moving saves; a refusal keeps the user).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.flow_layout import FlowLayout
from aiconsult_desktop.ui.forms import ChangeTracker, add_shortcut, button
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.look import PageHeader, mark_primary, set_page_margins
from aiconsult_desktop.ui.pages.record_conflicts import ConflictsMixin
from aiconsult_desktop.ui.pages.record_list import RecordList, form_pane
from aiconsult_desktop.ui.record_model import RecordRole, RecordTableModel

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import CommandName, Navigation

T = TypeVar("T")

UNSAVED = "Modifications non enregistrées"
SAVED = "Enregistré."


class RecordPage(QWidget, ConflictsMixin[T]):
    """Base of a list + editor page. Subclasses call `_setup()` at the end of `__init__`."""

    title = ""
    """The page heading; "" for a tab of a page that has its own heading."""
    list_label = ""
    """A label above the list, with its Alt letter ("Emp&loyeurs suivis"); "" for none."""
    new_text = "&Nouveau"
    new_tip = "Nouvel élément (Ctrl+N)"
    delete_tip = "Supprimer (Suppr)"
    empty_text = "Rien à afficher pour l'instant."
    new_command: CommandName | None = None
    """The window's QAction « Nouveau » triggers (Fichier › Nouvelle question…); None: own."""

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        self.tracker = ChangeTracker(self)
        self._editing: T | None = None
        self._switching = False
        self._refreshed = False
        self._keep_hidden_record = False

        if self.new_command is None:
            self.new_button = button(self.new_text, self.new_tip, self.new)
            add_shortcut(self, QKeySequence.StandardKey.New, self.new, text=self.new_tip)
        else:
            self.new_button = button(
                self.new_text, self.new_tip, window.command(self.new_command).trigger
            )
        mark_primary(self.new_button, "plus")
        self.save_button = button("&Enregistrer", "Enregistrer (Ctrl+S)", self.save, "save")
        self.delete_button = button("&Supprimer", self.delete_tip, self.delete, "trash-2")
        self.status_label = QLabel("")
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: #a4441b; font-weight: bold;")
        # Takes the room the buttons leave, never more: the window does not widen when
        # « Modifications non enregistrées » appears.
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form_title = QLabel("")
        font = self.form_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.form_title.setFont(font)
        self._message = ""
        self.tracker.changed.connect(self._on_dirty_changed)
        add_shortcut(self, QKeySequence.StandardKey.Save, self.save, text="Enregistrer")

    # Hooks -------------------------------------------------------------------------------

    def _list_records(self) -> Sequence[T]:
        """The records to list, through the services (may raise UserError)."""
        raise NotImplementedError

    def _record_id(self, record: T) -> int | None:
        return record.id  # type: ignore[attr-defined, no-any-return]

    def _reload_choices(self) -> None:
        """Refill combos (employers, meetings…) from the store; keep current choices."""

    def _fill_editor(self, record: T | None) -> None:
        """Show `record` in the editor, or a blank new one for None."""
        raise NotImplementedError

    def _save_editor(self) -> T | None:
        """Save the editor through the services; None when refused (message shown)."""
        raise NotImplementedError

    def _delete_record(self, record: T) -> bool:
        """Confirm and delete; True when deleted."""
        raise NotImplementedError

    def _default_row(self) -> int:
        """Which row to open when nothing was selected yet."""
        return 0

    def _after_show(self) -> None:
        """Enable or label page-specific actions once a record is in the editor."""

    def _commit_pending(self) -> None:
        """Take in an edit still open in a table cell (it would count only on focus out)."""

    def _form_title(self, record: T | None) -> str:
        """A bold title above the form ("Nouvel employeur", the record's name); "" for none."""
        return ""

    def _first_field(self) -> QWidget | None:
        """Where the cursor goes on "Nouveau"."""
        return None

    # Layout ------------------------------------------------------------------------------

    def _setup(
        self,
        model: RecordTableModel[T],
        editor: QWidget,
        *,
        proxy: QSortFilterProxyModel | None = None,
        filters: Sequence[QWidget] = (),
        buttons: Sequence[QWidget] = (),
        under_list: Sequence[QWidget] = (),
        sizes: tuple[int, int] = (560, 440),
    ) -> None:
        self.list: RecordList[T] = RecordList(
            model, proxy, self.empty_text, self.list_label, under_list
        )
        self.model, self.proxy, self.view = model, proxy, self.list.view
        if not self.list_label:  # a labelled list is named by its label
            self.view.setAccessibleName(f"Liste : {self.title}" if self.title else "Liste")
        self.empty_label, self.list_stack = self.list.empty_label, self.list.stack
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        add_shortcut(
            self.view,
            QKeySequence.StandardKey.Delete,
            self.delete,
            Qt.ShortcutContext.WidgetShortcut,
            text=self.delete_tip,
        )

        # The buttons wrap at narrow widths rather than widen the window (flow_layout.py).
        row = FlowLayout()
        for widget in (self.new_button, self.save_button, self.delete_button, *buttons):
            row.addWidget(widget)
        actions = QHBoxLayout()
        actions.addLayout(row)
        actions.addWidget(self.status_label, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(form_pane(editor, self.form_title))
        self.splitter.setStretchFactor(0, sizes[0])
        self.splitter.setStretchFactor(1, sizes[1])
        self.splitter.setSizes(list(sizes))
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        if self.title:  # a page of its own: its header, in the margins of every page
            set_page_margins(layout)
            self.header = PageHeader(self.title, filters=filters)
            layout.addWidget(self.header)
        else:  # inside another page, which has the header and margins
            layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)

    # State -------------------------------------------------------------------------------

    @property
    def editing(self) -> T | None:
        """The stored record shown in the editor (None: a new one)."""
        return self._editing

    def editing_id(self) -> int | None:
        return None if self._editing is None else self._record_id(self._editing)

    def _select_source_row(self, source_row: int) -> None:
        """Select without triggering the leave-and-load logic (the caller handles it)."""
        self._switching = True
        try:
            self.list.select(source_row)
        finally:
            self._switching = False

    def _show(self, record: T | None) -> None:
        self._editing = record
        with self.tracker.loading():
            self._fill_editor(record)
        self.delete_button.setEnabled(record is not None)
        title = self._form_title(record)
        self.form_title.setText(title)
        self.form_title.setVisible(bool(title))
        self._update_status()
        self._after_show()

    def say(self, message: str) -> None:
        """A short French sentence beside the buttons ("Employeur « X » supprimé.")."""
        self._message = message
        self._update_status()

    def _update_status(self) -> None:
        if not shiboken6.isValid(self.status_label):
            return  # the window is being torn down: nothing left to show it on
        self.status_label.setText(UNSAVED if self.tracker.dirty else self._message)

    def _on_dirty_changed(self, dirty: bool) -> None:
        if not shiboken6.isValid(self.status_label):
            return
        if dirty:
            self._message = ""
        self._update_status()
        # A new record being typed can be thrown away with the same button.
        self.delete_button.setEnabled(self._editing is not None or dirty)

    def _update_empty_state(self) -> None:
        self.list.update_empty_state()

    # Reloading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload lists and choices; the editor is reloaded only when it holds no changes."""
        with self.tracker.quiet():
            self._reload_choices()
        self.reload_list()

    def reload_list(self) -> None:
        """Reload the list only: what a filter or the search box changes (not the choices)."""
        self._refreshed = True
        records = attempt(self, self._list_records)
        if records is None:
            return
        keep_id = self.editing_id()
        self.model.set_records(records)
        row = self.model.row_of(keep_id)
        if row >= 0 and not self.list.view_index(row).isValid():
            row = -1  # hidden by a filter
        self._update_empty_state()
        if self.tracker.dirty:
            self._select_source_row(row)
            return
        if row < 0 and keep_id is not None and self._keep_hidden_record:
            # What the user just did made a filter hide the record: stay on it.
            self._select_source_row(-1)
            return
        if row < 0 and keep_id is None and self._editing is None and self.list.has_rows():
            row = self.list.source_row_at(self._default_row())
        elif row < 0 and self.list.has_rows():
            row = self.list.source_row_at(0)
        self._select_source_row(row)
        self._show(self.model.record(row) if row >= 0 else None)

    # Moving between records --------------------------------------------------------------

    def _on_current_row_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        if self._switching or not current.isValid():
            return
        record = current.data(RecordRole)
        if record is None or (
            self._editing is not None and self._record_id(record) == self.editing_id()
        ):
            return
        if not self.leave():
            # The view is still handling the click: put the selection back afterwards.
            QTimer.singleShot(0, self._reselect_editing)
            return
        self._message = ""  # "Enregistré." was about the record shown before
        self._show(record)

    def _reselect_editing(self) -> None:
        self._select_source_row(self.model.row_of(self.editing_id()))

    def open_record(self, record_id: int) -> None:
        """Show this record if the list holds it (a Ctrl+K result opens through this)."""
        if record_id != self.editing_id() and self.leave() and self.model.row_of(record_id) >= 0:
            self._select_source_row(self.model.row_of(record_id))
            self._show(self.model.record(self.model.row_of(record_id)))

    def leave(self) -> bool:
        """Save what the user typed before showing something else; False if refused."""
        self._commit_pending()
        if not self.tracker.dirty:
            return True
        saved = self._save_editor()
        if saved is None:
            return False
        self._took(saved)
        return True

    def _took(self, saved: T) -> None:
        """`saved` (by leaving, or an autosave) is the editor's record, listed, clean."""
        self._editing = saved
        self.tracker.clear()
        self.model.put_record(saved)
        self._update_empty_state()

    def discard(self) -> None:
        """Abandon what was typed (the user chose to close without it): back to the saved record."""
        self.tracker.clear()
        self._show(self._editing)

    def hideEvent(self, event: QHideEvent) -> None:
        """Switching to another page (or closing the window) saves the editor."""
        super().hideEvent(event)
        if event.spontaneous() or QCoreApplication.closingDown():
            return
        self._commit_pending()
        if self.tracker.dirty and self.leave():
            self.window_.notify_changed()

    # Actions -----------------------------------------------------------------------------

    def new(self) -> None:
        if not self.leave():
            return
        self._select_source_row(-1)
        self._message = ""
        self._show(None)
        first = self._first_field()
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        saved = self._save_editor()
        if saved is None:
            return
        self._editing = saved
        self.tracker.clear()
        self._announce_change()
        self.say(SAVED)

    def delete(self) -> None:
        record = self._editing
        if record is None:
            if self.tracker.dirty and dialogs.confirm(
                self, "Abandonner la saisie", "Abandonner ce qui a été saisi ?", destructive=True
            ):
                self._show(None)
            return
        if not self._delete_record(record):
            return
        self._editing = None
        self.tracker.clear()
        self._announce_change()

    def _announce_change(self) -> None:
        """Tell the window (other pages' counts change) and make sure this page reloads."""
        self._refreshed = False
        self.window_.notify_changed()
        if not self._refreshed:
            self.refresh()
