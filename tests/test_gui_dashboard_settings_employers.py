"""GUI: dashboard, settings and employers pages, driven through their real widgets."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.enums import BodyKind, MeetingKind, StatementKind, StatementState
from aiconsult_desktop.services.dossiers import list_dossiers, save_dossier
from aiconsult_desktop.services.employers import list_employers, save_employer
from aiconsult_desktop.services.meetings import list_meetings, save_meeting
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.questions import list_questions
from aiconsult_desktop.services.records import (
    BodyData,
    DossierData,
    EmployerData,
    MeetingData,
    StatementData,
)
from aiconsult_desktop.services.statements import list_statements, save_statement
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo
from tests.gui_support import CTRL, Dialogs, make_window, type_text


@pytest.fixture
def asked(said: Dialogs) -> Dialogs:
    """These tests answer "no" to confirmations unless they say otherwise."""
    said.answer = False
    return said


def visible_texts(widget: QWidget) -> str:
    """All the text a user can see in `widget`'s labels, one per line."""
    # Widgets added to a visible parent are shown on the next turn of the event loop.
    QApplication.processEvents()
    return "\n".join(
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)
    )


def button(widget: QWidget, text: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert found, f"no button {text!r}"
    return found[0]


# Small widgets ---------------------------------------------------------------------


def test_enum_combo_shows_french_labels_and_returns_members(qtbot: QtBot) -> None:
    combo: EnumCombo[BodyKind] = EnumCombo(BodyKind)
    qtbot.addWidget(combo)
    assert [combo.itemText(i) for i in range(combo.count())][-1] == "Autre instance"
    combo.set_value(BodyKind.F3SCT)
    assert combo.value() is BodyKind.F3SCT
    assert combo.currentText() == "F3SCT"


def test_id_combo_keeps_choice_across_reload_and_accepts_none(qtbot: QtBot) -> None:
    combo = IdCombo()
    qtbot.addWidget(combo)
    combo.set_items([(None, "(aucun)"), (3, "Déploiement de l'IA"), (5, "RPS")])
    assert combo.current_id() is None
    assert combo.set_current_id(5)
    combo.set_items([(None, "(aucun)"), (5, "RPS")])
    assert combo.current_id() == 5
    assert not combo.set_current_id(42)
    assert combo.current_id() == 5


# Settings --------------------------------------------------------------------------


def test_settings_saved_through_the_form(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.open_page(window.settings)
    page = window.settings
    assert str(store.path) in page.data_path_edit.text()
    assert page.data_path_edit.isReadOnly()

    type_text(qtbot, page.name_edit, "CGT Région des Pays de la Loire")
    qtbot.keyClicks(page.short_name_edit, "CGT")
    type_text(qtbot, page.signature_edit, "Les élu·es CGT au CST")
    qtbot.keyClicks(page.place_edit, "Nantes")
    assert "Nantes, le " in page.preview_label.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    saved = get_organisation(store)
    assert saved.name == "CGT Région des Pays de la Loire"
    assert saved.short_name == "CGT"
    assert saved.signature == "Les élu·es CGT au CST"
    assert saved.place == "Nantes"
    assert page.status_label.text() == "Enregistré."


def test_settings_ctrl_s_saves(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.open_page(window.settings)
    page = window.settings
    page.name_edit.setFocus()
    qtbot.keyClicks(page.name_edit, "FSU")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_S, CTRL)
    assert get_organisation(store).name == "FSU"


def test_settings_empty_name_is_refused_in_french_and_focused(
    qtbot: QtBot, store: Store, asked: Dialogs
) -> None:
    window = make_window(qtbot, store)
    window.open_page(window.settings)
    page = window.settings
    type_text(qtbot, page.signature_edit, "Les élu·es CGT au CST")
    page.signature_edit.setFocus()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert asked.errors == ["Le champ « Nom de l'organisation » est obligatoire."]
    assert not get_organisation(store).is_set
    assert page.signature_edit.text() == "Les élu·es CGT au CST"  # typing kept
    assert page.name_edit.hasFocus()
    assert page.status_label.text() != "Enregistré."


def test_settings_logo_chosen_previewed_and_removed(
    qtbot: QtBot, store: Store, asked: Dialogs, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(logo))
    window = make_window(qtbot, store)
    window.open_page(window.settings)
    page = window.settings

    asked.chosen_path = logo
    qtbot.mouseClick(page.choose_logo_button, Qt.MouseButton.LeftButton)
    assert page.logo_edit.text() == str(logo)
    assert page.logo_preview.isVisibleTo(page)
    page.logo_edit.setText(str(tmp_path / "absent.png"))
    assert "introuvable" in page.logo_note.text()
    qtbot.mouseClick(page.remove_logo_button, Qt.MouseButton.LeftButton)
    assert page.logo_edit.text() == ""


# Employers -------------------------------------------------------------------------


def test_create_employer_with_cst_and_f3sct(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.form_title.text() == "Nouvel employeur"
    type_text(qtbot, editor.name_edit, "Département de Loire-Atlantique")
    qtbot.keyClicks(editor.short_name_edit, "CD44")
    qtbot.mouseClick(editor.bodies.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.bodies.add_button, Qt.MouseButton.LeftButton)
    kind = editor.bodies.table.cellWidget(1, 0)
    assert isinstance(kind, EnumCombo)
    kind.setCurrentIndex(kind.findText("F3SCT"))  # what a user picks in the list
    name_item = editor.bodies.table.item(1, 1)
    assert name_item is not None and name_item.text() == "F3SCT"  # name follows the kind
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_S, CTRL)

    [employer] = list_employers(store)
    assert employer.name == "Département de Loire-Atlantique"
    assert employer.short_name == "CD44"
    assert [(b.kind, b.name) for b in employer.bodies] == [
        (BodyKind.CST, "CST"),
        (BodyKind.F3SCT, "F3SCT"),
    ]
    assert editor.model.rowCount() == 1
    assert editor.view.currentIndex().data() == "Département de Loire-Atlantique (CD44)"
    assert editor.status_label.text() == "Enregistré."


def test_remove_a_body(qtbot: QtBot, store: Store) -> None:
    save_employer(
        store,
        EmployerData(
            name="Ville de Nantes",
            bodies=[BodyData(BodyKind.CST, "CST"), BodyData(BodyKind.F3SCT, "F3SCT")],
        ),
    )
    window = make_window(qtbot, store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    assert editor.bodies.table.rowCount() == 2
    editor.bodies.table.setCurrentCell(1, 1)
    qtbot.mouseClick(editor.bodies.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    [employer] = list_employers(store)
    assert [b.name for b in employer.bodies] == ["CST"]


def test_a_body_with_meetings_cannot_be_removed_and_the_form_is_kept(
    qtbot: QtBot, demo_store: Store, asked: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    editor.bodies.table.setCurrentCell(0, 1)  # the CST: the demo's plenaries use it
    editor.bodies.remove_body()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert len(asked.errors) == 1 and "ne peut pas être retirée" in asked.errors[0]
    assert [b.name for b in list_employers(demo_store)[0].bodies] == ["CST", "F3SCT"]
    assert editor.bodies.table.rowCount() == 1  # the user's edit is still on screen
    assert editor.tracker.dirty


def test_delete_employer_with_questions_asks_then_deletes_everything(
    qtbot: QtBot, demo_store: Store, asked: Dialogs
) -> None:
    window = make_window(qtbot, demo_store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor

    asked.answer = False
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)  # Suppr in the list
    [(text, destructive)] = asked.confirmations
    assert destructive
    assert "5 réunions, 12 questions, 5 déclarations" in text
    assert len(list_employers(demo_store)) == 1
    assert len(list_questions(demo_store)) == 12
    assert "rien n'a été supprimé" in editor.status_label.text()

    asked.answer = True
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked.confirmations) == 2
    assert list_employers(demo_store) == []
    assert list_questions(demo_store) == []
    assert list_meetings(demo_store) == []
    assert list_statements(demo_store) == []
    assert editor.model.rowCount() == 0
    assert "12 questions" in editor.status_label.text()


def test_moving_to_another_employer_saves_the_typing_and_a_refresh_keeps_it(
    qtbot: QtBot, store: Store, asked: Dialogs
) -> None:
    for name in ("Commune A", "Commune B"):
        save_employer(store, EmployerData(name=name))
    window = make_window(qtbot, store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    qtbot.keyClicks(editor.short_name_edit, "CA")
    window.notify_changed()  # a refresh keeps the typing
    assert editor.short_name_edit.text() == "CA"

    editor.view.selectRow(1)

    assert asked.confirmations == []
    assert [e.short_name for e in list_employers(store)] == ["CA", ""]
    assert editor.name_edit.text() == "Commune B"


def test_dossiers_added_renamed_and_deleted(qtbot: QtBot, store: Store, asked: Dialogs) -> None:
    window = make_window(qtbot, store)
    window.open_page(window.dossiers)
    editor = window.dossiers

    qtbot.keyClick(editor.title_edit, Qt.Key.Key_N, CTRL)
    type_text(qtbot, editor.title_edit, "Déploiement de l'IA")
    type_text(qtbot, editor.description_edit, "LigérIA, sans avis du CST.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    [dossier] = list_dossiers(store)
    assert (dossier.title, dossier.description) == (
        "Déploiement de l'IA",
        "LigérIA, sans avis du CST.",
    )

    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "IA et conditions de travail")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert [d.title for d in list_dossiers(store)] == ["IA et conditions de travail"]

    asked.answer = True
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert "conservées" in asked.confirmations[0][0]
    assert list_dossiers(store) == []


def test_duplicate_dossier_title_is_reported(qtbot: QtBot, store: Store, asked: Dialogs) -> None:
    save_dossier(store, DossierData(title="RPS"))
    window = make_window(qtbot, store)
    window.open_page(window.dossiers)
    editor = window.dossiers
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.title_edit, "rps")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert asked.errors == ["Le dossier « rps » existe déjà."]
    assert editor.title_edit.text() == "rps"
    assert len(list_dossiers(store)) == 1


# Dashboard -------------------------------------------------------------------------


def test_dashboard_on_demo_shows_pending_questions_and_recent_meetings(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    page = window.dashboard
    page.today = lambda: date(2025, 6, 20)
    page.refresh()
    texts = visible_texts(page)
    assert "Région des Pays de la Loire" in texts
    assert "12 questions en attente de réponse" in texts
    assert "depuis le 3 octobre 2024" in texts
    assert "Aucune réunion à venir." in texts
    assert "5 juin 2025" in texts and "CST du 5 juin 2025" in texts
    assert "mars 2025" in texts  # known by month only
    assert "Aucune déclaration en brouillon ni à valider." in texts
    assert not page.empty_card.isVisibleTo(page)

    qtbot.mouseClick(button(page.questions_card, "Voir"), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.questions


def test_dashboard_lists_upcoming_meetings_and_drafts(qtbot: QtBot, demo_store: Store) -> None:
    [employer] = list_employers(demo_store)
    meeting = save_meeting(
        demo_store,
        MeetingData(
            employer_id=employer.id or 0,
            kind=MeetingKind.PLENARY,
            title="CST du 3 juillet 2025",
            starts_at=datetime(2025, 7, 3, 14, 0),
            body_id=employer.bodies[0].id,
        ),
    )
    save_statement(
        demo_store,
        StatementData(
            meeting_id=meeting.id or 0,
            kind=StatementKind.OPENING,
            title="Déclaration liminaire",
            state=StatementState.DRAFT,
        ),
    )
    window = make_window(qtbot, demo_store)
    page = window.dashboard
    page.today = lambda: date(2025, 6, 20)
    page.refresh()
    meetings = visible_texts(page.meetings_card)
    assert "Prochaines réunions" in meetings
    assert "3 juillet 2025, 14:00" in meetings and "dans 13 jours" in meetings
    assert "Aucune réunion à venir" not in meetings
    assert "1 déclaration en brouillon" in visible_texts(page.statements_card)


def test_dashboard_empty_state_leads_to_settings_and_employers(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    page = window.dashboard
    assert page.empty_card.isVisibleTo(page)
    assert not page.cards.isVisibleTo(page)
    assert "Commencez par renseigner votre organisation et les employeurs suivis" in visible_texts(
        page
    )
    qtbot.mouseClick(button(page, "Renseigner l'organisation"), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.settings

    window.open_page(page)
    qtbot.mouseClick(button(page, "Ajouter un employeur"), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.employers
    assert window.employers.employer_editor.form_title.text() == "Nouvel employeur"


def test_dashboard_demo_button_fills_the_store(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    page = window.dashboard
    qtbot.mouseClick(button(page, "Découvrir avec la démonstration"), Qt.MouseButton.LeftButton)
    assert len(list_employers(store)) == 1
    assert not page.empty_card.isVisibleTo(page)
    assert "12 questions" in visible_texts(page.questions_card)


def test_the_answer_deadline_is_set_per_employer(qtbot: QtBot, store: Store) -> None:
    from datetime import timedelta

    from aiconsult_desktop.services.questions import save_question
    from aiconsult_desktop.services.records import QuestionData

    employer = save_employer(store, EmployerData(name="Ville de Cholet"))
    save_question(
        store,
        QuestionData(
            employer_id=employer.id or 0,
            text="Quand le CST sera-t-il consulté ?",
            asked_on=date.today() - timedelta(days=100),
        ),
    )
    window = make_window(qtbot, store)
    window.open_page(window.employers)
    editor = window.employers.employer_editor
    assert editor.deadline_spin.value() == 61  # the default: two months
    assert [q.overdue for q in list_questions(store)] == [True]  # 100 days > 61
    editor.deadline_spin.setValue(120)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    [saved] = list_employers(store)
    assert saved.answer_deadline_days == 120
    assert [q.overdue for q in list_questions(store)] == [False]


def test_dashboard_lists_the_five_longest_waiting_employers_and_sums_up_the_rest(
    qtbot: QtBot, store: Store
) -> None:
    from aiconsult_desktop.services.questions import add_questions
    from aiconsult_desktop.services.records import QuestionData

    # Twelve communes; commune n° k has k questions, first put k days after 1 Jan 2025.
    for k in range(1, 13):
        employer = save_employer(store, EmployerData(name=f"Commune n° {k}"))
        assert employer.id is not None
        template = QuestionData(employer_id=employer.id, text="?", asked_on=date(2025, 1, k))
        add_questions(store, template, [f"Question {n} de la commune {k} ?" for n in range(k)])
    save_employer(store, EmployerData(name="Commune sans question"))
    window = make_window(qtbot, store)
    page = window.dashboard
    page.refresh()
    rows = [
        label.text()
        for label in page.questions_card.findChildren(QLabel)
        if label.objectName() == "pendingQuestions"
    ]
    assert [row.split("</b>")[0].removeprefix("<b>") for row in rows] == [
        f"Commune n° {k}" for k in range(1, 6)
    ]
    others = page.questions_card.findChild(QLabel, "otherEmployers")
    assert others is not None
    waiting = sum(range(6, 13))
    assert others.text().startswith(f"Et 7 autres employeurs : {waiting} questions en attente")
    # Several « Voir »: none claims Alt+V, which would only cycle between them.
    voir = [b for b in page.questions_card.findChildren(QPushButton) if "Voir" in b.text()]
    assert len(voir) == 5 and all("&" not in b.text() for b in voir)
