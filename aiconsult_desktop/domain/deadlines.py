"""Deadlines around a meeting, computed from each body's rules.

Pure rules, no storage: a body's settings are `None` when the user kept the default of
its kind, and every default carries its source so the interface can show it (legal
rules change, and each body's règlement intérieur adds its own). Deadlines are counted
on dates, never on datetimes: a change to or from summer time cannot move them.

Counting: "documents 8 days before a meeting on 10 June" means received on 2 June at
the latest. Days are calendar days unless the body says working days: Monday to Friday,
less the French public holidays (1 May, 8 May, Ascension, 14 July, 11 November…) as
the `holidays` package knows them for metropolitan France. Alsace-Moselle's two extra
days (Good Friday, 26 December) are not counted as holidays: a body there that counts
in working days is one day generous around those dates (`holidays.France(subdiv="57")`
would have them, should a per-body setting ever be wanted).

A meeting convened as urgent ("séance convoquée en urgence") has its own convocation
delay, 8 days by default instead of 15.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from aiconsult_desktop.domain.enums import BodyKind, LabelledEnum
from aiconsult_desktop.domain.french import day_month_year

DECREE = "décret n° 2021-571 du 10 mai 2021"
PRACTICE = "règlement intérieur (pratique courante)"


@dataclass(frozen=True)
class RuleDefault:
    """One rule's default for a kind of body, with where it comes from."""

    value: int | bool | None
    source: str
    confidence: str


class Rule(LabelledEnum):
    """The settings a body can override; values are the `body` table's column names."""

    CONVOCATION = ("convocation_days", "Convocation avec l'ordre du jour (jours avant)")
    CONVOCATION_URGENT = (
        "convocation_urgent_days",
        "Convocation d'une séance en urgence (jours avant)",
    )
    DOCUMENTS = ("documents_days", "Documents préparatoires (jours avant)")
    QUESTIONS = ("questions_days", "Envoi de nos questions (jours avant)")
    MINUTES = ("minutes_days", "Procès-verbal transmis (jours après)")
    WORKING_DAYS = ("working_days", "Délais comptés en jours ouvrés")
    MINIMUM_SESSIONS = ("minimum_sessions", "Séances plénières au minimum par an")


_COMMON: dict[Rule, RuleDefault] = {
    Rule.CONVOCATION: RuleDefault(15, PRACTICE, "faible à moyenne"),
    Rule.CONVOCATION_URGENT: RuleDefault(8, f"{PRACTICE}, en cas d'urgence", "faible à moyenne"),
    Rule.DOCUMENTS: RuleDefault(8, PRACTICE, "faible à moyenne"),
    Rule.QUESTIONS: RuleDefault(
        8, "usage à vérifier dans le règlement intérieur de l'instance", "faible"
    ),
    Rule.MINUTES: RuleDefault(None, "aucun délai connu pour cette instance", "—"),
    Rule.WORKING_DAYS: RuleDefault(False, "jours calendaires, sauf règlement contraire", "moyenne"),
    Rule.MINIMUM_SESSIONS: RuleDefault(None, "aucun minimum connu pour cette instance", "—"),
}
_BY_KIND: dict[BodyKind, dict[Rule, RuleDefault]] = {
    BodyKind.CST: {
        Rule.MINUTES: RuleDefault(15, f"{DECREE}, art. 81 I", "élevée"),
        Rule.MINIMUM_SESSIONS: RuleDefault(2, f"{DECREE} (sources secondaires)", "moyenne"),
    },
    BodyKind.F3SCT: {
        Rule.MINUTES: RuleDefault(30, f"{DECREE}, art. 81 II (un mois)", "élevée"),
        Rule.MINIMUM_SESSIONS: RuleDefault(3, f"{DECREE} (sources secondaires)", "moyenne"),
    },
}


def default_rule(kind: BodyKind, rule: Rule) -> RuleDefault:
    return _BY_KIND.get(kind, {}).get(rule, _COMMON[rule])


