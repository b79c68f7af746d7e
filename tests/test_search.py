"""Search everywhere (services.search): every kind, accents and ligatures folded."""

from __future__ import annotations

from datetime import datetime

import pytest

from aiconsult_desktop.domain.collation import fold
from aiconsult_desktop.services.search import PER_KIND, SearchKind, ligature_variants, search
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Employer, Meeting, Statement
from tests.search_data import WORDS, one_of_each


def test_fold_drops_accents_case_and_ligatures() -> None:
    assert fold("Œuvre") == "oeuvre"
    assert fold("RÉUNION à l’hôtel") == "reunion a l'hotel"
    assert fold("Ægide ﬁn") == "aegide fin"
    assert ligature_variants("coeur") == ["coeur", "cœur"]


@pytest.mark.parametrize("kind", list(SearchKind))
@pytest.mark.parametrize("written", [False, True], ids=["sans accents", "tel qu'écrit"])
def test_each_kind_is_found_with_or_without_accents(
    db: Store, kind: SearchKind, written: bool
) -> None:
    """On a local file and on a shared server (PostgreSQL folds with `unaccent`)."""
    ids = one_of_each(db)
    typed = WORDS[kind][1 if written else 0]
    hits = search(db, typed)
    assert [(hit.kind, hit.id) for hit in hits] == [(kind, ids[kind])]


def test_hits_say_when_and_where(store: Store) -> None:
    ids = one_of_each(store)
    (statement,) = search(store, "coeur du probleme")  # in the text, not the title
    assert statement.kind is SearchKind.STATEMENT
    assert statement.when == "4 mars 2025"
    assert statement.context.startswith("Intervention · Séance extraordinaire du comité · ")
    assert "Le cœur du problème" in statement.context
    (fact,) = search(store, "prefet")
    assert fact.parent_id == ids[SearchKind.DOSSIER]
    assert fact.when == "2 avril 2025" and "« Égalité professionnelle »" in fact.context
    (question,) = search(store, "teletravail")
    assert question.when == "1er février 2025"
    assert question.context == "Métropole de Rennes · En attente"


def test_nothing_typed_nothing_found_and_no_syntax_error(store: Store) -> None:
    one_of_each(store)
    assert search(store, "   ") == []
    assert search(store, "introuvable") == []
    assert search(store, '"œuvre* OR (NEAR') == search(store, "oeuvre near") == []
    assert [hit.kind for hit in search(store, '"œuvre*')] == [SearchKind.QUESTION]


def test_title_words_rank_first_and_each_kind_is_limited(store: Store) -> None:
    with store.session() as session:
        employer = Employer(name="Région")
        session.add(employer)
        session.flush()
        for day in range(1, 13):
            session.add(
                Meeting(
                    employer_id=employer.id,
                    kind="plenary",
                    title=f"CST n° {day}",
                    notes="Ordre du jour : le budget.",
                    starts_at=datetime(2025, 1, day, 9),
                )
            )
        session.add(
            Meeting(
                employer_id=employer.id,
                kind="plenary",
                title="Budget primitif",
                starts_at=datetime(2024, 1, 1, 9),
            )
        )
        session.flush()
        meeting_id = session.query(Meeting.id).first()
        assert meeting_id is not None
        session.add(Statement(meeting_id=meeting_id[0], kind="other", title="Budget", text=""))
        session.commit()
    hits = search(store, "budget")
    meetings = [hit for hit in hits if hit.kind is SearchKind.MEETING]
    assert len(meetings) == PER_KIND
    # In the title, although the oldest: first; then the most recent ones first.
    assert meetings[0].title == "Budget primitif"
    assert [hit.title for hit in meetings[1:3]] == ["CST n° 12", "CST n° 11"]
    assert hits[0].title in ("Budget", "Budget primitif")
