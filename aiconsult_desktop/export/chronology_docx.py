"""Word export of a dossier's chronology (issue 11), in the form of seed 001.

One dated heading in capitals per entry, in date order; under a meeting « Éléments
portés par la CGT » (the organisation's short name from Paramètres) and its questions
numbered; interventions as « Extrait » between « »; facts with their quoted extract and
source; the employer's silence in bold; then what is still due and the dossier's
analysis and demand, its legal grounds as real footnotes. Same letterhead, page n / N
footer and document properties as every export (the intervention writer fills them).
The sentences are `domain.chronology`'s, word for word: this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from aiconsult_desktop.domain.chronology import EMPTY_SENTENCE, Chronology, Entry, EntryKind
from aiconsult_desktop.domain.markdown_doc import Span
from aiconsult_desktop.export.docx_io import open_template, save_document
from aiconsult_desktop.export.docx_text import clean_for_docx, one_line_for_docx
from aiconsult_desktop.export.intervention import EXCERPT_MENTION, InterventionWriter

DUE_HEADING = "Ce qui reste dû à ce jour"
ANALYSIS_HEADING = "Analyse et revendication"


@dataclass
class ChronologyDocument:
    chronology: Chronology
    subtitle: str
    """« Chronologie au 1er décembre 2026, du 1er janvier 2025 au 30 juin 2025 »."""
    logo_path: Path | None = None


def write_chronology(doc: ChronologyDocument, path: Path, template: Path | None = None) -> None:
    document = open_template(template)
    writer = InterventionWriter(document)
    chronology = doc.chronology
    writer.title(chronology.dossier)
    for line in (chronology.title_line(), doc.subtitle):
        paragraph = writer.paragraph((Span(one_line_for_docx(line), italic=True),))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if chronology.empty:
        writer.paragraph((Span(EMPTY_SENTENCE, bold=True),))
    for entry in chronology.entries:
        _entry(writer, entry, chronology.organisation)
    if chronology.due:
        writer.heading(1, DUE_HEADING.upper())
        for due in chronology.due:
            writer.write_body("- " + _escape(one_line_for_docx(due.text)))
    if chronology.analysis.strip():
        heading = f"{ANALYSIS_HEADING} de la {chronology.organisation}".strip()
        writer.heading(1, heading.upper() if chronology.organisation else ANALYSIS_HEADING.upper())
        writer.write_body(clean_for_docx(chronology.analysis))
    title = f"Chronologie du dossier « {chronology.dossier} »"
    writer.finish(chronology.organisation_name, title, doc.logo_path)
    save_document(document, path)


def _entry(writer: InterventionWriter, entry: Entry, organisation: str) -> None:
    writer.heading(1, entry.heading)
    for line in entry.notes.splitlines():
        if line.strip():
            writer.paragraph((Span(one_line_for_docx(line)),))
    if entry.kind is EntryKind.MEETING:
        _meeting(writer, entry, organisation)
    elif entry.kind is EntryKind.FACT:
        _fact(writer, entry)
    for line in entry.events:
        writer.write_body("- " + _escape(one_line_for_docx(line)))
    if entry.silence:
        writer.paragraph((Span(entry.silence, bold=True),))


def _meeting(writer: InterventionWriter, entry: Entry, organisation: str) -> None:
    carried = [s for s in entry.statements if not s.intervention]
    if carried:
        writer.heading(2, f"Éléments portés par la {organisation}".strip())
        for part in carried:
            if part.excerpt:
                writer.paragraph((Span(EXCERPT_MENTION, italic=True),))
            writer.write_body(clean_for_docx(part.text))
    for part in entry.statements:
        if part.intervention:
            writer.paragraph((Span(EXCERPT_MENTION, italic=True),))
            writer.write_body(_quoted(clean_for_docx(part.text)))
    if entry.questions:
        writer.heading(2, f"Questions posées par la {organisation}".strip())
        writer.numbered_list(
            [
                (Span(one_line_for_docx(q.text)), Span(f" — {q.state}", italic=True))
                for q in entry.questions
            ]
        )


def _fact(writer: InterventionWriter, entry: Entry) -> None:
    for paragraph in clean_for_docx(entry.extract).split("\n"):
        if paragraph.strip():
            writer.paragraph((Span(_quoted(paragraph.strip())),))
    if entry.source.strip():
        writer.paragraph((Span(f"Source : {one_line_for_docx(entry.source)}", italic=True),))
    if entry.comment.strip():
        writer.write_body(clean_for_docx(entry.comment))


def _quoted(text: str) -> str:
    """Between « » unless the text already opens and closes with them."""
    text = text.strip()
    if text.startswith("«") and text.endswith("»"):
        return text
    return f"« {text} »"


def _escape(text: str) -> str:
    """A line of ours written through the Markdown reader: its signs stay text."""
    for sign in ("\\", "*", "_", "[", "]", "`", "<"):
        text = text.replace(sign, "\\" + sign)
    return text
