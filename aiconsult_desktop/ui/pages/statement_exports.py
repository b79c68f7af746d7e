"""The Déclarations page's exports: one statement to Word or PDF, a meeting's pack for
the minutes. Each asks where (`dialogs.save_path` starts in the last folder used), runs the
service, and says where the file is along with any notice (letterhead fallback…).

The page saves the statement first and hands over what to export; every export runs off
the GUI thread through `ui.background_export`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from aiconsult_desktop.services import exports, meetings
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.pack_export import export_meeting_pack
from aiconsult_desktop.services.records import MeetingData, StatementData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.background_export import run_export
from aiconsult_desktop.ui.guard import attempt


class StatementExports:
    """Owned by the page; remembers the export running."""

    def __init__(self, parent: QWidget, store: Store) -> None:
        self.parent = parent
        self.store = store
        self.progress: QProgressDialog | None = None
        """The export running now, for tests to watch."""

    def _ask_target(self, statement: StatementData, title: str, suffix: str) -> Path | None:
        found = attempt(self.parent, lambda: meetings.get_meeting(self.store, statement.meeting_id))
        if found is None:
            return None
        name = Path(exports.suggested_file_name(statement, found)).with_suffix(suffix).name
        filter_ = "Documents PDF (*.pdf)" if suffix == ".pdf" else "Documents Word (*.docx)"
        return dialogs.save_path(self.parent, title, Path(name), filter_)

    def _said(self, first: str, target: Path, notices: list[str], title: str) -> None:
        dialogs.show_info(self.parent, "\n\n".join([f"{first}\n{target}", *notices]), title)

    def word(self, statement: StatementData) -> None:
        """Ask where, write the .docx off the GUI thread, then say where it is."""
        statement_id = statement.id
        path = self._ask_target(statement, "Exporter en Word", ".docx")
        if path is None or statement_id is None:
            return
        notices: list[str] = []
        self.progress = run_export(
            self.parent,
            path,
            lambda: exports.export_statement(self.store, statement_id, path, notices=notices),
            lambda target: self._said(
                "La déclaration a été exportée dans le fichier :", target, notices, "Export Word"
            ),
            title="Export Word",
        )

    def pdf(self, statement: StatementData, finished: Callable[[], None]) -> bool:
        """Ask where, then write the Word file and convert it off the GUI thread
        (`exports.export_statement_pdf`, as the CLI does). False when nothing started."""
        statement_id = statement.id
        path = self._ask_target(statement, "Exporter en PDF", ".pdf")
        if path is None or statement_id is None:
            return False
        notices: list[str] = []
        self.progress = run_export(
            self.parent,
            path,
            lambda: exports.export_statement_pdf(self.store, statement_id, path, notices=notices),
            lambda target: self._said(
                "La déclaration a été exportée en PDF :", target, notices, "Export PDF"
            ),
            title="Export PDF",
            finished=finished,
        )
        return True

    def pack(self, meeting: MeetingData) -> None:
        """The meeting's pack for the minutes, in Word or PDF, written off the GUI thread."""
        meeting_id = meeting.id
        if meeting_id is None:
            return
        suggested = Path(f"{meeting.starts_at:%Y-%m-%d} Dossier PV - {meeting.title[:60]}.docx")
        path = dialogs.save_path(
            self.parent,
            "Dossier pour le procès-verbal",
            suggested,
            "Documents Word (*.docx);;Documents PDF (*.pdf)",
        )
        if path is None:
            return
        notices: list[str] = []

        def done(target: Path) -> None:
            self._said(
                "Le dossier pour le procès-verbal est dans :", target, notices, "Dossier pour le PV"
            )

        def work() -> Path:
            return export_meeting_pack(self.store, meeting_id, path, notices=notices)

        self.progress = run_export(self.parent, path, work, done, title="Dossier pour le PV")
