"""The AI tools register (the dashboard's card, the « Outils d'IA » page, the exports)
reads the tools in a few set-based statements: as many for 30 tools as for 3."""

from __future__ import annotations

from datetime import date

from aiconsult_desktop.domain.ai_status import ItemState
from aiconsult_desktop.domain.ai_tools import LearnedFrom, LifeStage, ToolKind
from aiconsult_desktop.domain.enums import AgendaItemKind, DatePrecision
from aiconsult_desktop.domain.followup import Opinion
from aiconsult_desktop.services import ai_register, ai_tools, meetings
from aiconsult_desktop.services.ai_records import AiToolData, ItemStateData, LifeEventData
from aiconsult_desktop.services.records import AgendaItemData
from aiconsult_desktop.store import Store
from tests.helpers import counted_queries

TODAY = date(2025, 7, 1)
CST_OF_JUNE = 5
"""The demo's CST of 5 June 2025, where the opinion items below are voted."""


def add_tools(store: Store, count: int, first: int = 0) -> list[int]:
    """`count` tools beside the demo's LigérIA, each with a life, recorded states with
    their evidence (meetings, agenda items, questions), and some with a vote on a linked
    « pour avis » item or the open questions of the demo's dossier."""
    meeting = meetings.get_meeting(store, CST_OF_JUNE)
    meeting.agenda = [
        *meeting.agenda,
        AgendaItemData("Déploiement des outils d'IA", AgendaItemKind.OPINION),
        AgendaItemData(
            "Bilan des outils d'IA", AgendaItemKind.OPINION, opinion=Opinion.UNFAVOURABLE
        ),
    ]
    meeting = meetings.save_meeting(store, meeting)
    unvoted, voted = (item.id for item in meeting.agenda[-2:])
    assert unvoted is not None and voted is not None
    made = []
    for number in range(first, first + count):
        tool_id = ai_tools.save_tool(
            store,
            AiToolData(
                employer_id=1,
                name=f"Assistant n° {number}",
                kind=ToolKind.AUTOMATION if number % 2 else ToolKind.OTHER,
                personal_data=True if number % 5 == 0 else None,
                dossier_id=1 if number % 3 == 0 else None,
            ),
        )
        made.append(tool_id)
        life = [(LifeStage.ANNOUNCED, date(2025, 6, 12), LearnedFrom.COMMUNICATION, None)]
        if number % 2:
            life.insert(0, (LifeStage.EXPERIMENTED, date(2024, 12, 1), LearnedFrom.MEETING, 2))
        if number % 4 != 3:
            life.append((LifeStage.DEPLOYED, date(2025, 6, 12), LearnedFrom.COMMUNICATION, None))
        for stage, on, learned, meeting_id in life:
            precision = DatePrecision.MONTH if on.day == 1 else DatePrecision.DAY
            ai_tools.save_event(
                store,
                LifeEventData(
                    tool_id, stage, on, precision, learned, meeting_id, f"Source {number}"
                ),
                TODAY,
            )
        ai_tools.set_item_state(
            store,
            ItemStateData(
                tool_id,
                "cst_information",
                ItemState.REFUSED,
                date(2025, 5, 15),
                meeting_id=4,
                question_id=5 if number % 2 else None,
                note="Refus de passage en CST",
            ),
            TODAY,
        )
        if number % 3 == 1:
            ai_tools.set_item_state(
                store,
                ItemStateData(
                    tool_id,
                    "impact_study",
                    ItemState.PARTIAL,
                    date(2025, 6, 5),
                    agenda_item_id=unvoted,
                    document=f"Étude d'impact n° {number}",
                ),
                TODAY,
            )
        if number % 2 == 0:
            ai_tools.link_agenda_item(store, tool_id, voted if number % 4 == 0 else unvoted)
    return made


INFORMATION_REFUSED = "Information du CST due (CGFP, art. L253-5) — refusée par l'employeur"
OPEN_QUESTIONS = "12 questions sans réponse depuis le 3 octobre 2024"
CARD = [
    ("Assistant n° 0", ["Déployé le 12 juin 2025 — en infraction", OPEN_QUESTIONS]),
    ("Assistant n° 1", ["Déployé le 12 juin 2025 (avis du CST non renseigné) — en infraction"]),
    ("Assistant n° 2", ["Déployé le 12 juin 2025 (avis du CST non renseigné) — en infraction"]),
    ("LigérIA", ["Déployé le 12 juin 2025 sans avis du CST — en infraction", OPEN_QUESTIONS]),
]
"""The dashboard's card with the demo and three more tools, as the register read tool by
tool said it: the vote on a linked item is the CST's opinion (n° 0), the open questions
of the demo's dossier count (n° 0 and LigérIA), the refused information is said."""


def _reading(store: Store, **filters: object) -> tuple[list[AiToolData], int]:
    with counted_queries(store) as statements:
        tools = ai_register.list_tools(store, **filters)  # type: ignore[arg-type]
    return tools, len(statements)


def _card(tools: list[AiToolData]) -> list[tuple[str, list[str]]]:
    return [(t.name, t.status.sentences()) for t in tools if t.status is not None]


def test_the_register_reads_as_many_statements_for_30_tools_as_for_3(demo_store: Store) -> None:
    add_tools(demo_store, 3)
    in_breach, card_reads = _reading(demo_store, in_breach=True)  # the dashboard's card
    assert _card(in_breach) == [(name, [*lines, INFORMATION_REFUSED]) for name, lines in CARD]
    few, with_three = _reading(demo_store)
    assert len(few) == 4 and card_reads == with_three
    evidence = next(t for t in few if t.name == "Assistant n° 1").items
    assert [(i.rule_key, i.evidence) for i in evidence] == [
        (
            "cst_information",
            "Réunion d'information sur l'IA, le 15 mai 2025 ; question du 15 mai 2025 « Comment "
            "l'employeur prévoit-il d'informer et de consulter les représentants du personnel … »",
        ),
        (
            "impact_study",
            "point « Déploiement des outils d'IA » (CST du 5 juin 2025) ; "
            "document « Étude d'impact n° 1 »",
        ),
    ]

    add_tools(demo_store, 27, first=3)
    many, with_thirty = _reading(demo_store)
    assert len(many) == 31
    assert with_thirty == with_three <= 12
    in_breach, card_reads = _reading(demo_store, in_breach=True)
    assert card_reads == with_three
    assert [line for line in _card(in_breach) if line[0] in dict(CARD)] == _card(few)
    assert 0 < len(in_breach) < len(many)
