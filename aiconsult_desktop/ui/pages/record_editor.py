"""The shape shared by the two tabs of « Employeurs et instances »: a list of records on the
left, the form editing the selected one on the right, Nouveau / Enregistrer / Supprimer.

Kept apart from the editors so each reads as "which fields, which service calls".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.errors import ConflictError
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt, attempt_form, replace_theirs

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (Alt+letter) puts the cursor in `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class RecordEditor(QWidget):
    """A list of records beside the form editing the selected one.

    Keeps track of unsaved typing so that picking another record, Nouveau or a refresh
    never throws away what the user wrote without asking first.
    """

    new_text = "&Nouveau"
    list_label = "&Liste"
    nothing_yet = "Aucun élément pour l'instant."

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        self.current_id: int | None = None
        self.dirty = False
        self._loading = False
        self._records: dict[int, Any] = {}

        self.record_list = QListWidget()
        self.record_list.setMinimumWidth(220)
        self.record_list.currentItemChanged.connect(self._on_current_item_changed)
        self.empty_hint = QLabel(self.nothing_yet)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text);")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(buddy(self.list_label, self.record_list))
        left_layout.addWidget(self.record_list, 1)
        left_layout.addWidget(self.empty_hint)

        self.form_title = QLabel()
        font = self.form_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.form_title.setFont(font)
        self.form_box = QWidget()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.form_title)
        right_layout.addWidget(self.form_box, 1)

        self.new_button = QPushButton(self.new_text)
        self.new_button.setToolTip("Saisir un nouvel élément (Ctrl+N)")
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton("&Enregistrer")
        self.save_button.setToolTip("Enregistrer les modifications (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("&Supprimer")
        self.delete_button.setToolTip("Supprimer l'élément choisi dans la liste (Suppr)")
        self.delete_button.clicked.connect(self.delete)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status_label, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The list needs room for a name; the form gets the rest.
        left.setMaximumWidth(420)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 10_000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        # Shortcuts live on this tab: a hidden tab's (or page's) shortcuts never fire, so
        # Ctrl+S always saves what the user is looking at.
        for text, key, slot in (
            ("Nouveau", QKeySequence.StandardKey.New, self.new),
            ("Enregistrer", QKeySequence.StandardKey.Save, self.save),
        ):
            action = QAction(text, self)
            action.setShortcut(key)
            action.triggered.connect(slot)
            self.addAction(action)
        # Del only on the list: in a text field it must keep erasing characters.
        delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.record_list)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.activated.connect(self.delete)

    # To be provided by each editor ---------------------------------------------------

    def load_records(self) -> list[Any]:
        raise NotImplementedError

    def item_text(self, record: Any) -> tuple[str, str]:
        """Text and tooltip of a record in the list."""
        raise NotImplementedError

    def fill(self, record: Any | None) -> None:
        """Show `record` in the form (None: an empty form for a new one)."""
        raise NotImplementedError

    def form_record(self) -> Any:
        raise NotImplementedError

    def save_record(self, record: Any) -> Any:
        raise NotImplementedError

    def invalid_fields(self) -> dict[str, QWidget]:
        """ValidationError.field names → the widget to focus."""
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def delete_record(self, record: Any) -> str | None:
        """Ask, delete; return the status message, or None when nothing was deleted."""
        raise NotImplementedError

    def title_for(self, record: Any | None) -> str:
        raise NotImplementedError

    # Common behaviour ----------------------------------------------------------------

    def current_record(self) -> Any | None:
        return self._records.get(self.current_id) if self.current_id is not None else None

    def refresh(self) -> None:
        """Reload the list; reload the form too unless it holds unsaved typing."""
        records = attempt(self, self.load_records)
        if records is None:
            return
        self._records = {record.id: record for record in records}
        blocked = self.record_list.blockSignals(True)
        try:
            self.record_list.clear()
            for record in records:
                text, tooltip = self.item_text(record)
                item = QListWidgetItem(text)
                item.setToolTip(tooltip)
                item.setData(ID_ROLE, record.id)
                self.record_list.addItem(item)
        finally:
            self.record_list.blockSignals(blocked)
        self.empty_hint.setVisible(not records)
        if self.dirty:
            self._select(self.current_id)
            return
        if self.current_id not in self._records:
            self.current_id = records[0].id if records else None
        self._select(self.current_id)
        self._show(self.current_record())

    def _select(self, record_id: int | None) -> None:
        blocked = self.record_list.blockSignals(True)
        try:
            self.record_list.setCurrentRow(-1)
            for row in range(self.record_list.count()):
                if self.record_list.item(row).data(ID_ROLE) == record_id:
                    self.record_list.setCurrentRow(row)
                    break
        finally:
            self.record_list.blockSignals(blocked)

    def _show(self, record: Any | None) -> None:
        self._loading = True
        try:
            self.fill(record)
        finally:
            self._loading = False
        self.dirty = False
        self.form_title.setText(self.title_for(record))
        self.delete_button.setEnabled(record is not None)

    def leave(self) -> bool:
        """Before the window closes: save what was typed; False (stay open) if refused."""
        if self.dirty:
            self.save()
        return not self.dirty

    def discard(self) -> None:
        self.dirty = False
        self.status_label.clear()
        self._show(self.current_record())

    def mark_dirty(self) -> None:
        """Called by every edit in the form."""
        if self._loading:
            return
        self.dirty = True
        self.status_label.setText("Modifications non enregistrées.")

    def _may_discard(self) -> bool:
        if not self.dirty:
            return True
        name = self.title_for(self.current_record())
        return dialogs.confirm(
            self,
            "Modifications non enregistrées",
            f"Les modifications de « {name} » ne sont pas enregistrées.\n\nLes abandonner ?",
        )

    def _on_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        new_id = current.data(ID_ROLE) if current is not None else None
        if new_id == self.current_id or new_id is None:
            return
        if not self._may_discard():
            self._select(self.current_id)
            return
        self.current_id = new_id
        self.status_label.clear()
        self._show(self.current_record())

    def new(self) -> None:
        if not self._may_discard():
            return
        self.current_id = None
        self._select(None)
        self.status_label.clear()
        self._show(None)
        self.first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        record = self.form_record()
        saved = attempt_form(self, lambda: self._save_or_resolve(record), self.invalid_fields())
        if saved is None:
            if self.dirty:
                self.status_label.setText("Non enregistré : corrigez ce qui est indiqué.")
            return
        self.current_id = saved.id
        self.dirty = False
        self.refresh()
        self.window_.data_changed.emit()
        self.status_label.setText("Enregistré.")

    def _save_or_resolve(self, record: Any) -> Any | None:
        """Save; when someone else saved the record first, the same choice as on the
        list-and-form pages (`guard.replace_theirs`): save over theirs, or show theirs."""
        try:
            return self.save_record(record)
        except ConflictError as conflict:
            self._records = {r.id: r for r in self.load_records()}
            if self.current_id not in self._records:
                raise  # deleted meanwhile: nothing to save over, the message says why
            if replace_theirs(self, conflict):
                return self.save_record(self.form_record())  # with their version number
            self.dirty = False
            self.refresh()
            self.status_label.setText("Sa version est affichée ; votre saisie est abandonnée.")
            return None

    def delete(self) -> None:
        record = self.current_record()
        if record is None:
            return
        if self.dirty and not self._may_discard():
            return
        message = self.delete_record(record)
        if message is None:
            return
        self.current_id = None
        self.dirty = False
        self.refresh()
        self.window_.data_changed.emit()
        self.status_label.setText(message)
