"""The AI tools register in the JSON dump (format version 2, issue 10).

`transfer` carries the five tables column by column like every other; this module adds
what a file must not bring in although its columns have the right types: a step of a
tool's life in the future or a deployment before its announcement, an item « fait »
without a date, a rule with no label or no source. The same domain checks as the forms,
so every tool a load accepts can be opened and saved again unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.ai_rules import check_rule
from aiconsult_desktop.domain.ai_status import ItemRecord, ItemState, check_record
from aiconsult_desktop.domain.ai_tools import check_events
from aiconsult_desktop.domain.enums import DatePrecision
from aiconsult_desktop.domain.text import clean_line
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services.ai_rules import to_rule
from aiconsult_desktop.services.ai_tools import to_life_event
from aiconsult_desktop.store.ai_models import AiRule, AiTool, AiToolEvent, AiToolItem


def check_loaded_ai(session: Session, source: str, today: date | None = None) -> None:
    """Refuse the whole file, naming the tool or the rule, if one breaks the forms' rules."""
    today = today or date.today()
    events: dict[int, list[AiToolEvent]] = defaultdict(list)
    for event in session.scalars(select(AiToolEvent)):
        events[event.tool_id].append(event)
    for tool in session.scalars(select(AiTool)):
        where = f"{source}, outil d'IA « {tool.name} » (n° {tool.id})"
        try:
            if not clean_line(tool.name):
                raise ValidationError("le nom de l'outil est vide.")
            for event in events[tool.id]:
                if event.date_precision == DatePrecision.MONTH.value and event.on.day != 1:
                    raise ValidationError(
                        f"l'étape datée du mois seul ({event.on.isoformat()}) doit l'être "
                        "au 1er du mois."
                    )
            check_events([to_life_event(e) for e in events[tool.id]], today)
        except ValidationError as error:
            raise UserError(f"{where} : {error.message} Rien n'a été chargé.") from error
    for item in session.scalars(select(AiToolItem)):
        try:
            if item.state == ItemState.UNKNOWN.value:
                raise ValidationError(
                    "« unknown » n'est pas un état enregistré : un élément non renseigné "
                    "n'a pas de ligne."
                )
            check_record(ItemRecord(item.rule_key, ItemState(item.state), item.on), today)
        except ValidationError as error:
            raise UserError(
                f"{source}, élément « {item.rule_key} » de l'outil n° {item.tool_id} : "
                f"{error.message} Rien n'a été chargé."
            ) from error
    for row in session.scalars(select(AiRule)):
        try:
            check_rule(to_rule(row))
        except ValidationError as error:
            raise UserError(
                f"{source}, règle « {row.key} » de l'employeur n° {row.employer_id} : "
                f"{error.message} Rien n'a été chargé."
            ) from error
