"""The ready paragraph on an AI tool for the statement editor (issue 10): facts with
dates, grounds as real footnotes taken from the library, open items, pending questions,
the union's demands."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from aiconsult_desktop.domain.ai_status import ItemState
from aiconsult_desktop.domain.ai_tools import LearnedFrom, LifeStage
from aiconsult_desktop.domain.markdown_doc import BlockKind
from aiconsult_desktop.domain.markdown_parse import parse_markdown
from aiconsult_desktop.services import ai_tools, dossiers, legal_grounds, questions
from aiconsult_desktop.services.ai_paragraph import tool_paragraph, tool_paragraph_markdown
from aiconsult_desktop.services.ai_records import AiToolData, ItemStateData, LifeEventData
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.store import Store
from tests.helpers import small_dossier

TODAY = date(2025, 7, 1)


def tool_in_dossier(store: Store, stage: LifeStage = LifeStage.DEPLOYED) -> int:
    ids = small_dossier(store)
    dossier = dossiers.save_dossier(store, DossierData(title="LigérIA"))
    question = questions.get_question(store, ids["question"])
    questions.save_question(store, replace(question, dossier_id=dossier.id))
    tool_id = ai_tools.save_tool(
        store, AiToolData(employer_id=ids["employer"], name="LigérIA", dossier_id=dossier.id)
    )
    ai_tools.save_event(
        store,
        LifeEventData(
            tool_id,
            stage,
            date(2025, 6, 12),
            learned_from=LearnedFrom.COMMUNICATION,
            source="communication du DGS",
        ),
        TODAY,
    )
    ai_tools.set_item_state(store, ItemStateData(tool_id, "cst_opinion", ItemState.NOT_DONE), TODAY)
    return tool_id


def test_the_paragraph_states_the_facts_and_cites_the_library_as_footnotes(store: Store) -> None:
    tool_id = tool_in_dossier(store)
    text = tool_paragraph_markdown(store, tool_id)
    assert text.startswith(
        "La CGT constate que l'outil LigérIA (Métropole de Lyon) a été déployé le 12 juin "
        "2025 (communication du DGS), sans que le CST ait rendu son avis[^1]."
    )
    assert "[^1]: Code général de la fonction publique, art. L253-5" in text
    assert "TJ Nanterre, ord. réf., 14 février 2025, n° 24/01457" in text
    assert "la suspension de l'outil jusqu'à la clôture de la consultation" in text
    assert "1 question sans réponse depuis le 5 juin 2025 :" in text
    assert "Quel calendrier de consultation du CST sur l'outil d'IA ?" in text
    # One ground, one note: the CST's remit is cited once though three lines rest on it.
    assert text.count("Le comité social territorial connaît") == 1
    # What the editor inserts reads back as the same blocks (real footnotes).
    doc = tool_paragraph(store, tool_id)
    assert parse_markdown(text) == doc
    kinds = [b.kind for b in doc.blocks]
    assert BlockKind.BULLET in kinds and BlockKind.NUMBERED in kinds


def test_the_grounds_come_from_the_library_as_the_user_left_it(store: Store) -> None:
    tool_id = tool_in_dossier(store)
    [ground] = [
        g for g in legal_grounds.list_legal_grounds(store) if g.label == legal_grounds.TJ_NANTERRE
    ]
    legal_grounds.save_legal_ground(store, replace(ground, summary="Suspension ordonnée."))
    assert "n° 24/01457 : Suspension ordonnée." in tool_paragraph_markdown(store, tool_id)


def test_a_tool_only_announced_is_not_asked_to_be_suspended(store: Store) -> None:
    tool_id = tool_in_dossier(store, LifeStage.ANNOUNCED)
    text = tool_paragraph_markdown(store, tool_id)
    assert "a été annoncé le 12 juin 2025" in text
    assert "suspension" not in text
    assert "un avis préalable du CST avant toute mise en œuvre" in text
