"""The kinds of data a page shows, so that a change reloads only the pages it concerns.

Saving a fact of a dossier does not concern the dashboard; saving a question does. The
store says which kinds were written (store/changes.py), each page which kinds it shows,
and the window reloads a page only when the two meet.
"""

from __future__ import annotations

from typing import Literal, get_args

DataKind = Literal[
    "organisation",
    "employers",
    "meetings",
    "questions",
    "statements",
    "ai_tools",
    "dossiers",
    "references",
]
"""`references`: the legal grounds and other reference texts the user keeps."""

ALL_KINDS: frozenset[DataKind] = frozenset(get_args(DataKind))
"""Every kind: what a page shows unless it says otherwise, and what changed when nothing
more precise is known (a restored base, a table no kind names)."""
