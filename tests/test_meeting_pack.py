"""The meeting pack as the president's secretary reads it: particulars and agenda first,
the déclaration liminaire at the opening, each statement under its agenda item, then the
questions of the meeting; no page with only a heading or one line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest

from aiconsult_desktop.domain.enums import AgendaItemKind, StatementKind
from aiconsult_desktop.domain.question_state import Channel, EventKind
from aiconsult_desktop.services import meetings, question_events, questions, statements
from aiconsult_desktop.services.pack_export import export_meeting_pack
from aiconsult_desktop.services.records import AgendaItemData, QuestionEventData, StatementData
from aiconsult_desktop.store import Store
from tests.helpers import plain
from tests.rendering import rendered_pages

JUNE = 5  # the demo's « CST du 5 juin 2025 »
AGENDA = [
    "Approbation du procès-verbal de la séance du 15 mai 2025",
    "Déploiement de l'assistant d'IA LigérIA",
    "Lignes directrices de gestion",
]


def _june_meeting(store: Store) -> None:
    """The demo's June CST with an agenda, an opening statement, a statement on item 3
    written before the one on item 2, and questions asked again and answered there."""
    meeting = meetings.get_meeting(store, JUNE)
    items = [
        AgendaItemData(title, AgendaItemKind.OPINION if n == 2 else AgendaItemKind.INFORMATION, n)
        for n, title in enumerate(AGENDA, start=1)
    ]
    meeting = meetings.save_meeting(store, replace(meeting, agenda=items, place="Hôtel de Région"))
    by_position = {item.position: item.id for item in meeting.agenda}
    statements.save_statement(
        store,
        StatementData(
            JUNE,
            StatementKind.INTERVENTION,
            "Lignes directrices",
            "Nous demandons un bilan des lignes directrices.",
            agenda_item_id=by_position[3],
        ),
    )
    statements.save_statement(
        store,
        StatementData(
            JUNE,
            StatementKind.OPENING,
            "Déclaration liminaire",
            # Its salutation is its first paragraph, as the editor starts a new one.
            "Monsieur le Président, Mesdames et Messieurs les membres du comité,\n"
            "Nous ouvrons cette séance en rappelant nos questions sans réponse.",
        ),
    )
    existing = statements.get_statement(store, 5)
    statements.save_statement(store, replace(existing, agenda_item_id=by_position[2]))
    pending = questions.list_questions(store)
    question_events.mark_asked_again(store, [pending[0].id, pending[1].id], JUNE, date(2025, 6, 5))  # type: ignore[list-item]
    question_events.save_event(
        store,
        QuestionEventData(
            question_id=pending[1].id or 0,
            kind=EventKind.ANSWERED,
            on=date(2025, 6, 5),
            meeting_id=JUNE,
            channel=Channel.MEETING,
            text="Le CST sera consulté en septembre.",
        ),
    )


def test_the_pack_follows_the_meeting(demo_store: Store, tmp_path: Path) -> None:
    _june_meeting(demo_store)
    path = export_meeting_pack(demo_store, JUNE, tmp_path / "pack.docx")
    texts = [plain(p.text) for p in docx.Document(str(path)).paragraphs if p.text.strip()]

    assert texts[0] == "DÉCLARATIONS CGT — CST DU 5 JUIN 2025"
    assert texts[1:5] == [
        "Instance : CST",
        "Employeur : Région des Pays de la Loire",
        "Date : 5 juin 2025, 9 h 30",
        "Lieu : Hôtel de Région",
    ]
    assert texts[5] == "Ordre du jour"
    assert texts[6:9] == [
        f"{AGENDA[0]} (pour information)",
        f"{AGENDA[1]} (pour avis)",
        f"{AGENDA[2]} (pour information)",
    ]
    sections = [f"Point 2 : {AGENDA[1]}", f"Point 3 : {AGENDA[2]}"]
    sections += ["Questions diverses", "Questions relancées", "Réponses reçues"]
    opening = texts.index("Déclaration liminaire")
    assert opening < texts.index(
        "Nous ouvrons cette séance en rappelant nos questions sans réponse."
    )
    assert [texts.index(heading) for heading in sections] == sorted(
        texts.index(heading) for heading in sections
    )
    assert opening < texts.index(sections[0])
    assert "Hors ordre du jour" not in texts and "Questions posées" not in texts
    assert texts.index("Nous demandons un bilan des lignes directrices.") > texts.index(sections[1])
    answered = texts[texts.index("Réponses reçues") + 1]
    assert answered.endswith("réponse : « Le CST sera consulté en septembre. »")
    assert "relancée le 5 juin 2025" in texts[texts.index("Questions relancées") + 1]
    assert texts.count("Nantes, le 5 juin 2025") == 3  # every statement signed the day read


@pytest.mark.libreoffice
def test_libreoffice_pack_pages_hold_more_than_a_heading(
    demo_store: Store, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    _june_meeting(demo_store)
    path = export_meeting_pack(demo_store, JUNE, tmp_path / "pack.docx")
    pages = rendered_pages(soffice, pdftotext, path, tmp_path)
    text = " ".join(pages)
    positions = [
        text.index(heading)
        for heading in (
            "Ordre du jour 1.",
            "Déclaration liminaire Monsieur le Président",
            f"Point 2 : {AGENDA[1]}",
            f"Point 3 : {AGENDA[2]}",
            "Questions diverses",
        )
    ]
    assert positions == sorted(positions)
    for number, page in enumerate(pages, start=1):
        body = page.replace("CGT Région des Pays de la Loire", "", 1)
        body = body.replace(f"Page {number} / {len(pages)}", "")
        assert len(body.split()) > 12, page
