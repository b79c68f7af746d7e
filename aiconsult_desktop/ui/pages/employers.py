"""Employeurs et instances: who the union faces, and in which bodies.

A list on the left, a form on the right (Nouveau / Enregistrer / Supprimer): employers
with their bodies (CST, F3SCT, CAP…). Dossiers have their own page (« Dossiers »), with
their chronology. Everything goes through the services; deleting an employer that still
has meetings, questions or statements says exactly what would go with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.look import PageHeader, page_layout
from aiconsult_desktop.ui.pages.employer_editor import EmployerEditor

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation


class EmployersPage(QWidget):
    """The page: the employers and their bodies."""

    title = "Employeurs et instances"
    shows: frozenset[DataKind] = frozenset({"employers"})
    """The employers and their bodies (deletions count what goes with them when asked)."""

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        header = PageHeader(
            self.title,
            "Les collectivités que votre section suit et leurs instances (CST, F3SCT, CAP…). "
            "Les dossiers suivis d'une réunion à l'autre ont leur page : « Dossiers ».",
        )

        self.employer_editor = EmployerEditor(store, window)

        layout = page_layout(self)
        layout.addWidget(header)
        layout.addWidget(self.employer_editor, 1)

    def leave(self) -> bool:
        return self.employer_editor.leave()

    def discard(self) -> None:
        self.employer_editor.discard()

    def refresh(self) -> None:
        self.employer_editor.refresh()

    def new_employer(self) -> None:
        """Open the employers on an empty form (the dashboard's first-steps button)."""
        self.employer_editor.new()
