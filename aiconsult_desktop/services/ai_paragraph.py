"""The ready paragraph on one AI tool, for the statement being written (issue 10).

It states the facts with their dates (« La CGT constate que l'outil LigérIA a été
déployé le 12 juin 2025 sans que le CST ait rendu son avis… »), the duties known not to
have been met, the checklist items still open, the pending questions of the tool's
dossier, then the union's demands. Every ground is a real footnote whose text comes from
the legal grounds library (`services.legal_grounds`), falling back on the rule's own
source when a user removed the ground; the sentences about where the tool stands are the
domain's (`domain.ai_status`), so the paragraph says what the page and the CLI say.

The editor inserts the returned block model as it is (`insert_doc(..., as_blocks=True)`).
"""

from __future__ import annotations

from aiconsult_desktop.domain.ai_rules import CST_OPINION, Rule
from aiconsult_desktop.domain.ai_status import ChecklistItem, ItemState, ToolStatus
from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.domain.french import day_month_year, on_phrase
from aiconsult_desktop.domain.markdown_doc import (
    Block,
    BlockKind,
    MarkdownDoc,
    Span,
    normalise,
    to_markdown,
)
from aiconsult_desktop.services.ai_records import AiToolData, LifeEventData
from aiconsult_desktop.services.ai_register import get_tool
from aiconsult_desktop.services.legal_grounds import AI_TOOL_DEMANDS, grounds_by_label
from aiconsult_desktop.services.organisation import get_organisation
from aiconsult_desktop.services.statement_blocks import legal_note, open_states, questions_blocks
from aiconsult_desktop.services.statement_records import LegalGroundData
from aiconsult_desktop.store import Store

# How a union's short name opens a sentence; others are written as they are.
_WITH_ARTICLE = {
    "CGT": "La CGT",
    "CFDT": "La CFDT",
    "FSU": "La FSU",
    "CFTC": "La CFTC",
    "CFE-CGC": "La CFE-CGC",
    "UNSA": "L'UNSA",
}

_PAST = {
    LifeStage.ANNOUNCED: "annoncé",
    LifeStage.EXPERIMENTED: "expérimenté",
    LifeStage.DEPLOYED: "déployé",
    LifeStage.SUSPENDED: "suspendu",
    LifeStage.ABANDONED: "abandonné",
}


def subject(short_name: str) -> tuple[str, bool]:
    """Who speaks, and whether the verb is plural: (« La CGT », False)."""
    short = short_name.strip()
    if not short:
        return "Les représentant·es du personnel", True
    return _WITH_ARTICLE.get(short.upper(), short), False


class _Notes:
    """Footnotes of one paragraph: a ground is cited once, at its first mention."""

    def __init__(self, grounds: dict[str, LegalGroundData]) -> None:
        self.grounds = grounds
        self.cited: set[str] = set()

    def _once(self, key: str, text: tuple[Span, ...]) -> tuple[Span, ...]:
        if key in self.cited:
            return ()
        self.cited.add(key)
        return (Span(note=text),)

    def for_rule(self, rule: Rule) -> tuple[Span, ...]:
        ground = self.grounds.get(rule.ground)
        if ground is not None:
            return self._once(ground.label, legal_note(ground))
        return self._once(rule.source, (Span(rule.source),))

    def for_ground(self, label: str) -> tuple[Span, ...]:
        ground = self.grounds.get(label)
        return self._once(label, legal_note(ground)) if ground else ()


def _step(event: LifeEventData) -> str:
    month_only = event.precision.value == "month"
    where = event.source or event.meeting_title
    return f"{_PAST[event.stage]} {on_phrase(event.on, month_only)}" + (
        f" ({where})" if where else ""
    )


def _facts(
    tool: AiToolData, status: ToolStatus, who: str, plural: bool, notes: _Notes
) -> list[Span]:
    verb = "constatent" if plural else "constate"
    if not tool.events:
        return [
            Span(f"{who} {verb} que l'employeur n'a donné aucune date pour l'outil {tool.name}.")
        ]
    steps = [_step(e) for e in tool.events]
    told = steps[0] if len(steps) == 1 else ", ".join(steps[:-1]) + " puis " + steps[-1]
    spans = [Span(f"{who} {verb} que l'outil {tool.name} ({tool.employer_name}) a été {told}")]
    named = next((i for i in status.items if i.rule.key == status.named_key), None)
    if named is not None and (named.state.failed or named.state is ItemState.DONE):
        cst = (
            "le CST ait rendu son avis"
            if named.rule.key == CST_OPINION
            else "le CST en ait été informé"
        )
        if named.state is ItemState.DONE and named.on is not None:
            spans.append(Span(f", avant que {cst} (le {day_month_year(named.on)})"))
        else:
            spans.append(Span(f", sans que {cst}"))
        spans.extend(notes.for_rule(named.rule))
    spans.append(Span("."))
    return spans


def _item_line(item: ChecklistItem, notes: _Notes) -> tuple[Span, ...]:
    """One open item; its state only when known (« non fait », « partiel »…)."""
    known = item.state is not ItemState.UNKNOWN
    text = item.rule.label + (f" : {item.state.phrase(item.rule.feminine)}" if known else "")
    spans = [Span(text)]
    if item.evidence:
        spans.append(Span(f" ({item.evidence})"))
    if item.rule.binding:
        spans.extend(notes.for_rule(item.rule))
    return tuple(spans)


def tool_paragraph(store: Store, tool_id: int) -> MarkdownDoc:
    """The paragraph on a tool as blocks (see the module docstring)."""
    from aiconsult_desktop.services.questions import list_questions

    tool = get_tool(store, tool_id)
    status = tool.status
    assert status is not None
    notes = _Notes(grounds_by_label(store))
    who, plural = subject(get_organisation(store).short_name)
    blocks = [Block(BlockKind.PARAGRAPH, tuple(_facts(tool, status, who, plural, notes)))]
    for item in status.items:
        if item.breach and item.rule.key != status.named_key:
            blocks.append(
                Block(
                    BlockKind.PARAGRAPH,
                    (Span(item.sentence()), *notes.for_rule(item.rule), Span(".")),
                )
            )
    still = [i for i in status.open_items if not i.breach]
    if still:
        blocks.append(Block(BlockKind.PARAGRAPH, (Span("Restent à obtenir ou à établir :"),)))
        blocks += [Block(BlockKind.BULLET, _item_line(i, notes)) for i in still]
    if tool.dossier_id is not None:
        pending = list_questions(
            store, employer_id=tool.employer_id, dossier_id=tool.dossier_id, states=open_states()
        )
        if pending:
            intro = f"{status.questions} :"
            blocks.append(Block(BlockKind.PARAGRAPH, (Span(intro),)))
            blocks += list(questions_blocks(pending).blocks)
    running = status.stage is not None and status.stage.running
    demands = [
        (text, label)
        for text, label, when_running in AI_TOOL_DEMANDS
        if running or not when_running
    ]
    if demands:
        blocks.append(
            Block(BlockKind.PARAGRAPH, (Span(f"{who} {'demandent' if plural else 'demande'} :"),))
        )
        for text, label in demands:
            blocks.append(Block(BlockKind.BULLET, (Span(text), *notes.for_ground(label))))
    return normalise(MarkdownDoc(tuple(blocks)))


def tool_paragraph_markdown(store: Store, tool_id: int) -> str:
    """The same paragraph in the statements' Markdown dialect (footnotes `[^1]`)."""
    return to_markdown(tool_paragraph(store, tool_id))
