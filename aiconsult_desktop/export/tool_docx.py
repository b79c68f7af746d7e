"""Word « Fiche outil » of one AI tool (issue 10).

Same letterhead, header, footer and document properties as the interventions (the
intervention writer fills them). The body comes ready as blocks (headings, paragraphs,
lists, footnotes) built by `services.ai_exports`: this module only lays them out, so the
sentences are the domain's, word for word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from aiconsult_desktop.domain.markdown_doc import MarkdownDoc, Span, to_markdown
from aiconsult_desktop.export.docx_io import open_template, save_document
from aiconsult_desktop.export.intervention import InterventionWriter


@dataclass
class ToolSheet:
    heading: str
    """ "Fiche outil : LigérIA"."""
    subtitle: str
    """ "Région des Pays de la Loire — état au 1er juillet 2025"."""
    body: MarkdownDoc
    organisation_name: str
    logo_path: Path | None = None


def write_tool_sheet(sheet: ToolSheet, path: Path, template: Path | None = None) -> None:
    document = open_template(template)
    writer = InterventionWriter(document)
    writer.title(sheet.heading)
    if sheet.subtitle:
        writer.paragraph((Span(sheet.subtitle, italic=True),)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    writer.write_body(to_markdown(sheet.body))
    writer.finish(sheet.organisation_name, sheet.heading.upper(), sheet.logo_path)
    save_document(document, path)
