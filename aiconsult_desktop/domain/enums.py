"""The vocabulary of the domain.

Stored values are stable English words (they appear in the JSON dump and the CLI's
`--json`); users only ever see the French label.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a French label for the interface and documents.

    Members are declared as ("value", "Label"); `Kind("value")` looks one up by value
    (the label's default only lets type checkers see that one-argument call).
    """

    _value_: str
    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def parse(cls, value: str) -> Self:
        """Accept the machine value or the French label, whatever the case."""
        wanted = value.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"Valeur inconnue « {value} » ; valeurs possibles : {choices}.")


class BodyKind(LabelledEnum):
    CST = ("cst", "CST")
    F3SCT = ("f3sct", "F3SCT")
    CAP = ("cap", "CAP")
    CCP = ("ccp", "CCP")
    OTHER = ("other", "Autre instance")


class MeetingKind(LabelledEnum):
    PLENARY = ("plenary", "Séance plénière")
    INFORMATION = ("information", "Réunion d'information")
    TECHNICAL = ("technical", "Réunion technique")
    PREPARATORY = ("preparatory", "Réunion préparatoire")
    WORKING_GROUP = ("working_group", "Groupe de travail")


class DatePrecision(LabelledEnum):
    """Seed 001 knows some meetings only by month ("CST de mars 2025")."""

    DAY = ("day", "Jour connu")
    MONTH = ("month", "Mois seulement")


class AgendaItemKind(LabelledEnum):
    OPINION = ("opinion", "Pour avis")
    INFORMATION = ("information", "Pour information")


class QuestionState(LabelledEnum):
    PENDING = ("pending", "En attente")
    PROMISED = ("promised", "Réponse promise")
    PARTIAL = ("partial", "Réponse partielle")
    ANSWERED = ("answered", "Répondue")
    REFUSED = ("refused", "Refusée")
    WITHDRAWN = ("withdrawn", "Retirée")
    OBSOLETE = ("obsolete", "Sans objet")

    @property
    def is_open(self) -> bool:
        """Still owed an answer by the employer (derived from events: domain.question_state)."""
        return self in (QuestionState.PENDING, QuestionState.PROMISED, QuestionState.PARTIAL)


class StatementKind(LabelledEnum):
    OPENING = ("opening", "Déclaration liminaire")
    INTERVENTION = ("intervention", "Intervention")
    MOTION = ("motion", "Motion")
    WISH = ("wish", "Vœu")
    VOTE_EXPLANATION = ("vote_explanation", "Explication de vote")
    OTHER = ("other", "Déclaration")


class StatementState(LabelledEnum):
    DRAFT = ("draft", "Brouillon")
    TO_VALIDATE = ("to_validate", "À valider")
    VALIDATED = ("validated", "Validée")
    READ = ("read", "Lue en séance")