@dataclass(frozen=True)
class BodyRules:
    """The rules in force for one body: its own settings, else the defaults of its kind."""

    kind: BodyKind
    convocation_days: int
    convocation_urgent_days: int
    documents_days: int
    questions_days: int
    minutes_days: int | None
    working_days: bool
    minimum_sessions: int | None
    overridden: frozenset[Rule] = frozenset()

    def source(self, rule: Rule) -> str:
        if rule in self.overridden:
            return "règle propre à l'instance (règlement intérieur)"
        return default_rule(self.kind, rule).source


def resolve_rules(
    kind: BodyKind, settings: dict[Rule, int | bool | None] | None = None
) -> BodyRules:
    """A body's rules: each setting left empty (None) falls back to the default."""
    settings = settings or {}
    values = {}
    for rule in Rule:
        own = settings.get(rule)
        values[rule.value] = own if own is not None else default_rule(kind, rule).value
    overridden = frozenset(rule for rule, value in settings.items() if value is not None)
    return BodyRules(kind=kind, overridden=overridden, **values)  # type: ignore[arg-type]


def check_setting(rule: Rule, value: int | None) -> None:
    """A number of days or sessions a user typed: plausible, or a French refusal."""
    from aiconsult_desktop.errors import ValidationError

    if value is None:
        return
    top = 12 if rule is Rule.MINIMUM_SESSIONS else 365
    if not 0 <= value <= top:
        raise ValidationError(
            f"« {rule.label} » : {value} n'est pas plausible (de 0 à {top}).", field=rule.value
        )


# Counting days ---------------------------------------------------------------------------


@lru_cache(maxsize=64)
def french_holidays(year: int) -> frozenset[date]:
    """Metropolitan France's public holidays of `year` (Easter-based ones included)."""
    # holidays builds its country classes at run time: its stubs do not name France.
    return frozenset(holidays.France(years=year))  # type: ignore[attr-defined]


def _working(day: date) -> bool:
    return day.weekday() < 5 and day not in french_holidays(day.year)


def days_between(earlier: date, later: date, working_days: bool) -> int:
    """How many days `earlier` came before `later` (2 → 5 June: 3 days)."""
    if not working_days:
        return (later - earlier).days
    sign = 1
    if later < earlier:
        earlier, later, sign = later, earlier, -1
    count = sum(
        1
        for offset in range(1, (later - earlier).days + 1)
        if _working(earlier + timedelta(days=offset))
    )
    return sign * count


def shift(day: date, days: int, working_days: bool) -> date:
    """`day` moved by `days` (negative: before), counting as `days_between` does."""
    if not working_days:
        return day + timedelta(days=days)
    step = 1 if days >= 0 else -1
    current, left = day, abs(days)
    while left:
        # The day counted is the later one of each step, as in days_between.
        if _working(current if step < 0 else current + timedelta(days=1)):
            left -= 1
        current += timedelta(days=step)
    return current


# Deadlines of one meeting --------------------------------------------------------------


class Whose(LabelledEnum):
    EMPLOYER = ("employer", "À la charge de l'employeur")
    OURS = ("ours", "À notre charge")


class DeadlineKind(LabelledEnum):
    CONVOCATION = ("convocation", "Convocation")
    DOCUMENTS = ("documents", "Documents préparatoires")
    QUESTIONS = ("questions", "Envoi de nos questions")
    MINUTES = ("minutes", "Procès-verbal")


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    whose: Whose
    due: date
    required_days: int
    done_on: date | None = None
    late: bool = False
    sentence: str = ""
    """A French sentence to quote in a statement when the employer was late."""
    urgent: bool = False
    """A convocation counted with the urgent delay (the meeting was convened as urgent)."""

    @property
    def open(self) -> bool:
        return self.done_on is None


@dataclass(frozen=True)
class MeetingFacts:
    """What a meeting's deadlines depend on."""

    day: date
    convocation_received_on: date | None = None
    documents_received_on: date | None = None
    minutes_received_on: date | None = None
    urgent: bool = False
    """Convened as urgent: the convocation follows the body's urgent delay."""


def _unit(days: int, working_days: bool) -> str:
    noun = "jour" if days <= 1 else "jours"
    return f"{days} {noun} ouvré{'s' if days > 1 else ''}" if working_days else f"{days} {noun}"


