"""Plain records of the statement editor's libraries and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from aiconsult_desktop.domain.enums import StatementKind, StatementState


@dataclass(frozen=True)
class StatementVersionData:
    statement_id: int
    number: int
    title: str
    text: str
    state: StatementState
    saved_at: datetime
    reason: str


@dataclass
class TemplateData:
    name: str
    text: str
    kind: StatementKind = StatementKind.INTERVENTION
    builtin: bool = False
    id: int | None = None


@dataclass
class LegalGroundData:
    label: str
    reference: str
    summary: str = ""
    applies_on: date | None = None
    id: int | None = None

    def footnote(self) -> str:
        """The note's text: the full reference, then what it says."""
        summary = self.summary.strip()
        if summary and not summary.endswith((".", "…", "!", "?")):
            summary += "."
        return f"{self.reference.strip()} : {summary}" if summary else self.reference.strip()
