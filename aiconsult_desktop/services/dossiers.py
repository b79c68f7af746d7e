"""Dossiers: subjects followed across meetings ("Déploiement de l'IA")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.domain.text import long_text, required_line
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.services.rows import check_name_free, load_row
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Dossier


def list_dossiers(store: Store) -> list[DossierData]:
    with store.session() as session:
        rows = session.scalars(select(Dossier))
        found = [DossierData(id=r.id, title=r.title, description=r.description) for r in rows]
        return french_sorted(found, lambda d: d.title)


def clean_dossier(data: DossierData) -> DossierData:
    """The dossier form's rules, without the store (`save_dossier` and `load`)."""
    return DossierData(
        id=data.id,
        title=required_line(data.title, "Titre du dossier"),
        description=long_text(data.description, "Description", required=False),
    )


def check_dossier_title_free(session: Session, title: str, dossier_id: int | None) -> None:
    check_name_free(
        session, Dossier.title, title, dossier_id, f"Le dossier « {title} » existe déjà."
    )


def save_dossier(store: Store, data: DossierData) -> DossierData:
    cleaned = clean_dossier(data)
    title, description = cleaned.title, cleaned.description
    with store.session() as session:
        check_dossier_title_free(session, title, data.id)
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
