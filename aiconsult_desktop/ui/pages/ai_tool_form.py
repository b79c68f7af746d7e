"""The form of the « Outils d'IA » page: where the tool stands (the domain's sentences,
never rewritten here), its description, its life and its checklist, in three tabs.

The description is saved with the page's « Enregistrer » (`AiToolData`); a step of the
tool's life, a checklist item and an agenda link are each saved at once by their own
small dialog (`ai_tool_dialogs`), as the services record them one by one.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.ai_status import BREACH, ChecklistItem
from aiconsult_desktop.domain.ai_tools import AiActClass, ToolKind
from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.services.ai_records import AiToolData
from aiconsult_desktop.services.ai_tools import MAX_AGENTS
from aiconsult_desktop.ui.forms import ChangeTracker
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo, buddy

BREACH_STYLE = "color: #b33a1b; font-weight: 600;"


class TriCombo(QComboBox):
    """A fact that may be unknown: « non renseigné », « oui », « non » (None, True, False).

    An unknown fact never dismisses a rule, so « non renseigné » is the honest default.
    """

    def __init__(self) -> None:
        super().__init__()
        for text, value in (("non renseigné", None), ("oui", True), ("non", False)):
            self.addItem(text, value)

    def value(self) -> bool | None:
        data = self.currentData()
        return data if isinstance(data, bool) else None

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[value])


def _table(headers: list[str], stretch: int, widths: dict[int, int]) -> QTableWidget:
    """A read-only table of one line per row, elided: the full text is in each tooltip
    (a long rule label wrapped on ten lines pushed the other columns out of sight)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, widths.get(column, 120))
    return table


def _cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip or text)
    return item


def item_state_text(item: ChecklistItem) -> str:
    """« Fait (12 juin 2025, d'après le vote) », « Non renseigné », as the fiche says it."""
    state = item.state.phrase(item.rule.feminine)
    text = state[:1].upper() + state[1:]
    if item.on is not None:
        text += f" ({day_month_year(item.on)})"
    if item.derived:
        text += ", d'après le vote"
    return text


