"""Exporting the AI tools register (issue 10): one tool's « Fiche outil » (.docx, .pdf
through LibreOffice) and the whole register (.xlsx, .csv, one row per tool with its open
items, formula-safe as the questions register). One entry point each, chosen by the
file's extension: the GUI and `aiconsult export tool/tools` go through them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiconsult_desktop.domain.ai_status import ChecklistItem
from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.domain.markdown_doc import Block, BlockKind, MarkdownDoc, Span, normalise
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.services.ai_records import AiToolData
from aiconsult_desktop.services.ai_register import get_tool, list_tools, meeting_label
from aiconsult_desktop.services.ai_summary import open_items_text
from aiconsult_desktop.services.backups import check_output
from aiconsult_desktop.services.document_export import write_document
from aiconsult_desktop.services.employers import find_employer
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.statement_blocks import open_states, questions_blocks
from aiconsult_desktop.store import Store

SHEET_FORMATS = (".docx", ".pdf")
REGISTER_FORMATS = (".csv", ".xlsx")
REGISTER_HEADERS = [
    "N°",
    "Employeur",
    "Outil",
    "Éditeur ou prestataire",
    "Finalité",
    "Services concernés",
    "Agents concernés",
    "Type",
    "Données personnelles",
    "Classement AI Act",
    "Motif du classement",
    "Dossier",
    "Étape",
    "Où en est l'outil",
    "En infraction",
    "Questions sans réponse",
    "Alertes",
    "Éléments ouverts",
    "Détail des éléments ouverts",
    "Historique",
]


def _yes_no(value: bool | None) -> str:
    return "non renseigné" if value is None else ("oui" if value else "non")


def _heading(text: str) -> Block:
    return Block(BlockKind.HEADING, (Span(text),), level=1)


def _para(text: str, *, italic: bool = False) -> Block:
    return Block(BlockKind.PARAGRAPH, (Span(text, italic=italic),))


def _item_line(item: ChecklistItem) -> tuple[Span, ...]:
    """« Avis du CST avant le déploiement : refusé par l'employeur (15 mai 2025) »,
    then its evidence, note, source and our confidence."""
    state = item.state.phrase(item.rule.feminine)
    if item.on is not None:
        state += f" ({day_month_year(item.on)})"
    if item.derived:
        state += ", d'après le vote enregistré"
    details = [f"preuve : {item.evidence}"] if item.evidence else []
    details += [item.note] if item.note else []
    details.append(f"source : {item.rule.source} ; fiabilité : {item.rule.confidence.label}")
    return (
        Span(f"{item.rule.label} : ", bold=True),
        Span(state),
        Span(" — " + " — ".join(details), italic=True),
    )


def _meetings(store: Store, tool: AiToolData) -> list[str]:
    """The meetings where the tool was discussed: its dossier's, its linked agenda
    items', and those its life and checklist name, in date order."""
    from aiconsult_desktop.services.meetings import list_meetings

    named = {e.meeting_id for e in tool.events} | {i.meeting_id for i in tool.items}
    lines = []
    for meeting in list_meetings(store, tool.employer_id):
        linked = any(item.id in tool.agenda_item_ids for item in meeting.agenda)
        if (
            (tool.dossier_id and meeting.dossier_id == tool.dossier_id)
            or linked
            or (meeting.id in named)
        ):
            lines.append(meeting_label(meeting.title, meeting.starts_at, meeting.month_only))
    return lines


