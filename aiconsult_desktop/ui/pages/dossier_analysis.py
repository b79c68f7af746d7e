"""The dossier's closing « Analyse et revendication » on the Dossiers page (issue 11).

The same rich editor as statements (`ui.rich_editor`), and legal grounds inserted from
the same library as real footnotes (`services.statement_blocks.legal_note`), because the
chronology's export puts this text at the end of the document the way seed 001 ends:
the legal analysis with its footnote, then the union's demand. The page saves it with the
dossier (`services.facts.save_analysis`), on leaving and while typing (`Autosaver`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.statement_blocks import legal_note
from aiconsult_desktop.services.statement_records import LegalGroundData
from aiconsult_desktop.ui.forms import add_shortcut, button
from aiconsult_desktop.ui.rich_editor import RichEditor
from aiconsult_desktop.ui.statement_dialogs import LegalGroundsDialog

HINT = (
    "Placée à la fin du document exporté ; les fondements juridiques y deviennent des "
    "notes de bas de page."
)


class AnalysisEditor(QWidget):
    """Rich text + « Fondement juridique… »; `markdown()` / `load()`."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.dialog: QDialog | None = None
        """The legal grounds dialog while it is open (tests drive it)."""
        self.rich = RichEditor()
        self.rich.text.setPlaceholderText(
            "L'analyse du syndicat (textes, jurisprudence) et ce qu'il revendique : "
            "« La CGT exige un avis préalable du CST… »"
        )
        self.rich.text.setMinimumHeight(120)
        self.rich.text.setAccessibleName("Analyse et revendication")
        self.grounds_button = button(
            "Fondement &juridique…",
            "Insérer un texte de référence en note de bas de page (Ctrl+Alt+J)",
            self.legal_ground,
        )
        add_shortcut(
            self,
            "Ctrl+Alt+J",
            self.legal_ground,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
            text="Insérer un texte de référence",
        )
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.grounds_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.rich, 1)

    def markdown(self) -> str:
        return self.rich.markdown()

    def load(self, text: str) -> None:
        """Show a dossier's analysis (not a change of the user's)."""
        self.rich.set_markdown(text)

    def legal_ground(self) -> None:
        """The library of legal grounds; the one chosen goes at the cursor as a footnote."""

        def insert(ground: LegalGroundData) -> None:
            self.rich.insert_note(legal_note(ground))

        dialog = LegalGroundsDialog(self, self.store, insert)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
