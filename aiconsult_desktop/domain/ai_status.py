"""Where each AI tool stands, in French, computed once (issue 10).

The GUI page, the dashboard card, the CLI, the statement paragraph and the exported
« fiche outil » all say exactly these sentences: « Déployé le 12 juin 2025 sans avis du
CST », « 8 questions sans réponse depuis le 15 mai 2025 », « Classement haut risque :
information préalable des représentants du personnel due (AI Act, art. 26(7)) — non
faite ». Nothing here touches the store: callers pass plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from aiconsult_desktop.domain.ai_rules import CST_INFORMATION, CST_OPINION, Due, Rule
from aiconsult_desktop.domain.ai_tools import (
    LifeEvent,
    LifeStage,
    ToolFacts,
    current_stage,
    first,
    running_since,
)
from aiconsult_desktop.domain.enums import BodyKind, DatePrecision, LabelledEnum
from aiconsult_desktop.domain.french import day_month_year, on_phrase, plural, since_phrase
from aiconsult_desktop.errors import ValidationError

BREACH = "en infraction"
"""The flag of a tool used while a legal duty owed before is not done."""


class ItemState(LabelledEnum):
    DONE = ("done", "Fait")
    PARTIAL = ("partial", "Partiel")
    NOT_DONE = ("not_done", "Non fait")
    REFUSED = ("refused", "Refusé par l'employeur")
    NOT_APPLICABLE = ("not_applicable", "Sans objet")
    UNKNOWN = ("unknown", "Non renseigné")

    @property
    def failed(self) -> bool:
        """Known not to be (fully) done: what an alert and « en infraction » rest on."""
        return self in (ItemState.PARTIAL, ItemState.NOT_DONE, ItemState.REFUSED)

    def phrase(self, feminine: bool) -> str:
        """The state agreed with the item: « non faite », « refusé par l'employeur »."""
        words = {
            ItemState.DONE: "fait",
            ItemState.PARTIAL: "partiel",
            ItemState.NOT_DONE: "non fait",
            ItemState.REFUSED: "refusé par l'employeur",
            ItemState.NOT_APPLICABLE: "sans objet",
            ItemState.UNKNOWN: "non renseigné",
        }[self]
        if not feminine or self is ItemState.NOT_APPLICABLE:
            return words
        if self is ItemState.PARTIAL:
            return "partielle"
        return (
            words.replace("fait", "faite")
            .replace("refusé", "refusée")
            .replace("renseigné", "renseignée")
        )


@dataclass(frozen=True)
class ItemRecord:
    """What the union recorded for one rule of one tool."""

    rule_key: str
    state: ItemState
    on: date | None = None
    evidence: str = ""
    """The evidence in words: « Réunion technique du 11 décembre 2024 »."""
    note: str = ""


@dataclass(frozen=True)
class OpinionGiven:
    """A vote on a « pour avis » agenda item linked to the tool (derived, never copied)."""

    body_kind: BodyKind
    on: date
    opinion: str
    """The opinion's label: « Avis défavorable »."""
    evidence: str
    precision: DatePrecision = DatePrecision.DAY


def check_record(record: ItemRecord, today: date) -> ItemRecord:
    """An item marked done needs its date; no item is done in the future."""
    if record.state in (ItemState.DONE, ItemState.PARTIAL) and record.on is None:
        raise ValidationError(
            f"Indiquez la date à laquelle l'élément a été « {record.state.label.lower()} » : "
            "sans date, on ne peut pas dire s'il l'a été avant le déploiement.",
            field="on",
        )
    if record.on is not None and record.on > today:
        raise ValidationError(
            f"La date {day_month_year(record.on)} est dans le futur : indiquez le jour où "
            "c'est arrivé.",
            field="on",
        )
    return record


@dataclass(frozen=True)
class ChecklistItem:
    rule: Rule
    state: ItemState
    on: date | None = None
    evidence: str = ""
    note: str = ""
    applies: bool = True
    derived: bool = False
    """Filled by a recorded vote of the committee, not typed."""
    due_from: LifeEvent | None = None
    """The step of the tool's life from which the item is owed, when it was reached."""

    @property
    def late(self) -> bool:
        """Owed since a step reached and not done in time (done after it counts as late)."""
        if self.due_from is None or not self.applies:
            return False
        if self.state is ItemState.DONE:
            return self.on is not None and self.on > self.due_from.latest
        return self.state is not ItemState.NOT_APPLICABLE

    @property
    def open(self) -> bool:
        """Still to obtain: not done, not without object, and its condition holds."""
        return self.applies and self.state not in (ItemState.DONE, ItemState.NOT_APPLICABLE)

    @property
    def breach(self) -> bool:
        """A legal duty owed before the tool ran that is known not to have been done."""
        failed = self.state.failed or (self.state is ItemState.DONE and self.late)
        return (
            self.rule.binding
            and self.rule.due is not Due.AFTER_DEPLOYMENT
            and (self.late and failed)
        )

    def sentence(self) -> str:
        """« Classement haut risque : information préalable des représentants du
        personnel due (AI Act, art. 26(7)) — non faite »."""
        rule = self.rule
        label = rule.label[:1].lower() + rule.label[1:]
        owed = "due" if rule.feminine else "dû"
        cited = f" ({rule.citation})" if rule.citation else ""
        if self.state is ItemState.DONE and self.late and self.on is not None:
            done = "faite" if rule.feminine else "fait"
            state = f"{done} le {day_month_year(self.on)}, après coup"
        else:
            state = self.state.phrase(rule.feminine)
        said = f"{rule.condition.sentence_prefix}{label} {owed}{cited} — {state}"
        return said[:1].upper() + said[1:]


