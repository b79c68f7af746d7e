"""Paramètres: the user's own organisation, which heads and signs every exported document.

Also shows where the data lives: on a shared union PC with little IT help, "where is my
file?" is the first question asked before a backup or a move to another machine.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.organisation import get_organisation, save_organisation
from aiconsult_desktop.services.records import OrganisationData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt, attempt_form
from aiconsult_desktop.ui.icons import icon
from aiconsult_desktop.ui.locale import long_date
from aiconsult_desktop.ui.look import PageHeader, mark_primary, page_layout
from aiconsult_desktop.ui.statement_settings_box import StatementSettingsBox

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation

# python-docx can place these in a header; SVG and WebP it cannot.
LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp);;Tous les fichiers (*)"
LOGO_PREVIEW_HEIGHT = 56


class SettingsPage(QWidget):
    """The organisation form (name, sigle, signature, place, logo) and the data location."""

    title = "Paramètres"
    shows: frozenset[DataKind] = frozenset({"organisation"})
    """The organisation and its statement settings (where the base is never changes)."""

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        self._dirty = False
        self._loading = False

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Ex. : CGT Région des Pays de la Loire")
        self.name_edit.setToolTip("Obligatoire. Figure en tête et comme auteur des documents.")
        self.short_name_edit = QLineEdit()
        self.short_name_edit.setPlaceholderText("Ex. : CGT")
        self.short_name_edit.setToolTip(
            "Sert dans les titres : « Intervention CGT en CST du 5 juin 2025 »."
        )
        self.signature_edit = QLineEdit()
        self.signature_edit.setPlaceholderText("Ex. : Les élu·es CGT au CST")
        self.signature_edit.setToolTip("Ligne de signature au bas de chaque déclaration.")
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText("Ex. : Nantes")
        self.place_edit.setToolTip("Lieu de la mention « Nantes, le 5 juin 2025 ».")
        self.logo_edit = QLineEdit()
        self.logo_edit.setPlaceholderText("Aucun logo")
        self.logo_edit.setToolTip("Image placée dans l'en-tête des documents (facultatif).")
        self.choose_logo_button = QPushButton("C&hoisir…")
        self.choose_logo_button.setToolTip("Choisir une image PNG, JPEG, GIF ou BMP")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton("Re&tirer")
        self.remove_logo_button.setToolTip("Ne plus mettre de logo dans les documents")
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_note = QLabel()
        self.logo_note.setWordWrap(True)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_label.setStyleSheet("color: palette(placeholder-text);")

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.choose_logo_button)
        logo_row.addWidget(self.remove_logo_button)
        logo_field = QVBoxLayout()
        logo_field.addLayout(logo_row)
        logo_field.addWidget(self.logo_preview)
        logo_field.addWidget(self.logo_note)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(self._buddy("&Nom de l'organisation *", self.name_edit), self.name_edit)
        form.addRow(self._buddy("&Sigle", self.short_name_edit), self.short_name_edit)
        form.addRow(self._buddy("Ligne de si&gnature", self.signature_edit), self.signature_edit)
        form.addRow(self._buddy("&Lieu", self.place_edit), self.place_edit)
        form.addRow(self._buddy("L&ogo", self.logo_edit), logo_field)
        form.addRow("Aperçu :", self.preview_label)

        self.save_button = QPushButton("&Enregistrer")
        self.save_button.setToolTip("Enregistrer l'organisation (Ctrl+S)")
        mark_primary(self.save_button, "save")
        self.save_button.clicked.connect(self.save)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status_label, 1)

        organisation_box = QGroupBox("Votre organisation")
        organisation_layout = QVBoxLayout(organisation_box)
        intro = QLabel(
            "Ces informations figurent dans chaque document exporté : en-tête, titre, "
            "signature et mention du lieu et de la date. Les champs marqués * sont "
            "obligatoires."
        )
        intro.setWordWrap(True)
        organisation_layout.addWidget(intro)
        organisation_layout.addSpacing(6)
        organisation_layout.addLayout(form)
        organisation_layout.addSpacing(6)
        organisation_layout.addLayout(buttons)

        self.data_path_edit = QLineEdit()
        self.data_path_edit.setReadOnly(True)
        self.data_path_edit.setToolTip("Fichier de la base de données (lecture seule)")
        self.open_folder_button = QPushButton("Ouvrir le &dossier")
        self.open_folder_button.setToolTip("Afficher le dossier des données dans l'explorateur")
        # Aide › Ouvrir le dossier des données and Fichier › Restaurer: the same actions.
        self.open_folder_button.clicked.connect(window.command("data_folder").trigger)
        path_row = QHBoxLayout()
        path_row.addWidget(self.data_path_edit, 1)
        path_row.addWidget(self.open_folder_button)
        self.restore_button = QPushButton("Restaurer une sa&uvegarde…")
        self.restore_button.setToolTip("Revenir à une sauvegarde automatique ou en faire une")
        self.restore_button.clicked.connect(window.command("restore").trigger)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.restore_button)
        self.server_button = QPushButton("Se&rveur partagé…")
        self.server_button.setToolTip("Travailler à plusieurs sur une base PostgreSQL")
        self.server_button.clicked.connect(self.open_server_settings)
        actions_row.addWidget(self.server_button)
        actions_row.addStretch(1)
        data_box = QGroupBox("Vos données")
        data_layout = QVBoxLayout(data_box)
        data_note = QLabel(
            "Toutes vos données sont enregistrées dans ce fichier, sur cet ordinateur. "
            "Une sauvegarde est faite à chaque démarrage et à chaque fermeture, dans le "
            "sous-dossier « backups » ; copiez aussi ce dossier de temps en temps ailleurs "
            "(clé USB, serveur du syndicat) pour vous protéger d'une panne du disque."
        )
        data_note.setWordWrap(True)
        data_layout.addWidget(data_note)
        data_layout.addLayout(path_row)
        data_layout.addLayout(actions_row)
        self._show_data_path()

        for widget, name in (
            (self.choose_logo_button, "image"),
            (self.remove_logo_button, "x"),
            (self.open_folder_button, "folder-open"),
            (self.restore_button, "archive-restore"),
            (self.server_button, "server"),
        ):
            widget.setIcon(icon(name))

        content = QWidget()
        content.setMaximumWidth(820)
        column = page_layout(content)
        column.setSpacing(16)
        column.addWidget(PageHeader(self.title))
        column.addWidget(organisation_box)
        self.statement_settings = StatementSettingsBox(store)
        column.addWidget(self.statement_settings)
        column.addWidget(data_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        save_action = QAction("Enregistrer", self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)
        self.save_action = save_action

        for edit in self._edits():
            edit.textChanged.connect(self._on_edited)
        self._update_previews()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        """A form label whose mnemonic (Alt+letter) jumps to its field."""
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _edits(self) -> list[QLineEdit]:
        return [
            self.name_edit,
            self.short_name_edit,
            self.signature_edit,
            self.place_edit,
            self.logo_edit,
        ]

    def _show_data_path(self) -> None:
        path = self.store.path
        if path is None:
            url = self.store.engine.url
            self.data_path_edit.setText(
                f"Serveur partagé : {url.host}:{url.port or 5432}/{url.database}"
            )
            self.open_folder_button.setEnabled(False)
            self.restore_button.setEnabled(False)
            self.restore_button.setToolTip("La base partagée se sauvegarde sur le serveur")
        else:
            self.data_path_edit.setText(str(path))

    # Loading and saving -------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the store, unless the user has unsaved typing we would wipe out."""
        if self._dirty:
            return
        organisation = attempt(self, lambda: get_organisation(self.store))
        if organisation is None:
            return
        self._fill(organisation)
        self.statement_settings.refresh()
        self.status_label.clear()

    def _fill(self, organisation: OrganisationData) -> None:
        self._loading = True
        try:
            self.name_edit.setText(organisation.name)
            self.short_name_edit.setText(organisation.short_name)
            self.signature_edit.setText(organisation.signature)
            self.place_edit.setText(organisation.place)
            self.logo_edit.setText(organisation.logo_path)
        finally:
            self._loading = False
        self._dirty = False
        self._update_previews()

    def leave(self) -> bool:
        """Before the window closes: save what was typed; False (stay open) if refused."""
        if self._dirty:
            self.save()
        return not self._dirty

    def open_backups(self) -> None:
        """Backups live beside the base; a restore changes every page, so all reload."""
        from aiconsult_desktop.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.store, self)
        dialog.exec()
        if dialog.restored:
            self._dirty = False
            self.window_.notify_changed()

    def open_server_settings(self) -> None:
        """Takes effect at the next start: the window keeps the base it was opened on."""
        from aiconsult_desktop.paths import resolve_data_dir
        from aiconsult_desktop.ui.server_dialog import ServerDialog

        data_dir = self.store.path.parent if self.store.path else resolve_data_dir()
        local = self.store if self.store.path else None
        ServerDialog(data_dir, local, self).exec()

    def discard(self) -> None:
        self._dirty = False
        self.refresh()

    def form_data(self) -> OrganisationData:
        """What the form says now; the service cleans and checks it."""
        return OrganisationData(
            name=self.name_edit.text(),
            short_name=self.short_name_edit.text(),
            signature=self.signature_edit.text(),
            place=self.place_edit.text(),
            logo_path=self.logo_edit.text(),
        )

    def save(self) -> None:
        data = self.form_data()
        fields: dict[str, QWidget] = {
            "Nom de l'organisation": self.name_edit,
            "Sigle": self.short_name_edit,
            "Ligne de signature": self.signature_edit,
            "Lieu": self.place_edit,
            "Logo": self.logo_edit,
        }
        saved = attempt_form(self, lambda: save_organisation(self.store, data), fields)
        if saved is None:
            self.status_label.setText("Non enregistré : corrigez le champ indiqué.")
            return
        self._fill(saved)
        self.status_label.setText("Enregistré.")
        self.window_.notify_changed()
        # data_changed refreshes this page, which clears the status: say it again.
        self.status_label.setText("Enregistré.")

    # Logo --------------------------------------------------------------------------

    def choose_logo(self) -> None:
        current = Path(self.logo_edit.text().strip()) if self.logo_edit.text().strip() else None
        start = current.parent if current is not None and current.parent.is_dir() else None
        chosen = dialogs.open_path(self, "Choisir le logo de l'organisation", LOGO_FILTER, start)
        if chosen is not None:
            self.logo_edit.setText(str(chosen))

    def remove_logo(self) -> None:
        self.logo_edit.clear()

    # Feedback ----------------------------------------------------------------------

    def _on_edited(self) -> None:
        self._update_previews()
        if self._loading:
            return
        self._dirty = True
        self.status_label.setText("Modifications non enregistrées.")

    def _update_previews(self) -> None:
        """Show how the text will read at the foot of a document, and whether the logo loads."""
        signature = self.signature_edit.text().strip() or "(pas de ligne de signature)"
        place = self.place_edit.text().strip()
        dated = f"{place}, le {long_date(date.today())}" if place else long_date(date.today())
        self.preview_label.setText(f"{signature}\n{dated}")

        path = self.logo_edit.text().strip()
        self.remove_logo_button.setEnabled(bool(path))
        self.logo_preview.clear()
        self.logo_preview.setVisible(False)
        if not path:
            self.logo_note.setText("")
            self.logo_note.setVisible(False)
            return
        self.logo_note.setVisible(True)
        pixmap = QPixmap(path) if Path(path).is_file() else QPixmap()
        if not Path(path).is_file():
            self.logo_note.setText(
                "⚠ Ce fichier est introuvable : les documents seront exportés sans logo."
            )
        elif pixmap.isNull():
            self.logo_note.setText(
                "⚠ Ce fichier n'est pas une image lisible (PNG, JPEG, GIF ou BMP attendu)."
            )
        else:
            self.logo_note.setText("")
            self.logo_note.setVisible(False)
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(
                    LOGO_PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
                )
            )
            self.logo_preview.setVisible(True)
