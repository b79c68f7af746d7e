"""The checklist rules of each employer (issue 10): the defaults of `domain.ai_rules`,
edited, switched off or added to per employer.

Only what differs from a default is stored (`ai_rule`); putting a rule back as shipped
removes its row, so a later correction of a default reaches every employer that kept it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.ai_rules import (
    DEFAULTS_BY_KEY,
    Condition,
    Confidence,
    Due,
    Rule,
    check_rule,
    effective_rules,
)
from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.errors import NotFoundError
from aiconsult_desktop.services.rows import load_row
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import AiRule
from aiconsult_desktop.store.models import Employer

CUSTOM_PREFIX = "custom_"


@dataclass(frozen=True)
class RuleSetting:
    """A rule as it applies to one employer, and the shipped default it replaces (None
    for a rule the employer added)."""

    rule: Rule
    default: Rule | None

    @property
    def edited(self) -> bool:
        return self.default is not None and self.rule != self.default

    @property
    def own(self) -> bool:
        return self.default is None


def to_rule(row: AiRule) -> Rule:
    return Rule(
        key=row.key,
        label=row.label,
        condition=Condition(row.condition),
        due=Due(row.due),
        source=row.source,
        confidence=Confidence(row.confidence),
        citation=row.citation,
        ground=row.ground,
        feminine=row.feminine,
        opinion_of=BodyKind(row.opinion_of) if row.opinion_of else None,
        enabled=row.enabled,
    )


def rules_for_employer(session: Session, employer_id: int) -> list[Rule]:
    """The rules in force for an employer, switched-off ones included (`enabled`)."""
    rows = session.scalars(select(AiRule).where(AiRule.employer_id == employer_id))
    return effective_rules([to_rule(r) for r in rows])


def rules_by_employer(session: Session, employer_ids: Iterable[int]) -> dict[int, list[Rule]]:
    """`rules_for_employer` of several employers in one statement (the register's read)."""
    wanted = sorted(set(employer_ids))
    rows: dict[int, list[AiRule]] = {employer_id: [] for employer_id in wanted}
    if wanted:
        query = select(AiRule).where(AiRule.employer_id.in_(wanted)).order_by(AiRule.id)
        for row in session.scalars(query):
            rows[row.employer_id].append(row)
    return {
        employer_id: effective_rules([to_rule(r) for r in found])
        for employer_id, found in rows.items()
    }


def list_rules(store: Store, employer_id: int) -> list[RuleSetting]:
    """Every rule of the employer with its default, for the rules editor."""
    with store.session() as session:
        load_row(session, Employer, employer_id)
        return [
            RuleSetting(rule, DEFAULTS_BY_KEY.get(rule.key))
            for rule in rules_for_employer(session, employer_id)
        ]


def save_rule(store: Store, employer_id: int, rule: Rule) -> Rule:
    """Save an employer's version of a rule; an empty key adds a new rule of its own.

    Refused with nothing changed: an empty label, no source (see `check_rule`).
    """
    with store.session() as session:
        load_row(session, Employer, employer_id)
        rows = {
            r.key: r
            for r in session.scalars(select(AiRule).where(AiRule.employer_id == employer_id))
        }
        if not rule.key.strip():
            number = 1 + max(
                (int(k[len(CUSTOM_PREFIX) :]) for k in rows if k[len(CUSTOM_PREFIX) :].isdigit()),
                default=0,
            )
            rule = replace(rule, key=f"{CUSTOM_PREFIX}{number}")
        checked = check_rule(rule)
        row = rows.get(checked.key)
        if checked == DEFAULTS_BY_KEY.get(checked.key):
            if row is not None:
                session.delete(row)
            return checked
        if row is None:
            row = AiRule(employer_id=employer_id, key=checked.key)
            session.add(row)
        row.label, row.condition, row.due = (
            checked.label,
            checked.condition.value,
            checked.due.value,
        )
        row.source, row.confidence = checked.source, checked.confidence.value
        row.citation, row.ground, row.feminine = checked.citation, checked.ground, checked.feminine
        row.opinion_of = checked.opinion_of.value if checked.opinion_of else None
        row.enabled = checked.enabled
        return checked


def switch_rule(store: Store, employer_id: int, key: str, enabled: bool) -> Rule:
    """Switch a rule off (or on again) for one employer: its item leaves every checklist."""
    current = next((s.rule for s in list_rules(store, employer_id) if s.rule.key == key), None)
    if current is None:
        raise NotFoundError(f"La règle « {key} » n'existe pas pour cet employeur.")
    return save_rule(store, employer_id, replace(current, enabled=enabled))


def reset_rule(store: Store, employer_id: int, key: str) -> None:
    """Put a rule back as shipped; a rule of the employer's own is deleted.

    The states recorded for its items stay, and come back if the rule is added again.
    """
    with store.session() as session:
        for row in session.scalars(
            select(AiRule).where(AiRule.employer_id == employer_id, AiRule.key == key)
        ):
            session.delete(row)
