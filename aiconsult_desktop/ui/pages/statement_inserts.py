"""What the statement editor inserts or keeps: a template's text, the employer's pending
questions, a legal ground as a footnote, the ready paragraph on an AI tool, and the text
kept as a new template.

Each opens its dialog (through the page, which keeps it for tests to drive) and puts the
chosen text at the editor's cursor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.services.statement_blocks import (
    legal_note,
    pending_questions,
    questions_blocks,
)
from aiconsult_desktop.services.statement_records import LegalGroundData, TemplateData
from aiconsult_desktop.services.statement_templates import list_templates, save_as_template
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.pages.statement_editor import StatementEditor
from aiconsult_desktop.ui.statement_dialogs import (
    LegalGroundsDialog,
    QuestionsDialog,
    TemplatesDialog,
)


class StatementInserts:
    """Owned by the Déclarations page, acting on its editor."""

    def __init__(
        self,
        parent: QWidget,
        store: Store,
        editor: StatementEditor,
        open_dialog: Callable[[QDialog], None],
    ) -> None:
        self.parent = parent
        self.store = store
        self.editor = editor
        self.open_dialog = open_dialog

    def template(self, new_statement: bool) -> None:
        """A template's text at the cursor; a new, empty statement takes its kind too."""
        meeting = self.editor.current_meeting()
        meeting_id = meeting.id if meeting is not None else None
        templates = attempt(self.parent, lambda: list_templates(self.store, meeting_id))
        if templates is None:
            return

        def use(template: TemplateData) -> None:
            if new_statement and not self.editor.rich.markdown().strip():
                self.editor.kind.set_value(template.kind)
            self.editor.rich.insert_markdown(template.text, as_blocks=True)

        self.open_dialog(TemplatesDialog(self.parent, templates, use))

    def save_template(self) -> None:
        text = self.editor.rich.markdown()
        if not text.strip():
            dialogs.show_info(self.parent, "Écrivez d'abord le texte à garder comme modèle.")
            return
        name = dialogs.ask_text(
            self.parent, "Enregistrer comme modèle", "Nom du modèle :", self.editor.title.text()
        )
        if name is None:
            return
        kind = self.editor.kind.value()
        saved = attempt(self.parent, lambda: save_as_template(self.store, name, text, kind))
        if saved is not None:
            dialogs.show_info(self.parent, f"Le modèle « {saved.name} » est enregistré.")

    def questions(self) -> None:
        meeting = self.editor.current_meeting()
        if meeting is None:
            return
        found = attempt(self.parent, lambda: pending_questions(self.store, meeting.employer_id))
        if found is None:
            return

        def insert(chosen: list[QuestionData]) -> None:
            self.editor.rich.insert_doc(questions_blocks(chosen), as_blocks=True)

        self.open_dialog(QuestionsDialog(self.parent, found, insert))

    def legal_ground(self) -> None:
        def insert(ground: LegalGroundData) -> None:
            self.editor.rich.insert_note(legal_note(ground))

        self.open_dialog(LegalGroundsDialog(self.parent, self.store, insert))

    def ai_tool(self) -> None:
        """The ready paragraph on one AI tool (`services.ai_paragraph`): facts with dates,
        grounds as real footnotes, open items, pending questions. The meeting's employer's
        tools are offered, all of them when it has none."""
        from aiconsult_desktop.services.ai_paragraph import tool_paragraph
        from aiconsult_desktop.services.ai_register import list_tools

        tools = attempt(self.parent, lambda: list_tools(self.store))
        if tools is None:
            return
        meeting = self.editor.current_meeting()
        own = [t for t in tools if meeting is not None and t.employer_id == meeting.employer_id]
        offered = own or tools
        if not offered:
            dialogs.show_info(
                self.parent,
                "Aucun outil d'IA n'est encore enregistré : saisissez-le dans la page "
                "« Outils d'IA », puis revenez ici.",
            )
            return
        index = dialogs.choose(
            self.parent,
            "Insérer la situation d'un outil d'IA",
            "Outil :",
            [f"{t.name} — {t.employer_name}" for t in offered],
        )
        tool_id = offered[index].id if index is not None else None
        if tool_id is None:
            return
        doc = attempt(self.parent, lambda: tool_paragraph(self.store, tool_id))
        if doc is not None:
            self.editor.rich.insert_doc(doc, as_blocks=True)
