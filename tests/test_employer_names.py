"""Employers named with their article: « Questions posées à la Région des Pays de la Loire »,
« au Centre de gestion… »; a default from the name, a correction that persists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from aiconsult_desktop.domain.employer_names import (
    Article,
    default_article,
    employer_name,
    stored_article,
)
from aiconsult_desktop.domain.template_fill import TemplateContext, fill_template
from aiconsult_desktop.errors import ValidationError
from aiconsult_desktop.services import employers, transfer
from aiconsult_desktop.services.records import EmployerData
from aiconsult_desktop.services.statement_templates import template_context
from aiconsult_desktop.store import migrate, open_store
from aiconsult_desktop.store.connection import Store


@pytest.mark.parametrize(
    ("name", "article"),
    [
        ("Région des Pays de la Loire", Article.FEMININE),
        ("Centre de gestion de la Sarthe", Article.MASCULINE),
        ("Département de Loire-Atlantique", Article.MASCULINE),
        ("Ville de Nantes", Article.FEMININE),
        ("Commune de Saint-Herblain", Article.FEMININE),
        ("Eurométropole de Strasbourg", Article.ELIDED),
        ("Hôpital de Cholet", Article.ELIDED),
        ("SDIS 44", Article.MASCULINE),
        ("Services départementaux d'incendie", Article.PLURAL),
        ("Nantes Métropole", Article.NONE),
        ("Angers Loire Métropole", Article.NONE),
    ],
)
def test_default_article_follows_the_first_word(name: str, article: Article) -> None:
    assert default_article(name) is article


def test_each_article_gives_the_forms_a_sentence_needs() -> None:
    region = employer_name("Région des Pays de la Loire")
    assert (region.subject, region.to, region.of) == (
        "la Région des Pays de la Loire",
        "à la Région des Pays de la Loire",
        "de la Région des Pays de la Loire",
    )
    centre = employer_name("Centre de gestion de la Sarthe")
    assert (centre.to, centre.of) == (
        "au Centre de gestion de la Sarthe",
        "du Centre de gestion de la Sarthe",
    )
    euro = employer_name("Eurométropole de Strasbourg")
    assert (euro.sentence_start, euro.to) == (
        "L'Eurométropole de Strasbourg",
        "à l'Eurométropole de Strasbourg",
    )
    services = employer_name("Services de l'État", "les")
    assert (services.to, services.of) == ("aux Services de l'État", "des Services de l'État")
    angers = employer_name("Angers Loire Métropole")
    assert (angers.to, angers.of) == ("à Angers Loire Métropole", "d'Angers Loire Métropole")


def test_a_correction_is_stored_and_the_default_is_not() -> None:
    assert stored_article("Région des Pays de la Loire", Article.FEMININE) is None
    assert stored_article("Nantes Métropole", Article.FEMININE) == "la"
    assert employer_name("Nantes Métropole", "la").to == "à la Nantes Métropole"


def test_the_users_correction_persists_and_travels_in_the_json_dump(
    store: Store, tmp_path: Path
) -> None:
    saved = employers.save_employer(store, EmployerData(name="Nantes Métropole"))
    assert saved.article is None and saved.in_sentence.to == "à Nantes Métropole"
    corrected = employers.save_employer(
        store,
        EmployerData(
            id=saved.id,
            name=saved.name,
            version=saved.version,
            article=stored_article(saved.name, Article.FEMININE),
        ),
    )
    reread = employers.get_employer(store, corrected.id or 0)
    assert reread.article == "la" and reread.in_sentence.of == "de la Nantes Métropole"

    dump = tmp_path / "dump.json"
    transfer.dump_to_file(store, dump)
    document = json.loads(dump.read_text(encoding="utf-8"))
    assert document["format_version"] == transfer.FORMAT_VERSION == 5
    assert document["employers"][0]["article"] == "la"
    other = open_store(tmp_path / "other.sqlite3")
    try:
        transfer.load_file(other, dump)
        assert employers.list_employers(other)[0].in_sentence.subject == "la Nantes Métropole"
    finally:
        other.close()


def test_a_version_4_dump_without_articles_still_loads(store: Store, tmp_path: Path) -> None:
    employers.save_employer(store, EmployerData(name="Région des Pays de la Loire"))
    document = transfer.dump_store(store)
    document["format_version"] = 4
    for row in document["employers"]:
        del row["article"]
    other = open_store(tmp_path / "other.sqlite3")
    try:
        transfer.load_document(other, document)
        [loaded] = employers.list_employers(other)
        assert loaded.article is None and loaded.in_sentence.to.startswith("à la Région")
    finally:
        other.close()


def test_an_unknown_article_is_refused_in_french(store: Store) -> None:
    with pytest.raises(ValidationError, match="L'article « lo » n'est pas connu"):
        employers.save_employer(store, EmployerData(name="Ville de Nantes", article="lo"))


def test_a_base_of_revision_0013_keeps_its_employers_named_by_default(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0013")
        connection.execute(
            sa.text(
                "INSERT INTO employer (id, name, short_name, answer_deadline_days, version, "
                "created_at, updated_at) VALUES (1, 'Centre de gestion de la Sarthe', "
                "'CDG 72', 61, 1, '2025-01-01', '2025-01-01')"
            )
        )
    engine.dispose()
    store = open_store(path)
    try:
        [employer] = employers.list_employers(store)
        assert employer.article is None
        assert employer.in_sentence.to == "au Centre de gestion de la Sarthe"
        employers.save_employer(
            store,
            EmployerData(
                id=employer.id, name=employer.name, version=employer.version, article="le"
            ),
        )
        assert employers.get_employer(store, 1).article == "le"
    finally:
        store.close()


def test_templates_name_the_employer_with_its_stored_article(store: Store) -> None:
    assert fill_template(
        "Demandent à {employeur} :", TemplateContext(employer_name="Nantes Métropole")
    ) == ("Demandent à Nantes Métropole :")
    context = TemplateContext(employer_name="Nantes Métropole", employer_article="la")
    assert fill_template("Les élu·es demandent à {employeur} :", context) == (
        "Les élu·es demandent à la Nantes Métropole :"
    )
    assert template_context(store).employer_name == ""
