"""Opening « Règles de l'instance » wherever a body is chosen: the Calendrier page (the
body of the meeting shown) and Employeurs et instances (the body selected in the table).

One dialog, loaded and run here, so both places edit the same settings the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from aiconsult_desktop.domain.deadlines import BodyRules
from aiconsult_desktop.services.body_rules import BodyRulesData, get_body_rules
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.pages.body_rules_dialog import BodyRulesDialog


def run(dialog: QDialog) -> bool:
    """Show `dialog` modally; True when accepted. Tests replace this to fill the dialog."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def edit_body_rules(parent: QWidget, store: Store, body_id: int) -> BodyRulesData | None:
    """The body's rules as saved, or None when the user cancelled (or it could not load)."""
    data = attempt(parent, lambda: get_body_rules(store, body_id))
    if data is None:
        return None
    dialog = BodyRulesDialog(store, data, parent)
    # Wide enough that each default's source wraps on two lines and shows whole: a wrapped
    # label in a form is otherwise given one line's height and cut off.
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 100)
    if not run(dialog):
        return None
    return dialog.saved


def _days(count: int) -> str:
    return f"{count} jour" if count in (0, 1) else f"{count} jours"


def describe_rules(rules: BodyRules) -> str:
    """One French sentence of the delays in force, for the body chosen in a list."""
    parts = [
        f"convocation {_days(rules.convocation_days)} avant",
        f"documents {_days(rules.documents_days)} avant",
        f"nos questions {_days(rules.questions_days)} avant",
    ]
    if rules.minutes_days is not None:
        parts.append(f"procès-verbal {_days(rules.minutes_days)} après")
    if rules.minimum_sessions:
        parts.append(f"{rules.minimum_sessions} séances plénières au moins par an")
    text = ", ".join(parts)
    text += " (jours ouvrés)" if rules.working_days else ""
    if rules.overridden:
        return f"Délais : {text}. Règles propres à l'instance."
    return f"Délais : {text}. Valeurs par défaut."
