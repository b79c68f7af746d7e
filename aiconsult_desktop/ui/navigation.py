"""What a page may ask of the window it sits in: the small navigation interface.

Pages never import the main window's class (nor reach a sibling page through it): they
receive a `Navigation`, and ask for what the user wants to see next ("the open questions
of this employer", "the statements of this meeting"). The main window implements it and
knows which page shows what; a test may pass any object with these methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

PageName = Literal[
    "dashboard",
    "meetings",
    "questions",
    "statements",
    "ai_tools",
    "dossiers",
    "employers",
    "settings",
]
"""The sidebar's pages, by the attribute name the window gives them."""

CommandName = Literal[
    "new_meeting",
    "new_question",
    "new_statement",
    "new_tool",
    "export",
    "backup",
    "restore",
    "search",
    "data_folder",
]
"""The window's commands a page's button may share (ui/menus.py makes one QAction each)."""


class Navigation(Protocol):
    def notify_changed(self) -> None:
        """Something was saved: the page on screen reloads if it shows that kind of data
        (lists, counts, the dashboard); the others when next shown, if they do."""

    def go_to(self, name: PageName) -> None:
        """Bring a page forward as the user left it."""

    def show_meeting(self, meeting_id: int) -> None:
        """The Calendrier page on this meeting."""

    def show_open_questions(self, employer_id: int | None) -> None:
        """The Questions page on the questions still open (of this employer, if given)."""

    def show_statements_of(self, meeting_id: int | None) -> None:
        """The Déclarations page on this meeting's statements (None: all of them)."""

    def insert_into_statement(self, meeting_id: int, text: str) -> None:
        """Put `text` (Markdown) at the cursor of this meeting's statement."""

    def show_question(self, question_id: int) -> None:
        """The Questions page on this question, whatever was filtered there."""

    def show_tool(self, tool_id: int | None) -> None:
        """The « Outils d'IA » page on this tool (None: as the user left it)."""

    def new_employer(self) -> None:
        """The employers tab on an empty form."""

    def show_statement(self, statement_id: int, meeting_id: int | None) -> None:
        """The Déclarations page on this statement, among its meeting's."""

    def show_dossier(self, dossier_id: int, fact_id: int | None = None) -> None:
        """The Dossiers page on this dossier (and this fact selected in its chronology)."""

    def command(self, name: CommandName) -> QAction:
        """The window's one QAction for this command: a page's button triggers it, so the
        button, the menu entry and the shortcut run the same code."""
