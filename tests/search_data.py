"""One item of each kind Ctrl+K finds, each named with accents or a ligature, and the
words that find it typed plainly and as written."""

from __future__ import annotations

from datetime import date, datetime

from aiconsult_desktop.services.search import SearchKind
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.ai_models import AiTool
from aiconsult_desktop.store.dossier_models import Fact
from aiconsult_desktop.store.models import Dossier, Employer, Meeting, Question, Statement

WORDS: dict[SearchKind, tuple[str, str]] = {
    SearchKind.QUESTION: ("oeuvre teletravail", "Œuvre TÉLÉTRAVAIL"),
    SearchKind.STATEMENT: ("sobriete", "Sobriété"),
    SearchKind.MEETING: ("seance extraordinaire", "Séance extraordinaire"),
    SearchKind.TOOL: ("aegide", "Ægide"),
    SearchKind.FACT: ("prefet recu", "préfet reçu"),
    SearchKind.DOSSIER: ("egalite", "Égalité"),
}
"""What finds each item: without accents or ligatures, then as the item writes it."""


def one_of_each(store: Store) -> dict[SearchKind, int]:
    """The ids of the items (a statement's meeting and a fact's dossier come along)."""
    with store.session() as session:
        employer = Employer(name="Métropole de Rennes")
        session.add(employer)
        session.flush()
        meeting = Meeting(
            employer_id=employer.id,
            kind="plenary",
            title="Séance extraordinaire du comité",
            starts_at=datetime(2025, 3, 4, 9, 30),
        )
        dossier = Dossier(title="Égalité professionnelle", description="Écarts de salaire")
        tool = AiTool(employer_id=employer.id, name="Ægide", vendor="Éditions Logicielles")
        session.add_all([meeting, dossier, tool])
        session.flush()
        question = Question(
            employer_id=employer.id,
            text="Quelle mise en œuvre du télétravail pour les agents ?",
            asked_on=date(2025, 2, 1),
        )
        statement = Statement(
            meeting_id=meeting.id,
            kind="intervention",
            title="Intervention sur la sobriété numérique",
            text="Le cœur du problème reste la consommation.",
        )
        fact = Fact(dossier_id=dossier.id, on=date(2025, 4, 2), title="Courrier du préfet reçu")
        session.add_all([question, statement, fact])
        session.commit()
        return {
            SearchKind.QUESTION: question.id,
            SearchKind.STATEMENT: statement.id,
            SearchKind.MEETING: meeting.id,
            SearchKind.TOOL: tool.id,
            SearchKind.FACT: fact.id,
            SearchKind.DOSSIER: dossier.id,
        }
