"""Questions that look alike, so a representative records a relance, not a duplicate.

Token overlap on folded words (no case, no accents, no short function words) is enough
at a union office's scale and explains itself: two questions sharing most of their
meaningful words are the same question asked again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Short French words that say nothing about the subject of a question.
_STOP = frozenset(
    [
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "cette",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "est",
        "et",
        "il",
        "ils",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "mais",
        "ne",
        "nos",
        "notre",
        "on",
        "ou",
        "par",
        "pas",
        "pour",
        "qu",
        "que",
        "quel",
        "quelle",
        "quelles",
        "quels",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sont",
        "sur",
        "ta",
        "te",
        "tes",
        "un",
        "une",
        "vos",
        "votre",
        "est-ce",
        "comment",
        "pourquoi",
        "quand",
        "quoi",
        "y",
        "a",
        "t",
        "il-elle",
        "sera",
        "seront",
        "ont",
        "été",
        "être",
        "avoir",
        "fait",
        "faire",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

THRESHOLD = 0.5


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> frozenset[str]:
    """Meaningful folded words; a crude plural strip so "agents" meets "agent"."""
    found = set()
    for word in _WORD.findall(fold(text)):
        for part in re.split(r"['’]", word):
            if len(part) > 2 and part not in _STOP:
                found.add(part[:-1] if part.endswith(("s", "x")) and len(part) > 4 else part)
    return frozenset(found)


def likeness(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter question's words found in the other (0 to 1)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class Match:
    id: int
    score: float


def look_alikes(
    text: str, candidates: Iterable[tuple[int, str]], limit: int = 5, threshold: float = THRESHOLD
) -> list[Match]:
    """The candidates most like `text`, best first; nothing for a text of one or two words."""
    wanted = words(text)
    if len(wanted) < 3:
        return []
    matches = [
        Match(candidate_id, score)
        for candidate_id, candidate in candidates
        if (score := likeness(wanted, words(candidate))) >= threshold
    ]
    matches.sort(key=lambda m: (-m.score, m.id))
    return matches[:limit]
