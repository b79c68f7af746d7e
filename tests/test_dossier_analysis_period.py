"""The Dossiers page (issue 11): the closing analysis and demand, and the period."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
from PySide6.QtCore import QDate
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.text import MAX_LONG_TEXT
from aiconsult_desktop.services.dossiers import list_dossiers
from aiconsult_desktop.services.facts import get_analysis
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.pages.dossiers import DossiersPage
from aiconsult_desktop.ui.pages.record_page import UNSAVED
from tests.gui_support import Dialogs, type_text
from tests.test_dossiers_page import open_page, rows

GROUND = "Compétences du CST"
GROUND_REFERENCE = "Code général de la fonction publique, art. L253-5"


def insert_ground(page: DossiersPage, label: str) -> None:
    page.analysis.grounds_button.click()
    grounds: Any = page.analysis.dialog
    assert grounds is not None
    grounds.list.setCurrentRow(
        next(i for i in range(grounds.list.count()) if grounds.list.item(i).text() == label)
    )
    grounds.insert_button.click()


def test_the_analysis_typed_with_a_legal_footnote_is_kept_and_ends_the_export(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    page = open_page(qtbot, demo_store)
    dossier_id = page.editing_id()
    assert dossier_id is not None
    page.tabs.setCurrentWidget(page.analysis)
    text = page.analysis.rich.text
    text.setFocus()
    text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, text, "\nLa CGT demande la suspension du déploiement")
    insert_ground(page, GROUND)
    type_text(qtbot, text, " jusqu'à l'avis du CST.")
    assert page.status_label.text() == UNSAVED
    # Saved while the user stays on it (a crash now loses nothing): no click, no leaving.
    qtbot.waitUntil(
        lambda: "jusqu'à l'avis du CST." in get_analysis(demo_store, dossier_id), timeout=10_000
    )
    stored = get_analysis(demo_store, dossier_id)
    assert f"[^3]: {GROUND_REFERENCE}" in stored
    assert "considérant 92" in stored  # the demo's own analysis is still there

    window: Any = page.window_
    window.open_page(window.meetings)
    page.new()  # an empty form: the analysis field is empty too
    assert page.analysis.markdown() == ""
    window.open_page(window.dossiers)
    page.view.selectRow(page.model.row_of(dossier_id))
    shown = page.analysis.rich.text.toPlainText()
    assert "La CGT demande la suspension du déploiement3 jusqu'à l'avis du CST." in shown
    assert f"[^3]: {GROUND_REFERENCE}" in page.analysis.markdown()
    assert page.analysis.rich.notes_label.text().startswith("Notes de bas de page :")

    said.save_to = tmp_path / "chronologie.docx"
    page.export()
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=10_000)
    assert said.errors == []
    document = docx.Document(str(said.save_to))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "ANALYSE ET REVENDICATION DE LA CGT"
    last = [p for p in document.paragraphs if p.text.strip()][-1]
    assert "La CGT demande la suspension du déploiement" in last.text
    assert "footnoteReference" in last._p.xml  # a real footnote, not a bracket
    with zipfile.ZipFile(said.save_to) as package:
        footnotes = package.read("word/footnotes.xml").decode()
    assert "L253-5" in footnotes


def test_an_enormous_analysis_is_refused_in_french_and_nothing_is_lost(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    page = open_page(qtbot, demo_store)
    dossier_id = page.editing_id()
    assert dossier_id is not None
    before = get_analysis(demo_store, dossier_id)
    page.title_edit.setText("Déploiement de l'IA à la Région")
    # Over 5 million characters, in paragraphs (a paste of a whole book, say).
    lines = MAX_LONG_TEXT // 100_000 + 1
    page.analysis.rich.text.setPlainText(("x" * 100_000 + "\n") * lines)
    page.tabs.setCurrentIndex(0)  # the user went back to the chronology meanwhile
    qtbot.waitUntil(lambda: not page.autosaver.pending(), timeout=10_000)
    assert page.tabs.currentIndex() == 0  # the autosave's refusal does not pull them away
    page.save()
    assert said.errors and "Analyse et revendication" in said.errors[-1]
    assert "dépasse la taille admise" in said.errors[-1]
    assert page.tabs.currentWidget() is page.analysis  # the user is shown what was refused
    assert get_analysis(demo_store, dossier_id) == before
    assert [d.title for d in list_dossiers(demo_store)] == ["Déploiement de l'IA"]  # whole
    assert page.analysis.rich.text.toPlainText().count("x") == 100_000 * lines  # kept
    assert page.status_label.text() == UNSAVED


def test_the_period_narrows_the_chronology_and_the_export_a_reversed_one_changes_nothing(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    page = open_page(qtbot, demo_store)
    everything = rows(page)
    fields = page.period_fields
    # Offered before a box is ticked: the dossier's own first and last dates.
    assert (fields.start_edit.date(), fields.end_edit.date()) == (
        QDate(2024, 10, 3),
        QDate(2025, 6, 12),
    )
    assert not fields.start_edit.isEnabled() and fields.period() == (None, None)
    page.period_fields.start_box.setChecked(True)
    page.period_fields.start_edit.setDate(QDate(2025, 5, 1))
    page.period_fields.end_box.setChecked(True)
    page.period_fields.end_edit.setDate(QDate(2025, 5, 31))
    may = rows(page)
    assert may and len(may) < len(everything)
    assert {day for day, _k, _t in may} == {"15 mai 2025"}

    page.period_fields.end_edit.setDate(QDate(2025, 1, 31))  # before the start
    message = page.period_message.text()
    assert page.period_message.isVisible()
    assert "se termine le 31 janvier 2025, avant de commencer le 1er mai 2025" in message
    assert "inversez les deux dates" in message
    assert rows(page) == may  # the chronology shown stays as it was
    assert said.errors == []  # said beside the period, no box to close
    said.save_to = tmp_path / "inversée.docx"
    page.export()
    assert said.errors and "inversez les deux dates" in said.errors[-1]
    assert said.suggested is None and not said.save_to.exists()  # no file asked, none written

    page.period_fields.end_edit.setDate(QDate(2025, 6, 30))
    assert not page.period_message.isVisible()
    assert "12 juin 2025" in {day for day, _k, _t in rows(page)}
    said.save_to = tmp_path / "mai-juin.docx"
    page.export()
    qtbot.waitUntil(lambda: bool(said.infos), timeout=10_000)
    document = docx.Document(str(said.save_to))
    texts = [" ".join(p.text.split()) for p in document.paragraphs]
    assert any("du 1er mai 2025 au 30 juin 2025" in t for t in texts)  # preset from the page
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert any("12 JUIN 2025" in h.replace("\xa0", " ") for h in headings)
    assert not any("OCTOBRE 2024" in h.replace("\xa0", " ") for h in headings)
    page.period_fields.start_box.setChecked(False)
    page.period_fields.end_box.setChecked(False)
    assert rows(page) == everything
