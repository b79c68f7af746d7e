"""`aiconsult export dossier` and the Dossiers page's export: the chronology as Word or
PDF (through `services.document_export`, like every document)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.services.backups import check_output
from aiconsult_desktop.services.chronology import Filters, dossier_chronology
from aiconsult_desktop.services.document_export import checked_target, write_document
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.store import Store


def period_phrase(start: date | None, end: date | None) -> str:
    if start and end:
        return f", du {day_month_year(start)} au {day_month_year(end)}"
    if start:
        return f", depuis le {day_month_year(start)}"
    if end:
        return f", jusqu'au {day_month_year(end)}"
    return ""


def export_dossier(
    store: Store,
    dossier_id: int,
    target: Path,
    filters: Filters | None = None,
    *,
    template: Path | None = None,
    today: date | None = None,
) -> Path:
    """Write the dossier's chronology at `target` (.docx, or .pdf through LibreOffice);
    the path written. An empty dossier gives a document that says so."""
    from aiconsult_desktop.export.chronology_docx import ChronologyDocument, write_chronology

    check_output(store, target)  # never the base's own files
    checked_target(target)
    filters = filters or Filters()
    today = today or date.today()
    chronology = dossier_chronology(store, dossier_id, filters, today)
    organisation = get_organisation(store)
    subtitle = f"Chronologie au {day_month_year(today)}" + period_phrase(filters.start, filters.end)
    document = ChronologyDocument(
        chronology,
        subtitle,
        Path(organisation.logo_path) if organisation.logo_path else None,
    )
    return write_document(target, lambda path: write_chronology(document, path, template))
