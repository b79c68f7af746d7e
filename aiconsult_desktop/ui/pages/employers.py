"""Employeurs et instances: who the union faces, in which bodies, and the dossiers followed.

Two tabs share one pattern (a list on the left, a form on the right, Nouveau / Enregistrer
/ Supprimer): employers with their bodies (CST, F3SCT, CAP…), and dossiers, the subjects
followed across meetings. Everything goes through the services; deleting an employer
that still has meetings, questions or statements says exactly what would go with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.pages.dossier_editor import DossierEditor
from aiconsult_desktop.ui.pages.employer_editor import EmployerEditor
from aiconsult_desktop.ui.widgets import page_heading

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation


class EmployersPage(QWidget):
    """The page: a tab for employers and their bodies, a tab for dossiers."""

    title = "Employeurs et instances"

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        heading = page_heading(self.title)
        intro = QLabel(
            "Les collectivités que votre section suit, leurs instances (CST, F3SCT, CAP…), "
            "et les dossiers suivis d'une réunion à l'autre."
        )
        intro.setWordWrap(True)

        self.employer_editor = EmployerEditor(store, window)
        self.dossier_editor = DossierEditor(store, window)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.employer_editor, "Employeu&rs et instances")
        self.tabs.addTab(self.dossier_editor, "D&ossiers suivis")
        self.tabs.setTabToolTip(0, "Employeurs et instances (Ctrl+Tab pour changer d'onglet)")
        self.tabs.setTabToolTip(1, "Dossiers suivis (Ctrl+Tab pour changer d'onglet)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)

    def leave(self) -> bool:
        return self.employer_editor.leave() and self.dossier_editor.leave()

    def discard(self) -> None:
        self.employer_editor.discard()
        self.dossier_editor.discard()

    def refresh(self) -> None:
        self.employer_editor.refresh()
        self.dossier_editor.refresh()

    def new_employer(self) -> None:
        """Open the employers tab on an empty form (the dashboard's first-steps button)."""
        self.tabs.setCurrentWidget(self.employer_editor)
        self.employer_editor.new()