class ToolForm(QWidget):
    """Where the tool stands, then three tabs: description, life, checklist."""

    def __init__(self, tracker: ChangeTracker) -> None:
        super().__init__()
        self.status_view = QLabel("")
        self.status_view.setObjectName("toolStatus")
        self.status_view.setWordWrap(True)
        self.status_view.setTextFormat(self.status_view.textFormat().RichText)

        self.employer = IdCombo()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Ex. : LigérIA")
        self.vendor = QLineEdit()
        self.vendor.setPlaceholderText("Éditeur du logiciel ou prestataire")
        self.purpose = QPlainTextEdit()
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMaximumHeight(70)
        self.services = QLineEdit()
        self.services.setPlaceholderText("Ex. : tous les services ; accueil et DRH")
        self.agents = QSpinBox()
        self.agents.setRange(-1, MAX_AGENTS)
        self.agents.setSpecialValueText("non renseigné")
        self.agents.setGroupSeparatorShown(True)
        self.kind: EnumCombo[ToolKind] = EnumCombo(ToolKind)
        self.personal_data = TriCombo()
        self.changes_organisation = TriCombo()
        self.working_conditions = TriCombo()
        self.decisions = TriCombo()
        self.changes_organisation.setToolTip(
            "L'outil modifie l'organisation ou le fonctionnement des services (compétence du CST)"
        )
        self.working_conditions.setToolTip(
            "L'outil touche les conditions de travail, la santé ou la sécurité des agents"
        )
        self.decisions.setToolTip(
            "L'outil sert à des décisions concernant des agents ou des usagers"
        )
        self.ai_class: EnumCombo[AiActClass] = EnumCombo(AiActClass)
        self.ai_class_reason = QLineEdit()
        self.ai_class_reason.setPlaceholderText("Pourquoi ce classement (annexe III, point 4…)")
        self.dossier = IdCombo()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        tracker.watch(
            self.employer,
            self.name,
            self.vendor,
            self.purpose,
            self.services,
            self.agents,
            self.kind,
            self.personal_data,
            self.changes_organisation,
            self.working_conditions,
            self.decisions,
            self.ai_class,
            self.ai_class_reason,
            self.dossier,
            self.notes,
        )

        description = QWidget()
        form = QFormLayout(description)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy("Employeu&r *", self.employer), self.employer)
        form.addRow(buddy("N&om de l'outil *", self.name), self.name)
        form.addRow(buddy("Édite&ur ou prestataire", self.vendor), self.vendor)
        form.addRow(buddy("&Finalité", self.purpose), self.purpose)
        form.addRow(buddy("Ser&vices concernés", self.services), self.services)
        form.addRow(buddy("No&mbre d'agents", self.agents), self.agents)
        form.addRow(buddy("Ty&pe", self.kind), self.kind)
        form.addRow(buddy("Données personnelles", self.personal_data), self.personal_data)
        form.addRow(
            buddy("Modifie l'organisation", self.changes_organisation),
            self.changes_organisation,
        )
        form.addRow(
            buddy("Conditions de travail", self.working_conditions),
            self.working_conditions,
        )
        form.addRow(buddy("Décisions individuelles", self.decisions), self.decisions)
        form.addRow(buddy("Cl&assement AI Act", self.ai_class), self.ai_class)
        form.addRow(buddy("Motif du classement", self.ai_class_reason), self.ai_class_reason)
        form.addRow(buddy("Dossier &lié", self.dossier), self.dossier)
        form.addRow(buddy("Notes", self.notes), self.notes)

        self.events = _table(["Étape", "Date", "Appris par", "Source"], 3, {0: 100, 1: 105, 2: 160})
        self.events.setAccessibleName("Étapes de l'outil")
        self.add_event_button = QPushButton("A&jouter une étape…")
        self.add_event_button.setToolTip("Annonce, expérimentation, déploiement, suspension…")
        self.edit_event_button = QPushButton("&Modifier l'étape…")
        self.remove_event_button = QPushButton("&Retirer l'étape")
        self.links = _table(["Points de l'ordre du jour liés", "Avis"], 0, {1: 150})
        self.links.setAccessibleName("Points de l'ordre du jour liés")
        self.links.setMaximumHeight(130)
        self.link_button = QPushButton("Lier un &point pour avis…")
        self.link_button.setToolTip(
            "Le vote enregistré sur ce point remplit « Avis du CST » de la liste de contrôle"
        )
        self.unlink_button = QPushButton("Dé&lier le point")
        life = QWidget()
        life_layout = QVBoxLayout(life)
        life_layout.addWidget(buddy("É&tapes de la vie de l'outil", self.events))
        life_layout.addWidget(self.events, 2)
        life_layout.addLayout(
            _row(self.add_event_button, self.edit_event_button, self.remove_event_button)
        )
        life_layout.addWidget(self.links, 1)
        life_layout.addLayout(_row(self.link_button, self.unlink_button))

        self.checklist = _table(
            ["Élément dû", "État", "Preuve", "Fiabilité"], 0, {1: 150, 2: 110, 3: 135}
        )
        self.checklist.setAccessibleName("Liste de contrôle")
        self.item_button = QPushButton("Renseigner l'élé&ment…")
        self.item_button.setToolTip("État, date et preuve de l'élément choisi (double-clic)")
        self.rules_button = QPushButton("&Règles de l'employeur…")
        self.rules_button.setToolTip(
            "Modifier, désactiver ou ajouter les règles de la liste de contrôle de cet employeur"
        )
        checks = QWidget()
        checks_layout = QVBoxLayout(checks)
        hint = QLabel(
            "Construite à partir des règles : source et fiabilité de chacune en infobulle "
            "et dans la dernière colonne."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        checks_layout.addWidget(hint)
        checks_layout.addWidget(self.checklist, 1)
        checks_layout.addLayout(_row(self.item_button, self.rules_button))

        self.tabs = QTabWidget()
        self.tabs.addTab(description, "&Description")
        self.tabs.addTab(life, "&Historique")
        self.tabs.addTab(checks, "Liste de &contrôle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.status_view)
        layout.addWidget(self.tabs, 1)
        self.fields: dict[str, QWidget] = {
            "employer": self.employer,
            "name": self.name,
            "Nom de l'outil": self.name,
            "Éditeur ou prestataire": self.vendor,
            "Finalité": self.purpose,
            "Services concernés": self.services,
            "agents_count": self.agents,
            "Motif du classement": self.ai_class_reason,
            "dossier": self.dossier,
            "Notes": self.notes,
        }

    def load(self, tool: AiToolData | None, default_employer: int | None) -> None:
        self.employer.set_current_id(tool.employer_id if tool else default_employer)
        self.name.setText(tool.name if tool else "")
        self.vendor.setText(tool.vendor if tool else "")
        self.purpose.setPlainText(tool.purpose if tool else "")
        self.services.setText(tool.services if tool else "")
        count = tool.agents_count if tool else None
        self.agents.setValue(-1 if count is None else count)
        self.kind.set_value(tool.kind if tool else ToolKind.OTHER)
        self.personal_data.set_value(tool.personal_data if tool else None)
        self.changes_organisation.set_value(tool.changes_organisation if tool else None)
        self.working_conditions.set_value(tool.affects_working_conditions if tool else None)
        self.decisions.set_value(tool.decisions_about_people if tool else None)
        self.ai_class.set_value(tool.ai_class if tool else AiActClass.UNDETERMINED)
        self.ai_class_reason.setText(tool.ai_class_reason if tool else "")
        self.dossier.set_current_id(tool.dossier_id if tool else None)
        self.notes.setPlainText(tool.notes if tool else "")
        self._show_status(tool)
        self._show_events(tool)
        self._show_checklist(tool)
        for widget in (
            self.add_event_button,
            self.link_button,
            self.item_button,
            self.rules_button,
        ):
            widget.setEnabled(tool is not None)
        self.update_buttons()

    def record(self, loaded: AiToolData | None) -> AiToolData:
        """What the description says; id and version from the tool loaded."""
        agents = self.agents.value()
        return AiToolData(
            employer_id=self.employer.current_id() or 0,
            name=self.name.text(),
            vendor=self.vendor.text(),
            purpose=self.purpose.toPlainText(),
            services=self.services.text(),
            agents_count=None if agents < 0 else agents,
            kind=self.kind.value(),
            personal_data=self.personal_data.value(),
            changes_organisation=self.changes_organisation.value(),
            affects_working_conditions=self.working_conditions.value(),
            decisions_about_people=self.decisions.value(),
            ai_class=self.ai_class.value(),
            ai_class_reason=self.ai_class_reason.text(),
            dossier_id=self.dossier.current_id(),
            notes=self.notes.toPlainText(),
            id=loaded.id if loaded else None,
            version=loaded.version if loaded else 0,
        )

    def _show_status(self, tool: AiToolData | None) -> None:
        status = tool.status if tool else None
        if status is None:
            self.status_view.setText(
                "Enregistrez l'outil, puis ajoutez les étapes de sa vie (onglet "
                "« Historique ») : la liste de contrôle et sa situation suivront."
            )
            return
        lines = []
        for number, sentence in enumerate(status.sentences()):
            text = html.escape(sentence, quote=False)
            if number == 0 and status.in_breach:
                text = text.replace(BREACH, f"<span style='{BREACH_STYLE}'>{BREACH}</span>")
            lines.append(f"<b>{text}</b>" if number == 0 else f"• {text}")
        self.status_view.setText("<br>".join(lines))

    def _show_events(self, tool: AiToolData | None) -> None:
        events = tool.events if tool else []
        self.events.setRowCount(len(events))
        for row, event in enumerate(events):
            self.events.setItem(row, 0, _cell(event.stage.label))
            self.events.setItem(row, 1, _cell(event.when))
            self.events.setItem(row, 2, _cell(event.learned_from.label))
            self.events.setItem(row, 3, _cell(event.source or event.meeting_title))

    def _show_checklist(self, tool: AiToolData | None) -> None:
        items = list(tool.status.items) if tool and tool.status else []
        self.checklist.setRowCount(len(items))
        for row, item in enumerate(items):
            rule = item.rule
            source = f"Source : {rule.source}\nFiabilité : {rule.confidence.label}"
            self.checklist.setItem(row, 0, _cell(rule.label, f"{rule.label}\n\n{source}"))
            self.checklist.setItem(row, 1, _cell(item_state_text(item), item.note or ""))
            self.checklist.setItem(row, 2, _cell(item.evidence))
            self.checklist.setItem(row, 3, _cell(rule.confidence.label, source))

    def show_links(self, rows: list[tuple[str, str]]) -> None:
        self.links.setRowCount(len(rows))
        for row, (title, opinion) in enumerate(rows):
            self.links.setItem(row, 0, _cell(title))
            self.links.setItem(row, 1, _cell(opinion))
        self.update_buttons()

    def update_buttons(self) -> None:
        chosen = self.events.currentRow() >= 0
        self.edit_event_button.setEnabled(chosen)
        self.remove_event_button.setEnabled(chosen)
        self.unlink_button.setEnabled(self.links.currentRow() >= 0)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
