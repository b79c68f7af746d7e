"""The AI tools register's services (issue 10), against a real SQLite store: the actions a
user takes, the computed status they then read, and the bad inputs the issue names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from aiconsult_desktop.domain.ai_status import ItemState
from aiconsult_desktop.domain.ai_tools import AiActClass, LearnedFrom, LifeStage
from aiconsult_desktop.domain.enums import AgendaItemKind, DatePrecision, MeetingKind
from aiconsult_desktop.domain.followup import Opinion
from aiconsult_desktop.errors import ConflictError, UserError, ValidationError
from aiconsult_desktop.services import ai_register, ai_rules, ai_tools, employers, meetings
from aiconsult_desktop.services.ai_records import AiToolData, ItemStateData, LifeEventData
from aiconsult_desktop.services.records import AgendaItemData, MeetingData
from aiconsult_desktop.store import Store
from tests.helpers import small_dossier

TODAY = date(2025, 7, 1)


def deployed_tool(store: Store) -> tuple[dict[str, int], int]:
    ids = small_dossier(store)
    tool_id = ai_tools.save_tool(
        store, AiToolData(employer_id=ids["employer"], name="LigérIA", purpose="Assistant")
    )
    for stage, on in ((LifeStage.ANNOUNCED, date(2025, 6, 12)), (LifeStage.DEPLOYED, None)):
        ai_tools.save_event(
            store,
            LifeEventData(
                tool_id,
                stage,
                on or date(2025, 6, 12),
                learned_from=LearnedFrom.COMMUNICATION,
                source="Communication du DGS du 12 juin 2025",
            ),
            TODAY,
        )
    return ids, tool_id


def test_a_tool_deployed_without_opinion_is_listed_as_in_breach(store: Store) -> None:
    ids, tool_id = deployed_tool(store)
    ai_tools.set_item_state(
        store,
        ItemStateData(tool_id, "cst_opinion", ItemState.REFUSED, date(2025, 5, 15)),
        TODAY,
    )
    [tool] = ai_register.list_tools(store, in_breach=True)
    assert tool.status is not None
    assert tool.status.headline == "Déployé le 12 juin 2025 sans avis du CST"
    assert tool.employer_name == "Métropole de Lyon"
    assert [e.stage for e in tool.events] == [LifeStage.ANNOUNCED, LifeStage.DEPLOYED]
    assert ai_register.list_tools(store, in_breach=False) == []
    assert [t.name for t in ai_register.list_tools(store, stage=LifeStage.DEPLOYED)] == ["LigérIA"]
    assert ai_register.list_tools(store, stage=LifeStage.EXPERIMENTED) == []
    assert ai_register.list_tools(store, employer_id=ids["employer"] + 1) == []


def test_linking_an_opinion_item_and_recording_the_vote_fills_the_cst_opinion(
    store: Store,
) -> None:
    ids, tool_id = deployed_tool(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.agenda = [AgendaItemData("Déploiement de LigérIA", AgendaItemKind.OPINION)]
    meeting = meetings.save_meeting(store, meeting)
    item_id = meeting.agenda[0].id
    assert item_id is not None
    ai_tools.link_agenda_item(store, tool_id, item_id)
    before = ai_register.get_tool(store, tool_id).status
    assert before is not None and "avis du CST non renseigné" in before.headline
    meeting.agenda[0].opinion = Opinion.UNFAVOURABLE
    meetings.save_meeting(store, meeting)
    status = ai_register.get_tool(store, tool_id).status
    assert status is not None
    item = next(i for i in status.items if i.rule.key == "cst_opinion")
    assert (item.state, item.on, item.derived) == (ItemState.DONE, date(2025, 6, 5), True)
    assert item.note == "Avis défavorable" and "CST du 5 juin 2025" in item.evidence
    assert status.headline == "Déployé le 12 juin 2025"


def test_life_dates_that_cannot_be_are_refused_and_nothing_is_lost(store: Store) -> None:
    _ids, tool_id = deployed_tool(store)
    with pytest.raises(ValidationError, match="dans le futur"):
        ai_tools.save_event(
            store, LifeEventData(tool_id, LifeStage.DEPLOYED, date(2025, 9, 1)), TODAY
        )
    with pytest.raises(ValidationError, match="antérieur à l'annonce"):
        ai_tools.save_event(
            store, LifeEventData(tool_id, LifeStage.DEPLOYED, date(2025, 6, 1)), TODAY
        )
    tool = ai_register.get_tool(store, tool_id)
    announced = tool.events[0]
    with pytest.raises(ValidationError, match="antérieur à l'annonce"):
        ai_tools.save_event(store, replace(announced, on=date(2025, 6, 30)), TODAY)
    assert [(e.stage, e.on) for e in ai_register.get_tool(store, tool_id).events] == [
        (LifeStage.ANNOUNCED, date(2025, 6, 12)),
        (LifeStage.DEPLOYED, date(2025, 6, 12)),
    ]


def test_a_month_alone_is_stored_as_such(store: Store) -> None:
    _ids, tool_id = deployed_tool(store)
    ai_tools.save_event(
        store,
        LifeEventData(tool_id, LifeStage.EXPERIMENTED, date(2024, 12, 11), DatePrecision.MONTH),
        TODAY,
    )
    event = next(
        e for e in ai_register.get_tool(store, tool_id).events if e.stage is LifeStage.EXPERIMENTED
    )
    assert (event.on, event.when) == (date(2024, 12, 1), "décembre 2024")


def test_an_item_done_needs_its_date_and_existing_evidence(store: Store) -> None:
    ids, tool_id = deployed_tool(store)
    with pytest.raises(ValidationError, match="Indiquez la date"):
        ai_tools.set_item_state(store, ItemStateData(tool_id, "impact_study", ItemState.DONE))
    with pytest.raises(ValidationError, match="n'existe plus"):
        ai_tools.set_item_state(
            store,
            ItemStateData(tool_id, "impact_study", ItemState.NOT_DONE, meeting_id=999),
        )
    with pytest.raises(ValidationError, match="n'existe pas pour cet employeur"):
        ai_tools.set_item_state(store, ItemStateData(tool_id, "nonsense", ItemState.NOT_DONE))
    ai_tools.set_item_state(
        store,
        ItemStateData(
            tool_id,
            "impact_study",
            ItemState.PARTIAL,
            date(2025, 6, 5),
            meeting_id=ids["meeting"],
            question_id=ids["question"],
            document="Étude d'impact v1",
        ),
        TODAY,
    )
    [item] = ai_register.get_tool(store, tool_id).items
    assert item.state is ItemState.PARTIAL
    assert "CST du 5 juin 2025 ; question" in item.evidence
    assert "question du 5 juin 2025" in item.evidence and "Étude d'impact v1" in item.evidence
    ai_tools.set_item_state(store, ItemStateData(tool_id, "impact_study", ItemState.UNKNOWN))
    assert ai_register.get_tool(store, tool_id).items == []


def test_the_pending_questions_of_the_dossier_are_in_the_status(store: Store) -> None:
    from aiconsult_desktop.services import dossiers, questions
    from aiconsult_desktop.services.records import DossierData

    ids, tool_id = deployed_tool(store)
    dossier = dossiers.save_dossier(store, DossierData(title="LigérIA"))
    question = questions.get_question(store, ids["question"])
    questions.save_question(store, replace(question, dossier_id=dossier.id))
    tool = ai_register.get_tool(store, tool_id)
    ai_tools.save_tool(store, replace(tool, dossier_id=dossier.id))
    status = ai_register.get_tool(store, tool_id).status
    assert status is not None
    assert status.questions == "1 question sans réponse depuis le 5 juin 2025"


def test_names_are_unique_per_employer_and_stale_copies_are_refused(store: Store) -> None:
    ids, tool_id = deployed_tool(store)
    with pytest.raises(ValidationError, match="déjà un outil nommé « ligéria »"):
        ai_tools.save_tool(store, AiToolData(employer_id=ids["employer"], name="ligéria"))
    with pytest.raises(ValidationError, match="nombre positif"):
        ai_tools.save_tool(store, AiToolData(ids["employer"], "Albert", agents_count=-3))
    copy = ai_register.get_tool(store, tool_id)
    ai_tools.save_tool(store, replace(copy, ai_class=AiActClass.HIGH_RISK))
    with pytest.raises(ConflictError):
        ai_tools.save_tool(store, replace(copy, vendor="Mistral"))
    assert ai_register.get_tool(store, tool_id).ai_class is AiActClass.HIGH_RISK


def test_deleting_the_employer_of_a_tool_says_what_goes_with_it(store: Store) -> None:
    ids, tool_id = deployed_tool(store)
    dependents = employers.employer_dependents(store, ids["employer"])
    assert "1 outil d'IA (avec" in dependents.describe()
    with pytest.raises(UserError, match="outil"):
        employers.delete_employer(store, ids["employer"])
    assert ai_register.get_tool(store, tool_id).name == "LigérIA"
    employers.delete_employer(store, ids["employer"], cascade=True)
    assert ai_register.list_tools(store) == []


def test_deleting_a_meeting_that_is_evidence_asks_first(store: Store) -> None:
    ids, tool_id = deployed_tool(store)
    ai_tools.set_item_state(
        store,
        ItemStateData(tool_id, "cst_information", ItemState.DONE, date(2025, 6, 5), ids["meeting"]),
        TODAY,
    )
    [loss] = ai_register.meeting_evidence(store, ids["meeting"])
    assert loss.describe() == "LigérIA : preuve de « Information du CST »"
    with pytest.raises(UserError, match=r"sert de preuve .*Information du CST"):
        meetings.delete_meeting(store, ids["meeting"], with_statements=True)
    assert ai_register.get_tool(store, tool_id).items[0].meeting_id == ids["meeting"]
    meetings.delete_meeting(store, ids["meeting"], with_statements=True, with_evidence=True)
    [item] = ai_register.get_tool(store, tool_id).items
    assert item.meeting_id is None and item.state is ItemState.DONE


def test_rules_edited_switched_off_and_added_per_employer(store: Store) -> None:
    ids, tool_id = deployed_tool(store)
    employer_id = ids["employer"]
    settings = {s.rule.key: s for s in ai_rules.list_rules(store, employer_id)}
    with pytest.raises(ValidationError, match="pas de source"):
        ai_rules.save_rule(store, employer_id, replace(settings["impact_study"].rule, source=" "))
    ai_rules.switch_rule(store, employer_id, "six_dimensions", False)
    ai_rules.save_rule(
        store, employer_id, replace(settings["cst_opinion"].rule, label="Avis du CST en séance")
    )
    own = ai_rules.save_rule(
        store, employer_id, replace(settings["impact_study"].rule, key="", label="Charte IA")
    )
    assert own.key == "custom_1"
    status = ai_register.get_tool(store, tool_id).status
    assert status is not None
    keys = {i.rule.key: i.rule.label for i in status.items}
    assert "six_dimensions" not in keys and keys["custom_1"] == "Charte IA"
    assert keys["cst_opinion"] == "Avis du CST en séance"
    settings = {s.rule.key: s for s in ai_rules.list_rules(store, employer_id)}
    assert settings["cst_opinion"].edited and settings["custom_1"].own
    ai_rules.reset_rule(store, employer_id, "cst_opinion")
    ai_rules.switch_rule(store, employer_id, "six_dimensions", True)
    settings = {s.rule.key: s for s in ai_rules.list_rules(store, employer_id)}
    assert not settings["cst_opinion"].edited and settings["six_dimensions"].rule.enabled


def test_an_agenda_item_of_another_employer_cannot_be_linked(store: Store) -> None:
    ids, tool_id = deployed_tool(store)
    other = employers.save_employer(
        store,
        replace(
            employers.get_employer(store, ids["employer"]), id=None, name="Ville de Lyon", bodies=[]
        ),
    )
    assert other.id is not None
    meeting = meetings.save_meeting(
        store,
        MeetingData(
            employer_id=other.id,
            kind=MeetingKind.INFORMATION,
            title="Réunion",
            starts_at=datetime(2025, 6, 1, 9),
            agenda=[AgendaItemData("IA", AgendaItemKind.OPINION)],
        ),
    )
    with pytest.raises(ValidationError, match="autre employeur"):
        ai_tools.link_agenda_item(store, tool_id, meeting.agenda[0].id or 0)
