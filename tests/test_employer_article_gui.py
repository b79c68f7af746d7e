"""The employer form proposes how sentences name the employer and keeps the user's
correction (« Nantes Métropole » takes no article until the user says « la »)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.employer_names import Article
from aiconsult_desktop.services.employers import list_employers
from aiconsult_desktop.store import Store
from tests.gui_support import CTRL, make_window, type_text


def test_the_article_follows_the_name_until_the_user_corrects_it(
    qtbot: QtBot, store: Store
) -> None:
    window = make_window(qtbot, store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, editor.name_edit, "Centre de gestion de la Sarthe")
    assert editor.article.value() is Article.MASCULINE
    assert editor.article_example.text() == (
        "« Questions posées au Centre de gestion de la Sarthe »"
    )
    editor.name_edit.clear()
    type_text(qtbot, editor.name_edit, "Nantes Métropole")
    assert editor.article.value() is Article.NONE
    assert editor.article_example.text() == "« Questions posées à Nantes Métropole »"

    editor.article.setCurrentIndex(editor.article.findText("la"))  # the user's correction
    assert editor.article_example.text() == "« Questions posées à la Nantes Métropole »"
    type_text(qtbot, editor.name_edit, " (pôle RH)")  # a name typed on keeps the choice
    assert editor.article.value() is Article.FEMININE
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_S, CTRL)

    [employer] = list_employers(store)
    assert employer.article == "la"
    assert employer.in_sentence.to == "à la Nantes Métropole (pôle RH)"
    editor.refresh()
    assert editor.article.value() is Article.FEMININE
