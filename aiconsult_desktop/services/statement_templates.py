"""Statement templates: five shipped with the app (seeded by migration 0004, made
union-neutral by 0010), plus those users save from a statement of theirs ("Enregistrer
comme modèle")."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.domain.enums import StatementKind
from aiconsult_desktop.domain.template_fill import TemplateContext, fill_template
from aiconsult_desktop.domain.text import long_text, required_line
from aiconsult_desktop.errors import NotFoundError, ValidationError
from aiconsult_desktop.services.statement_records import TemplateData
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.statement_models import StatementTemplate


def _to_record(row: StatementTemplate) -> TemplateData:
    return TemplateData(
        id=row.id,
        name=row.name,
        kind=StatementKind(row.kind),
        text=row.text,
        builtin=row.builtin,
    )


def list_templates(store: Store, meeting_id: int | None = None) -> list[TemplateData]:
    """The shipped ones first, in their order, then the users' in French alphabetical
    order; their markers filled for the organisation and, when given, the meeting's body
    and employer (`domain.template_fill`)."""
    with store.session() as session:
        rows = list(session.scalars(select(StatementTemplate).order_by(StatementTemplate.id)))
        builtin = [_to_record(row) for row in rows if row.builtin]
        own = french_sorted((_to_record(row) for row in rows if not row.builtin), lambda t: t.name)
    context = template_context(store, meeting_id)
    return [replace(t, text=fill_template(t.text, context)) for t in (*builtin, *own)]


def template_context(store: Store, meeting_id: int | None = None) -> TemplateContext:
    """Who speaks (Paramètres) and, for a statement of a meeting, where and to whom."""
    from aiconsult_desktop.services.meetings import get_meeting
    from aiconsult_desktop.services.organisation import get_organisation

    organisation = get_organisation(store)
    meeting = get_meeting(store, meeting_id) if meeting_id is not None else None
    return TemplateContext(
        organisation_name=organisation.name,
        organisation_short_name=organisation.short_name,
        body_name=meeting.body_name if meeting else "",
        employer_name=meeting.employer_name if meeting else "",
        employer_article=meeting.employer_article if meeting else None,
    )


def get_template(store: Store, template_id: int) -> TemplateData:
    with store.session() as session:
        row = session.get(StatementTemplate, template_id)
        if row is None:
            raise NotFoundError(f"Le modèle n° {template_id} n'existe pas (ou plus).")
        return _to_record(row)


def clean_template(name: str, text: str) -> tuple[str, str]:
    """The template's rules on its name and text (`save_as_template` and `load`)."""
    return required_line(name, "Nom du modèle", 200), long_text(
        text, "Texte du modèle", required=True
    )


def save_as_template(store: Store, name: str, text: str, kind: StatementKind) -> TemplateData:
    """A new template from a statement's text; a name already taken is refused."""
    name, text = clean_template(name, text)
    with store.session() as session:
        taken = session.scalars(select(StatementTemplate).where(StatementTemplate.name == name))
        if taken.first() is not None:
            raise ValidationError(
                f"Un modèle s'appelle déjà « {name} » : choisissez un autre nom.",
                field="Nom du modèle",
            )
        row = StatementTemplate(name=name, text=text, kind=StatementKind(kind).value)
        session.add(row)
        session.flush()
        return _to_record(row)


def delete_template(store: Store, template_id: int) -> None:
    with store.session() as session:
        row = session.get(StatementTemplate, template_id)
        if row is None:
            return
        if row.builtin:
            raise ValidationError("Les modèles fournis avec l'application ne se suppriment pas.")
        session.delete(row)
