"""« Outils d'IA » (issue 10): the AI tools of every employer, where each stands, what it owes.

A `RecordPage`: the list (tool, employer, headline, « en infraction »), sortable, filtered by
employer, stage and « en infraction » (`ai_register.list_tools`); the form (`ToolForm`) saved
by « Enregistrer », the life, checklist and agenda links saved one by one by their dialogs.
Exports go through `services.ai_exports`, as the CLI's do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QProgressDialog, QWidget

from aiconsult_desktop.domain.ai_status import BREACH
from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.domain.data_kinds import DataKind
from aiconsult_desktop.domain.enums import AgendaItemKind
from aiconsult_desktop.services import ai_register, ai_tools, dossiers, employers, meetings
from aiconsult_desktop.services.ai_records import AiToolData
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.questions import list_questions
from aiconsult_desktop.services.records import MeetingData
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.forms import button, meeting_label
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.pages.ai_rules_dialog import RulesDialog
from aiconsult_desktop.ui.pages.ai_tool_dialogs import EventDialog, ItemDialog
from aiconsult_desktop.ui.pages.ai_tool_exports import ToolExports
from aiconsult_desktop.ui.pages.ai_tool_form import ToolForm
from aiconsult_desktop.ui.pages.record_page import RecordPage
from aiconsult_desktop.ui.record_model import Column, NarrowColumns, RecordTableModel, fit_columns
from aiconsult_desktop.ui.widgets import IdCombo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from aiconsult_desktop.ui.navigation import Navigation

EMPTY = (
    "Aucun outil d'IA ici pour l'instant. Saisissez chaque outil que l'employeur annonce "
    "ou expérimente (Ctrl+N) : l'application dit ce que son déploiement doit au CST."
)


class AiToolsPage(RecordPage[AiToolData]):
    """The AI tools register: list, filters, form, checklist, exports. A tool's status
    counts its dossier's open questions and its meetings' votes (`shows`)."""

    title = "Outils d'IA"
    shows: frozenset[DataKind] = frozenset(
        {"ai_tools", "employers", "meetings", "questions", "dossiers"}
    )
    new_text = "&Nouvel outil"
    new_tip = "Saisir un nouvel outil d'IA (Ctrl+N)"
    new_command = "new_tool"
    delete_tip = "Supprimer l'outil choisi (Suppr dans la liste)"
    empty_text = EMPTY

    def __init__(self, store: Store, window: Navigation) -> None:
        super().__init__(store, window)
        self.dialog: QDialog | None = None
        """The dialog open now (a step, an item, the rules), for tests to drive."""
        self.progress: QProgressDialog | None = None
        self._meetings: list[MeetingData] = []
        self.exports = ToolExports(self, store)

        self.employer_filter = IdCombo()
        self.employer_filter.setToolTip("N'afficher que les outils de cet employeur")
        self.employer_filter.setMinimumContentsLength(22)
        employer_label = QLabel("Emplo&yeur :")
        employer_label.setBuddy(self.employer_filter)
        self.stage_filter = IdCombo()
        self.stage_filter.setToolTip("N'afficher que les outils à cette étape")
        self._stages = list(LifeStage)
        self.stage_filter.set_items(
            [(None, "Toutes les étapes"), *((n, s.label) for n, s in enumerate(self._stages))]
        )
        stage_label = QLabel("Étape :")
        stage_label.setBuddy(self.stage_filter)
        self.breach_filter = QCheckBox("En &infraction seulement")
        self.breach_filter.setToolTip(
            "Outils utilisés alors qu'une obligation due avant n'est pas remplie"
        )
        for combo in (self.employer_filter, self.stage_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.breach_filter.toggled.connect(lambda _on: self.reload_list())

        self.sheet_button = button(
            "E&xporter la fiche…",
            "« Fiche outil » de l'outil choisi, en Word (.docx) ou en PDF (Ctrl+E)",
            window.command("export").trigger,
            "file-down",
        )
        self.register_button = button(
            "Re&gistre…",
            "Le registre des outils (ceux de la liste), en tableur .xlsx ou .csv",
            self.export_register,
            "table-2",
        )

        self.form = ToolForm(self.tracker)
        self.form.add_event_button.clicked.connect(lambda: self.edit_event(new=True))
        self.form.edit_event_button.clicked.connect(lambda: self.edit_event(new=False))
        self.form.events.itemDoubleClicked.connect(lambda _i: self.edit_event(new=False))
        self.form.remove_event_button.clicked.connect(lambda: self.remove_event())
        self.form.events.currentCellChanged.connect(lambda *_: self.form.update_buttons())
        self.form.links.currentCellChanged.connect(lambda *_: self.form.update_buttons())
        self.form.item_button.clicked.connect(lambda: self.edit_item())
        self.form.checklist.itemDoubleClicked.connect(lambda _i: self.edit_item())
        self.form.rules_button.clicked.connect(lambda: self.edit_rules())
        self.form.link_button.clicked.connect(lambda: self.link_agenda_item())
        self.form.unlink_button.clicked.connect(lambda: self.unlink_agenda_item())

        columns: list[Column[AiToolData]] = [
            Column("Outil", lambda t: t.name, lambda t: t.purpose or t.name),
            Column("Employeur", lambda t: t.employer_name),
            Column(
                "Où en est l'outil",
                lambda t: t.status.headline if t.status else "",
                lambda t: "\n".join(t.status.sentences()) if t.status else "",
            ),
            Column("Infraction", lambda t: BREACH if t.status and t.status.in_breach else ""),
        ]
        model: RecordTableModel[AiToolData] = RecordTableModel(
            columns, lambda t: t.id, lambda t: f"{t.vendor} {t.purpose} {t.services}"
        )
        proxy = QSortFilterProxyModel(self)
        proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setSortLocaleAware(True)
        self._setup(
            model,
            self.form,
            proxy=proxy,
            filters=[employer_label, self.employer_filter, stage_label, self.stage_filter],
            buttons=[self.sheet_button, self.register_button],
            under_list=[self.breach_filter],
            sizes=(410, 690),
        )
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the services' order first
        fit_columns(self.view, stretch=2)
        # On a small screen the headline matters more; the form's title names the employer.
        NarrowColumns(self.view, {1: 560})

    def open_tool(self, tool_id: int) -> None:
        """Show this tool (from the dashboard), clearing the filters that hide it."""
        if tool_id == self.editing_id() or not self.leave():
            return
        if not self.list.view_index(self.model.row_of(tool_id)).isValid():
            for combo in (self.employer_filter, self.stage_filter):
                blocked = combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(blocked)
            self.breach_filter.setChecked(False)
            self.refresh()
        row = self.model.row_of(tool_id)
        if row >= 0:
            self._select_source_row(row)
            self._show(self.model.record(row))

    # RecordPage hooks ------------------------------------------------------------------

    def _reload_choices(self) -> None:
        employer_list = attempt(self, lambda: employers.list_employers(self.store))
        dossier_list = attempt(self, lambda: dossiers.list_dossiers(self.store))
        meeting_list = attempt(self, lambda: meetings.list_meetings(self.store))
        if employer_list is None or dossier_list is None or meeting_list is None:
            return
        self._meetings = meeting_list
        pairs = [(e.id, e.name) for e in employer_list]
        blocked = self.employer_filter.blockSignals(True)
        self.employer_filter.set_items([(None, "Tous les employeurs"), *pairs])
        self.employer_filter.blockSignals(blocked)
        self.form.employer.set_items(pairs)
        self.form.dossier.set_items([(None, "(aucun)"), *((d.id, d.title) for d in dossier_list)])

    def _list_records(self) -> Sequence[AiToolData]:
        stage = self.stage_filter.current_id()
        return ai_register.list_tools(
            self.store,
            employer_id=self.employer_filter.current_id(),
            stage=self._stages[stage] if stage is not None else None,
            in_breach=True if self.breach_filter.isChecked() else None,
        )

    def _fill_editor(self, record: AiToolData | None) -> None:
        self.form.load(record, self.employer_filter.current_id())
        self._show_links(record)

    def _save_editor(self) -> AiToolData | None:
        data = self.form.record(self.editing)

        def save() -> AiToolData:
            return ai_register.get_tool(self.store, ai_tools.save_tool(self.store, data))

        return self._attempt_save(save, self.form.fields)

    def _fetch(self, record_id: int | None) -> AiToolData | None:
        if record_id is None:
            return None
        return attempt(self, lambda: ai_register.get_tool(self.store, record_id))

    def _delete_record(self, record: AiToolData) -> bool:
        tool_id = record.id
        if tool_id is None or not dialogs.confirm(
            self,
            "Supprimer l'outil",
            f"Supprimer l'outil « {record.name} » du registre, avec son historique et sa "
            "liste de contrôle ?\n\nLes réunions, questions et dossiers qu'il cite sont "
            "conservés.",
            destructive=True,
        ):
            return False
        if not attempt_done(self, lambda: ai_tools.delete_tool(self.store, tool_id)):
            return False
        self.say(f"Outil « {record.name} » supprimé.")
        return True

    def _first_field(self) -> QWidget:
        self.form.tabs.setCurrentIndex(0)
        return self.form.name

    def _form_title(self, record: AiToolData | None) -> str:
        if record is None:
            return "Nouvel outil"
        return f"{record.name} — {record.employer_name}"

    def _after_show(self) -> None:
        self.sheet_button.setEnabled(self.editing is not None)

    # The tool's life, checklist and links ----------------------------------------------

    def _saved_tool(self) -> AiToolData | None:
        """The tool as stored, the description saved first (a step needs the tool)."""
        if self.tracker.dirty:
            if not self.leave():
                return None
            self._announce_change()
        return self.editing

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._reload_tool)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def _reload_tool(self) -> None:
        """After a dialog saved: the status, checklist and list say it at once."""
        tool_id = self.editing_id()
        if tool_id is None:
            return
        fresh = attempt(self, lambda: ai_register.get_tool(self.store, tool_id))
        if fresh is None:
            return
        self.model.put_record(fresh)
        self._show(fresh)
        self.window_.notify_changed()

    def _employer_meetings(self, tool: AiToolData) -> list[MeetingData]:
        return [m for m in self._meetings if m.employer_id == tool.employer_id]

    def edit_event(self, *, new: bool) -> None:
        tool = self._saved_tool()
        if tool is None or tool.id is None:
            return
        row = self.form.events.currentRow()
        event = None if new or not 0 <= row < len(tool.events) else tool.events[row]
        if not new and event is None:
            return
        self._open(EventDialog(self, self.store, tool.id, self._employer_meetings(tool), event))

    def remove_event(self) -> None:
        tool = self.editing
        row = self.form.events.currentRow()
        if tool is None or not 0 <= row < len(tool.events):
            return
        event = tool.events[row]
        event_id = event.id
        if event_id is None or not dialogs.confirm(
            self,
            "Retirer l'étape",
            f"Retirer l'étape « {event.stage.label} » du {event.when} de l'historique ?",
            destructive=True,
        ):
            return
        if attempt_done(self, lambda: ai_tools.delete_event(self.store, event_id)):
            self._reload_tool()

    def edit_item(self) -> None:
        tool = self._saved_tool()
        row = self.form.checklist.currentRow()
        if tool is None or tool.id is None or tool.status is None:
            return
        if not 0 <= row < len(tool.status.items):
            dialogs.show_info(self, "Choisissez d'abord un élément de la liste de contrôle.")
            return
        item = tool.status.items[row]
        recorded = next((i for i in tool.items if i.rule_key == item.rule.key), None)
        questions = []
        if tool.dossier_id is not None:
            dossier_id = tool.dossier_id
            questions = (
                attempt(
                    self,
                    lambda: list_questions(
                        self.store, employer_id=tool.employer_id, dossier_id=dossier_id
                    ),
                )
                or []
            )
        meeting_list = self._employer_meetings(tool)
        self._open(ItemDialog(self, self.store, tool.id, item, recorded, meeting_list, questions))

    def edit_rules(self) -> None:
        tool = self._saved_tool()
        if tool is None:
            return
        self._open(RulesDialog(self, self.store, tool.employer_id, tool.employer_name))

    def _show_links(self, tool: AiToolData | None) -> None:
        rows = []
        for meeting in self._meetings:
            for item in meeting.agenda:
                if tool is not None and item.id in tool.agenda_item_ids:
                    opinion = item.opinion.label if item.opinion else "vote non enregistré"
                    rows.append((f"{meeting_label(meeting)} — {item.title}", opinion))
        self.form.show_links(rows)

    def _linked(self, tool: AiToolData) -> list[tuple[int, str]]:
        return [
            (item.id, f"{meeting_label(meeting)} — {item.title}")
            for meeting in self._meetings
            for item in meeting.agenda
            if item.id is not None and item.id in tool.agenda_item_ids
        ]

    def link_agenda_item(self) -> None:
        """Pick a « pour avis » item of one of the employer's meetings: its vote, once
        recorded on the meeting, is the committee's opinion on the tool."""
        tool = self._saved_tool()
        if tool is None or tool.id is None:
            return
        tool_id = tool.id
        offered = [
            (item.id, f"{meeting_label(meeting)} — {item.title}")
            for meeting in self._employer_meetings(tool)
            for item in meeting.agenda
            if item.kind is AgendaItemKind.OPINION
            and item.id is not None
            and item.id not in tool.agenda_item_ids
        ]
        if not offered:
            where = tool.employer_in_sentence.of
            dialogs.show_info(
                self,
                f"Aucun point « pour avis » à lier dans les réunions {where}. "
                "Ajoutez-le à l'ordre du jour de la séance (page Calendrier), puis revenez ici.",
            )
            return
        index = dialogs.choose(
            self, "Lier un point pour avis", "Point de l'ordre du jour :", [t for _i, t in offered]
        )
        if index is None:
            return
        item_id = offered[index][0]
        if attempt_done(self, lambda: ai_tools.link_agenda_item(self.store, tool_id, item_id)):
            self._reload_tool()

    def unlink_agenda_item(self) -> None:
        tool = self.editing
        row = self.form.links.currentRow()
        if tool is None or tool.id is None:
            return
        linked = self._linked(tool)
        if not 0 <= row < len(linked):
            return
        tool_id, item_id = tool.id, linked[row][0]
        if attempt_done(self, lambda: ai_tools.unlink_agenda_item(self.store, tool_id, item_id)):
            self._reload_tool()

    # Exports -----------------------------------------------------------------------------

    def export(self) -> None:
        """The chosen tool's sheet: « Exporter la fiche… », Fichier › Exporter…, Ctrl+E."""
        tool = self._saved_tool()
        if tool is not None and tool.id is not None:
            self.progress = self.exports.sheet(tool.id, tool.name)

    def export_register(self) -> None:
        """The register of the employer chosen in the filter (or of all), .xlsx or .csv."""
        if self.tracker.dirty and not self.leave():
            return
        employer_id = self.employer_filter.current_id()
        self.progress = self.exports.register(
            self.employer_filter.currentText() if employer_id is not None else None
        )