def _rule_phrase(rules: BodyRules, rule: Rule) -> str:
    if rule is Rule.MINUTES and rule not in rules.overridden:
        return f"le {DECREE} (art. 81)"
    return "le règlement intérieur"


def _before_sentence(
    subject: tuple[str, str, str],
    received: date | None,
    meeting: date,
    rules: BodyRules,
    rule: Rule,
) -> str:
    """ "Les documents ont été transmis le 2 juin 2025, soit 3 jours avant la séance, alors
    que le règlement intérieur prévoit 8 jours." """
    noun, aux, participle = subject
    required = _unit(getattr(rules, rule.value), rules.working_days)
    rule_phrase = _rule_phrase(rules, rule)
    urgent = rule is Rule.CONVOCATION_URGENT
    urgency = " en cas d'urgence" if urgent else ""
    if received is None:
        provides = f"prévoit, en cas d'urgence, {required}" if urgent else f"prévoit {required}"
        return (
            f"{noun} n'{aux} toujours pas été {participle}, alors que {rule_phrase} {provides} "
            f"avant la séance du {day_month_year(meeting)}."
        )
    gap = days_between(received, meeting, rules.working_days)
    if gap <= 0:
        when = "le jour même de la séance" if gap == 0 else "après la séance"
    else:
        when = f"soit {_unit(gap, rules.working_days)} avant la séance"
    return (
        f"{noun} {aux} été {participle} le {day_month_year(received)}, {when}, "
        f"alors que {rule_phrase} prévoit {required}{urgency}."
    )


def meeting_deadlines(facts: MeetingFacts, rules: BodyRules, today: date) -> list[Deadline]:
    """Every deadline of one meeting, in date order, with a late mark where it applies.

    "Late" needs a fact: received after the due date, or still not received once the due
    date has passed. A meeting whose date is only known by its month has no deadlines
    (the caller leaves it out).
    """
    found: list[Deadline] = []
    working = rules.working_days
    convocation = Rule.CONVOCATION_URGENT if facts.urgent else Rule.CONVOCATION
    for kind, rule, received, subject in (
        (
            DeadlineKind.CONVOCATION,
            convocation,
            facts.convocation_received_on,
            ("La convocation", "a", "transmise"),
        ),
        (
            DeadlineKind.DOCUMENTS,
            Rule.DOCUMENTS,
            facts.documents_received_on,
            ("Les documents", "ont", "transmis"),
        ),
    ):
        days = getattr(rules, rule.value)
        due = shift(facts.day, -days, working)
        # Nothing recorded once the meeting is over: unknown, not late (old meetings).
        late = received > due if received is not None else due < today <= facts.day
        sentence = _before_sentence(subject, received, facts.day, rules, rule) if late else ""
        urgent = rule is Rule.CONVOCATION_URGENT
        found.append(
            Deadline(kind, Whose.EMPLOYER, due, days, received, late, sentence, urgent=urgent)
        )
    questions_due = shift(facts.day, -rules.questions_days, working)
    found.append(Deadline(DeadlineKind.QUESTIONS, Whose.OURS, questions_due, rules.questions_days))
    if rules.minutes_days is not None:
        due = shift(facts.day, rules.minutes_days, working)
        received = facts.minutes_received_on
        late = received > due if received is not None else today > due
        found.append(
            Deadline(
                DeadlineKind.MINUTES,
                Whose.EMPLOYER,
                due,
                rules.minutes_days,
                received,
                late,
                _minutes_sentence(facts.day, received, rules) if late else "",
            )
        )
    return sorted(found, key=lambda d: d.due)


def _minutes_sentence(meeting: date, received: date | None, rules: BodyRules) -> str:
    assert rules.minutes_days is not None
    required = _unit(rules.minutes_days, rules.working_days)
    rule = _rule_phrase(rules, Rule.MINUTES)
    subject = f"Le procès-verbal de la séance du {day_month_year(meeting)}"
    if received is None:
        return f"{subject} n'a toujours pas été transmis, alors que {rule} prévoit {required}."
    gap = _unit(days_between(meeting, received, rules.working_days), rules.working_days)
    return (
        f"{subject} a été transmis le {day_month_year(received)}, soit {gap} après la séance, "
        f"alors que {rule} prévoit {required}."
    )
