"""The user's own organisation: the letterhead and signature of every document."""

from __future__ import annotations

from sqlalchemy import select

from aiconsult_desktop.domain.text import optional_line, required_line
from aiconsult_desktop.services.records import OrganisationData
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.models import Organisation


def get_organisation(store: Store) -> OrganisationData:
    with store.session() as session:
        row = session.scalars(select(Organisation).limit(1)).first()
        if row is None:
            return OrganisationData()
        return OrganisationData(
            name=row.name,
            short_name=row.short_name,
            signature=row.signature,
            place=row.place,
            logo_path=row.logo_path,
        )


def clean_organisation(data: OrganisationData) -> OrganisationData:
    """The organisation form's rules, without the store (`save_organisation`, `load`)."""
    return OrganisationData(
        name=required_line(data.name, "Nom de l'organisation"),
        short_name=optional_line(data.short_name, "Sigle", 100),
        signature=optional_line(data.signature, "Ligne de signature"),
        place=optional_line(data.place, "Lieu", 200),
        logo_path=optional_line(data.logo_path, "Logo", 1000),
    )


def save_organisation(store: Store, data: OrganisationData) -> OrganisationData:
    cleaned = clean_organisation(data)
    with store.session() as session:
        row = session.scalars(select(Organisation).limit(1)).first()
        if row is None:
            row = Organisation()
            session.add(row)
        row.name = cleaned.name
        row.short_name = cleaned.short_name
        row.signature = cleaned.signature
        row.place = cleaned.place
        row.logo_path = cleaned.logo_path
    return cleaned
