"""Each body's deadline rules: its own settings, or the defaults of its kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.domain.deadlines import BodyRules, Rule, check_setting, resolve_rules
from aiconsult_desktop.domain.enums import BodyKind
from aiconsult_desktop.errors import NotFoundError
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Body, Employer

Settings = dict[Rule, int | bool | None]


@dataclass
class BodyRulesData:
    body_id: int
    body_name: str
    employer_name: str
    kind: BodyKind
    settings: Settings
    """The body's own values; None where it keeps the default."""
    rules: BodyRules
    """What applies: own values, else defaults."""


def _settings(row: Body) -> Settings:
    return {rule: getattr(row, rule.value) for rule in Rule}


def _load(session: Session, body_id: int) -> Body:
    row = session.get(Body, body_id)
    if row is None:
        raise NotFoundError(f"L'instance n° {body_id} n'existe pas (ou plus).")
    return row


def get_body_rules(store: Store, body_id: int) -> BodyRulesData:
    with store.session() as session:
        row = _load(session, body_id)
        employer = session.get(Employer, row.employer_id)
        kind = BodyKind(row.kind)
        settings = _settings(row)
        return BodyRulesData(
            body_id=row.id,
            body_name=row.name,
            employer_name=employer.name if employer else "",
            kind=kind,
            settings=settings,
            rules=resolve_rules(kind, settings),
        )


def save_body_rules(store: Store, body_id: int, settings: Settings) -> BodyRulesData:
    """Store a body's own rules; a setting emptied (None) goes back to the default."""
    for rule, value in settings.items():
        if rule is not Rule.WORKING_DAYS:
            check_setting(rule, value)
    with store.session() as session:
        row = _load(session, body_id)
        for rule in Rule:
            if rule in settings:
                setattr(row, rule.value, settings[rule])
    return get_body_rules(store, body_id)


def rules_by_body(store: Store) -> dict[int, tuple[str, BodyRules]]:
    """Every body's name and rules in force, read at once for lists and the dashboard."""
    with store.session() as session:
        rows = french_sorted(session.scalars(select(Body)), lambda row: row.name)
        return {
            row.id: (row.name, resolve_rules(BodyKind(row.kind), _settings(row))) for row in rows
        }
