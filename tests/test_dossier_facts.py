"""A dossier's facts and closing analysis (issue 11, step 1): the migration from the
previous schema, the services' French refusals, the tool's life moved by a fact, and the
JSON dump carrying both (format 3; format 2 files still load)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from aiconsult_desktop.domain.ai_tools import LearnedFrom, LifeStage
from aiconsult_desktop.domain.enums import DatePrecision
from aiconsult_desktop.domain.facts import FactKind, check_period, fact_date
from aiconsult_desktop.errors import UserError, ValidationError
from aiconsult_desktop.services import ai_register, dossiers, facts, transfer
from aiconsult_desktop.services.ai_records import AiToolData
from aiconsult_desktop.services.ai_tools import save_tool
from aiconsult_desktop.services.records import DossierData
from aiconsult_desktop.store import Store, migrate, open_store
from tests.helpers import assert_french, new_store, small_dossier

TODAY = date(2026, 12, 1)


def with_dossier(store: Store) -> dict[str, int]:
    ids = small_dossier(store)
    saved = dossiers.save_dossier(store, DossierData(title="Déploiement de l'IA"))
    assert saved.id is not None
    return {**ids, "dossier": saved.id}


def a_fact(dossier_id: int, **changes: object) -> facts.FactData:
    values: dict[str, object] = {
        "dossier_id": dossier_id,
        "on": date(2025, 6, 12),
        "title": "Communication du DGS sans avis du CST",
        "kind": FactKind.COMMUNICATION,
        "source": "Intranet de la Région",
        "extract": "« … vise à optimiser les processus de travail … »",
        "comment": "La CGT exige un avis préalable du CST.",
    }
    values.update(changes)
    return facts.FactData(**values)  # type: ignore[arg-type]


def test_a_base_of_revision_0010_keeps_its_dossiers_and_gains_facts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0010")
        connection.execute(
            sa.text(
                "INSERT INTO dossier (id, title, description, created_at, updated_at) VALUES "
                "(1, 'Déploiement de l''IA', 'Suivi', '2025-01-01', '2025-01-01')"
            )
        )
    engine.dispose()
    store = open_store(path)
    try:
        assert facts.get_analysis(store, 1) == ""
        fact_id = facts.save_fact(store, a_fact(1), TODAY)
        facts.save_analysis(store, 1, "La CGT exige un avis préalable du CST[^1].\n\n[^1]: L253-5")
        [saved] = facts.list_facts(store, 1)
        assert (saved.id, saved.title, saved.kind) == (
            fact_id,
            a_fact(1).title,
            FactKind.COMMUNICATION,
        )
        assert facts.get_analysis(store, 1).startswith("La CGT exige")
    finally:
        store.close()


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"on": date(2027, 1, 5)}, "pas encore arrivé"),
        ({"title": "  \u200b "}, "Titre du fait"),
        ({"extract": "x" * 1_000_000}, "100\u202f000 au plus"),
        ({"on": date(1850, 1, 1)}, "pas plausible"),
        ({"tool_stage": LifeStage.DEPLOYED}, "Choisissez l'outil"),
    ],
)
def test_bad_facts_are_refused_in_french_and_nothing_is_saved(
    store: Store, changes: dict[str, object], words: str
) -> None:
    ids = with_dossier(store)
    with pytest.raises(ValidationError) as refused:
        facts.save_fact(store, a_fact(ids["dossier"], **changes), TODAY)
    assert words in refused.value.message
    assert_french(refused.value.message)
    assert facts.list_facts(store) == []


def test_an_impossible_day_and_a_reversed_period_are_refused_in_french() -> None:
    with pytest.raises(ValidationError, match="31/06/2025 n'existe pas"):
        fact_date(2025, 6, 31)
    assert fact_date(2025, 5, None).precision is DatePrecision.MONTH
    with pytest.raises(ValidationError, match="inversez les deux dates"):
        check_period(date(2025, 6, 1), date(2025, 5, 1))


def test_a_month_alone_is_kept_as_its_first_day(store: Store) -> None:
    ids = with_dossier(store)
    fact = a_fact(ids["dossier"], on=date(2025, 5, 15), precision=DatePrecision.MONTH)
    facts.save_fact(store, fact, TODAY)
    [saved] = facts.list_facts(store, ids["dossier"])
    assert (saved.on, saved.when.words()) == (date(2025, 5, 1), "mai 2025")


def test_a_fact_moves_the_tools_life_and_takes_it_back(store: Store) -> None:
    ids = with_dossier(store)
    tool_id = save_tool(store, AiToolData(employer_id=ids["employer"], name="LigérIA"))
    fact_id = facts.save_fact(
        store, a_fact(ids["dossier"], tool_id=tool_id, tool_stage=LifeStage.DEPLOYED), TODAY
    )
    [tool] = ai_register.list_tools(store)
    assert tool.status is not None and tool.status.headline.startswith("Déployé le 12 juin 2025")
    [event] = ai_register.get_tool(store, tool_id).events
    assert event.learned_from is LearnedFrom.COMMUNICATION
    assert "Communication du DGS sans avis du CST" in event.source
    assert facts.get_fact(store, fact_id).tool_stage is LifeStage.DEPLOYED
    facts.delete_fact(store, fact_id)
    assert ai_register.get_tool(store, tool_id).events == []


def test_facts_and_analysis_survive_dump_load_dump(store: Store, tmp_path: Path) -> None:
    ids = with_dossier(store)
    facts.save_fact(store, a_fact(ids["dossier"]), TODAY)
    facts.save_analysis(store, ids["dossier"], "**Nous exigeons** un avis préalable.")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    transfer.dump_to_file(store, first)
    copy = new_store(tmp_path, "copy.sqlite3")
    transfer.load_file(copy, first)
    transfer.dump_to_file(copy, second)
    assert first.read_bytes() == second.read_bytes()
    assert facts.get_analysis(copy, ids["dossier"]) == "**Nous exigeons** un avis préalable."
    assert [f.title for f in facts.list_facts(copy)] == [a_fact(1).title]
    copy.close()


def test_a_format_2_file_loads_and_a_bad_fact_refuses_the_file(
    store: Store, tmp_path: Path
) -> None:
    ids = with_dossier(store)
    facts.save_fact(store, a_fact(ids["dossier"]), TODAY)
    document = transfer.dump_store(store)
    old = {k: v for k, v in document.items() if k != "facts"}
    old["format_version"] = 2
    for dossier in old["dossiers"]:
        del dossier["analysis"]
    copy = new_store(tmp_path, "old.sqlite3")
    transfer.load_document(copy, old)
    assert facts.list_facts(copy) == []
    copy.close()
    document["facts"][0]["on"] = "2099-01-01"
    bad = new_store(tmp_path, "bad.sqlite3")
    with pytest.raises(UserError, match=r"fait n° 1 .*pas encore arrivé.* Rien n'a été chargé"):
        transfer.load_document(bad, document)
    assert transfer.is_empty(bad)
    bad.close()
