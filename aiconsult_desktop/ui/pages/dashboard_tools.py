"""The dashboard's card for the AI tools running without the opinion or information
they owe (issue 10): the tools « en infraction », each with the sentences the domain
computes for it (the same words as the « Outils d'IA » page, the CLI and the fiche)."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout

from aiconsult_desktop.services.ai_records import AiToolData
from aiconsult_desktop.ui.pages.dashboard_cards import Card, link_button, text_label

TOOLS_SHOWN = 4
TITLE = "Outils d'IA utilisés sans l'avis ou l'information dus"


def tools_card(open_tool: Callable[[int | None], None]) -> Card:
    card = Card(TITLE)
    card.footer.addWidget(
        link_button(
            "Tous les ou&tils d'IA",
            "Ouvrir la page Outils d'IA (Ctrl+5)",
            lambda: open_tool(None),
        )
    )
    card.footer.addStretch(1)
    return card


def fill_tools(
    card: Card, tools: list[AiToolData], open_tool: Callable[[int | None], None]
) -> None:
    """One row per tool in breach: name and employer, then where it stands; hidden when
    every tool followed has what it owes (or none is followed)."""
    card.clear()
    card.setVisible(bool(tools))
    for tool in tools[:TOOLS_SHOWN]:
        status = tool.status
        if status is None:
            continue
        row = QHBoxLayout()
        row.setSpacing(12)
        lines = [f"<b>{html.escape(tool.name)}</b> — {html.escape(tool.employer_name)}"]
        lines.append(
            f"<span style='color: #b33a1b; font-weight: 600'>"
            f"{html.escape(status.sentences()[0])}</span>"
        )
        lines += [html.escape(s, quote=False) for s in status.sentences()[1:]]
        label = text_label("<br>".join(lines), rich=True)
        label.setObjectName("toolInBreach")
        row.addWidget(label, 1)
        row.addWidget(
            link_button("Voir", f"Ouvrir la fiche de {tool.name}", partial(open_tool, tool.id)),
            0,
            Qt.AlignmentFlag.AlignVCenter,
        )
        card.body.addLayout(row)
    rest = len(tools) - TOOLS_SHOWN
    if rest > 0:
        more = f"Et {rest} autre{'s' if rest > 1 else ''} (« Tous les outils d'IA »)."
        card.body.addWidget(text_label(more, muted=True))
