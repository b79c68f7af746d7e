"""Dossiers: subjects followed across meetings ("Déploiement de l'IA")."""

from __future__ import annotations

from sqlalchemy import func, select

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.domain.text import long_text, required_line
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.services.rows import load_row
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Dossier


def list_dossiers(store: Store) -> list[DossierData]:
    with store.session() as session:
        rows = session.scalars(select(Dossier))
        found = [DossierData(id=r.id, title=r.title, description=r.description) for r in rows]
        return french_sorted(found, lambda d: d.title)


def save_dossier(store: Store, data: DossierData) -> DossierData:
    title = required_line(data.title, "Titre du dossier")
    description = long_text(data.description, "Description", required=False)
    with store.session() as session:
        clash = session.scalar(
            select(Dossier.id).where(
                func.lower(Dossier.title) == title.lower(), Dossier.id != (data.id or 0)
            )
        )
        if clash is not None:
            raise ValidationError(f"Le dossier « {title} » existe déjà.", field="title")
        if data.id is None:
            row = Dossier()
            session.add(row)
        else:
            row = load_row(session, Dossier, data.id)
        row.title, row.description = title, description
        session.flush()
        return DossierData(id=row.id, title=row.title, description=row.description)


def delete_dossier(store: Store, dossier_id: int) -> None:
    """Meetings, questions and statements of the dossier stay; they lose the link only."""
    with store.session() as session:
        row = load_row(session, Dossier, dossier_id)
        session.delete(row)
