"""The dossiers tab: long-running subjects that link meetings, questions and statements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from aiconsult_desktop.services.dossiers import delete_dossier, list_dossiers, save_dossier
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt_done
from aiconsult_desktop.ui.pages.record_editor import RecordEditor, buddy

if TYPE_CHECKING:
    from aiconsult_desktop.ui.main_window import MainWindow


class DossierEditor(RecordEditor):
    """Dossiers: long-running subjects ("Déploiement de l'IA") that link meetings,
    questions and statements."""

    list_label = "Dossiers sui&vis"
    nothing_yet = (
        "Aucun dossier pour l'instant. Un dossier regroupe les réunions, questions et "
        "déclarations d'un même sujet suivi dans la durée (ex. : « Déploiement de l'IA »)."
    )

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__(store, window)
        self.new_button.setToolTip("Saisir un nouveau dossier (Ctrl+N)")
        self.delete_button.setToolTip("Supprimer le dossier choisi (Suppr dans la liste)")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Ex. : Déploiement de l'IA")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            "Contexte, enjeux, chronologie : ce qu'il faut avoir en tête avant chaque séance."
        )
        self.description_edit.setTabChangesFocus(True)
        self.title_edit.textEdited.connect(lambda _text: self.mark_dirty())
        self.description_edit.textChanged.connect(self.mark_dirty)
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 6, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy("&Titre *", self.title_edit), self.title_edit)
        form.addRow(buddy("&Description", self.description_edit), self.description_edit)

    def load_records(self) -> list[DossierData]:
        return list_dossiers(self.store)

    def item_text(self, record: DossierData) -> tuple[str, str]:
        first_line = record.description.strip().splitlines()[0] if record.description else ""
        return record.title, first_line or record.title

    def fill(self, record: DossierData | None) -> None:
        self.title_edit.setText(record.title if record else "")
        self.description_edit.setPlainText(record.description if record else "")

    def form_record(self) -> DossierData:
        return DossierData(
            id=self.current_id,
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
        )

    def save_record(self, record: DossierData) -> DossierData:
        return save_dossier(self.store, record)

    def invalid_fields(self) -> dict[str, QWidget]:
        return {
            "Titre du dossier": self.title_edit,
            "title": self.title_edit,
            "Description": self.description_edit,
        }

    def first_field(self) -> QWidget:
        return self.title_edit

    def title_for(self, record: DossierData | None) -> str:
        return record.title if record else "Nouveau dossier"

    def delete_record(self, record: DossierData) -> str | None:
        if not dialogs.confirm(
            self,
            "Supprimer le dossier",
            f"Supprimer le dossier « {record.title} » ?\n\n"
            "Ses réunions, questions et déclarations sont conservées : elles ne sont "
            "simplement plus rattachées à ce dossier.",
            destructive=True,
        ):
            return None
        dossier_id = record.id
        if dossier_id is None:
            return None
        done = attempt_done(self, lambda: delete_dossier(self.store, dossier_id))
        return f"Dossier « {record.title} » supprimé." if done else None
