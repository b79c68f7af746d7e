"""The employers tab: an employer's name, how sentences name it (its article), its
answer deadline, and its bodies (CST, F3SCT, CAP…: `employer_bodies.BodiesBox`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.employer_names import (
    Article,
    article_of,
    default_article,
    employer_name,
    stored_article,
)
from aiconsult_desktop.domain.question_state import DEFAULT_ANSWER_DEADLINE_DAYS
from aiconsult_desktop.services.body_rules import rules_by_body
from aiconsult_desktop.services.employers import (
    delete_employer,
    employer_dependents,
    get_employer,
    list_employers,
    save_employer,
)
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import EmployerData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.pages.employer_bodies import BodiesBox
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.pages.rules_editing import edit_body_rules
from aiconsult_desktop.ui.record_model import Column, RecordTableModel, fit_columns
from aiconsult_desktop.ui.widgets import EnumCombo, buddy

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation


def _list_text(record: EmployerData) -> str:
    if record.short_name and record.short_name != record.name:
        return f"{record.name} ({record.short_name})"
    return record.name


def _list_tooltip(record: EmployerData) -> str:
    return "Instances : " + (", ".join(body.name for body in record.bodies) or "aucune")


class EmployerEditor(RecordPage[EmployerData]):
    """Employers and their bodies; the bodies are edited as rows of a small table."""

    list_label = "Emp&loyeurs suivis"
    new_text = "&Nouvel employeur"
    new_tip = "Saisir un nouvel employeur (Ctrl+N)"
    delete_tip = "Supprimer l'employeur choisi (Suppr dans la liste)"
    empty_text = (
        "Aucun employeur pour l'instant : saisissez-le dans le formulaire, "
        "puis « Enregistrer » (Ctrl+S)."
    )

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__(store, window)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Ex. : Région des Pays de la Loire")
        self.short_name_edit = QLineEdit()
        self.short_name_edit.setPlaceholderText("Ex. : Région")
        self.short_name_edit.setToolTip("Nom court utilisé dans les listes (facultatif)")

        self.article = EnumCombo(Article)
        self.article.setToolTip(
            "L'article du nom dans une phrase : « à la Région… », « au Centre de gestion… », "
            "« du Département… ». Proposé d'après le premier mot du nom ; à corriger au besoin."
        )
        self.article_example = QLabel()
        self.article_example.setObjectName("articleExample")
        self.article_example.setWordWrap(True)  # a long name: on two lines, not wider
        self.article_example.setStyleSheet("color: palette(placeholder-text);")
        self._named = ""
        """The name the article was last proposed for (it follows the name until changed)."""
        self.name_edit.textChanged.connect(self._name_changed)
        self.article.currentIndexChanged.connect(self._show_article)
        self.bodies = BodiesBox()
        self.bodies.changed.connect(self.tracker.mark)
        self.bodies.rules_wanted.connect(self.edit_rules)

        self.deadline_spin = QSpinBox()
        self.deadline_spin.setRange(1, 1098)
        self.deadline_spin.setSuffix(" jours")
        self.deadline_spin.setValue(DEFAULT_ANSWER_DEADLINE_DAYS)
        self.deadline_spin.setToolTip(
            "Au-delà, une question sans réponse est marquée en retard. Par défaut 61 jours, "
            "soit 2 mois, comme le délai de réponse aux questions écrites du Sénat."
        )
        self.tracker.watch(self.name_edit, self.short_name_edit, self.article, self.deadline_spin)

        identity = QFormLayout()
        identity.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        identity.addRow(buddy("No&m de l'employeur *", self.name_edit), self.name_edit)
        identity.addRow(buddy("Si&gle", self.short_name_edit), self.short_name_edit)
        article_row = QHBoxLayout()
        article_row.addWidget(self.article)
        article_row.addWidget(self.article_example, 1)
        identity.addRow(buddy("Dans une p&hrase", self.article), article_row)
        identity.addRow(buddy("Délai de ré&ponse", self.deadline_spin), self.deadline_spin)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 6, 0, 0)
        form_layout.setSpacing(12)
        form_layout.addLayout(identity)
        form_layout.addWidget(self.bodies, 1)
        model: RecordTableModel[EmployerData] = RecordTableModel(
            [Column("Employeur", _list_text, _list_tooltip)], lambda e: e.id
        )
        self._setup(model, form_box, sizes=(280, 720))
        fit_columns(self.view, stretch=0)

    # How sentences name the employer -------------------------------------------------

    def _name_changed(self, name: str) -> None:
        """The article follows the name while it is the one the name called for."""
        if self.article.value() is default_article(self._named):
            self.article.set_value(default_article(name))
        self._named = name
        self._show_article()

    def _show_article(self) -> None:
        named = employer_name(self.name_edit.text(), self.article.value().value)
        self.article_example.setText(
            f"« Questions posées {named.to} »" if named.name else "« Questions posées à … »"
        )

    # Bodies ----------------------------------------------------------------------------

    def edit_rules(self) -> None:
        """The chosen body's deadline rules, in the dialog the Calendrier page uses too.

        Unsaved typing is saved first: a body just added has no rules until it exists.
        The form then shows the saved record, so each new row learns its body's id (a
        cancelled dialog reloads nothing, and a later save would delete and recreate it).
        """
        chosen = self.bodies.chosen()
        if chosen is None:
            return
        body_id, name = chosen[0], chosen[1].strip().casefold()
        if self.tracker.dirty:
            if not self.leave():
                return
            record = self.editing
            self._show(record)  # clean after the save: nothing typed is lost
            bodies = record.bodies if record is not None else []
            body_id = next((b.id for b in bodies if b.name.casefold() == name), None)
        if body_id is None:
            return
        saved = edit_body_rules(self, self.store, body_id)
        if saved is not None:
            self.refresh()
            self.window_.notify_changed()
            self.say(f"Règles de « {saved.body_name} » enregistrées.")
        self.bodies.select_body(body_id)

    # RecordPage hooks --------------------------------------------------------------

    def _list_records(self) -> Sequence[EmployerData]:
        self.bodies.rules = {
            body_id: rules for body_id, (_name, rules) in rules_by_body(self.store).items()
        }
        return list_employers(self.store)

    def _fill_editor(self, record: EmployerData | None) -> None:
        self.name_edit.setText(record.name if record else "")
        self.short_name_edit.setText(record.short_name if record else "")
        self.deadline_spin.setValue(
            record.answer_deadline_days if record else DEFAULT_ANSWER_DEADLINE_DAYS
        )
        self._named = self.name_edit.text()
        self.article.set_value(article_of(record.name, record.article) if record else Article.NONE)
        self._show_article()
        self.bodies.set_bodies(record.bodies if record else [])

    def _save_editor(self) -> EmployerData | None:
        loaded = self.editing
        data = EmployerData(
            id=self.editing_id(),
            version=loaded.version if loaded is not None else 0,
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            bodies=self.bodies.rows(),
            answer_deadline_days=self.deadline_spin.value(),
            article=stored_article(self.name_edit.text(), self.article.value()),
        )
        fields: dict[str, QWidget] = {
            "Nom de l'employeur": self.name_edit,
            "name": self.name_edit,
            "Sigle": self.short_name_edit,
            "article": self.article,
            "Nom de l'instance": self.bodies.table,
            "bodies": self.bodies.table,
        }
        return self._attempt_save(lambda: save_employer(self.store, data), fields)

    def _fetch(self, record_id: int | None) -> EmployerData | None:
        if record_id is None:
            return None
        return attempt(self, lambda: get_employer(self.store, record_id))

    def _first_field(self) -> QWidget:
        return self.name_edit

    def _form_title(self, record: EmployerData | None) -> str:
        return record.name if record else "Nouvel employeur"

    def _delete_record(self, record: EmployerData) -> bool:
        employer_id = record.id
        if employer_id is None:
            return False
        dependents = attempt(self, lambda: employer_dependents(self.store, employer_id))
        if dependents is None:
            return False
        if not dependents.total:
            if not dialogs.confirm(
                self,
                "Supprimer l'employeur",
                f"Supprimer l'employeur « {record.name} » et ses instances ?",
                destructive=True,
            ):
                return False
            if not attempt_done(self, lambda: delete_employer(self.store, employer_id)):
                return False
            self.say(f"Employeur « {record.name} » supprimé.")
            return True
        attached = dependents.describe()
        if not dialogs.confirm(
            self,
            "Supprimer l'employeur et tout ce qui s'y rattache",
            f"L'employeur « {record.name} » a encore {attached}.\n\n"
            "Les supprimer aussi, définitivement, avec l'employeur et ses instances ? "
            "Cette suppression ne peut pas être annulée : faites d'abord une sauvegarde "
            "si vous voulez en garder une trace.",
            destructive=True,
        ):
            self.say("Suppression annulée : rien n'a été supprimé.")
            return False
        if not attempt_done(self, lambda: delete_employer(self.store, employer_id, cascade=True)):
            return False
        self.say(f"Employeur « {record.name} » supprimé, avec {attached}.")
        return True
