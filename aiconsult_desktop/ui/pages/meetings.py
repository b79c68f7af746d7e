"""Calendrier: the calendar of meetings of each employer's bodies, and their agenda."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.services import dossiers, employers, meetings
from aiconsult_desktop.services.ai_register import meeting_evidence
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import MeetingData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.forms import button, meeting_date
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.locale import date_time, month_year
from aiconsult_desktop.ui.pages.calendar_controls import CalendarControls
from aiconsult_desktop.ui.pages.meeting_form import MeetingForm
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.record_model import Column, NarrowColumns, RecordTableModel, fit_columns
from aiconsult_desktop.ui.widgets import IdCombo

if TYPE_CHECKING:
    from aiconsult_desktop.ui.navigation import Navigation


def _when(meeting: MeetingData) -> str:
    if meeting.month_only:
        return f"Date connue au mois seulement : {month_year(meeting.starts_at)}"
    end = f" – {date_time(meeting.ends_at)}" if meeting.ends_at else ""
    return date_time(meeting.starts_at) + end


MEETING_COLUMNS: list[Column[MeetingData]] = [
    Column("Date", meeting_date, _when),
    Column("Intitulé", lambda m: m.title, lambda m: m.title),
    Column("Type", lambda m: m.kind.label),
    Column("Instance", lambda m: m.body_name or "—"),
    Column("Décl.", lambda m: str(m.statement_count), lambda m: "Nombre de déclarations"),
    Column("Employeur", lambda m: m.employer_name, lambda m: m.employer_name),
]
TYPE_COLUMN = 2
STATEMENTS_COLUMN = 4
EMPLOYER_COLUMN = 5


class MeetingsPage(RecordPage[MeetingData]):
    """Meetings by date, filtered by employer, with the editor of the selected one."""

    title = "Calendrier"
    shows: frozenset[DataKind] = frozenset({"meetings", "employers", "dossiers", "statements"})
    """Meetings with their bodies, rules and statement count; the dossier choices."""
    new_text = "&Nouvelle réunion"
    new_tip = "Nouvelle réunion (Ctrl+N)"
    new_command = "new_meeting"
    delete_tip = "Supprimer la réunion (Suppr dans la liste)"
    empty_text = (
        "Aucune réunion pour l'instant.\n"
        "Saisissez la prochaine séance dans le formulaire ou cliquez sur « Nouvelle réunion »."
    )

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__(store, window)
        self.employer_filter = IdCombo()
        self.employer_filter.setMinimumContentsLength(24)
        self.employer_filter.setToolTip("N'afficher que les réunions de cet employeur")
        self.employer_filter.currentIndexChanged.connect(self._filter_changed)
        filter_label = QLabel("Af&ficher :")
        filter_label.setBuddy(self.employer_filter)

        self.calendar = CalendarControls(self)
        self.form = MeetingForm(
            self.tracker,
            insert_sentence=self.insert_sentence,
            rules_for=self.calendar.rules_for,
        )
        self.form.agenda.on_link_tool = self.link_agenda_item_to_tool
        self.statements_button = button(
            "Décl&arations…",
            "Ouvrir les déclarations de cette réunion (page Déclarations)",
            self.open_statements,
            "file-text",
        )
        model: RecordTableModel[MeetingData] = RecordTableModel(
            MEETING_COLUMNS, lambda m: m.id, lambda m: f"{m.place} {m.notes}"
        )
        self._setup(
            model,
            self.form,
            filters=[filter_label, self.employer_filter, *self.calendar.filters()],
            buttons=[self.statements_button, *self.calendar.buttons()],
            under_list=self.calendar.under_list(),
            # The editor's Suivi tab needs ~470 px: no sideways scrolling at 1200 px wide.
            sizes=(460, 520),
        )
        fit_columns(self.view, stretch=1, widths={EMPLOYER_COLUMN: 160})
        # On a small screen the titles matter more; the editor shows the type anyway.
        NarrowColumns(self.view, {TYPE_COLUMN: 620, STATEMENTS_COLUMN: 520})
        self.calendar.attach()

    # RecordPage hooks ---------------------------------------------------------------------

    def _reload_choices(self) -> None:
        found = attempt(
            self,
            lambda: (employers.list_employers(self.store), dossiers.list_dossiers(self.store)),
        )
        if found is None:
            return
        employer_list, dossier_list = found
        blocked = self.employer_filter.blockSignals(True)
        self.employer_filter.set_items(
            [(None, "Tous les employeurs"), *((e.id, e.name) for e in employer_list)]
        )
        self.employer_filter.blockSignals(blocked)
        self.form.set_choices(employer_list, dossier_list)
        self.calendar.reload(employer_list)
        # One employer in view: its name on every row says nothing.
        single = len(employer_list) <= 1 or self.employer_filter.current_id() is not None
        self.view.setColumnHidden(EMPLOYER_COLUMN, single)

    def _list_records(self) -> Sequence[MeetingData]:
        found = meetings.list_meetings(self.store, employer_id=self.employer_filter.current_id())
        found = self.calendar.filtered(found)
        self.calendar.show_meetings(found)
        return found

    def _fill_editor(self, record: MeetingData | None) -> None:
        self.form.load(record, self.employer_filter.current_id())

    def _save_editor(self) -> MeetingData | None:
        def save() -> MeetingData:
            data = self.form.record()
            if self.editing is not None and data.id == self.editing.id:
                # The version last saved here (`leave` keeps the form as it is), or the
                # other version the user chose to save over.
                data.version = self.editing.version
            return meetings.save_meeting(self.store, data)

        return self._attempt_save(save, self.form.fields)

    def _fetch(self, record_id: int | None) -> MeetingData | None:
        if record_id is None:
            return None
        return attempt(self, lambda: meetings.get_meeting(self.store, record_id))

    def _delete_record(self, record: MeetingData) -> bool:
        assert record.id is not None
        count = record.statement_count
        text = f"Supprimer la réunion « {record.title} » du {meeting_date(record)} ?"
        if count:
            noun = "déclaration" if count == 1 else "déclarations"
            text += (
                f"\n\nElle a {count} {noun}, qui seront supprimées avec elle. "
                "Les questions posées à cette réunion sont conservées."
            )
        losses = attempt(self, lambda: meeting_evidence(self.store, record.id or 0))
        if losses:
            listed = "\n".join(f"– {loss.describe()}" for loss in losses)
            text += f"\n\nElle sert de preuve dans le registre des outils d'IA :\n{listed}"
        if not dialogs.confirm(self, "Supprimer la réunion", text, destructive=True):
            return False
        meeting_id = record.id

        def delete() -> bool:
            meetings.delete_meeting(
                self.store, meeting_id, with_statements=count > 0, with_evidence=True
            )
            return True

        return attempt(self, delete) is not None

    def _default_row(self) -> int:
        """The next meeting to prepare, else the most recent one."""
        records = self.model.records()
        now = datetime.now()
        upcoming = [row for row, m in enumerate(records) if m.starts_at >= now]
        return upcoming[0] if upcoming else len(records) - 1

    def _commit_pending(self) -> None:
        self.form.agenda.commit_edit()

    def link_agenda_item_to_tool(self, item_id: int) -> None:
        """Say which of the employer's AI tools this agenda item is about (issue 10)."""
        from aiconsult_desktop.services.ai_register import list_tools
        from aiconsult_desktop.services.ai_tools import link_agenda_item

        meeting = self.editing
        if meeting is None:
            return
        tools = attempt(self, lambda: list_tools(self.store, employer_id=meeting.employer_id))
        if tools is None:
            return
        if not tools:
            dialogs.show_info(
                self,
                f"{meeting.employer_in_sentence.sentence_start} n'a aucun outil d'IA dans le "
                "registre : saisissez-le "
                "dans la page « Outils d'IA », puis revenez ici.",
            )
            return
        index = dialogs.choose(
            self, "Lier à un outil d'IA", "Outil :", [tool.name for tool in tools]
        )
        tool = tools[index] if index is not None else None
        if tool is None or tool.id is None:
            return
        tool_id = tool.id
        if attempt_done(self, lambda: link_agenda_item(self.store, tool_id, item_id)):
            self.say(f"Point lié à l'outil « {tool.name} ».")
            self.window_.notify_changed()

    def _after_show(self) -> None:
        self.statements_button.setEnabled(self.editing_id() is not None)
        self.calendar.after_show()

    # Page actions ------------------------------------------------------------------------

    def _filter_changed(self, *_args: object) -> None:
        """Only the list changes: a reload never overwrites unsaved changes in the form."""
        self.refresh()

    def open_meeting(self, meeting_id: int) -> None:
        """Show a meeting in the editor (from the month view or the dashboard)."""
        if meeting_id == self.editing_id() or not self.leave():
            return
        row = self.model.row_of(meeting_id)
        if row < 0:
            self.employer_filter.set_current_id(None)
            self.calendar.clear_filters()
            self.refresh()
            row = self.model.row_of(meeting_id)
        if row >= 0:
            self._select_source_row(row)
            self._show(self.model.record(row))

    def insert_sentence(self, sentence: str) -> None:
        """Into this meeting's statement, at the cursor (a new one if it has none yet)."""
        meeting_id = self.editing_id()
        if meeting_id is None or not self.leave():
            return
        self.window_.insert_into_statement(meeting_id, sentence)

    def export(self) -> None:
        """« Exporter (.ics)… », Fichier › Exporter… and Ctrl+E (the window's one action)."""
        self.calendar.export_ics()

    def open_statements(self) -> None:
        """The Déclarations page, showing only this meeting's statements."""
        if not self.leave():
            return
        meeting_id = self.editing_id()
        if meeting_id is None:
            return
        self.window_.show_statements_of(meeting_id)
