"""Built-in templates speak for the organisation set in Paramètres, never for a named
union; the body and the employer (with its article) fill in the same way."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtGui import QFont, QTextBlock, QTextDocument, QTextFragment
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.employer_names import employer_name
from aiconsult_desktop.domain.template_fill import TemplateContext, fill_template
from aiconsult_desktop.services import organisation
from aiconsult_desktop.services.records import OrganisationData
from aiconsult_desktop.services.statement_templates import list_templates
from aiconsult_desktop.store import Store, migrate, open_store
from aiconsult_desktop.ui.statement_dialogs import TemplatesDialog

CFDT = OrganisationData(
    name="Syndicat CFDT Interco de Loire-Atlantique",
    short_name="CFDT",
    signature="Les élu·es CFDT au CST",
    place="Nantes",
)


def test_a_cfdt_base_never_says_cgt(demo_store: Store) -> None:
    organisation.save_organisation(demo_store, CFDT)
    for meeting_id in (None, 5):
        templates = list_templates(demo_store, meeting_id)
        assert len(templates) == 5
        assert not [t.name for t in templates if "CGT" in t.text]
        assert not [t.name for t in templates if "{" in t.text]
    texts = {t.name: t.text for t in list_templates(demo_store, 5)}
    assert texts["Déclaration liminaire"].startswith("Les élu·es CFDT tiennent à rappeler")
    assert "les élu·es CFDT souhaitent" in texts["Intervention sur un point"]
    assert "siégeant en CST" in texts["Motion ou vœu"]
    assert "**Demandent** à la Région des Pays de la Loire :" in texts["Motion ou vœu"]
    assert texts["Explication de vote"].startswith("Les élu·es CFDT voteront **contre**")
    outside = {t.name: t.text for t in list_templates(demo_store)}
    assert "**Demandent** à l'autorité territoriale :" in outside["Motion ou vœu"]


def test_employers_take_their_article() -> None:
    assert employer_name("Région des Pays de la Loire").subject == "la Région des Pays de la Loire"
    assert employer_name("Département de la Sarthe").subject == "le Département de la Sarthe"
    assert employer_name("Eurométropole de Strasbourg").subject == "l'Eurométropole de Strasbourg"
    assert employer_name("SDIS 44").subject == "le SDIS 44"
    assert employer_name("Nantes Métropole").subject == "Nantes Métropole"
    context = TemplateContext("Union syndicale Solidaires", "", "F3SCT", "")
    assert fill_template("{sigle} en {instance} : {employeur} {x}", context) == (
        "Union syndicale Solidaires en F3SCT : l'autorité territoriale {x}"
    )


def test_a_base_of_revision_0009_gets_union_neutral_templates(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0009")
        connection.execute(
            sa.text(
                "INSERT INTO statement_template (name, kind, text, builtin, created_at, "
                "updated_at) VALUES ('Mon modèle', 'other', 'La CGT demande…', 0, "
                "'2025-01-01', '2025-01-01')"
            )
        )
        old = connection.execute(sa.text("SELECT text FROM statement_template")).scalars()
        assert sum("La CGT" in text or "la CGT" in text for text in old) == 4
    engine.dispose()
    store = open_store(path)
    try:
        organisation.save_organisation(store, CFDT)
        texts = {t.name: t.text for t in list_templates(store)}
    finally:
        store.close()
    assert texts["Mon modèle"] == "La CGT demande…"  # the user's own text stays theirs
    del texts["Mon modèle"]
    assert not [name for name, text in texts.items() if "CGT" in text]


def test_the_template_preview_shows_the_text_as_the_editor_will(
    qtbot: QtBot, demo_store: Store
) -> None:
    templates = list_templates(demo_store, 5)
    chosen: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = TemplatesDialog(parent, templates, lambda t: chosen.append(t.text))
    dialog.list.setCurrentRow(0)  # Déclaration liminaire
    document = dialog.preview.document()
    assert "##" not in document.toPlainText()
    headings = [b.text() for b in _blocks(document) if b.blockFormat().headingLevel() == 2]
    assert headings == ["Nos constats", "Nos demandes"]
    dialog.list.setCurrentRow(3)  # Explication de vote
    assert "**" not in dialog.preview.toPlainText()
    bold = [
        fragment.text()
        for block in _blocks(dialog.preview.document())
        for fragment in _fragments(block)
        if fragment.charFormat().fontWeight() >= QFont.Weight.Bold
    ]
    assert "s'abstiendront" in bold
    dialog._accept()
    assert chosen == [templates[3].text]  # inserted as stored
    assert "**s'abstiendront**" in chosen[0]


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    blocks = [document.begin()]
    while blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragments.append(iterator.fragment())
        iterator += 1
    return fragments
