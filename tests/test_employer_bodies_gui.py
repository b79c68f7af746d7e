"""A body added on « Employeurs et instances » whose deadline rules are opened at once
keeps its identity: a later « Enregistrer » must not delete it and create it again, which
would lose its rules and refuse (or lose) what refers to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.deadlines import Rule
from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.services import body_rules, employers
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.pages import rules_editing
from tests.gui_support import CTRL, Dialogs, make_window, type_text
from tests.helpers import small_dossier


def _cap_a(store: Store, employer_id: int) -> int:
    [cap] = [b for b in employers.get_employer(store, employer_id).bodies if b.name == "CAP A"]
    assert cap.id is not None
    return cap.id


@pytest.mark.parametrize("accepted", [True, False], ids=["rules-saved", "rules-cancelled"])
def test_a_body_just_added_keeps_its_id_and_rules_through_the_next_save(
    qtbot: QtBot, store: Store, said: Dialogs, monkeypatch: pytest.MonkeyPatch, accepted: bool
) -> None:
    ids = small_dossier(store)
    window = make_window(qtbot, store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    editor.bodies.add_body(BodyKind.CAP, "CAP A")

    def run(dialog: QDialog) -> bool:
        if not accepted:
            return False
        type_text(qtbot, dialog.fields[Rule.CONVOCATION], "9")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(rules_editing, "run", run)
    editor.bodies.rules_button.click()
    cap_id = _cap_a(store, ids["employer"])
    rules_before = body_rules.get_body_rules(store, cap_id).settings
    if accepted:
        assert rules_before[Rule.CONVOCATION] == 9
    assert editor.bodies.chosen() == (cap_id, "CAP A")  # the row knows the stored body

    # An edit typed afterwards, then Ctrl+S on the employer.
    editor.short_name_edit.clear()
    type_text(qtbot, editor.short_name_edit, "Métropole")
    qtbot.keyClick(editor.short_name_edit, Qt.Key.Key_S, CTRL)

    assert said.errors == []
    employer = employers.get_employer(store, ids["employer"])
    assert employer.short_name == "Métropole"
    assert _cap_a(store, ids["employer"]) == cap_id  # not deleted and created again
    assert body_rules.get_body_rules(store, cap_id).settings == rules_before
    assert [b.name for b in employer.bodies].count("CAP A") == 1
