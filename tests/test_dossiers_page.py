"""The Dossiers page (issue 11): a dossier's chronology, its facts, its export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.chronology import EntryKind
from aiconsult_desktop.services.facts import list_facts
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.pages.dossiers import DossiersPage
from aiconsult_desktop.ui.pages.fact_dialog import FactDialog
from tests.gui_support import Dialogs, make_window


def open_page(qtbot: QtBot, store: Store) -> DossiersPage:
    window = make_window(qtbot, store)
    window.open_page(window.dossiers)
    page: DossiersPage = window.dossiers
    row = next(r for r in range(page.model.rowCount()) if "IA" in str(page.model.record(r).title))
    page.view.selectRow(row)
    return page


def rows(page: DossiersPage) -> list[tuple[str, str, str]]:
    model = page.chronology
    return [
        tuple(str(model.index(r, c).data()) for c in range(3))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def test_the_page_lists_the_demo_dossier_and_its_chronology(
    qtbot: QtBot, qtmodeltester: Any, demo_store: Store
) -> None:
    page = open_page(qtbot, demo_store)
    assert page.title_edit.text() == "Déploiement de l'IA"
    qtmodeltester.check(page.chronology)
    assert any(
        date == "12 juin 2025" and kind == "Fait" and "COMMUNICATION" in title.upper()
        for date, kind, title in rows(page)
    )


def test_the_kind_filter_and_the_search_narrow_the_chronology(
    qtbot: QtBot, demo_store: Store
) -> None:
    page = open_page(qtbot, demo_store)
    everything = rows(page)
    assert {kind for _d, kind, _t in everything} >= {"Réunion", "Fait"}
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(EntryKind.FACT))
    facts = rows(page)
    assert facts and len(facts) < len(everything)
    assert {kind for _d, kind, _t in facts} == {"Fait"}
    page.kind_filter.setCurrentIndex(0)
    page.search_edit.setText("mot introuvable dans le dossier")
    assert rows(page) == []


def test_a_fact_saved_from_the_dialog_appears_and_an_empty_title_is_refused(
    qtbot: QtBot, demo_store: Store, said: Dialogs, monkeypatch: Any
) -> None:
    page = open_page(qtbot, demo_store)
    dossier_id = page.editing_id()
    assert dossier_id is not None
    before = len(list_facts(demo_store, dossier_id))

    def refused_then_typed(dialog: FactDialog) -> int:
        dialog.title_edit.setText("   ")
        dialog.extract_edit.setPlainText("Nous déployons l'outil.")
        dialog.accept()
        assert said.errors and "Titre du fait" in said.errors[-1]
        assert dialog.extract_edit.toPlainText() == "Nous déployons l'outil."  # nothing lost
        assert len(list_facts(demo_store, dossier_id)) == before
        dialog.title_edit.setText("Note de service sur l'assistant")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FactDialog, "exec", refused_then_typed)
    page.add_fact()
    assert len(list_facts(demo_store, dossier_id)) == before + 1
    assert any("NOTE DE SERVICE SUR L'ASSISTANT" in t.upper() for _d, _k, t in rows(page))


def test_export_writes_the_chronology_as_word(
    qtbot: QtBot, demo_store: Store, said: Dialogs, tmp_path: Path
) -> None:
    page = open_page(qtbot, demo_store)
    said.save_to = tmp_path / "chronologie.docx"
    page.extracts_box.setChecked(True)
    page.export()
    qtbot.waitUntil(lambda: bool(said.infos or said.errors), timeout=10_000)
    assert said.errors == []
    assert said.infos and "chronologie.docx" in said.infos[-1]
    text = "\n".join(p.text for p in docx.Document(str(said.save_to)).paragraphs)
    assert "12 JUIN 2025" in text.replace("\xa0", " ").upper()


def test_double_clicking_an_entry_opens_its_item(
    qtbot: QtBot, demo_store: Store, monkeypatch: Any
) -> None:
    page = open_page(qtbot, demo_store)
    window: Any = page.window_
    opened: list[str] = []
    monkeypatch.setattr(FactDialog, "exec", lambda d: opened.append(d.title_edit.text()) or 0)
    fact_row = next(r for r in range(page.chronology.rowCount()) if rows(page)[r][1] == "Fait")
    page.open_entry(page.chronology.index(fact_row, 0))
    assert opened and opened[0]  # the fact dialog, on that fact
    meeting_row = next(
        r for r in range(page.chronology.rowCount()) if rows(page)[r][1] == "Réunion"
    )
    entry = page.chronology.entry(meeting_row)
    assert entry is not None
    page.open_entry(page.chronology.index(meeting_row, 2))
    assert window.stack.currentWidget() is window.meetings
    assert window.meetings.editing_id() == entry.item[1]
    window.show_question(3)  # what a chronology's question entry asks of the window
    assert window.stack.currentWidget() is window.questions
    assert window.questions.editing_id() == 3


def test_a_chronology_question_past_the_first_loaded_page_opens_too(
    qtbot: QtBot, demo_store: Store
) -> None:
    """A large register loads its list in pages, oldest first; the newest must open too."""
    from datetime import date, timedelta

    from aiconsult_desktop.services import questions
    from aiconsult_desktop.services.records import QuestionData
    from aiconsult_desktop.ui.pages.question_model import PAGE_SIZE

    employer_id = questions.list_questions(demo_store)[0].employer_id
    for n in range(PAGE_SIZE + 20):
        questions.save_question(
            demo_store,
            QuestionData(
                employer_id=employer_id,
                text=f"Question n° {n}",
                asked_on=date(2025, 7, 1) + timedelta(days=n % 300),
            ),
        )
    newest = questions.save_question(
        demo_store,
        QuestionData(employer_id=employer_id, text="La plus récente", asked_on=date(2026, 6, 30)),
    )
    window = make_window(qtbot, demo_store)
    window.show_question(newest.id)
    assert window.stack.currentWidget() is window.questions
    assert window.questions.editing_id() == newest.id


def row_of(page: DossiersPage, words: str) -> int:
    return next(r for r, (_d, _k, title) in enumerate(rows(page)) if words in title.upper())


def test_a_fact_corrected_from_the_chronology_is_saved_and_shown(
    qtbot: QtBot, demo_store: Store, monkeypatch: Any
) -> None:
    page = open_page(qtbot, demo_store)
    row = row_of(page, "OFFRE D'EMPLOI DRH")

    def corrected(dialog: FactDialog) -> int:
        assert dialog.windowTitle() == "Modifier le fait"
        dialog.title_edit.setText("Offre d'emploi de DRH publiée le 15 mai 2025")
        dialog.comment_edit.setPlainText("Aucune présentation au CST.")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FactDialog, "exec", corrected)
    page.table.doubleClicked.emit(page.chronology.index(row, 2))
    assert page.status_label.text() == "Fait enregistré."
    titles = [t.upper() for _d, _k, t in rows(page)]
    assert any("OFFRE D'EMPLOI DE DRH PUBLIÉE LE 15 MAI 2025" in t for t in titles)
    assert not any("OFFRE D'EMPLOI DRH PARUE" in t for t in titles)
    fact = next(f for f in list_facts(demo_store) if f.on.isoformat() == "2025-05-15")
    assert fact.comment == "Aucune présentation au CST."


def test_deleting_a_fact_asks_in_french_and_removes_its_entry(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    page = open_page(qtbot, demo_store)
    before = len(rows(page))
    page.table.selectRow(row_of(page, "OFFRE D'EMPLOI DRH"))
    said.answer = False
    page.remove_fact()
    assert said.confirmations and said.confirmations[-1][0].startswith("Supprimer ce fait")
    assert said.confirmations[-1][1]  # destructive: « Supprimer » is not the default
    assert len(rows(page)) == before  # « non »: nothing removed
    said.answer = True
    page.remove_fact()
    assert len(rows(page)) == before - 1
    assert not any("OFFRE D'EMPLOI DRH" in t.upper() for _d, _k, t in rows(page))
    assert [f.title for f in list_facts(demo_store)] == [
        "Communication du 12 juin 2025 du DGS sans avis du CST"
    ]
    assert page.status_label.text() == "Fait supprimé."


def test_the_ai_tool_entries_open_the_tool(qtbot: QtBot, demo_store: Store) -> None:
    """LigérIA's deployment is learned from the DGS's communication: with every kind it
    is said in that fact's entry; « Outil d'IA » alone lists the steps, which open the tool."""
    page = open_page(qtbot, demo_store)
    communication = page.chronology.entry(row_of(page, "COMMUNICATION DU 12 JUIN 2025"))
    assert communication is not None
    assert any(
        line.startswith("LigérIA : déployé le 12 juin 2025") for line in communication.events
    )
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(EntryKind.TOOL))
    assert [(d, k) for d, k, _t in rows(page)] == [
        ("décembre 2024", "Outil d'IA"),
        ("12 juin 2025", "Outil d'IA"),
        ("12 juin 2025", "Outil d'IA"),
    ]
    deployed = row_of(page, "LIGÉRIA : DÉPLOYÉ LE 12 JUIN 2025")
    window: Any = page.window_
    page.table.doubleClicked.emit(page.chronology.index(deployed, 1))
    assert window.stack.currentWidget() is window.ai_tools
    tool = window.ai_tools.editing
    assert tool is not None and tool.name == "LigérIA"