def _due_from(rule: Rule, events: list[LifeEvent]) -> LifeEvent | None:
    if rule.due is Due.BEFORE_USE:
        return running_since(events)
    return first(events, LifeStage.DEPLOYED)


def checklist(
    rules: list[Rule],
    facts: ToolFacts,
    records: list[ItemRecord],
    events: list[LifeEvent],
    opinions: list[OpinionGiven] = (),  # type: ignore[assignment]
) -> list[ChecklistItem]:
    """One item per enabled rule. A rule whose condition does not hold is « sans objet »;
    a recorded vote of the rule's body fills it (the earliest vote); otherwise the state
    recorded by the union, « non renseigné » when nothing is known."""
    by_key = {r.rule_key: r for r in records}
    items = []
    for rule in rules:
        if not rule.enabled:
            continue
        due_from = _due_from(rule, events)
        if not rule.condition.holds(facts):
            items.append(ChecklistItem(rule, ItemState.NOT_APPLICABLE, applies=False))
            continue
        votes = sorted(
            (o for o in opinions if rule.opinion_of and o.body_kind is rule.opinion_of),
            key=lambda o: o.on,
        )
        if votes:
            vote = votes[0]
            items.append(
                ChecklistItem(
                    rule, ItemState.DONE, vote.on, vote.evidence, vote.opinion, True, True, due_from
                )
            )
            continue
        record = by_key.get(rule.key)
        if record is None:
            items.append(ChecklistItem(rule, ItemState.UNKNOWN, due_from=due_from))
        else:
            items.append(
                ChecklistItem(
                    rule, record.state, record.on, record.evidence, record.note, due_from=due_from
                )
            )
    return items


def questions_sentence(asked_on: list[date]) -> str | None:
    """« 8 questions sans réponse depuis le 15 mai 2025 »: the open questions of the
    tool's dossier, since the oldest; None when none is pending."""
    if not asked_on:
        return None
    since = day_month_year(min(asked_on))
    return f"{plural(len(asked_on), 'question')} sans réponse depuis le {since}"


def _missing(items: list[ChecklistItem], key: str) -> str | None:
    """How the headline names a CST item not done in time, or None when all is well."""
    item = next((i for i in items if i.rule.key == key and i.applies), None)
    if item is None or not item.late:
        return None
    what = "avis" if key == CST_OPINION else "information"
    if item.state is ItemState.DONE and item.on is not None:
        given = "rendu" if key == CST_OPINION else "faite"
        return f" avant l'{what} du CST ({given} le {day_month_year(item.on)})"
    if item.state is ItemState.UNKNOWN:
        return f" ({what} du CST non renseigné{'' if key == CST_OPINION else 'e'})"
    return f" sans {what} du CST"


def headline(events: list[LifeEvent], items: list[ChecklistItem]) -> str:
    """The current stage in one phrase: « Déployé le 12 juin 2025 sans avis du CST »,
    « Expérimenté depuis décembre 2024 sans information du CST »."""
    return _headline(events, items)[0]


def _headline(events: list[LifeEvent], items: list[ChecklistItem]) -> tuple[str, str | None]:
    """The phrase, and the key of the CST item it already names (or None)."""
    event = current_stage(events)
    if event is None:
        return "Aucune étape connue", None
    month_only = event.month_only
    if event.stage in (LifeStage.DEPLOYED, LifeStage.EXPERIMENTED):
        deployed = event.stage is LifeStage.DEPLOYED
        key = CST_OPINION if deployed else CST_INFORMATION
        missing = _missing(items, key)
        when = on_phrase(event.on, month_only) if deployed else since_phrase(event.on, month_only)
        return f"{event.stage.label} {when}{missing or ''}", key if missing else None
    if event.stage is LifeStage.SUSPENDED:
        return f"Suspendu {since_phrase(event.on, month_only)}", None
    return f"{event.stage.label} {on_phrase(event.on, month_only)}", None


@dataclass(frozen=True)
class ToolStatus:
    stage: LifeStage | None
    headline: str
    questions: str | None
    alerts: tuple[str, ...]
    """One sentence per legal duty owed and known not done (the headline's CST item aside)."""
    in_breach: bool
    items: tuple[ChecklistItem, ...] = field(default_factory=tuple)
    named_key: str | None = None
    """The CST item the headline already names (« sans avis du CST »), if any."""

    @property
    def open_items(self) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.open)

    def sentences(self) -> list[str]:
        """Everything to say, in order: what the CLI prints and the page shows."""
        said = [self.headline + (f" — {BREACH}" if self.in_breach else "")]
        return said + ([self.questions] if self.questions else []) + list(self.alerts)


def tool_status(
    rules: list[Rule],
    facts: ToolFacts,
    records: list[ItemRecord],
    events: list[LifeEvent],
    opinions: list[OpinionGiven] = (),  # type: ignore[assignment]
    open_questions_asked_on: list[date] = (),  # type: ignore[assignment]
) -> ToolStatus:
    items = checklist(rules, facts, records, events, opinions)
    stage = current_stage(events)
    running = stage is not None and stage.stage.running
    said, named = _headline(events, items)
    alerts = tuple(i.sentence() for i in items if i.breach and i.rule.key != named)
    return ToolStatus(
        stage=stage.stage if stage else None,
        headline=said,
        questions=questions_sentence(list(open_questions_asked_on)),
        alerts=alerts,
        in_breach=running and any(i.breach for i in items),
        items=tuple(items),
        named_key=named,
    )
