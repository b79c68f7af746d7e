"""Long texts wrap in the lists users pick from (issue 12, item 6): a 300-character
question reads whole, on several lines, never cut by « … » nor scrolled sideways."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QListWidget, QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.employer_names import employer_name
from aiconsult_desktop.services import questions
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.pages.question_dialogs import PasteDialog, RelanceDialog
from aiconsult_desktop.ui.statement_dialogs import QuestionsDialog

REGION = employer_name("Région des Pays de la Loire")
LONG = (
    "Quelles mesures la collectivité entend-elle prendre pour garantir que l'outil "
    "d'intelligence artificielle déployé dans les services n'aura aucune incidence sur "
    "la charge de travail, les conditions de travail et la santé des agents, et quand le "
    "comité social territorial sera-t-il enfin consulté sur ce projet avant tout déploiement ?"
)


def assert_wrapped(qtbot: QtBot, dialog: QWidget, view: QListWidget, row: int = 0) -> None:
    dialog.resize(640, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    rect = view.visualItemRect(view.item(row))
    line = view.fontMetrics().lineSpacing()
    assert rect.height() >= 3 * line  # several lines, the whole question
    assert rect.right() <= view.viewport().width()  # nothing off to the right
    assert view.horizontalScrollBar().maximum() == 0


def test_a_long_question_wraps_where_questions_are_inserted(
    qtbot: QtBot, demo_store: Store
) -> None:
    pending = [replace(q, text=LONG) for q in questions.list_questions(demo_store)[:2]]
    assert len(LONG) >= 300
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = QuestionsDialog(parent, pending, lambda _chosen: None)
    assert_wrapped(qtbot, dialog, dialog.list)
    assert LONG in dialog.list.item(0).text()


def test_a_long_question_wraps_in_the_liste_de_relance(qtbot: QtBot, demo_store: Store) -> None:
    pending = [replace(q, text=LONG) for q in questions.list_questions(demo_store)[:2]]
    dialog = RelanceDialog(None, REGION, pending, [], None)
    qtbot.addWidget(dialog)
    assert_wrapped(qtbot, dialog, dialog.questions)
    assert LONG in dialog.questions.item(0).text()


def test_a_long_pasted_question_wraps_in_the_preview(qtbot: QtBot) -> None:
    dialog = PasteDialog(None, REGION, date(2025, 5, 15))
    qtbot.addWidget(dialog)
    dialog.source.setPlainText(f"1. {LONG}\n2. Une question courte ?")
    assert_wrapped(qtbot, dialog, dialog.preview)
