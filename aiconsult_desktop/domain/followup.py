"""The vocabulary of a meeting's follow-up: who attended, what opinion was given."""

from __future__ import annotations

from aiconsult_desktop.domain.enums import LabelledEnum


class AttendeeRole(LabelledEnum):
    TITULAR = ("titular", "Titulaire")
    SUBSTITUTE = ("substitute", "Suppléant·e")


class Opinion(LabelledEnum):
    """The committee's opinion on a "pour avis" item."""

    FAVOURABLE = ("favourable", "Avis favorable")
    UNFAVOURABLE = ("unfavourable", "Avis défavorable")
    ABSTENTION = ("abstention", "Abstention")
