"""The follow-up of one meeting: what the employer sent and when, who attended, the
opinions given, and the deadlines with a late mark and a ready-made sentence.

Part of the meeting's form (its "Suivi" tab): it reads and fills the same `MeetingData`
and is saved with it. Deadlines are recomputed as the user types dates, so a late mark
appears before anything is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.deadlines import Deadline, Whose
from aiconsult_desktop.domain.enums import AgendaItemKind
from aiconsult_desktop.domain.followup import AttendeeRole, Opinion
from aiconsult_desktop.services.records import (
    AgendaItemData,
    AttendeeData,
    MeetingData,
    MeetingDocumentData,
    VotesData,
)
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.forms import button
from aiconsult_desktop.ui.locale import long_date
from aiconsult_desktop.ui.pages.followup_widgets import (
    LATE_STYLE,
    VOTE_COLUMNS,
    OptionalDate,
    table,
    vote_box,
)
from aiconsult_desktop.ui.widgets import EnumCombo


class FollowUpPanel(QWidget):
    changed = Signal()
    deadlines_changed = Signal()

    def __init__(self, insert_sentence: Callable[[str], None]) -> None:
        super().__init__()
        self._insert_sentence = insert_sentence
        self._agenda_rows: list[int] = []
        self.deadlines: list[Deadline] = []

        self.convocation = OptionalDate("Convoca&tion reçue le")
        self.urgent = QCheckBox("Séance convoquée en urgen&ce")
        self.urgent.setToolTip(
            "Alt+C — la convocation est alors due selon le délai d'urgence de l'instance "
            "(8 jours par défaut au lieu de 15 ; bouton « Règles… » ici, "
            "ou « Règles de délais… » dans Employeurs et instances)"
        )
        self.documents_received = OptionalDate("Doc&uments reçus le")
        self.minutes_received = OptionalDate("P&rocès-verbal reçu le")
        self.minutes_approved = OptionalDate("Procès-verbal a&pprouvé le")
        dates = QFormLayout()
        dates.addRow(self.convocation)
        self.convocation.changed.connect(self.changed)
        dates.addRow(self.urgent)
        self.urgent.toggled.connect(lambda _on: self.changed.emit())
        for widget in (
            self.documents_received,
            self.minutes_received,
            self.minutes_approved,
        ):
            dates.addRow(widget)
            widget.changed.connect(self.changed)

        self.deadline_box = QGroupBox("Échéances")
        self.deadline_layout = QVBoxLayout(self.deadline_box)

        self.documents = table(["Titre", "Fichier ou lien"])
        self.documents.setAccessibleName("Documents de la réunion")
        self.documents.itemChanged.connect(lambda _i: self.changed.emit())
        self.documents.itemDoubleClicked.connect(lambda _i: self.open_document())
        documents_box = QGroupBox("Documents reçus")
        documents_layout = QVBoxLayout(documents_box)
        documents_layout.addWidget(self.documents)
        row = QHBoxLayout()
        for action in (
            button("Ajouter un fic&hier…", "Joindre un fichier reçu", self.add_file),
            button("Ajouter un &lien…", "Joindre un lien (intranet, messagerie…)", self.add_link),
            button(
                "&Ouvrir", "Ouvrir avec le programme par défaut (double-clic)", self.open_document
            ),
            button("Retirer", "Retirer le document sélectionné", self.remove_document),
        ):
            row.addWidget(action)
        row.addStretch(1)
        documents_layout.addLayout(row)

        self.attendees = table(["Nom", "Qualité"])
        self.attendees.setAccessibleName("Participants")
        self.attendees.itemChanged.connect(lambda _i: self.changed.emit())
        attendees_box = QGroupBox("Nos représentant·es présent·es")
        attendees_layout = QVBoxLayout(attendees_box)
        attendees_layout.addWidget(self.attendees)
        row = QHBoxLayout()
        row.addWidget(
            button("Ajouter un·e &élu·e", "Ajouter un·e représentant·e", self.add_attendee)
        )
        row.addWidget(
            button("Retirer l'élu·e", "Retirer la ligne sélectionnée", self.remove_attendee)
        )
        row.addStretch(1)
        attendees_layout.addLayout(row)

        self.outcomes = table(["Point pour avis", "Avis", *(label for _n, label in VOTE_COLUMNS)])
        self.outcomes.setToolTip(
            "Votes par collège : Pers. = représentant·es du personnel, "
            "Coll. = représentant·es de la collectivité ; « — » : non renseigné"
        )
        outcomes_box = QGroupBox("Avis rendus")
        outcomes_layout = QVBoxLayout(outcomes_box)
        self.no_outcome = QLabel("Aucun point « pour avis » à l'ordre du jour.")
        outcomes_layout.addWidget(self.no_outcome)
        outcomes_layout.addWidget(self.outcomes)

        layout = QVBoxLayout(self)
        layout.addLayout(dates)
        layout.addWidget(self.deadline_box)
        layout.addWidget(documents_box)
        layout.addWidget(attendees_box)
        layout.addWidget(outcomes_box)
        layout.addStretch(1)
        self._agenda_source: Callable[[], list[AgendaItemData]] = list
        self._set_outcome: Callable[[int, Opinion | None, VotesData], None] = lambda _r, _o, _v: (
            None
        )

    # Filling and reading ----------------------------------------------------------------

    def load(self, meeting: MeetingData | None) -> None:
        default = meeting.starts_at.date() if meeting else date.today()
        self.convocation.set_value(meeting.convocation_received_on if meeting else None, default)
        self.urgent.setChecked(meeting.urgent if meeting else False)
        self.documents_received.set_value(
            meeting.documents_received_on if meeting else None, default
        )
        self.minutes_received.set_value(meeting.minutes_received_on if meeting else None, default)
        self.minutes_approved.set_value(meeting.minutes_approved_on if meeting else None, default)
        self._fill_documents(meeting.documents if meeting else [])
        self._fill_attendees(meeting.attendees if meeting else [])

    def fill(self, data: MeetingData) -> None:
        """Put the panel's fields into `data` (the rest of the form filled it first)."""
        data.convocation_received_on = self.convocation.value()
        data.urgent = self.urgent.isChecked()
        data.documents_received_on = self.documents_received.value()
        data.minutes_received_on = self.minutes_received.value()
        data.minutes_approved_on = self.minutes_approved.value()
        data.documents = [
            MeetingDocumentData(
                title=self._cell(self.documents, row, 0),
                location=self._cell(self.documents, row, 1),
            )
            for row in range(self.documents.rowCount())
        ]
        data.attendees = []
        for row in range(self.attendees.rowCount()):
            combo = self.attendees.cellWidget(row, 1)
            role = combo.value() if isinstance(combo, EnumCombo) else AttendeeRole.TITULAR
            data.attendees.append(AttendeeData(self._cell(self.attendees, row, 0), role))

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    # Documents ------------------------------------------------------------------------

    def _fill_documents(self, documents: list[MeetingDocumentData]) -> None:
        blocked = self.documents.blockSignals(True)
        self.documents.setRowCount(0)
        for document in documents:
            self._append_document(document.title, document.location)
        self.documents.blockSignals(blocked)

    def _append_document(self, title: str, location: str) -> None:
        row = self.documents.rowCount()
        self.documents.insertRow(row)
        self.documents.setItem(row, 0, QTableWidgetItem(title))
        self.documents.setItem(row, 1, QTableWidgetItem(location))

    def add_file(self) -> None:
        chosen = dialogs.open_path(self, "Joindre un document reçu", "Tous les fichiers (*)")
        if chosen is None:
            return
        self._append_document(chosen.stem, str(chosen))
        self.changed.emit()

    def add_link(self) -> None:
        link, accepted = QInputDialog.getText(self, "Ajouter un lien", "Adresse du document :")
        if accepted and link.strip():
            self._append_document("", link.strip())
            self.changed.emit()

    def open_document(self) -> None:
        row = self.documents.currentRow()
        if row < 0:
            return
        location = self._cell(self.documents, row, 1).strip()
        url = QUrl(location) if "://" in location else QUrl.fromLocalFile(location)
        if url.isLocalFile() and not Path(url.toLocalFile()).exists():
            dialogs.show_error(self, f"Le fichier « {location} » est introuvable.")
            return
        if not QDesktopServices.openUrl(url):
            dialogs.show_error(self, f"Impossible d'ouvrir « {location} ».")

    def remove_document(self) -> None:
        row = self.documents.currentRow()
        if row >= 0:
            self.documents.removeRow(row)
            self.changed.emit()

    # Attendees ------------------------------------------------------------------------

    def _fill_attendees(self, attendees: list[AttendeeData]) -> None:
        blocked = self.attendees.blockSignals(True)
        self.attendees.setRowCount(0)
        for attendee in attendees:
            self._append_attendee(attendee.name, attendee.role)
        self.attendees.blockSignals(blocked)

    def _append_attendee(self, name: str, role: AttendeeRole) -> None:
        row = self.attendees.rowCount()
        self.attendees.insertRow(row)
        self.attendees.setItem(row, 0, QTableWidgetItem(name))
        combo: EnumCombo[AttendeeRole] = EnumCombo(AttendeeRole)
        combo.set_value(role)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.attendees.setCellWidget(row, 1, combo)

    def add_attendee(self) -> None:
        self._append_attendee("", AttendeeRole.TITULAR)
        row = self.attendees.rowCount() - 1
        self.attendees.setCurrentCell(row, 0)
        item = self.attendees.item(row, 0)
        if item is not None:
            self.attendees.editItem(item)
        self.changed.emit()

    def remove_attendee(self) -> None:
        row = self.attendees.currentRow()
        if row >= 0:
            self.attendees.removeRow(row)
            self.changed.emit()

    # Outcomes of "pour avis" items -------------------------------------------------------

    def bind_agenda(
        self,
        source: Callable[[], list[AgendaItemData]],
        set_outcome: Callable[[int, Opinion | None, VotesData], None],
    ) -> None:
        self._agenda_source, self._set_outcome = source, set_outcome

    def show_outcomes(self) -> None:
        """One row per "pour avis" item of the agenda as it stands in the form."""
        items = self._agenda_source()
        self._agenda_rows = [
            n for n, item in enumerate(items) if item.kind is AgendaItemKind.OPINION
        ]
        self.outcomes.setRowCount(len(self._agenda_rows))
        for row, index in enumerate(self._agenda_rows):
            item = items[index]
            title = QTableWidgetItem(item.title or "(sans titre)")
            title.setFlags(title.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.outcomes.setItem(row, 0, title)
            combo = QComboBox()
            combo.addItem("—", None)
            for opinion in Opinion:
                combo.addItem(opinion.label, opinion.value)
            combo.setCurrentIndex(
                max(combo.findData(item.opinion.value if item.opinion else None), 0)
            )
            combo.currentIndexChanged.connect(lambda _i, r=row: self._outcome_edited(r))
            self.outcomes.setCellWidget(row, 1, combo)
            for column, (name, _label) in enumerate(VOTE_COLUMNS, start=2):
                box = vote_box(getattr(item.votes, name))
                box.valueChanged.connect(lambda _v, r=row: self._outcome_edited(r))
                self.outcomes.setCellWidget(row, column, box)
        self.outcomes.setVisible(bool(self._agenda_rows))
        self.no_outcome.setVisible(not self._agenda_rows)

    def _outcome_edited(self, row: int) -> None:
        combo = self.outcomes.cellWidget(row, 1)
        value = combo.currentData() if isinstance(combo, QComboBox) else None
        votes = VotesData()
        for column, (name, _label) in enumerate(VOTE_COLUMNS, start=2):
            box = self.outcomes.cellWidget(row, column)
            if isinstance(box, QSpinBox) and box.value() >= 0:
                setattr(votes, name, box.value())
        self._set_outcome(self._agenda_rows[row], Opinion(value) if value else None, votes)
        self.changed.emit()

    # Deadlines --------------------------------------------------------------------------

    def show_deadlines(self, deadlines: list[Deadline], note: str = "") -> None:
        self.deadlines = deadlines
        layout = self.deadline_layout
        while layout.count():
            child = layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        if not deadlines:
            layout.addWidget(
                QLabel(
                    note or "Pas d'échéance calculée : séance plénière d'une instance seulement."
                )
            )
        for deadline in deadlines:
            layout.addWidget(self._deadline_row(deadline))
        if note and deadlines:
            hint = QLabel(note)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(hint)
        self.deadlines_changed.emit()

    def _deadline_row(self, deadline: Deadline) -> QWidget:
        row = QWidget()
        row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        row.setObjectName(f"deadline_{deadline.kind.value}")
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 2, 0, 2)
        who = "nous" if deadline.whose is Whose.OURS else "employeur"
        kind = deadline.kind.label + (" — séance en urgence" if deadline.urgent else "")
        text = f"{kind} ({who}) : au plus tard le {long_date(deadline.due)}"
        if deadline.done_on is not None:
            text += f" — reçu le {long_date(deadline.done_on)}"
        label = QLabel(("⚠ En retard — " if deadline.late else "") + text)
        label.setObjectName("deadlineLabel")
        label.setWordWrap(True)
        if deadline.late:
            label.setStyleSheet(LATE_STYLE)
        layout.addWidget(label)
        if deadline.late and deadline.sentence:
            sentence = QLabel(f"« {deadline.sentence} »")
            sentence.setWordWrap(True)
            sentence.setStyleSheet("font-style: italic;")
            layout.addWidget(sentence)
            insert = QPushButton("Insérer dans une &déclaration")
            insert.setObjectName("insertSentence")
            insert.setToolTip("Insérer cette phrase dans la déclaration en cours d'écriture")
            insert.clicked.connect(lambda _c=False, s=deadline.sentence: self._insert_sentence(s))
            line = QHBoxLayout()
            line.addWidget(insert)
            line.addStretch(1)
            layout.addLayout(line)
        return row
