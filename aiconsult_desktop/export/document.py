"""What an exported intervention contains, independent of where the data came from.

Services build an `InterventionDocument` from the store; the writers only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InterventionDocument:
    heading: str
    """Composed title in normal case, e.g. "Intervention CGT en CST du 5 juin 2025";
    the writer sets it in capitals."""
    body: str
    """The statement's Markdown (see `domain.markdown_doc`): one paragraph per line,
    lists, quotations, headings and footnotes (`mot[^1]` and `[^1]: texte de la note`)."""
    organisation_name: str
    """Letterhead and document author."""
    signature: str
    """"Les élu·es CGT au CST"."""
    place_date: str
    """"Nantes, le 5 juin 2025" (or only the date when no place is set)."""
    subtitle: str = ""
    excerpt: bool = False
    """Prints "Extrait" under the title when only part of the text is given."""
    logo_path: Path | None = None
    pending_questions: tuple[str, ...] = ()
    """Optional block after the body: "Question ? (posée le 15 mai 2025, sans réponse à
    ce jour)", one line per question, printed as a numbered list."""