def tool_sheet_body(store: Store, tool: AiToolData) -> MarkdownDoc:
    """The fiche's body: where the tool stands, what it is, its life, its checklist,
    its pending questions, the meetings where it was discussed."""
    status = tool.status
    assert status is not None
    blocks = [_heading("Où en est l'outil")]
    blocks += [_para(sentence) for sentence in status.sentences()]
    blocks.append(_heading("Description"))
    for label, value in (
        ("Employeur", tool.employer_name),
        ("Éditeur ou prestataire", tool.vendor or "non renseigné"),
        ("Finalité", tool.purpose or "non renseignée"),
        ("Services concernés", tool.services or "non renseignés"),
        ("Agents concernés", str(tool.agents_count) if tool.agents_count else "non renseigné"),
        ("Type", tool.kind.label),
        ("Données personnelles", _yes_no(tool.personal_data)),
        (
            "Classement AI Act",
            tool.ai_class.label + (f" ({tool.ai_class_reason})" if tool.ai_class_reason else ""),
        ),
        ("Dossier", tool.dossier_title or "aucun"),
    ):
        blocks.append(Block(BlockKind.BULLET, (Span(f"{label} : ", bold=True), Span(value))))
    if tool.notes:
        blocks += [_para(line) for line in tool.notes.splitlines() if line.strip()]
    blocks.append(_heading("Historique"))
    if not tool.events:
        blocks.append(_para("Aucune étape connue."))
    for event in tool.events:
        where = event.source or event.meeting_title or event.learned_from.label
        blocks.append(
            Block(
                BlockKind.BULLET,
                (Span(f"{event.stage.label} : ", bold=True), Span(f"{event.when} — {where}")),
            )
        )
    blocks.append(_heading("Consultation due : suivi des obligations"))
    applying = [i for i in status.items if i.applies]
    blocks += [Block(BlockKind.BULLET, _item_line(i)) for i in applying]
    others = [i.rule.label for i in status.items if not i.applies]
    if others:
        blocks.append(_para("Sans objet pour cet outil : " + " ; ".join(others) + ".", italic=True))
    if tool.dossier_id is not None:
        from aiconsult_desktop.services.questions import list_questions

        pending = list_questions(
            store, employer_id=tool.employer_id, dossier_id=tool.dossier_id, states=open_states()
        )
        if pending:
            blocks.append(_heading("Questions en attente de réponse"))
            blocks += list(questions_blocks(pending).blocks)
    meetings = _meetings(store, tool)
    if meetings:
        blocks.append(_heading("Réunions où l'outil a été évoqué"))
        blocks += [Block(BlockKind.BULLET, (Span(m),)) for m in meetings]
    return normalise(MarkdownDoc(tuple(blocks)))


def export_tool(
    store: Store,
    tool_id: int,
    target: Path,
    *,
    template: Path | None = None,
    today: date | None = None,
) -> Path:
    """Write the « Fiche outil » at `target` (.docx, or .pdf through LibreOffice)."""
    check_output(store, target)
    suffix = target.suffix.lower()
    if suffix not in SHEET_FORMATS:
        raise UserError(
            f"Format « {target.suffix or target.name} » inconnu pour une fiche outil : "
            "choisissez un fichier .docx (Word) ou .pdf."
        )
    tool = get_tool(store, tool_id)
    organisation = get_organisation(store)
    from aiconsult_desktop.export.tool_docx import ToolSheet, write_tool_sheet

    sheet = ToolSheet(
        heading=f"Fiche outil : {tool.name}",
        subtitle=f"{tool.employer_name} — état au {day_month_year(today or date.today())}",
        body=tool_sheet_body(store, tool),
        organisation_name=organisation.name,
        logo_path=Path(organisation.logo_path) if organisation.logo_path else None,
    )
    # Word, or PDF through LibreOffice with the organisation in its properties.
    return write_document(target, lambda path: write_tool_sheet(sheet, path, template))


def register_rows(tools: list[AiToolData]) -> list[list[object]]:
    """One row per tool, in `REGISTER_HEADERS` order."""
    rows: list[list[object]] = []
    for tool in tools:
        status = tool.status
        assert status is not None
        history = "\n".join(
            f"{e.when} : {e.stage.label}"
            + (f" ({e.source or e.meeting_title})" if e.source or e.meeting_title else "")
            for e in tool.events
        )
        rows.append(
            [
                tool.id,
                tool.employer_name,
                tool.name,
                tool.vendor,
                tool.purpose,
                tool.services,
                tool.agents_count,
                tool.kind.label,
                _yes_no(tool.personal_data),
                tool.ai_class.label,
                tool.ai_class_reason,
                tool.dossier_title,
                status.stage.label if status.stage else "",
                status.headline,
                "oui" if status.in_breach else "non",
                status.questions or "",
                "\n".join(status.alerts),
                len(status.open_items),
                open_items_text(tool),
                history,
            ]
        )
    return rows


def export_tools(store: Store, target: Path, *, employer_name: str | None = None) -> Path:
    """Write the register at `target` (.xlsx or .csv), one employer or all."""
    check_output(store, target)
    suffix = target.suffix.lower()
    if suffix not in REGISTER_FORMATS:
        raise UserError(
            f"Format « {target.suffix or target.name} » inconnu pour le registre des outils "
            "d'IA : choisissez un fichier .xlsx ou .csv (tableur)."
        )
    employer = find_employer(store, employer_name) if employer_name else None
    rows = register_rows(list_tools(store, employer_id=employer.id if employer else None))
    from aiconsult_desktop.export.docx_metadata import APPLICATION
    from aiconsult_desktop.export.tables import write_csv, write_xlsx

    if suffix == ".csv":
        write_csv(target, REGISTER_HEADERS, rows)  # type: ignore[arg-type]
    else:
        author = get_organisation(store).name or APPLICATION
        write_xlsx(target, "Outils d'IA", REGISTER_HEADERS, rows, author=author)  # type: ignore[arg-type]
    return target
