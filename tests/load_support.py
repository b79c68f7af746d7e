"""Re-saving every record of a base through the services, as a user opening and saving
each form would, and dumps compared on what users wrote (issue 16, item 9)."""

from __future__ import annotations

from typing import Any

from aiconsult_desktop.services import (
    body_rules,
    dossiers,
    employers,
    legal_grounds,
    meetings,
    organisation,
    question_events,
    questions,
    statement_settings,
    statements,
    transfer,
)
from aiconsult_desktop.store import Store

BOOKKEEPING = ("updated_at", "version", "updated_by")
"""What any save changes by design: when, the edit counter, who saved."""


def content(store: Store) -> dict[str, Any]:
    """The full dump without the bookkeeping every save updates."""
    dumped = transfer.dump_store(store)
    return {
        key: [{k: v for k, v in row.items() if k not in BOOKKEEPING} for row in rows]
        if isinstance(rows, list)
        else rows
        for key, rows in dumped.items()
    }


def resave_everything(store: Store) -> None:
    """Open and save again every record, through the same calls as the forms."""
    if transfer.dump_store(store)["organisation"]:
        found = organisation.get_organisation(store)
        if found.is_set:
            organisation.save_organisation(store, found)
        statement_settings.set_words_per_minute(
            store, statement_settings.get_words_per_minute(store)
        )
        statement_settings.set_letterhead(store, statement_settings.get_letterhead(store))
    for employer in employers.list_employers(store):
        employers.save_employer(store, employer)
        for body in employer.bodies:
            assert body.id is not None
            rules = body_rules.get_body_rules(store, body.id)
            body_rules.save_body_rules(store, body.id, rules.settings)
    for dossier in dossiers.list_dossiers(store):
        dossiers.save_dossier(store, dossier)
    for meeting in meetings.list_meetings(store):
        meetings.save_meeting(store, meeting)
    for question in questions.list_questions(store):
        assert question.id is not None
        questions.save_question(store, question)
        for event in question_events.list_events(store, question.id):
            question_events.save_event(store, event)
    for statement in statements.list_statements(store):
        statements.save_statement(store, statement)
    for ground in legal_grounds.list_legal_grounds(store):
        legal_grounds.save_legal_ground(store, ground)
