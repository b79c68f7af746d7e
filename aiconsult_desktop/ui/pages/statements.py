"""Déclarations: the statements of each meeting, their plain-text editor and Word export.

Statements are long texts written over days: nothing typed may be lost. Moving to another
statement, another meeting's list or another page saves the editor first (see
`RecordPage.leave`), and the page says "Modifications non enregistrées" meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.enums import StatementKind, StatementState
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import exports, meetings, statements
from aiconsult_desktop.services.records import MeetingData, StatementData
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.forms import (
    Column,
    RecordTableModel,
    add_shortcut,
    button,
    count_phrase,
    fit_columns,
    meeting_date,
    meeting_label,
)
from aiconsult_desktop.ui.guard import attempt, attempt_form
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow

EMPTY = (
    "Aucune déclaration ici pour l'instant.\n"
    "Écrivez-la dans l'éditeur : elle est enregistrée dès que vous passez à autre chose."
)


class StatementEditor(QWidget):
    """Meeting, agenda item, kind, title, state, "Extrait" and the text itself."""

    def __init__(self, page: StatementsPage) -> None:
        super().__init__()
        self._meetings: dict[int, MeetingData] = {}
        self.meeting = IdCombo()
        self.agenda_item = IdCombo()
        self.agenda_item.setToolTip("Point de l'ordre du jour sur lequel porte la déclaration")
        self.kind: EnumCombo[StatementKind] = EnumCombo(StatementKind)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Ex. : Intelligence artificielle et suppressions de postes")
        self.state: EnumCombo[StatementState] = EnumCombo(StatementState)
        self.excerpt = QCheckBox("E&xtrait")
        self.excerpt.setToolTip("Le document portera la mention « Extrait »")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Texte de la déclaration…")
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text.setFont(font)
        self.text.setMinimumHeight(220)
        self.word_count = QLabel("")
        self.word_count.setObjectName("wordCount")
        self.word_count.setAlignment(Qt.AlignmentFlag.AlignRight)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.excerpt)
        form = QFormLayout()
        form.addRow("Réuni&on :", self.meeting)
        form.addRow("&Point :", self.agenda_item)
        kind_label = QLabel("T&ype :")
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, kind_row)
        form.addRow("T&itre :", self.title)
        form.addRow("Ét&at :", self.state)
        text_label = QLabel("&Texte :")
        text_label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.word_count)

        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        self.text.textChanged.connect(self._count_words)
        page.tracker.watch(
            self.meeting,
            self.agenda_item,
            self.kind,
            self.title,
            self.state,
            self.excerpt,
            self.text,
        )
        self.fields: dict[str, QWidget] = {
            "meeting": self.meeting,
            "agenda_item": self.agenda_item,
            "Titre de la déclaration": self.title,
            "Texte": self.text,
        }

    def set_meetings(self, meeting_list: list[MeetingData]) -> None:
        self._meetings = {m.id: m for m in meeting_list if m.id is not None}
        self.meeting.set_items([(m.id, meeting_label(m)) for m in meeting_list])
        self._meeting_changed()

    def load(self, statement: StatementData | None, meeting_id: int | None) -> None:
        if statement is None:
            if meeting_id is None or not self.meeting.set_current_id(meeting_id):
                self.meeting.setCurrentIndex(self.meeting.count() - 1)
            self._meeting_changed()
            self.agenda_item.set_current_id(None)
            self.kind.set_value(StatementKind.INTERVENTION)
            self.title.clear()
            self.state.set_value(StatementState.DRAFT)
            self.excerpt.setChecked(False)
            self.text.clear()
            return
        self.meeting.set_current_id(statement.meeting_id)
        self._meeting_changed()
        self.agenda_item.set_current_id(statement.agenda_item_id)
        self.kind.set_value(statement.kind)
        self.title.setText(statement.title)
        self.state.set_value(statement.state)
        self.excerpt.setChecked(statement.excerpt)
        self.text.setPlainText(statement.text)

    def record(self, loaded: StatementData | None) -> StatementData:
        """What is in the editor; id, version and dossier come from the loaded record.

        A new statement joins the dossier of its meeting, so it shows up with the subject.
        """
        meeting_id = self.meeting.current_id()
        meeting = self._meetings.get(meeting_id) if meeting_id is not None else None
        if loaded is not None:
            dossier_id = loaded.dossier_id
        else:
            dossier_id = meeting.dossier_id if meeting is not None else None
        return StatementData(
            id=loaded.id if loaded else None,
            version=loaded.version if loaded else 0,
            dossier_id=dossier_id,
            meeting_id=meeting_id if meeting_id is not None else 0,
            agenda_item_id=self.agenda_item.current_id(),
            kind=self.kind.value(),
            title=self.title.text(),
            state=self.state.value(),
            excerpt=self.excerpt.isChecked(),
            text=self.text.toPlainText(),
        )

    def _meeting_changed(self, *_args: object) -> None:
        """The agenda items offered are those of the chosen meeting."""
        meeting = self._meetings.get(self.meeting.current_id() or -1)
        agenda = sorted(meeting.agenda, key=lambda a: a.position) if meeting else []
        self.agenda_item.set_items(
            [(None, "(aucun point précis)"), *((a.id, f"{a.position}. {a.title}") for a in agenda)]
        )

    def _count_words(self) -> None:
        words = len(self.text.toPlainText().split())
        self.word_count.setText(count_phrase(words, "mot"))


class StatementsPage(RecordPage[StatementData]):
    """Statements, all or one meeting's, with the editor and the Word export."""

    title = "Déclarations"
    new_text = "&Nouvelle déclaration"
    new_tip = "Nouvelle déclaration (Ctrl+N)"
    delete_tip = "Supprimer la déclaration (Suppr dans la liste)"
    empty_text = EMPTY

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__(store, window)
        self._meetings: dict[int, MeetingData] = {}
        self._export_dir: Path | None = None
        self.meeting_filter = IdCombo()
        self.meeting_filter.setMinimumContentsLength(34)
        self.meeting_filter.setToolTip("N'afficher que les déclarations de cette réunion")
        self.meeting_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        filter_label = QLabel("Ré&union :")
        filter_label.setBuddy(self.meeting_filter)
        self.export_button = button(
            "Exporter en &Word…", "Exporter la déclaration en document Word (Ctrl+E)", self.export
        )
        add_shortcut(self, "Ctrl+E", self.export)

        self.editor = StatementEditor(self)
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
            buttons=[self.export_button],
            sizes=(460, 540),
        )
        fit_columns(self.view, stretch=1)

    def _meeting_date(self, statement: StatementData) -> str:
        meeting = self._meetings.get(statement.meeting_id)
        return meeting_date(meeting) if meeting is not None else ""

    # Public ------------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        """Show this meeting's statements (None: all), bringing the page forward.

        Used by the Réunions page's "Déclarations de cette réunion".
        """
        with self.tracker.quiet():
            self._reload_choices()
        blocked = self.meeting_filter.blockSignals(True)
        self.meeting_filter.set_current_id(meeting_id)
        self.meeting_filter.blockSignals(blocked)
        if self.isVisible():
            self.refresh()
        else:
            self.window_.open_page(self)  # shows the page, which refreshes it

    def export(self) -> None:
        """Save if needed, ask where, write the .docx, then say where it is."""
        if self.tracker.dirty:
            if not self.leave():
                return
            self._announce_change()
        statement = self.editing
        if statement is None or statement.id is None:
            dialogs.show_info(
                self, "Écrivez d'abord la déclaration : elle pourra ensuite être exportée."
            )
            return
        statement_id = statement.id
        meeting = attempt(self, lambda: meetings.get_meeting(self.store, statement.meeting_id))
        if meeting is None:
            return
        suggested = self._start_dir() / exports.suggested_file_name(statement, meeting)
        path = dialogs.save_path(self, "Exporter en Word", suggested, "Documents Word (*.docx)")
        if path is None:
            return

        def write() -> Path:
            try:
                return exports.export_statement(self.store, statement_id, path)
            except OSError as error:
                raise UserError(
                    f"Impossible d'écrire le fichier « {path} ». Vérifiez qu'il n'est pas "
                    "ouvert dans Word et que vous pouvez écrire dans ce dossier."
                ) from error

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            target = attempt(self, write)
        finally:
            QApplication.restoreOverrideCursor()
        if target is None:
            return
        self._export_dir = target.parent
        dialogs.show_info(
            self, f"La déclaration a été exportée dans le fichier :\n{target}", "Export Word"
        )

    def _start_dir(self) -> Path:
        if self._export_dir is not None and self._export_dir.is_dir():
            return self._export_dir
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    # RecordPage hooks ---------------------------------------------------------------------

    def _reload_choices(self) -> None:
        meeting_list = attempt(self, lambda: meetings.list_meetings(self.store))
        if meeting_list is None:
            return
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
        self.editor.load(record, self.meeting_filter.current_id())

    def _save_editor(self) -> StatementData | None:
        data = self.editor.record(self.editing)
        return attempt_form(
            self, lambda: statements.save_statement(self.store, data), self.editor.fields
        )

    def _delete_record(self, record: StatementData) -> bool:
        assert record.id is not None
        statement_id = record.id
        if not dialogs.confirm(
            self,
            "Supprimer la déclaration",
            f"Supprimer la déclaration « {record.title} » ? Son texte sera perdu.",
            destructive=True,
        ):
            return False

        def delete() -> bool:
            statements.delete_statement(self.store, statement_id)
            return True

        return attempt(self, delete) is not None

    def _after_show(self) -> None:
        self.export_button.setEnabled(True)
