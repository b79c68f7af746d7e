"""A dossier's chronology (issue 11): the entries, their headings and sentences.

Seed 001 is a chronology a union section wrote by hand: one dated heading in capitals per
entry (« PREMIÈRE RÉUNION D'INFORMATION DU 3 OCTOBRE 2024 », « COMMUNICATION DU 12 JUIN
2025 DU DGS SANS AVIS DU CST »), and the employer's silence said plainly (« Aucune réponse
à ce jour aux 8 questions posées le 15 mai 2025 »). The wording is computed here once,
for the page, the command line and the Word document alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from aiconsult_desktop.domain.enums import LabelledEnum, MeetingKind
from aiconsult_desktop.domain.french import day_month_year, meeting_date_phrase, month_year, plural


class EntryKind(LabelledEnum):
    """What an entry comes from: the chronology is filtered by these."""

    MEETING = ("meeting", "Réunion")
    QUESTION = ("question", "Question")
    FACT = ("fact", "Fait")
    TOOL = ("tool", "Outil d'IA")
    DUE = ("due", "Reste dû")


@dataclass(frozen=True)
class StatementPart:
    """A statement of the union shown in a meeting's entry."""

    statement_id: int
    title: str
    text: str
    """Markdown (footnotes included); only the first paragraph in « extracts » mode."""
    intervention: bool
    """Quoted as « Extrait » between « » (seed 001's interventions in CST)."""
    excerpt: bool


@dataclass(frozen=True)
class QuestionLine:
    question_id: int
    text: str
    state: str
    """« sans réponse à ce jour », « réponse le 3 mars 2025 : … », « relancée »…"""


@dataclass(frozen=True)
class Entry:
    """One dated entry. `item` is what opening it shows: (page name, id)."""

    kind: EntryKind
    on: date
    month_only: bool
    heading: str
    item: tuple[str, int]
    statements: tuple[StatementPart, ...] = ()
    questions: tuple[QuestionLine, ...] = ()
    """Questions asked at this meeting, numbered in the document."""
    events: tuple[str, ...] = ()
    """Questions asked again, answered or refused that day; tools' life steps."""
    notes: str = ""
    extract: str = ""
    source: str = ""
    comment: str = ""
    silence: str = ""
    """« Aucune réponse à ce jour aux 8 questions posées le 15 mai 2025. »"""
    order: int = 0

    @property
    def when(self) -> str:
        return month_year(self.on) if self.month_only else day_month_year(self.on)

    def text(self) -> str:
        """Everything a search looks in."""
        parts = [self.heading, self.notes, self.extract, self.source, self.comment, self.silence]
        parts += [s.title + "\n" + s.text for s in self.statements]
        parts += [q.text for q in self.questions] + list(self.events)
        return "\n".join(parts)


@dataclass(frozen=True)
class DueLine:
    """What is still owed: a pending question with its age, a checklist item not done."""

    text: str
    item: tuple[str, int]


@dataclass
class Chronology:
    dossier_id: int
    dossier: str
    organisation: str
    """The organisation's short name (Paramètres): « Éléments portés par la CGT »."""
    organisation_name: str
    employers: list[str]
    entries: list[Entry] = field(default_factory=list)
    due: list[DueLine] = field(default_factory=list)
    analysis: str = ""

    @property
    def empty(self) -> bool:
        return not self.entries and not self.due and not self.analysis.strip()

    def title_line(self) -> str:
        """« CGT Région des Pays de la Loire — Région des Pays de la Loire — Déploiement de
        l'IA »: the first line of the document."""
        return " — ".join(p for p in [self.organisation_name, *self.employers, self.dossier] if p)


EMPTY_SENTENCE = (
    "Ce dossier ne contient encore rien sur la période choisie : ni réunion, ni question, "
    "ni fait, ni étape d'outil d'IA. Rattachez-lui des réunions, des questions ou des faits, "
    "ou élargissez la période."
)

_MEETING_HEADINGS = {
    MeetingKind.INFORMATION: ("réunion d'information", "première réunion d'information"),
    MeetingKind.TECHNICAL: ("réunion technique", "première réunion technique"),
    MeetingKind.PREPARATORY: ("réunion préparatoire", "première réunion préparatoire"),
    MeetingKind.WORKING_GROUP: ("groupe de travail", "premier groupe de travail"),
}


def meeting_heading(
    kind: MeetingKind,
    body: str,
    on: date,
    month_only: bool,
    *,
    first_of_several: bool,
    intervention_by: str = "",
) -> str:
    """« PREMIÈRE RÉUNION D'INFORMATION DU 3 OCTOBRE 2024 », « INTERVENTION CGT EN CST DE
    MARS 2025 » (a séance where the union's part is its intervention), « CST DU … »."""
    when = meeting_date_phrase(on, month_only)
    if kind is MeetingKind.PLENARY or kind not in _MEETING_HEADINGS:
        where = body or "séance"
        if intervention_by:
            return f"intervention {intervention_by} en {where} {when}".upper()
        return f"{where} {when}".upper()
    plain, first = _MEETING_HEADINGS[kind]
    return f"{first if first_of_several else plain} {when}".upper()


def fact_heading(title: str, on: date, month_only: bool) -> str:
    """The fact's own title in capitals, with its date when the title does not say it
    (« OFFRE D'EMPLOI DRH PARUE LE 15 MAI 2025 EN EXTERNE » already does)."""
    said = month_year(on) if month_only else day_month_year(on)
    if said.lower() in title.lower() or said.replace("1er", "1").lower() in title.lower():
        return title.upper()
    return f"{title} ({said})".upper()


def silence_sentence(count: int, asked_on: date, month_only: bool) -> str:
    """« Aucune réponse à ce jour aux 8 questions posées le 15 mai 2025. »"""
    when = f"en {month_year(asked_on)}" if month_only else f"le {day_month_year(asked_on)}"
    if count == 1:
        return f"Aucune réponse à ce jour à la question posée {when}."
    return f"Aucune réponse à ce jour aux {plural(count, 'question')} posées {when}."
