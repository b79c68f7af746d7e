"""The pack for the minutes of one meeting: the organisation's statements in agenda
order, each under its agenda item, then the questions put at that meeting with the
answers received. One Word document, in the same template as an intervention."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from aiconsult_desktop.domain.markdown_doc import Span
from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.export.docx_io import open_template, save_document
from aiconsult_desktop.export.intervention import InterventionWriter

QUESTIONS_HEADING = "Questions posées lors de la réunion"
NO_QUESTIONS = "Aucune question n'a été enregistrée pour cette réunion."
EMPTY_BODY = "(texte non rédigé)"


@dataclass(frozen=True)
class PackEntry:
    agenda_heading: str
    """ "Point 2 : Déploiement de l'IA", or "Hors ordre du jour"."""
    statement: InterventionDocument


@dataclass(frozen=True)
class PackQuestion:
    text: str
    asked: str
    """ "posée le 15 mai 2025" """
    answer: str
    """The answer received, or "sans réponse à ce jour"."""


@dataclass(frozen=True)
class MeetingPack:
    title: str
    """ "Déclarations CGT — CST du 5 juin 2025" """
    organisation_name: str
    entries: list[PackEntry] = field(default_factory=list)
    questions: list[PackQuestion] = field(default_factory=list)
    logo_path: Path | None = None


def write_meeting_pack(pack: MeetingPack, path: Path, template: Path | None = None) -> None:
    document = open_template(template)
    writer = InterventionWriter(document)
    writer.title(pack.title)
    previous_heading = None
    for index, entry in enumerate(pack.entries):
        if entry.agenda_heading != previous_heading:
            writer.heading(1, entry.agenda_heading, new_page=index > 0)
            previous_heading = entry.agenda_heading
        statement = entry.statement
        if not statement.body.strip():
            statement = replace(statement, body=f"*{EMPTY_BODY}*")
        writer.write_statement(statement, in_pack=True)
    writer.heading(1, QUESTIONS_HEADING, new_page=bool(pack.entries))
    if pack.questions:
        writer.numbered_list(
            [
                (
                    Span(f"{q.text} ({q.asked})"),
                    Span(" Réponse : ", bold=True),
                    Span(q.answer),
                )
                for q in pack.questions
            ]
        )
    else:
        writer.paragraph((Span(NO_QUESTIONS),))
    writer.finish(pack.organisation_name, pack.title, pack.logo_path)
    save_document(document, path)
