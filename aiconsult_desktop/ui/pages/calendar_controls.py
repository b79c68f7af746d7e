"""What turns the Calendrier page into the calendar: a body filter, the Liste / Mois switch,
sessions short of the minimum, the body's rules, and iCalendar export and import.

Kept apart from `meetings.py` so that page still reads as "list, filter, editor".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QWidget

from aiconsult_desktop.domain.deadlines import BodyRules
from aiconsult_desktop.services import body_rules, deadlines, employers
from aiconsult_desktop.services.calendar_ics import export_calendar
from aiconsult_desktop.services.calendar_import import (
    ImportPreview,
    ImportResult,
    apply_import,
    read_invitation,
)
from aiconsult_desktop.services.records import EmployerData, MeetingData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.background_export import run_export
from aiconsult_desktop.ui.forms import add_shortcut, button
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.icons import icon
from aiconsult_desktop.ui.operations import run_in_background
from aiconsult_desktop.ui.pages.calendar_month import MonthView
from aiconsult_desktop.ui.pages.rules_editing import edit_body_rules
from aiconsult_desktop.ui.widgets import IdCombo

if TYPE_CHECKING:
    from aiconsult_desktop.ui.pages.meetings import MeetingsPage


class CalendarControls:
    def __init__(self, page: MeetingsPage) -> None:
        self.page = page
        self.today = date.today
        self._rules: dict[int, tuple[str, BodyRules]] = {}
        self.body_filter = IdCombo()
        self.body_filter.setToolTip("N'afficher que les réunions de cette instance")
        self.body_filter.setMinimumContentsLength(12)
        # No Alt letter: Ctrl+L and Ctrl+M switch, and the editor's fields need L and M.
        self.list_button = QPushButton("Liste")
        self.month_button = QPushButton("Mois")
        self.list_button.setToolTip("Les réunions en liste, par date (Ctrl+L)")
        self.month_button.setToolTip("Les réunions du mois, jour par jour (Ctrl+M)")
        self.view_group = QButtonGroup(page)
        for number, widget in enumerate((self.list_button, self.month_button)):
            widget.setCheckable(True)
            self.view_group.addButton(widget, number)
        self.list_button.setChecked(True)
        self.list_button.setIcon(icon("list"))
        self.month_button.setIcon(icon("calendar"))
        self.month = MonthView()
        self.month.setVisible(False)
        self.shortfall = QLabel()
        self.shortfall.setObjectName("sessionShortfall")
        self.shortfall.setWordWrap(True)
        self.shortfall.setStyleSheet("color: #b33a1b;")
        self.rules_button = button(
            "Rè&gles…",
            "Règles de l'instance de la réunion : délais de convocation, de documents, "
            "de procès-verbal…",
            self.edit_rules,
            "timer",
        )
        self.export_button = button(
            "E&xporter (.ics)…",
            "Exporter les réunions affichées pour Outlook ou Thunderbird (Ctrl+E)",
            self.page.window_.command("export").trigger,
            "calendar-arrow-down",
        )
        self.import_button = button(
            "Importer une in&vitation…",
            "Importer une invitation .ics reçue de l'employeur",
            self.import_ics,
            "calendar-plus",
        )

    def filters(self) -> list[QWidget]:
        return [self.body_filter, self.list_button, self.month_button]

    def buttons(self) -> list[QWidget]:
        return [self.rules_button, self.export_button, self.import_button]

    def under_list(self) -> list[QWidget]:
        return [self.month, self.shortfall]

    def attach(self) -> None:
        """Signals, once the page has built its list (the month view replaces it)."""
        self.body_filter.currentIndexChanged.connect(lambda _i: self.page.refresh())
        self.view_group.idToggled.connect(lambda _id, _on: self._switch_view())
        self.month.meeting_chosen.connect(self.page.open_meeting)
        add_shortcut(
            self.page,
            "Ctrl+L",
            lambda: self.list_button.setChecked(True),
            text="Les réunions en liste",
        )
        add_shortcut(
            self.page,
            "Ctrl+M",
            lambda: self.month_button.setChecked(True),
            text="Les réunions du mois",
        )

    def _switch_view(self) -> None:
        month = self.month_button.isChecked()
        self.page.list_stack.setVisible(not month)
        self.month.setVisible(month)

    # Data -----------------------------------------------------------------------------

    def reload(self, employers: list[EmployerData]) -> None:
        chosen = self.page.employer_filter.current_id()
        bodies = [
            (b.id, b.name if chosen is not None else f"{b.name} ({e.short_name or e.name})")
            for e in employers
            if chosen is None or e.id == chosen
            for b in e.bodies
        ]
        blocked = self.body_filter.blockSignals(True)
        self.body_filter.set_items([(None, "Toutes les instances"), *bodies])
        self.body_filter.blockSignals(blocked)
        found = attempt(self.page, lambda: body_rules.rules_by_body(self.page.store))
        self._rules = found or {}

    def rules_for(self, body_id: int | None) -> BodyRules | None:
        found = self._rules.get(body_id) if body_id is not None else None
        return found[1] if found else None

    def filtered(self, meetings: list[MeetingData]) -> list[MeetingData]:
        body_id = self.body_filter.current_id()
        return meetings if body_id is None else [m for m in meetings if m.body_id == body_id]

    def clear_filters(self) -> None:
        self.body_filter.set_current_id(None)

    def show_meetings(self, meetings: list[MeetingData]) -> None:
        self.month.set_meetings(meetings)
        self._show_shortfalls(meetings)

    def _show_shortfalls(self, meetings: list[MeetingData]) -> None:
        today = self.today()
        shown_bodies = {m.body_id for m in meetings}
        years = [today.year - 1, today.year]
        found = attempt(self.page, lambda: deadlines.session_tallies(self.page.store, years))
        short = [
            s.sentence(today)
            for s in found or []
            if s.tally.short
            and s.tally.body_id in shown_bodies
            and (s.tally.year < today.year or today.month >= 10)
        ]
        self.shortfall.setText(
            "Séances en dessous du minimum : " + " ".join(short) if short else ""
        )
        self.shortfall.setVisible(bool(short))

    def after_show(self) -> None:
        editing = self.page.editing
        self.rules_button.setEnabled(editing is not None and editing.body_id is not None)
        if editing is not None and not editing.month_only:
            self.month.show_month(editing.starts_at.year, editing.starts_at.month)

    # Actions --------------------------------------------------------------------------

    def edit_rules(self) -> None:
        editing = self.page.editing
        if editing is None or editing.body_id is None:
            return
        if edit_body_rules(self.page, self.page.store, editing.body_id) is not None:
            self.page.window_.notify_changed()
            self.page.refresh()
            self.page.form.update_deadlines()

    def export_ics(self) -> None:
        if not self.page.leave():
            return
        employer_id = self.page.employer_filter.current_id()
        body_id = self.body_filter.current_id()
        target = dialogs.save_path(
            self.page,
            "Exporter le calendrier",
            Path("reunions.ics"),
            "Calendrier iCalendar (*.ics)",
        )
        if target is None:
            return
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")
        store = self.page.store  # read here: the worker touches no widget
        run_export(
            self.page,
            target,
            lambda: export_calendar(store, target, employer_id, body_id=body_id),
            lambda result: dialogs.show_info(self.page, result.summary()),
            title="Exporter le calendrier",
        )

    def import_ics(self) -> None:
        """Read the invitation off the GUI thread, ask, then import it off the GUI thread."""
        if not self.page.leave():
            return
        source = dialogs.open_path(
            self.page, "Importer une invitation", "Invitations iCalendar (*.ics);;Tous (*)"
        )
        if source is None:
            return
        store = self.page.store  # read here: the worker touches no widget
        run_in_background(
            self.page,
            lambda _report: read_invitation(store, source),
            self._confirm_import,
            label=f"Lecture de « {source.name} »…",
            title="Importer une invitation",
        )

    def _confirm_import(self, preview: ImportPreview) -> None:
        employer_id = self.page.employer_filter.current_id() or self.page.form.employer.current_id()
        if employer_id is None:
            dialogs.show_error(self.page, "Créez d'abord l'employeur de ces réunions.")
            return
        employer = attempt(self.page, lambda: employers.get_employer(self.page.store, employer_id))
        if employer is None:
            return
        text = f"Réunions {employer.in_sentence.of} à importer :\n\n" + "\n".join(preview.lines(20))
        if not dialogs.confirm(self.page, "Importer une invitation", text):
            return
        store = self.page.store
        run_in_background(
            self.page,
            lambda _report: apply_import(store, preview, employer_id),
            self._imported,
            label="Import des réunions…",
            title="Importer une invitation",
        )

    def _imported(self, result: ImportResult) -> None:
        self.page.window_.notify_changed()
        self.page.refresh()
        dialogs.show_info(self.page, result.summary())
