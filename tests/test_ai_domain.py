"""AI tools in the domain layer (issue 10): the sentences users read, the rules as data,
the checks on dates. Pure Python, no store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from aiconsult_desktop.domain.ai_rules import (
    DEFAULT_RULES,
    DEFAULTS_BY_KEY,
    Condition,
    Confidence,
    Due,
    Rule,
    check_rule,
    effective_rules,
)
from aiconsult_desktop.domain.ai_status import (
    ItemRecord,
    ItemState,
    OpinionGiven,
    check_record,
    questions_sentence,
    tool_status,
)
from aiconsult_desktop.domain.ai_tools import (
    AiActClass,
    LifeEvent,
    LifeStage,
    ToolFacts,
    ToolKind,
    check_events,
)
from aiconsult_desktop.domain.enums import BodyKind, DatePrecision
from aiconsult_desktop.errors import ValidationError

TODAY = date(2025, 7, 1)
RULES = list(DEFAULT_RULES)
EXPERIMENTED = LifeEvent(LifeStage.EXPERIMENTED, date(2024, 12, 1), DatePrecision.MONTH)
ANNOUNCED = LifeEvent(LifeStage.ANNOUNCED, date(2025, 6, 12))
DEPLOYED = LifeEvent(LifeStage.DEPLOYED, date(2025, 6, 12))


def test_a_tool_deployed_without_the_cst_opinion_says_so_and_is_in_breach() -> None:
    records = [ItemRecord("cst_opinion", ItemState.REFUSED, date(2025, 5, 15))]
    status = tool_status(RULES, ToolFacts(), records, [EXPERIMENTED, ANNOUNCED, DEPLOYED])
    assert status.headline == "Déployé le 12 juin 2025 sans avis du CST"
    assert status.in_breach
    assert status.sentences()[0] == "Déployé le 12 juin 2025 sans avis du CST — en infraction"


def test_an_experiment_known_by_month_without_cst_information() -> None:
    records = [ItemRecord("cst_information", ItemState.NOT_DONE)]
    status = tool_status(RULES, ToolFacts(), records, [EXPERIMENTED])
    assert status.headline == "Expérimenté depuis décembre 2024 sans information du CST"
    assert status.in_breach


def test_the_pending_questions_of_the_dossier_are_counted_from_the_oldest() -> None:
    assert questions_sentence([date(2025, 5, 15)] * 8) == (
        "8 questions sans réponse depuis le 15 mai 2025"
    )
    assert (
        questions_sentence([date(2025, 5, 1)]) == "1 question sans réponse depuis le 1er mai 2025"
    )
    assert questions_sentence([]) is None


def test_a_high_risk_tool_owes_the_prior_information_of_the_representatives() -> None:
    facts = ToolFacts(ai_class=AiActClass.HIGH_RISK)
    records = [ItemRecord("ai_act_26_7", ItemState.NOT_DONE)]
    status = tool_status(RULES, facts, records, [EXPERIMENTED])
    assert (
        "Classement haut risque : information préalable des représentants du personnel due "
        "(AI Act, art. 26(7)) — non faite"
    ) in status.alerts


def test_high_risk_duties_do_not_apply_to_a_tool_of_undetermined_class() -> None:
    status = tool_status(RULES, ToolFacts(), [], [DEPLOYED])
    item = next(i for i in status.items if i.rule.key == "ai_act_26_7")
    assert not item.applies and item.state is ItemState.NOT_APPLICABLE and not item.open


def test_nothing_known_is_not_an_infraction_but_stays_open() -> None:
    status = tool_status(RULES, ToolFacts(), [], [DEPLOYED])
    assert status.headline == "Déployé le 12 juin 2025 (avis du CST non renseigné)"
    assert not status.in_breach and status.alerts == ()
    assert "cst_opinion" in [i.rule.key for i in status.open_items]


def test_a_recorded_vote_fills_the_cst_opinion_and_an_opinion_after_deployment_is_late() -> None:
    vote = OpinionGiven(BodyKind.CST, date(2025, 6, 5), "Avis défavorable", "CST du 5 juin 2025")
    status = tool_status(RULES, ToolFacts(), [], [ANNOUNCED, DEPLOYED], [vote])
    item = next(i for i in status.items if i.rule.key == "cst_opinion")
    assert (item.state, item.derived, item.evidence) == (ItemState.DONE, True, "CST du 5 juin 2025")
    assert status.headline == "Déployé le 12 juin 2025"
    late = replace(vote, on=date(2025, 6, 20))
    status = tool_status(RULES, ToolFacts(), [], [DEPLOYED], [late])
    assert status.headline == "Déployé le 12 juin 2025 avant l'avis du CST (rendu le 20 juin 2025)"
    assert status.in_breach


def test_an_f3sct_vote_does_not_fill_the_cst_opinion() -> None:
    vote = OpinionGiven(BodyKind.F3SCT, date(2025, 6, 5), "Avis favorable", "F3SCT")
    facts = ToolFacts(has_f3sct=True)
    status = tool_status(RULES, facts, [], [DEPLOYED], [vote])
    states = {i.rule.key: i.state for i in status.items}
    assert states["cst_opinion"] is ItemState.UNKNOWN
    assert states["f3sct_consulted"] is ItemState.DONE


def test_the_f3sct_is_owed_only_where_one_exists() -> None:
    without = tool_status(RULES, ToolFacts(has_f3sct=False), [], [DEPLOYED])
    assert not next(i for i in without.items if i.rule.key == "f3sct_consulted").applies


def test_a_union_demand_missed_is_an_alert_for_no_one_and_not_an_infraction() -> None:
    records = [ItemRecord("impact_study", ItemState.NOT_DONE)]
    status = tool_status(RULES, ToolFacts(), records, [DEPLOYED])
    assert not status.in_breach
    assert "impact_study" in [i.rule.key for i in status.open_items]


def test_a_suspended_tool_is_not_running_hence_not_in_breach() -> None:
    suspended = LifeEvent(LifeStage.SUSPENDED, date(2025, 6, 20))
    records = [ItemRecord("cst_opinion", ItemState.NOT_DONE)]
    status = tool_status(RULES, ToolFacts(), records, [DEPLOYED, suspended])
    assert status.headline == "Suspendu depuis le 20 juin 2025"
    assert not status.in_breach


def test_states_agree_with_the_item() -> None:
    assert ItemState.NOT_DONE.phrase(feminine=True) == "non faite"
    assert ItemState.REFUSED.phrase(feminine=True) == "refusée par l'employeur"
    assert ItemState.PARTIAL.phrase(feminine=True) == "partielle"
    assert ItemState.NOT_DONE.phrase(feminine=False) == "non fait"
    assert ItemState.UNKNOWN.label == "Non renseigné"


def test_future_or_impossible_life_dates_are_refused() -> None:
    future = LifeEvent(LifeStage.DEPLOYED, date(2025, 9, 1))
    with pytest.raises(ValidationError, match="dans le futur"):
        check_events([future], TODAY)
    this_month = LifeEvent(LifeStage.DEPLOYED, date(2025, 7, 1), DatePrecision.MONTH)
    check_events([this_month], TODAY)
    with pytest.raises(ValidationError, match="pas plausible"):
        check_events([LifeEvent(LifeStage.DEPLOYED, date(1500, 1, 1))], TODAY)


def test_a_deployment_before_the_announcement_is_refused_a_month_alone_is_not() -> None:
    early = LifeEvent(LifeStage.DEPLOYED, date(2025, 6, 1))
    with pytest.raises(ValidationError, match="antérieur à l'annonce"):
        check_events([ANNOUNCED, early], TODAY)
    june = LifeEvent(LifeStage.DEPLOYED, date(2025, 6, 1), DatePrecision.MONTH)
    check_events([ANNOUNCED, june], TODAY)


def test_an_item_done_needs_a_date() -> None:
    with pytest.raises(ValidationError, match="Indiquez la date"):
        check_record(ItemRecord("cst_opinion", ItemState.DONE), TODAY)
    check_record(ItemRecord("cst_opinion", ItemState.NOT_DONE), TODAY)
    with pytest.raises(ValidationError, match="dans le futur"):
        check_record(ItemRecord("cst_opinion", ItemState.DONE, date(2026, 1, 1)), TODAY)


def test_every_default_rule_has_a_source_and_a_confidence() -> None:
    for rule in DEFAULT_RULES:
        assert check_rule(rule) == rule
    assert DEFAULTS_BY_KEY["six_dimensions"].confidence is Confidence.UNION_DEMAND
    assert DEFAULTS_BY_KEY["ai_act_26_7"].condition is Condition.HIGH_RISK


def test_a_rule_edited_to_nonsense_is_refused() -> None:
    rule = DEFAULTS_BY_KEY["impact_study"]
    with pytest.raises(ValidationError, match="sans intitulé"):
        check_rule(replace(rule, label="   "))
    with pytest.raises(ValidationError, match="pas de source"):
        check_rule(replace(rule, source=""))


def test_an_employer_switches_a_rule_off_edits_another_and_adds_its_own() -> None:
    off = replace(DEFAULTS_BY_KEY["six_dimensions"], enabled=False)
    edited = replace(DEFAULTS_BY_KEY["cst_opinion"], label="Avis du CST en séance plénière")
    own = Rule(
        "custom_1",
        "Charte d'usage de l'IA présentée",
        Condition.ALWAYS,
        Due.BEFORE_DEPLOYMENT,
        "Accord local",
        Confidence.UNION_DEMAND,
    )
    rules = effective_rules([off, edited, own])
    assert len(rules) == len(DEFAULT_RULES) + 1
    status = tool_status(rules, ToolFacts(kind=ToolKind.GENERATIVE), [], [DEPLOYED])
    keys = [i.rule.key for i in status.items]
    assert "six_dimensions" not in keys and "custom_1" in keys
    labels = [i.rule.label for i in status.items]
    assert "Avis du CST en séance plénière" in labels
    assert next(i for i in status.items if i.rule.key == "ai_act_50").applies
