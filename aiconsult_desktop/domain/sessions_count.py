"""Formal sessions held by a body in a year, against the minimum (CST 2, F3SCT 3).

A CST that met once in a year is a fact representatives can quote; only plenary
sessions count, informal meetings do not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SessionTally:
    body_id: int
    year: int
    held: int
    """Plenary sessions in that year (for the current year: held or planned)."""
    minimum: int

    @property
    def short(self) -> bool:
        return self.held < self.minimum

    def sentence(self, body_name: str, today: date) -> str:
        """ "CST : 1 séance plénière en 2025, pour 2 au minimum." """
        noun = "séance plénière" if self.held <= 1 else "séances plénières"
        planned = " (tenues ou prévues)" if self.year >= today.year and self.held > 1 else ""
        if self.year >= today.year and self.held <= 1:
            planned = " (tenue ou prévue)"
        return (
            f"{body_name} : {self.held} {noun} en {self.year}{planned}, "
            f"pour {self.minimum} au minimum."
        )


def tally_sessions(
    plenaries: Iterable[tuple[int, date]], minimums: dict[int, int | None], years: Iterable[int]
) -> list[SessionTally]:
    """One tally per body with a minimum and per year asked, bodies in `minimums` order."""
    counts = Counter((body_id, day.year) for body_id, day in plenaries)
    return [
        SessionTally(body_id, year, counts[(body_id, year)], minimum)
        for body_id, minimum in minimums.items()
        if minimum
        for year in years
    ]
