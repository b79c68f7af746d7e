"""The editor of one meeting, with its agenda (ordre du jour).

Kept apart from the page so the page reads as "list, filter, actions". The form only
turns widgets into a `MeetingData` and back; the service checks it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.deadlines import BodyRules, MeetingFacts, meeting_deadlines
from aiconsult_desktop.domain.enums import DatePrecision, MeetingKind
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services.records import (
    DossierData,
    EmployerData,
    MeetingData,
)
from aiconsult_desktop.ui.date_field import DateTimeField
from aiconsult_desktop.ui.forms import (
    ChangeTracker,
    from_qdatetime,
    to_qdatetime,
)
from aiconsult_desktop.ui.pages.agenda_editor import AgendaEditor
from aiconsult_desktop.ui.pages.meeting_followup import FollowUpPanel
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo

DAY_FORMAT = "dd/MM/yyyy HH:mm"
MONTH_FORMAT = "MMMM yyyy"


class MeetingForm(QWidget):
    """Fields of a meeting. `load()` fills it, `record()` reads it back."""

    def __init__(
        self,
        tracker: ChangeTracker,
        parent: QWidget | None = None,
        *,
        insert_sentence: Callable[[str], None] = lambda _s: None,
        rules_for: Callable[[int | None], BodyRules | None] = lambda _b: None,
    ) -> None:
        super().__init__(parent)
        self._employers: list[EmployerData] = []
        self._loaded: MeetingData | None = None
        self.rules_for = rules_for
        self.today: Callable[[], date] = date.today

        self.kind: EnumCombo[MeetingKind] = EnumCombo(MeetingKind)
        self.employer = IdCombo()
        self.body = IdCombo()
        self.dossier = IdCombo()
        self.title = QLineEdit()
        self.title.setPlaceholderText("Ex. : CST du 5 juin 2025")
        self.starts = DateTimeField()
        self.month_only = QCheckBox("Date &connue au mois seulement")
        self.month_only.setToolTip("Pour une réunion citée sans jour précis (« CST de mars 2025 »)")
        self.has_end = QCheckBox("&Heure de fin :")
        self.ends = DateTimeField()
        self.ends.setAccessibleName("Heure de fin")
        self.place = QLineEdit()
        self.place.setPlaceholderText("Ex. : Hôtel de Région, salle 3")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        self.agenda = AgendaEditor()

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow("&Type :", self.kind)
        form.addRow("Emplo&yeur :", self.employer)
        form.addRow("&Instance :", self.body)
        form.addRow("Dossie&r :", self.dossier)
        form.addRow("Intit&ulé :", self.title)
        form.addRow("Dé&but :", self.starts)
        form.addRow("", self.month_only)
        form.addRow(self.has_end, self.ends)
        form.addRow("&Lieu :", self.place)
        form.addRow("N&otes :", self.notes)

        agenda_title = QLabel("<b>Ordre du jour</b>")
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.addLayout(form)
        main_layout.addSpacing(8)
        main_layout.addWidget(agenda_title)
        main_layout.addWidget(self.agenda, 1)
        self.followup = FollowUpPanel(insert_sentence)
        self.followup.bind_agenda(self.agenda.items, self.agenda.set_outcome)
        self.tabs = QTabWidget()
        self.tabs.addTab(main, "Réunion et ordre du jour")
        followup_scroll = QScrollArea()
        followup_scroll.setWidgetResizable(True)
        followup_scroll.setFrameShape(QFrame.Shape.NoFrame)
        followup_scroll.setWidget(self.followup)
        self.tabs.addTab(followup_scroll, "Suivi et échéances")
        self.tabs.currentChanged.connect(lambda _i: self._update_followup())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.employer.currentIndexChanged.connect(self._employer_changed)
        self.month_only.toggled.connect(self._precision_changed)
        self.has_end.toggled.connect(self._end_toggled)
        tracker.watch(
            self.kind,
            self.employer,
            self.body,
            self.dossier,
            self.title,
            self.starts.edit,  # typed text, even before it is a valid day
            self.month_only,
            self.has_end,
            self.ends.edit,
            self.place,
            self.notes,
        )
        self.agenda.changed.connect(tracker.mark)
        self.followup.changed.connect(tracker.mark)
        for signal in (
            self.followup.changed,
            self.starts.dateTimeChanged,
            self.body.currentIndexChanged,
            self.kind.currentIndexChanged,
            self.month_only.toggled,
        ):
            signal.connect(lambda *_a: self.update_deadlines())

        self.fields: dict[str, QWidget] = {
            "employer": self.employer,
            "body": self.body,
            "starts_at": self.starts,
            "ends_at": self.ends,
            "Intitulé de la réunion": self.title,
            "Lieu": self.place,
            "Notes": self.notes,
            "Point de l'ordre du jour": self.agenda.table,
        }

    def set_choices(self, employers: list[EmployerData], dossiers: list[DossierData]) -> None:
        self._employers = employers
        self.employer.set_items([(e.id, e.name) for e in employers])
        self.dossier.set_items([(None, "(aucun dossier)"), *((d.id, d.title) for d in dossiers)])
        self._employer_changed()

    def load(self, meeting: MeetingData | None, default_employer: int | None = None) -> None:
        """Show `meeting`, or a blank new one for `default_employer` (or the first)."""
        self._loaded = meeting
        if meeting is None:
            start = datetime.combine(date.today(), time(9, 30))
            if default_employer is not None:
                self.employer.set_current_id(default_employer)
            elif self.employer.count():
                self.employer.setCurrentIndex(0)
            self.kind.set_value(MeetingKind.PLENARY)
            self.body.set_current_id(None)
            self.dossier.set_current_id(None)
            for line in (self.title, self.place):
                line.clear()
            self.notes.clear()
            self.starts.setDateTime(to_qdatetime(start))
            self.month_only.setChecked(False)
            self.has_end.setChecked(False)
            self.ends.setDateTime(to_qdatetime(start + timedelta(hours=2)))
            self.agenda.set_items([])
        else:
            self.employer.set_current_id(meeting.employer_id)
            self._employer_changed()
            self.kind.set_value(meeting.kind)
            self.body.set_current_id(meeting.body_id)
            self.dossier.set_current_id(meeting.dossier_id)
            self.title.setText(meeting.title)
            self.place.setText(meeting.place)
            self.notes.setPlainText(meeting.notes)
            self.starts.setDateTime(to_qdatetime(meeting.starts_at))
            self.month_only.setChecked(meeting.month_only)
            self.has_end.setChecked(meeting.ends_at is not None)
            end = meeting.ends_at or meeting.starts_at + timedelta(hours=2)
            self.ends.setDateTime(to_qdatetime(end))
            self.agenda.set_items(meeting.agenda)
        self.followup.load(meeting)
        self._precision_changed(self.month_only.isChecked())
        self._end_toggled(self.has_end.isChecked())
        self._update_followup()

    def record(self) -> MeetingData:
        """What the user typed, as a record for `save_meeting` (id kept for an update).

        A day that does not exist (29/02/2025 typed by hand) is refused in French.
        """
        checked = [("starts_at", self.starts)]
        if self.has_end.isChecked() and not self.month_only.isChecked():
            checked.append(("ends_at", self.ends))
        for field, widget in checked:
            problem = widget.error()
            if problem is not None:
                raise ValidationError(problem, field=field)
        return self._as_typed()

    def _as_typed(self) -> MeetingData:
        """The form as a record, dates at their last valid value (for live deadlines)."""
        employer_id = self.employer.current_id()
        month_only = self.month_only.isChecked()
        ends_at = (
            from_qdatetime(self.ends.dateTime())
            if self.has_end.isChecked() and not month_only
            else None
        )
        data = MeetingData(
            id=self._loaded.id if self._loaded is not None else None,
            employer_id=employer_id if employer_id is not None else 0,
            kind=self.kind.value(),
            title=self.title.text(),
            starts_at=from_qdatetime(self.starts.dateTime()),
            ends_at=ends_at,
            body_id=self.body.current_id(),
            dossier_id=self.dossier.current_id(),
            date_precision=DatePrecision.MONTH if month_only else DatePrecision.DAY,
            place=self.place.text(),
            notes=self.notes.toPlainText(),
            agenda=self.agenda.items(),
            ics_uid=self._loaded.ics_uid if self._loaded is not None else "",
            version=self._loaded.version if self._loaded is not None else 0,
        )
        self.followup.fill(data)
        return data

    def _update_followup(self) -> None:
        self.followup.show_outcomes()
        self.update_deadlines()

    def update_deadlines(self) -> None:
        """Deadlines of the meeting as typed, late marks included, before any save."""
        data = self._as_typed()
        rules = self.rules_for(data.body_id)
        if rules is None or data.kind is not MeetingKind.PLENARY or data.month_only:
            self.followup.show_deadlines(
                [],
                "Pas d'échéance calculée : elles valent pour la séance plénière d'une instance "
                "dont le jour est connu.",
            )
            return
        facts = MeetingFacts(
            day=data.starts_at.date(),
            convocation_received_on=data.convocation_received_on,
            documents_received_on=data.documents_received_on,
            minutes_received_on=data.minutes_received_on,
            urgent=data.urgent,
        )
        unit = "jours ouvrés" if rules.working_days else "jours calendaires"
        self.followup.show_deadlines(
            meeting_deadlines(facts, rules, self.today()),
            f"Délais en {unit}, selon les règles de l'instance (bouton « Règles… » "
            "ici, ou « Règles de délais… » dans Employeurs et instances).",
        )

    def _employer_changed(self, *_args: object) -> None:
        """The body list follows the employer: a CST belongs to one employer."""
        employer = next((e for e in self._employers if e.id == self.employer.current_id()), None)
        bodies = employer.bodies if employer is not None else []
        self.body.set_items([(None, "(aucune instance)"), *((b.id, b.name) for b in bodies)])

    def _precision_changed(self, month_only: bool) -> None:
        self.starts.setDisplayFormat(MONTH_FORMAT if month_only else DAY_FORMAT)
        self.has_end.setEnabled(not month_only)
        self.ends.setEnabled(not month_only and self.has_end.isChecked())

    def _end_toggled(self, checked: bool) -> None:
        self.ends.setEnabled(checked and not self.month_only.isChecked())
        if checked and self.ends.dateTime() < self.starts.dateTime():
            self.ends.setDateTime(self.starts.dateTime().addSecs(2 * 3600))
