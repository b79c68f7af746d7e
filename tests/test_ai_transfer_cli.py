"""The AI tools register beyond the window (issue 10): the JSON dump (format 2, format 1
still read, bad files refused whole), `aiconsult list tools` as a user runs it, and the
demo dossier's LigérIA filled from seed 001's facts only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aiconsult_desktop.domain.ai_status import ItemState
from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services import ai_register, ai_rules, transfer
from aiconsult_desktop.services.ai_paragraph import tool_paragraph_markdown
from aiconsult_desktop.store import Store
from tests.helpers import new_store
from tests.test_cli import aiconsult


def demo_dump(store: Store) -> dict[str, Any]:
    ai_rules.switch_rule(store, 1, "framing_note", False)  # a rule override travels too
    return transfer.dump_store(store)


def test_tools_history_states_and_rules_survive_dump_load_dump(
    demo_store: Store, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    demo_dump(demo_store)
    transfer.dump_to_file(demo_store, first)
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["format_version"] == 5
    assert [len(document[k]) for k in ("ai_tools", "ai_tool_events", "ai_tool_items")] == [1, 3, 4]
    assert document["ai_rules"][0]["key"] == "framing_note"
    copy = new_store(tmp_path, "copy.sqlite3")
    transfer.load_file(copy, first)
    second = tmp_path / "second.json"
    transfer.dump_to_file(copy, second)
    assert first.read_bytes() == second.read_bytes()
    [tool] = ai_register.list_tools(copy)
    assert tool.status is not None and "framing_note" not in [i.rule.key for i in tool.status.items]
    copy.close()


def test_a_format_1_file_still_loads(demo_store: Store, tmp_path: Path) -> None:
    old = transfer.dump_store(demo_store)
    old["format_version"] = 1
    keys = ("ai_tools", "ai_tool_events", "ai_tool_items", "ai_tool_agenda_items", "ai_rules")
    for key in (*keys, "facts"):  # nor the facts of format 3
        del old[key]
    for dossier in old["dossiers"]:
        del dossier["analysis"]
    copy = new_store(tmp_path, "copy.sqlite3")
    transfer.load_document(copy, old)
    assert ai_register.list_tools(copy) == []
    assert len(transfer.dump_store(copy)["questions"]) == 12
    copy.close()


def broken(document: dict[str, Any], section: str, **changes: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(document))
    copy[section][-1].update(changes)
    return copy


@pytest.mark.parametrize(
    ("section", "changes", "message"),
    [
        ("ai_tool_events", {"on": "2099-06-12"}, "dans le futur"),
        ("ai_tool_events", {"on": "2025-06-01"}, "antérieur à l'annonce"),
        ("ai_tool_events", {"on": "2025-02-30"}, "ne convient pas"),
        ("ai_tool_items", {"state": "done", "on": None}, "Indiquez la date"),
        ("ai_tool_items", {"state": "unknown"}, "pas un état enregistré"),
        ("ai_tool_events", {"date_precision": "month"}, "au 1er du mois"),
        ("ai_tool_items", {"state": "fini"}, "ne convient pas"),
        ("ai_rules", {"source": "  "}, "pas de source"),
        ("ai_rules", {"label": ""}, "sans intitulé"),
        ("ai_tools", {"employer_id": 99}, "références incohérentes"),
    ],
)
def test_a_file_with_a_bad_tool_is_refused_whole(
    demo_store: Store, tmp_path: Path, section: str, changes: dict[str, Any], message: str
) -> None:
    document = broken(demo_dump(demo_store), section, **changes)
    copy = new_store(tmp_path, "copy.sqlite3")
    with pytest.raises(UserError, match=message):
        transfer.load_document(copy, document)
    assert transfer.is_empty(copy)
    copy.close()


def test_the_demo_tool_says_what_seed_001_says_and_nothing_more(demo_store: Store) -> None:
    [tool] = ai_register.list_tools(demo_store)
    status = tool.status
    assert status is not None
    assert (tool.name, tool.employer_name, tool.dossier_title) == (
        "LigérIA",
        "Région des Pays de la Loire",
        "Déploiement de l'IA",
    )
    assert status.headline == "Déployé le 12 juin 2025 sans avis du CST"
    # Its dossier is seed 001's whole dossier: the union's questions pending since
    # October 2024 (« des réponses aux questions posées depuis octobre 2024 »).
    assert status.questions == "12 questions sans réponse depuis le 3 octobre 2024"
    assert status.in_breach
    assert [(e.stage, e.when) for e in tool.events] == [
        (LifeStage.EXPERIMENTED, "décembre 2024"),
        (LifeStage.ANNOUNCED, "12 juin 2025"),
        (LifeStage.DEPLOYED, "12 juin 2025"),
    ]
    assert "sans passage en CST" in tool.events[0].source
    recorded = {i.rule_key: i.state for i in tool.items}
    assert recorded == {
        "cst_information": ItemState.REFUSED,
        "cst_opinion": ItemState.REFUSED,
        "impact_study": ItemState.NOT_DONE,
        "six_dimensions": ItemState.NOT_DONE,
    }
    unknown = [i.rule.key for i in status.items if i.state is ItemState.UNKNOWN]
    assert "ai_act_4" in unknown and "gdpr_35" in unknown and "f3sct_consulted" in unknown
    information = next(i for i in tool.items if i.rule_key == "cst_information")
    assert "Réunion d'information sur l'IA, le 15 mai 2025" in information.evidence
    assert "question du 15 mai 2025" in information.evidence


def test_the_demo_paragraph_cites_tj_nanterre_and_lists_the_dossiers_questions(
    demo_store: Store,
) -> None:
    text = tool_paragraph_markdown(demo_store, 1)
    assert text.startswith(
        "La CGT constate que l'outil LigérIA (Région des Pays de la Loire) a été expérimenté "
        "en décembre 2024"
    )
    assert "déployé le 12 juin 2025" in text and "sans que le CST ait rendu son avis[^1]" in text
    assert "12 questions sans réponse depuis le 3 octobre 2024 :" in text
    assert "1. Comment les algorithmes prennent-ils en compte les besoins" in text
    assert "12. Quelles sont les mesures mises en place pour garantir la transparence" in text
    assert "TJ Nanterre, ord. réf., 14 février 2025, n° 24/01457" in text


def test_list_tools_from_the_command_line(data_dir: Path) -> None:
    assert aiconsult("demo").returncode == 0
    plain = aiconsult("list", "tools")
    assert plain.returncode == 0
    assert "LigérIA\tDéployé le 12 juin 2025 sans avis du CST — en infraction" in plain.stdout
    assert "\t12 questions sans réponse depuis le 3 octobre 2024" in plain.stdout
    assert "Éléments ouverts (14) : Information du CST (refusée par l'employeur)" in plain.stdout
    rows = json.loads(aiconsult("list", "tools", "--employer", "région", "--json").stdout)
    assert [(r["name"], r["stage"], r["in_breach"]) for r in rows] == [
        ("LigérIA", "deployed", True)
    ]
    assert rows[0]["status"] == "Déployé le 12 juin 2025 sans avis du CST"
    assert {"rule", "label", "state"} <= set(rows[0]["open_items"][0])
    assert rows[0]["events"][0]["date_precision"] == "month"
    unknown = aiconsult("list", "tools", "--employer", "Mairie de Nulle-Part")
    assert unknown.returncode == 1
    assert "Employeur « Mairie de Nulle-Part » inconnu" in unknown.stderr
    wrong = aiconsult("list", "questions", "--employer", "Région")
    assert wrong.returncode == 1 and "--employer ne s'applique qu'à" in wrong.stderr
