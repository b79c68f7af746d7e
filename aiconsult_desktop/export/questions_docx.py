"""Word document "Questions restées sans réponse" for one employer.

Same letterhead, header, footer and metadata as the interventions (the intervention
writer fills them); the body lists the questions grouped by dossier, numbered within each
dossier, each with the date first asked, its relances and its state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from aiconsult_desktop.domain.markdown_doc import Span
from aiconsult_desktop.export.docx_io import open_template, save_document
from aiconsult_desktop.export.docx_text import clean_for_docx
from aiconsult_desktop.export.intervention import InterventionWriter


@dataclass
class ListedQuestion:
    number: int
    text: str
    status: str
    """ "Posée le 15 mai 2025 ; relancée le 5 juin 2025 ; sans réponse à ce jour"."""


@dataclass
class QuestionGroup:
    title: str
    questions: list[ListedQuestion] = field(default_factory=list)


@dataclass
class QuestionsDocument:
    heading: str
    subtitle: str
    groups: list[QuestionGroup]
    organisation_name: str
    place_date: str
    signature: str
    logo_path: Path | None = None


def write_questions(doc: QuestionsDocument, path: Path, template: Path | None = None) -> None:
    """Through the intervention writer: same letterhead, styles, footer and properties."""
    document = open_template(template)
    writer = InterventionWriter(document)
    writer.title(doc.heading)
    if doc.subtitle:
        writer.paragraph((Span(doc.subtitle, italic=True),)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    last = None
    if not any(group.questions for group in doc.groups):
        last = writer.paragraph((Span("Aucune question ne reste sans réponse."),))
    for group in doc.groups:
        if not group.questions:
            continue
        writer.heading(1, group.title)
        last = writer.numbered_list(
            [
                (Span(clean_for_docx(q.text)), Span(f" — {q.status}", italic=True))
                for q in group.questions
            ]
        )
    writer.sign(doc.signature, doc.place_date, after=last)
    writer.finish(doc.organisation_name, doc.heading.upper(), doc.logo_path)
    save_document(document, path)
