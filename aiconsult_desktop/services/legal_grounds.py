"""The legal grounds library: texts representatives cite, inserted as footnotes with
their full reference. Seeded with DOMAIN.md's by migration 0004, then the users' own;
dates of application are data, since the AI Act's calendar may still move."""

from __future__ import annotations

from sqlalchemy import select

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.domain.text import long_text, optional_line, required_line
from aiconsult_desktop.errors import NotFoundError, ValidationError
from aiconsult_desktop.services.statement_records import LegalGroundData
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.statement_models import LegalGround


def _to_record(row: LegalGround) -> LegalGroundData:
    return LegalGroundData(
        id=row.id,
        label=row.label,
        reference=row.reference,
        summary=row.summary,
        applies_on=row.applies_on,
    )


def list_legal_grounds(store: Store) -> list[LegalGroundData]:
    with store.session() as session:
        rows = session.scalars(select(LegalGround).order_by(LegalGround.id))
        return french_sorted((_to_record(row) for row in rows), lambda g: g.label)


def clean_legal_ground(data: LegalGroundData) -> LegalGroundData:
    """The library form's rules, without the store (`save_legal_ground` and `load`)."""
    summary = long_text(data.summary, "Résumé", required=False)
    optional_line(summary, "Résumé", 5000)
    return LegalGroundData(
        id=data.id,
        label=required_line(data.label, "Intitulé", 300),
        reference=required_line(data.reference, "Référence", 2000),
        summary=summary,
        applies_on=data.applies_on,
    )


def save_legal_ground(store: Store, data: LegalGroundData) -> LegalGroundData:
    cleaned = clean_legal_ground(data)
    label, reference, summary = cleaned.label, cleaned.reference, cleaned.summary
    with store.session() as session:
        same = session.scalars(select(LegalGround).where(LegalGround.label == label)).first()
        if same is not None and same.id != data.id:
            raise ValidationError(
                f"Un fondement s'appelle déjà « {label} » : choisissez un autre intitulé.",
                field="Intitulé",
            )
        if data.id is None:
            row = LegalGround()
            session.add(row)
        else:
            found = session.get(LegalGround, data.id)
            if found is None:
                raise NotFoundError(f"Le fondement n° {data.id} n'existe pas (ou plus).")
            row = found
        row.label, row.reference, row.summary = label, reference, summary
        row.applies_on = data.applies_on
        session.flush()
        return _to_record(row)


def delete_legal_ground(store: Store, ground_id: int) -> None:
    with store.session() as session:
        row = session.get(LegalGround, ground_id)
        if row is not None:
            session.delete(row)


# The AI tools register (issue 10) cites these labels of the library; the texts
# themselves are library rows (seeded by migrations 0004 and 0008, then the users'), so
# a correction made in the library reaches every paragraph written afterwards.
CST_REMIT = "Compétences du CST"
TJ_NANTERRE = "TJ Nanterre : déploiement de l'IA avant la fin de la consultation"
AI_ACT_CONSULTATION = "AI Act : sans préjudice de l'information-consultation"
AI_ACT_ARTICLES = (
    "AI Act : information des représentants du personnel",
    "AI Act : analyse d'impact sur les droits fondamentaux",
    "AI Act : maîtrise de l'IA",
    "AI Act : obligations de transparence",
    "AI Act : interdiction de la reconnaissance des émotions au travail",
    "AI Act : interdiction de la notation sociale",
)

# The union's demands on a tool that runs before its consultation is over (seed 001:
# « avis préalable du CST … avec des réponses aux questions posées », suspension until
# the consultation ends). Each is (text, the ground its footnote cites; "when_running":
# only for a tool in use). Data, not code: wording a union may want to change.
AI_TOOL_DEMANDS: tuple[tuple[str, str, bool], ...] = (
    (
        "un avis préalable du CST avant toute mise en œuvre de l'outil, avec des réponses "
        "écrites aux questions posées",
        CST_REMIT,
        False,
    ),
    (
        "l'information-consultation des représentants du personnel que le règlement "
        "européen sur l'IA réaffirme",
        AI_ACT_CONSULTATION,
        False,
    ),
    (
        "la suspension de l'outil jusqu'à la clôture de la consultation",
        TJ_NANTERRE,
        True,
    ),
)


def grounds_by_label(store: Store) -> dict[str, LegalGroundData]:
    """The library keyed by label, for texts that cite grounds by name."""
    return {ground.label: ground for ground in list_legal_grounds(store)}
