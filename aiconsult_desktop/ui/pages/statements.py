"""Déclarations: the statements of each meeting, their rich editor, versions and exports.

Statements are long texts written over days: nothing typed may be lost. The editor saves
itself a few seconds after typing stops, every few seconds while it flows (`Autosaver`),
and when the user moves to another statement or page (see `RecordPage.leave`); an
explicit save (Ctrl+S) or a change of state also keeps a version, which can be compared
with the current text and restored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.errors import ConflictError, UserError
from aiconsult_desktop.services import exports, meetings, statements
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import MeetingData, StatementData
from aiconsult_desktop.services.statement_settings import get_salutation, get_words_per_minute
from aiconsult_desktop.services.statement_versions import SAVED, list_versions
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.autosave import Autosaver, StopsAutosave
from aiconsult_desktop.ui.forms import add_shortcut, button, meeting_date, meeting_label
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.pages.statement_editor import StatementEditor
from aiconsult_desktop.ui.pages.statement_exports import StatementExports
from aiconsult_desktop.ui.pages.statement_inserts import StatementInserts
from aiconsult_desktop.ui.record_model import Column, NarrowColumns, RecordTableModel, fit_columns
from aiconsult_desktop.ui.statement_dialogs import (
    VersionsDialog,
)
from aiconsult_desktop.ui.widgets import IdCombo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from aiconsult_desktop.ui.navigation import Navigation

EMPTY = (
    "Aucune déclaration ici pour l'instant.\n"
    "Écrivez-la dans l'éditeur : elle est enregistrée dès que vous passez à autre chose."
)


class StatementsPage(StopsAutosave, RecordPage[StatementData]):
    """Statements, all or one meeting's, with the editor and the exports."""

    title = "Déclarations"
    shows: frozenset[DataKind] = frozenset({"statements", "meetings", "employers", "organisation"})
    """The statements, their meetings (and employers), the salutation and reading speed."""
    new_text = "&Nouvelle déclaration"
    new_tip = "Nouvelle déclaration (Ctrl+N)"
    new_command = "new_statement"
    delete_tip = "Supprimer la déclaration (Suppr dans la liste)"
    empty_text = EMPTY

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__(store, window)
        self._meetings: dict[int, MeetingData] = {}
        self.exports = StatementExports(self, store)
        self._save_reason = ""
        self.dialog: QDialog | None = None
        """The editor's dialog open now (versions, templates…), for tests to drive."""
        self._pdf_running = False
        self.meeting_filter = IdCombo()
        self.meeting_filter.setMinimumContentsLength(34)
        self.meeting_filter.setToolTip("N'afficher que les déclarations de cette réunion")
        self.meeting_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        filter_label = QLabel("Ré&union :")
        filter_label.setBuddy(self.meeting_filter)
        self.export_button = button(
            "Exporter en &Word…",
            "Exporter la déclaration en document Word (Ctrl+E)",
            window.command("export").trigger,
            "file-down",
        )
        self.pdf_button = button(
            "Exporter en P&DF…",
            "Exporter la déclaration en PDF (Ctrl+Maj+E)",
            self.export_pdf,
            "file-output",
        )
        unavailable = exports.pdf_unavailable()
        if unavailable:
            self.pdf_button.setEnabled(False)
            self.pdf_button.setToolTip(unavailable)
        self.pack_button = button(
            "Dossier pour le P&V…",
            "Toutes les déclarations de la réunion et ses questions, en un document Word",
            self.export_pack,
            "package",
        )
        add_shortcut(self, "Ctrl+Shift+E", self.export_pdf, text="Exporter la déclaration en PDF")

        self.editor = StatementEditor(self.tracker)
        self.inserts = StatementInserts(self, store, self.editor, self._open)
        self.template_button = button(
            "Partir d'un &modèle…",
            "Insérer le texte d'un modèle de déclaration",
            lambda: self.inserts.template(self.editing is None),
        )
        self.save_template_button = button(
            "Enregistrer comme modè&le…",
            "Enregistrer ce texte comme nouveau modèle",
            self.inserts.save_template,
        )
        self.versions_button = button(
            "&Historique…",
            "Comparer avec une version enregistrée, la restaurer",
            self.show_versions,
        )
        self.reopen_button = button(
            "Modi&fier",
            "Déclaration lue en séance : en commencer une nouvelle version",
            self.reopen,
        )
        self.questions_button = button(
            "&Questions en attente…",
            "Insérer les questions sans réponse de l'employeur (Ctrl+Alt+Q)",
            self.inserts.questions,
        )
        self.grounds_button = button(
            "Fondement &juridique…",
            "Insérer un texte de référence en note de bas de page (Ctrl+Alt+J)",
            self.inserts.legal_ground,
        )
        self.tool_button = button(
            "Insé&rer la situation d'un outil d'IA…",
            "Le paragraphe tout prêt sur un outil d'IA : faits datés, fondements en notes, "
            "éléments dus et questions en attente",
            self.inserts.ai_tool,
        )
        add_shortcut(
            self,
            "Ctrl+Alt+Q",
            self.inserts.questions,
            text="Insérer les questions sans réponse de l'employeur",
        )
        add_shortcut(
            self, "Ctrl+Alt+J", self.inserts.legal_ground, text="Insérer un texte de référence"
        )
        # The AI tool's paragraph on the first row: the second has no room left at 1366 px.
        tools = (self.versions_button, self.reopen_button, self.template_button, self.tool_button)
        for widget in tools:
            self.editor.tools.addWidget(widget)
        for widget in (self.questions_button, self.grounds_button, self.save_template_button):
            self.editor.inserts.addWidget(widget)
        # Tab reaches the text after the buttons above it (they were made after it).
        QWidget.setTabOrder(self.save_template_button, self.editor.text)

        self.autosaver = Autosaver(self, self.autosave)
        self.editor.rich.changed.connect(self.autosaver.changed)
        self.editor.title.textEdited.connect(self.autosaver.changed)

        columns: list[Column[StatementData]] = [
            Column("Réunion", self._meeting_date, lambda s: s.meeting_title),
            Column("Titre", lambda s: s.title, lambda s: s.title),
            Column("Type", lambda s: s.kind.label),
            Column("État", lambda s: s.state.label),
        ]
        model: RecordTableModel[StatementData] = RecordTableModel(
            columns, lambda s: s.id, lambda s: f"{s.text} {s.meeting_title}"
        )
        self._setup(
            model,
            self.editor,
            filters=[filter_label, self.meeting_filter],
            buttons=[self.export_button, self.pdf_button, self.pack_button],
            sizes=(340, 660),
        )
        fit_columns(self.view, stretch=1)
        # On a small screen the titles matter more; the editor shows type and state.
        NarrowColumns(self.view, {2: 560, 3: 460})

    def _meeting_date(self, statement: StatementData) -> str:
        meeting = self._meetings.get(statement.meeting_id)
        return meeting_date(meeting) if meeting is not None else ""

    # Public ------------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show this meeting's statements (None: all), bringing the page forward.

        Used by the Calendrier page's "Déclarations…" button.
        """
        with self.tracker.quiet():
            self._reload_choices()
        blocked = self.meeting_filter.blockSignals(True)
        self.meeting_filter.set_current_id(meeting_id)
        self.meeting_filter.blockSignals(blocked)
        if self.isVisible():
            self.refresh()
        else:
            self.window_.go_to("statements")  # shows the page, which refreshes it

    def insert_at_cursor(self, text: str) -> None:
        """Insert `text` (Markdown: a sentence, a list…) where the cursor is in the editor."""
        self.editor.rich.insert_markdown(text)

    # Saving -------------------------------------------------------------------------------

    def save(self) -> None:
        """An explicit save keeps a version."""
        self._save_reason = SAVED
        try:
            super().save()
        finally:
            self._save_reason = ""

    def autosave(self) -> None:
        """Save quietly (see `Autosaver`); a refusal waits for `leave`."""
        if not self.tracker.dirty or not self.isVisible():
            return
        data = self.editor.record(self.editing)
        if not data.title.strip() or not data.meeting_id:
            return
        try:
            saved = statements.save_statement(self.store, data)
        except ConflictError as conflict:
            self._conflicted(conflict)  # said at once, not at the next save
            return
        except UserError:
            return
        self._took(saved)

    def _conflicted(self, conflict: ConflictError) -> bool:
        """The editor reloads onto the copy of the text: the cursor stays where it was."""
        self.autosaver.stop()
        position = self.editor.rich.text.textCursor().position()
        again = super()._conflicted(conflict)
        cursor = self.editor.rich.text.textCursor()
        cursor.setPosition(min(position, self.editor.rich.text.document().characterCount() - 1))
        self.editor.rich.text.setTextCursor(cursor)
        return again

    def reopen(self) -> None:
        """ "Modifier" a statement read at the meeting: it goes back to draft."""
        statement = self.editing
        if statement is None or statement.id is None:
            return
        statement_id = statement.id
        reopened = attempt(self, lambda: statements.reopen_statement(self.store, statement_id))
        if reopened is not None:
            self._show(reopened)
            self.model.put_record(reopened)

    # Versions and templates --------------------------------------------------------------

    def show_versions(self) -> None:
        if not self.leave():
            return
        statement = self.editing
        if statement is None or statement.id is None:
            dialogs.show_info(self, "Enregistrez d'abord la déclaration : ses versions suivront.")
            return
        statement_id = statement.id
        versions = attempt(self, lambda: list_versions(self.store, statement_id))
        if versions is None:
            return

        def restore(number: int) -> None:
            restored = attempt(
                self, lambda: statements.restore_version(self.store, statement_id, number)
            )
            if restored is not None:
                self._show(restored)
                self.model.put_record(restored)

        self._open(VersionsDialog(self, versions, statement.text, restore))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    # Exports ------------------------------------------------------------------------------

    def _saved_statement(self) -> StatementData | None:
        if self.tracker.dirty:
            if not self.leave():
                return None
            self._announce_change()
        statement = self.editing
        if statement is None or statement.id is None:
            dialogs.show_info(
                self, "Écrivez d'abord la déclaration : elle pourra ensuite être exportée."
            )
            return None
        return statement

    def export(self) -> None:
        """Save if needed, ask where, write the .docx, then say where it is."""
        statement = self._saved_statement()
        if statement is not None:
            self.exports.word(statement)

    def export_pack(self) -> None:
        meeting = self.editor.current_meeting()
        if self.tracker.dirty and not self.leave():
            return
        if meeting is not None:
            self.exports.pack(meeting)

    def export_pdf(self) -> None:
        """Save if needed, ask where, then convert off the GUI thread."""
        unavailable = exports.pdf_unavailable()
        if unavailable:
            dialogs.show_error(self, unavailable)
            return
        if self._pdf_running:
            return
        statement = self._saved_statement()
        if statement is not None and self.exports.pdf(statement, self._pdf_finished):
            self._pdf_running = True
            self.pdf_button.setEnabled(False)

    def _pdf_finished(self) -> None:
        self._pdf_running = False
        self.pdf_button.setEnabled(True)

    @property
    def progress(self) -> QProgressDialog | None:
        """The export running now, for tests to watch."""
        return self.exports.progress

    # RecordPage hooks ---------------------------------------------------------------------

    def _reload_choices(self) -> None:
        meeting_list = attempt(self, lambda: meetings.list_meetings(self.store))
        if meeting_list is None:
            return
        speed = attempt(self, lambda: get_words_per_minute(self.store))
        self.editor.words_per_minute = speed or 130
        self.editor.salutation = attempt(self, lambda: get_salutation(self.store)) or ""
        self._meetings = {m.id: m for m in meeting_list if m.id is not None}
        blocked = self.meeting_filter.blockSignals(True)
        self.meeting_filter.set_items(
            [(None, "Toutes les réunions"), *((m.id, meeting_label(m)) for m in meeting_list)]
        )
        self.meeting_filter.blockSignals(blocked)
        self.editor.set_meetings(meeting_list)

    def _list_records(self) -> Sequence[StatementData]:
        return statements.list_statements(self.store, meeting_id=self.meeting_filter.current_id())

    def _fill_editor(self, record: StatementData | None) -> None:
        self.autosaver.stop()
        self.editor.load(record, self.meeting_filter.current_id())

    def _save_editor(self) -> StatementData | None:
        data = self.editor.record(self.editing)
        reason = self._save_reason
        return self._attempt_save(
            lambda: statements.save_statement(self.store, data, reason=reason),
            self.editor.fields,
        )

    def _delete_record(self, record: StatementData) -> bool:
        assert record.id is not None
        statement_id = record.id
        if not dialogs.confirm(
            self,
            "Supprimer la déclaration",
            f"Supprimer la déclaration « {record.title} » ? Son texte et ses versions seront "
            "perdus.",
            destructive=True,
        ):
            return False

        def delete() -> bool:
            statements.delete_statement(self.store, statement_id)
            return True

        return attempt(self, delete) is not None

    def _after_show(self) -> None:
        self.export_button.setEnabled(True)
        editing = self.editing
        self.reopen_button.setVisible(editing is not None and editing.state.value == "read")
        self.versions_button.setEnabled(editing is not None)
        locked = editing is not None and editing.state.value == "read"
        for widget in (
            self.template_button,
            self.questions_button,
            self.grounds_button,
            self.tool_button,
        ):
            widget.setEnabled(not locked)
        self.editor.show_lock(editing)
