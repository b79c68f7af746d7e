"""Sorting French text as a French reader expects: « Déploiement » before « Droit »,
« élus » among the e, « Œuvres » among the o, upper and lower case together.

Python's `sorted` compares code points, which puts every accented capital after « z »;
SQLite's `ORDER BY` does the same. The Unicode Collation Algorithm with its default
table (DUCET, which French follows: CLDR has no tailoring for fr-FR) folds accents, case
and ligatures at the first level and only uses them to break ties. pyuca implements it
in pure Python, so it installs everywhere the app does (PyICU needs a compiler and ICU's
headers). Every list shown on screen or written in a document sorts names through
`sort_key`.

Searching compares `fold`ed text: « reunion » finds « Réunion », « oeuvre » finds « œuvre ».
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pyuca import Collator

T = TypeVar("T")


@lru_cache(maxsize=1)
def _collator() -> Collator:
    """Loaded on first use: reading the table takes most of a second."""
    from pyuca import Collator

    return Collator()


@lru_cache(maxsize=16384)
def sort_key(text: str) -> tuple[int, ...]:
    """The key under which `text` sorts in French (accents, case, ligatures folded)."""
    return tuple(_collator().sort_key(text))


def french_sorted(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """`items` in French alphabetical order of `key(item)`; equal names keep their order."""
    return sorted(items, key=lambda item: sort_key(key(item)))


_SPELLED_OUT = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "\u2019": "'", "\u02bc": "'"}
)
"""Letters Unicode does not decompose (a ligature is not an accented letter), spelled out as
a French reader types them; the typographic apostrophe as the keyboard's."""


def fold(text: str) -> str:
    """`text` as a search compares it: lower case, accents removed, ligatures spelled out.

    « Œuvre » → « oeuvre », « Réunion » → « reunion », « ﬁn » → « fin ».
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED_OUT))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
