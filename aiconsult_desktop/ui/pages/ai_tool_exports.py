"""Exports of the « Outils d'IA » page: one tool's « Fiche outil » (.docx, or .pdf converted
by LibreOffice) and the register (.xlsx, .csv), written by `services.ai_exports` as the
CLI's are, off the GUI thread through `background_export`; the extension chosen in the
file dialog decides the format."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from aiconsult_desktop.services.ai_exports import export_tool, export_tools
from aiconsult_desktop.services.exports import pdf_unavailable
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.background_export import run_export


class ToolExports:
    """Asks where (`dialogs.save_path` starts in the last folder used), then writes."""

    def __init__(self, parent: QWidget, store: Store) -> None:
        self._parent, self._store = parent, store

    def _exported(self, target: Path, what: str) -> None:
        dialogs.show_info(self._parent, f"{what} est dans le fichier :\n{target}", "Export")

    def sheet(self, tool_id: int, name: str) -> QProgressDialog | None:
        """Ask where, then write the fiche; the progress dialog of the export started."""
        suggested = Path(f"Fiche outil - {name}.docx")
        path = dialogs.save_path(
            self._parent,
            "Exporter la fiche outil",
            suggested,
            "Documents Word (*.docx);;Documents PDF (*.pdf)",
        )
        if path is None:
            return None
        said = f"La fiche de l'outil « {name} »"
        if path.suffix.lower() == ".pdf":
            unavailable = pdf_unavailable()
            if unavailable:
                dialogs.show_error(self._parent, unavailable)
                return None
        return run_export(
            self._parent,
            path,
            lambda: export_tool(self._store, tool_id, path),
            lambda target: self._exported(target, said),
            title="Fiche outil",
        )

    def register(self, employer_name: str | None) -> QProgressDialog | None:
        """The register of one employer (or of all), .xlsx or .csv; its progress dialog."""
        path = dialogs.save_path(
            self._parent,
            "Exporter le registre des outils d'IA",
            Path("Registre des outils d'IA.xlsx"),
            "Classeurs Excel (*.xlsx);;Fichiers CSV (*.csv)",
        )
        if path is None:
            return None
        return run_export(
            self._parent,
            path,
            lambda: export_tools(self._store, path, employer_name=employer_name),
            lambda target: self._exported(target, "Le registre des outils d'IA"),
            title="Registre des outils d'IA",
        )
