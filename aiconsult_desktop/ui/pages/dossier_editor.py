"""The dossiers tab: long-running subjects that link meetings, questions and statements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from aiconsult_desktop.services.dossiers import delete_dossier, list_dossiers, save_dossier
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt_done
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.record_model import Column, RecordTableModel, fit_columns
from aiconsult_desktop.ui.widgets import buddy

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation


def _first_line(record: DossierData) -> str:
    first = record.description.strip().splitlines()[0] if record.description.strip() else ""
    return first or record.title


class DossierEditor(RecordPage[DossierData]):
    """Dossiers: long-running subjects ("Déploiement de l'IA") that link meetings,
    questions and statements."""

    list_label = "Dossiers sui&vis"
    new_text = "&Nouveau dossier"
    new_tip = "Saisir un nouveau dossier (Ctrl+N)"
    delete_tip = "Supprimer le dossier choisi (Suppr dans la liste)"
    empty_text = (
        "Aucun dossier pour l'instant. Un dossier regroupe les réunions, questions et "
        "déclarations d'un même sujet suivi dans la durée (ex. : « Déploiement de l'IA »)."
    )

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__(store, window)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Ex. : Déploiement de l'IA")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            "Contexte, enjeux, chronologie : ce qu'il faut avoir en tête avant chaque séance."
        )
        self.description_edit.setTabChangesFocus(True)
        self.tracker.watch(self.title_edit, self.description_edit)
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.setContentsMargins(0, 6, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy("&Titre *", self.title_edit), self.title_edit)
        form.addRow(buddy("&Description", self.description_edit), self.description_edit)
        model: RecordTableModel[DossierData] = RecordTableModel(
            [Column("Dossier", lambda d: d.title, _first_line)],
            lambda d: d.id,
            lambda d: d.description,
        )
        self._setup(model, form_box, sizes=(280, 720))
        fit_columns(self.view, stretch=0)

    def _list_records(self) -> Sequence[DossierData]:
        return list_dossiers(self.store)

    def _fill_editor(self, record: DossierData | None) -> None:
        self.title_edit.setText(record.title if record else "")
        self.description_edit.setPlainText(record.description if record else "")

    def _dossier_data(self) -> DossierData:
        return DossierData(
            id=self.editing_id(),
            title=self.title_edit.text(),
            description=self.description_edit.toPlainText(),
        )

    def _fields(self) -> dict[str, QWidget]:
        """Where a refusal puts the cursor, by the field the service names."""
        return {
            "Titre du dossier": self.title_edit,
            "title": self.title_edit,
            "Description": self.description_edit,
        }

    def _store_dossier(self, data: DossierData) -> DossierData:
        """Through the services (the Dossiers page saves its analysis with it)."""
        return save_dossier(self.store, data)

    def _save_editor(self) -> DossierData | None:
        data = self._dossier_data()
        return self._attempt_save(lambda: self._store_dossier(data), self._fields())

    def _first_field(self) -> QWidget:
        return self.title_edit

    def _form_title(self, record: DossierData | None) -> str:
        return record.title if record else "Nouveau dossier"

    def _delete_record(self, record: DossierData) -> bool:
        if not dialogs.confirm(
            self,
            "Supprimer le dossier",
            f"Supprimer le dossier « {record.title} » ?\n\n"
            "Ses réunions, questions et déclarations sont conservées : elles ne sont "
            "simplement plus rattachées à ce dossier.",
            destructive=True,
        ):
            return False
        dossier_id = record.id
        if dossier_id is None:
            return False
        if not attempt_done(self, lambda: delete_dossier(self.store, dossier_id)):
            return False
        self.say(f"Dossier « {record.title} » supprimé.")
        return True
