"""One AI tool as plain values: what `aiconsult list tools --json` prints and what the
register's exports (one row per tool) are made of. Sentences come from the domain
(`ToolStatus`), so every output says the same thing."""

from __future__ import annotations

from typing import Any

from aiconsult_desktop.domain.ai_status import ChecklistItem, ItemState
from aiconsult_desktop.services.ai_records import AiToolData


def item_phrase(item: ChecklistItem) -> str:
    """« Information du CST (non faite) »: an open item in a list."""
    return f"{item.rule.label} ({item.state.phrase(item.rule.feminine)})"


def open_items_text(tool: AiToolData) -> str:
    """The open items of a tool on one line, those known not done first."""
    assert tool.status is not None
    items = sorted(tool.status.open_items, key=lambda i: i.state is ItemState.UNKNOWN)
    return " ; ".join(item_phrase(i) for i in items)


def _item(item: ChecklistItem) -> dict[str, Any]:
    rule = item.rule
    return {
        "rule": rule.key,
        "label": rule.label,
        "state": item.state.value,
        "state_label": item.state.label,
        "on": item.on.isoformat() if item.on else None,
        "evidence": item.evidence,
        "note": item.note,
        "applies": item.applies,
        "derived": item.derived,
        "late": item.late,
        "open": item.open,
        "source": rule.source,
        "confidence": rule.confidence.value,
        "due": rule.due.value,
        "condition": rule.condition.value,
    }


def tool_summary(tool: AiToolData) -> dict[str, Any]:
    """Everything known about a tool and where it stands, as JSON-ready values."""
    status = tool.status
    assert status is not None
    return {
        "id": tool.id,
        "name": tool.name,
        "employer_id": tool.employer_id,
        "employer": tool.employer_name,
        "vendor": tool.vendor,
        "purpose": tool.purpose,
        "services": tool.services,
        "agents_count": tool.agents_count,
        "kind": tool.kind.value,
        "personal_data": tool.personal_data,
        "ai_class": tool.ai_class.value,
        "ai_class_reason": tool.ai_class_reason,
        "dossier_id": tool.dossier_id,
        "dossier": tool.dossier_title,
        "stage": status.stage.value if status.stage else None,
        "status": status.headline,
        "in_breach": status.in_breach,
        "questions": status.questions,
        "alerts": list(status.alerts),
        "sentences": status.sentences(),
        "events": [
            {
                "stage": e.stage.value,
                "on": e.on.isoformat(),
                "date_precision": e.precision.value,
                "when": e.when,
                "learned_from": e.learned_from.value,
                "meeting_id": e.meeting_id,
                "source": e.source,
            }
            for e in tool.events
        ],
        "open_items": [
            {"rule": i.rule.key, "label": i.rule.label, "state": i.state.value}
            for i in status.open_items
        ],
        "checklist": [_item(i) for i in status.items],
    }
