"""The pack for the minutes of one meeting, as the president's secretary files it.

It opens with what identifies the meeting (body, employer, date and place) and its agenda
in order; then the déclaration liminaire, read at the opening; then each statement under
its agenda item, in agenda order; then the questions put, asked again and answered at
that meeting, with their states. One Word document, in the same template as an
intervention. Sections follow one another without forced page breaks (headings keep
with their text, each signature with the end of its statement), so no page holds only a
heading or one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from aiconsult_desktop.domain.markdown_doc import Span
from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.export.docx_io import open_template, save_document
from aiconsult_desktop.export.intervention import InterventionWriter

AGENDA_HEADING = "Ordre du jour"
QUESTIONS_HEADING = "Questions diverses"
NO_QUESTIONS = "Aucune question n'a été posée, relancée ni répondue lors de cette réunion."
EMPTY_BODY = "(texte non rédigé)"


@dataclass(frozen=True)
class PackSection:
    heading: str
    """ "Déclaration liminaire", "Point 2 : Déploiement de l'IA", "Hors ordre du jour"."""
    statements: list[InterventionDocument]


@dataclass(frozen=True)
class PackQuestion:
    text: str
    status: str
    """ "posée le 15 mai 2025 ; sans réponse à ce jour" """


@dataclass(frozen=True)
class PackQuestionGroup:
    heading: str
    """ "Questions posées", "Questions relancées", "Réponses reçues"."""
    questions: list[PackQuestion]


@dataclass(frozen=True)
class MeetingPack:
    title: str
    """ "Déclarations CGT — CST du 5 juin 2025" """
    organisation_name: str
    details: list[str] = field(default_factory=list)
    """ "Instance : CST", "Employeur : …", "Date : 5 juin 2025, 9 h 30", "Lieu : …"."""
    agenda: list[str] = field(default_factory=list)
    sections: list[PackSection] = field(default_factory=list)
    question_groups: list[PackQuestionGroup] = field(default_factory=list)
    logo_path: Path | None = None


def write_meeting_pack(pack: MeetingPack, path: Path, template: Path | None = None) -> None:
    document = open_template(template)
    writer = InterventionWriter(document)
    writer.title(pack.title)
    for line in pack.details:
        label, _, value = line.partition(" : ")
        spans = (Span(f"{label} : ", bold=True), Span(value)) if value else (Span(line),)
        writer.paragraph(spans).alignment = WD_ALIGN_PARAGRAPH.CENTER
    if pack.agenda:
        writer.heading(1, AGENDA_HEADING)
        writer.numbered_list([(Span(item),) for item in pack.agenda])
    for section in pack.sections:
        writer.heading(1, section.heading)
        for statement in section.statements:
            if not statement.body.strip():
                statement = replace(statement, body=f"*{EMPTY_BODY}*")
            writer.write_statement(statement, in_pack=True, under=section.heading)
    writer.heading(1, QUESTIONS_HEADING)
    groups = [group for group in pack.question_groups if group.questions]
    if not groups:
        writer.paragraph((Span(NO_QUESTIONS),))
    for group in groups:
        writer.heading(2, group.heading)
        writer.numbered_list(
            [(Span(q.text), Span(f" — {q.status}", italic=True)) for q in group.questions]
        )
    writer.finish(pack.organisation_name, pack.title, pack.logo_path)
    save_document(document, path)
