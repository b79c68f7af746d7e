"""The Word export of one statement, read back as a user (and LibreOffice) would see it."""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.document import InterventionDocument
from aiconsult_desktop.export.docx_io import default_template
from aiconsult_desktop.export.intervention import write_intervention
from tests.helpers import plain
from tests.rendering import rendered_pages

ORGANISATION = "CGT Région des Pays de la Loire"
REDEVABILITE = (
    "Le terme de redevabilité est la traduction française (dans la norme ISO 26000 "
    "(2010)) du terme « accountability », c'est-à-dire le fait de rendre compte des "
    "effets causés (Capron, 2016)."
)
QUESTIONS = [
    "Comment l'employeur prévoit-il d'informer et de consulter les représentants du "
    "personnel sur l'introduction et l'utilisation de systèmes d'IA ?",
    "Quels sont les mécanismes prévus pour garantir que les agents sont informés de "
    "l'utilisation de leurs données personnelles dans les systèmes d'IA ?",
    "Comment l'employeur compte-t-il exiger ou reconnaître les qualifications liées à "
    "l'utilisation de l'IA ?",
    "Quels seront les effets à long terme et à court terme du déploiement de l'outil d'IA "
    "sur les emplois, les qualifications et les salaires qui en découlent, les conditions "
    "de travail ?",
    "Quelles mesures sont mises en place pour évaluer et prévenir les risques "
    "psychosociaux liés à l'introduction de l'IA ?",
    "Comment l'employeur prévoit-il de mesurer et de réduire les impacts de l'IA sur la "
    "charge de travail et l'autonomie des agents ?",
    "Comment l'employeur s'assure-t-il que l'utilisation de l'IA respecte les "
    "interdictions prévues par le règlement européen sur l'IA, notamment en ce qui "
    "concerne la reconnaissance des émotions ou la notation sociale ?",
    "Quelles sont les mesures mises en place pour garantir la transparence et l'équité "
    "des décisions automatisées affectant les agents ?",
]
MAY_BODY = "\n".join(
    [
        # The salutation is the text's first paragraph: the export adds none.
        "Monsieur le Président, Mesdames et Messieurs les membres du comité,",
        "Cette réunion fait suite à la demande exprimée par la CGT en CST de mars 2025.",
        "",
        "**Nota : les agents des lycées ne sont pas concernés pour le moment.**",
        "Pour la CGT, il est nécessaire que la Région présente son plan d'introduction de "
        "l'IA à travers les dimensions suivantes et des indicateurs d'évaluation :",
        "- Contribution à l'amélioration du service public",
        "- Respect des engagements en matière de sobriété énergétique",
        "- Exigence de transparence et redevabilité[^1]",
        "",
        f"[^1]: {REDEVABILITE}",
        "## Nos questions",
        *(f"{number}. {question}" for number, question in enumerate(QUESTIONS, 1)),
        "Ces questions sont restées sans réponse. Nous demandons donc :",
        "1. Un avis préalable du CST avant tout déploiement.",
        "2. Des réponses écrites aux questions posées depuis octobre 2024.",
        "> « Notre offre de services IA n'est pas figée, bien au contraire. »",
        "**La CGT exige un avis préalable du CST avant la mise en place de l'IA.**",
    ]
)


def statement(**changes: object) -> InterventionDocument:
    """The 15 May 2025 statement of seed 001, as the services build it."""
    document = InterventionDocument(
        heading="Intervention CGT en réunion d'information du 15 mai 2025",
        subtitle="Déploiement de l'intelligence artificielle",
        body=MAY_BODY,
        organisation_name=ORGANISATION,
        signature="Les élu·es CGT au CST",
        place_date="Nantes, le 15 mai 2025",
    )
    return replace(document, **changes)


def export(tmp_path: Path, doc: InterventionDocument, template: Path | None = None) -> Path:
    target = tmp_path / "intervention.docx"
    write_intervention(doc, target, template)
    return target


def texts(path: Path) -> list[str]:
    return [plain(p.text) for p in docx.Document(str(path)).paragraphs]


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")


def rewrite_package(
    source: Path, target: Path, changes: dict[str, Callable[[str], str] | str]
) -> Path:
    """Copy a .docx, editing (callable) or adding (str) some of its parts."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            change = changes.get(item.filename)
            if callable(change):
                data = change(data.decode("utf-8")).encode("utf-8")
            new.writestr(item, data)
        for name, content in changes.items():
            if isinstance(content, str) and name not in old.namelist():
                new.writestr(name, content.encode("utf-8"))
    return target


def png(path: Path, width: int = 120, height: int = 60) -> Path:
    """A small red rectangle, as a union's logo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    rows = b"".join(b"\x00" + b"\xc8\x10\x2e" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


# -- what the document says, read back with python-docx ---------------------------------


def test_title_in_capitals_then_body_in_order_then_signature(tmp_path: Path) -> None:
    paragraphs = [t for t in texts(export(tmp_path, statement(excerpt=True))) if t]

    assert paragraphs[:4] == [
        "INTERVENTION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025",
        "Déploiement de l'intelligence artificielle",
        "Extrait",
        "Monsieur le Président, Mesdames et Messieurs les membres du comité,",
    ]
    assert paragraphs[4].startswith("Cette réunion fait suite")
    assert "Nota : les agents des lycées ne sont pas concernés pour le moment." in paragraphs
    assert "Nos questions" in paragraphs
    assert paragraphs.index("Nos questions") < paragraphs.index(QUESTIONS[0])
    assert [p for p in paragraphs if p in QUESTIONS] == QUESTIONS
    assert paragraphs[-2:] == ["Les élu·es CGT au CST", "Nantes, le 15 mai 2025"]
    assert not any("[^1]" in p or REDEVABILITE in p for p in paragraphs)


def test_layout_uses_the_template_styles(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path, statement())))
    style_of = {plain(p.text): p.style.name for p in document.paragraphs}

    assert style_of["INTERVENTION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025"] == "Title"
    assert style_of["Nos questions"] == "Heading 2"
    assert style_of["Contribution à l'amélioration du service public"] == "List Bullet"
    assert style_of[QUESTIONS[0]] == "List Number"
    assert style_of["Les élu·es CGT au CST"] == "Signature"
    nota = next(p for p in document.paragraphs if plain(p.text).startswith("Nota"))
    assert all(run.bold for run in nota.runs)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == round(section.right_margin.cm, 1) == 2.5


def test_each_numbered_list_starts_again_at_one(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path, statement())))

    def num_id(text: str) -> str:
        paragraph = next(p for p in document.paragraphs if plain(p.text) == text)
        return paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]

    questions = {num_id(q) for q in QUESTIONS}
    demands = {num_id("Un avis préalable du CST avant tout déploiement.")}
    assert len(questions) == 1 and len(demands) == 1 and questions != demands
    numbering = part(tmp_path / "intervention.docx", "word/numbering.xml")
    (demand_id,) = demands
    assert re.search(rf'<w:num w:numId="{demand_id}">.*?<w:startOverride w:val="1"/>', numbering)


def test_header_names_the_organisation_and_footer_counts_pages(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path, statement())))
    section = document.sections[0]

    assert ORGANISATION in "\n".join(p.text for p in section.header.paragraphs)
    footer = section.footer.paragraphs[0]._p.xml
    assert re.search(r"<w:instrText[^>]*> PAGE ", footer)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES ", footer)


def test_properties_name_the_organisation_and_nothing_else(tmp_path: Path) -> None:
    path = export(tmp_path, statement())
    properties = docx.Document(str(path)).core_properties

    assert properties.author == ORGANISATION
    assert properties.last_modified_by == ORGANISATION
    assert properties.title == "INTERVENTION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025"
    assert properties.comments == properties.subject == properties.keywords == ""
    assert properties.category == ""
    assert properties.revision == 1
    core, app = part(path, "docProps/core.xml"), part(path, "docProps/app.xml")
    for xml in (core, app):
        assert "python-docx" not in xml
        assert "Microsoft" not in xml
    assert "<Company>" not in app and "<Template>" not in app
    with zipfile.ZipFile(path) as package:
        assert not [n for n in package.namelist() if "thumbnail" in n]


def test_nothing_of_the_letterhead_author_leaks(tmp_path: Path) -> None:
    """A letterhead saved by someone's Word: name, company, template path, comments."""
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    letterhead = rewrite_package(
        default_template(),
        tmp_path / "entete.docx",
        {
            "docProps/core.xml": lambda xml: xml.replace(
                "<dc:creator></dc:creator>", "<dc:creator>Jean Dupont</dc:creator>"
            ).replace(
                "<dc:description></dc:description>",
                "<dc:description>brouillon Dupont</dc:description>",
            ),
            "docProps/app.xml": lambda xml: xml.replace(
                "<DocSecurity>",
                "<Company>Mairie de Dupontville</Company>"
                "<Template>C:\\Users\\jdupont\\Entete.dotm</Template><DocSecurity>",
            ),
            "word/settings.xml": lambda xml: xml.replace(
                "<w:defaultTabStop", '<w:attachedTemplate r:id="rId1"/><w:defaultTabStop'
            ),
            "word/_rels/settings.xml.rels": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                f'relationships"><Relationship Id="rId1" Type="{relationships}/'
                'attachedTemplate" Target="file:///C:/Users/jdupont/Entete.dotm" '
                'TargetMode="External"/></Relationships>'
            ),
        },
    )

    path = export(tmp_path, statement(), template=letterhead)

    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            content = package.read(name).decode("utf-8", errors="replace").casefold()
            assert "dupont" not in content, name


# -- text as users paste it ---------------------------------------------------------------


def test_pasted_control_characters_emoji_and_right_to_left_text_export(
    tmp_path: Path,
) -> None:
    body = (
        "Ligne\x0bcoupée\x0cpage suivante\x00 et un nul\n"
        "Émoji : 😀 ✊\n"
        "مرحبا بالعالم\n"
        "שלום עולם\n"
        "Caractère isolé \ud800 retiré"
    )
    doc = statement(
        heading="Intervention\x00 CGT\x0b en CST",
        organisation_name="CGT\x0c Région",
        body=body,
    )
    path = export(tmp_path, doc)
    document = docx.Document(str(path))
    paragraphs = [plain(p.text) for p in document.paragraphs]

    assert "INTERVENTION CGT EN CST" in paragraphs
    start = paragraphs.index("Ligne")
    assert paragraphs[start : start + 3] == ["Ligne", "coupée", "page suivante et un nul"]
    assert "Émoji : 😀 ✊" in paragraphs
    assert "Caractère isolé  retiré" in paragraphs
    arabic = next(p for p in document.paragraphs if plain(p.text) == "مرحبا بالعالم")
    hebrew = next(p for p in document.paragraphs if plain(p.text) == "שלום עולם")
    assert arabic._p.xpath("./w:pPr/w:bidi") and hebrew._p.xpath("./w:pPr/w:bidi")
    assert document.core_properties.author == "CGT Région"
    assert "\x00" not in plain(part(path, "word/document.xml"))


def test_a_one_megabyte_statement_exports(tmp_path: Path) -> None:
    line = (
        "Les agents s'interrogent sur l'intelligence artificielle, ses effets sur "
        "l'organisation du travail et la santé, et sur **l'absence de réponse**. "
    ) * 4
    lines = [f"{number}. {line}" if number % 10 else f"- {line}" for number in range(1, 5001)]
    body = "\n".join(lines)
    assert len(body.encode("utf-8")) > 1_000_000

    path = export(tmp_path, statement(body=body))

    paragraphs = texts(path)
    assert len(paragraphs) >= 5000
    assert paragraphs[-2:] == ["Les élu·es CGT au CST", "Nantes, le 15 mai 2025"]


# -- footnotes ------------------------------------------------------------------------------


def test_a_markdown_note_becomes_a_real_word_footnote(tmp_path: Path) -> None:
    path = export(tmp_path, statement())
    footnotes = plain(part(path, "word/footnotes.xml"))
    document_xml = part(path, "word/document.xml")

    assert REDEVABILITE in footnotes
    assert 'w:type="separator" w:id="-1"' in footnotes
    assert 'w:type="continuationSeparator" w:id="0"' in footnotes
    references = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document_xml)
    assert len(references) == 1
    assert f'<w:footnote w:id="{references[0]}">' in footnotes
    bullet = next(
        p for p in docx.Document(str(path)).paragraphs if plain(p.text).startswith("Exigence")
    )
    assert plain(bullet.text) == "Exigence de transparence et redevabilité"
    assert bullet._p.xpath(".//w:footnoteReference")


def test_unknown_note_calls_and_unused_notes_stay_as_typed(tmp_path: Path) -> None:
    body = "Un appel sans note[^9].\n[^2]: Une note que personne n'appelle."
    path = export(tmp_path, statement(body=body))

    paragraphs = texts(path)
    assert "Un appel sans note[^9]." in paragraphs
    assert "[^2]: Une note que personne n'appelle." in paragraphs
    assert "<w:footnoteReference" not in plain(part(path, "word/document.xml"))


# -- templates and targets ------------------------------------------------------------------


def test_a_renamed_pdf_as_letterhead_is_refused_in_french(tmp_path: Path) -> None:
    fake = tmp_path / "Papier à en-tête.docx"
    fake.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")

    with pytest.raises(UserError) as caught:
        export(tmp_path, statement(), template=fake)

    assert "« Papier à en-tête.docx »" in caught.value.message
    assert "n'est pas un document Word lisible" in caught.value.message
    assert not (tmp_path / "intervention.docx").exists()


def test_a_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    dotx = rewrite_package(
        default_template(),
        tmp_path / "entete.dotx",
        {
            "[Content_Types].xml": lambda xml: xml.replace(
                "wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"
            )
        },
    )
    path = export(tmp_path, statement(), template=dotx)

    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main" in (
        part(path, "[Content_Types].xml")
    )
    assert texts(path)[0] == "INTERVENTION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025"


def bare_template(tmp_path: Path) -> Path:
    """A letterhead with none of our styles: only Normal, no header, footer nor notes."""
    document = docx.Document()
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in ("Normal", "DefaultParagraphFont"):
            styles.remove(style)
    path = tmp_path / "sans-styles.docx"
    document.save(str(path))
    return path


def test_a_letterhead_without_our_styles_still_exports(tmp_path: Path) -> None:
    path = export(tmp_path, statement(), template=bare_template(tmp_path))
    document = docx.Document(str(path))
    by_text = {plain(p.text): p for p in document.paragraphs}

    title = by_text["INTERVENTION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025"]
    assert title.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in title.runs)
    assert "• Contribution à l'amélioration du service public" in by_text
    assert f"1. {QUESTIONS[0]}" in by_text
    signature = by_text["Les élu·es CGT au CST"]
    assert signature.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert REDEVABILITE in plain(part(path, "word/footnotes.xml"))
    assert ORGANISATION in plain(document.sections[0].header.paragraphs[0].text)
    assert "NUMPAGES" in document.sections[0].footer.paragraphs[0]._p.xml


def test_styles_are_found_by_name_in_a_french_word_template(tmp_path: Path) -> None:
    """French Word saves "Titre 1" as styleId Titre1, name "heading 1"."""
    ids = {"Title": "Titre", "Heading2": "Titre2", "ListBullet": "Listepuces"}

    def frenchify(xml: str) -> str:
        for english, french in ids.items():
            xml = xml.replace(f'w:styleId="{english}"', f'w:styleId="{french}"')
            for reference in ("w:basedOn", "w:next", "w:pStyle"):
                xml = xml.replace(
                    f'<{reference} w:val="{english}"/>', f'<{reference} w:val="{french}"/>'
                )
        return xml

    french = rewrite_package(
        default_template(),
        tmp_path / "modele-fr.docx",
        {"word/styles.xml": frenchify, "word/numbering.xml": frenchify},
    )
    path = export(tmp_path, statement(), template=french)
    document_xml = part(path, "word/document.xml")

    for french_id in ids.values():
        assert f'<w:pStyle w:val="{french_id}"/>' in document_xml
    title = docx.Document(str(path)).paragraphs[0]
    assert (title.style.style_id, title.style.name) == ("Titre", "Title")


def test_a_letterhead_header_and_footer_are_kept(tmp_path: Path) -> None:
    source = docx.Document(str(default_template()))
    section = source.sections[0]
    section.header.paragraphs[0].text = "Syndicat CGT — 1 rue de la Loire, Nantes"
    section.footer.paragraphs[0].text = "cgt-region@example.org"
    letterhead = tmp_path / "entete.docx"
    source.save(str(letterhead))

    document = docx.Document(str(export(tmp_path, statement(), template=letterhead)))
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)

    assert header == "Syndicat CGT — 1 rue de la Loire, Nantes"
    assert footer == "cgt-region@example.org"


def test_a_logo_goes_in_the_header_and_a_broken_one_is_left_out(tmp_path: Path) -> None:
    good = docx.Document(str(export(tmp_path, statement(logo_path=png(tmp_path / "l.png")))))
    header = good.sections[0].header
    assert header.paragraphs[0]._p.xpath(".//w:drawing")
    (image,) = header.part.package.image_parts
    assert image.blob.startswith(b"\x89PNG")

    broken = tmp_path / "logo.png"
    broken.write_text("pas une image", encoding="utf-8")
    for logo in (broken, tmp_path / "absent.png", tmp_path):
        document = docx.Document(str(export(tmp_path, statement(logo_path=logo))))
        header = document.sections[0].header
        assert not header.paragraphs[0]._p.xpath(".//w:drawing")
        assert ORGANISATION in plain(header.paragraphs[0].text)
        assert plain(document.paragraphs[0].text).startswith("INTERVENTION CGT")


def test_a_missing_folder_is_told_in_french(tmp_path: Path) -> None:
    target = tmp_path / "n'existe pas" / "intervention.docx"

    with pytest.raises(UserError) as caught:
        write_intervention(statement(), target)

    assert "n'existe pas" in caught.value.message
    assert "choisissez un autre emplacement" in caught.value.message


def test_a_file_open_in_word_is_told_in_french_and_left_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Word holds open (PermissionError)."""
    target = tmp_path / "intervention.docx"
    target.write_bytes(b"version precedente")

    def locked(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied", str(destination))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError) as caught:
        write_intervention(statement(), target)

    assert "ouvert dans Word" in caught.value.message
    assert target.read_bytes() == b"version precedente"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "intervention.docx"]


def test_a_previous_export_is_replaced_whole(tmp_path: Path) -> None:
    target = export(tmp_path, statement(heading="Première version"))
    write_intervention(statement(heading="Seconde version"), target)

    assert texts(target)[0] == "SECONDE VERSION"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "intervention.docx"]


# -- LibreOffice, the real client ----------------------------------------------------------


@pytest.mark.libreoffice
def test_libreoffice_shows_title_body_footnote_page_numbers_and_signature(
    tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    path = export(tmp_path, statement(logo_path=png(tmp_path / "logo.png")))

    pages = rendered_pages(soffice, pdftotext, path, tmp_path)
    text = " ".join(pages)

    count = len(pages)
    for number, page in enumerate(pages, 1):
        assert ORGANISATION in page
        assert f"Page {number} / {count}" in page
    assert "INTERVENTION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025" in text
    assert "Monsieur le Président, Mesdames et Messieurs les membres du comité," in text
    # The call stays a superscript "1" after the word; the note sits at the foot of page 1.
    assert re.search(r"Exigence de transparence et redevabilité ?1 ", pages[0])
    assert REDEVABILITE in pages[0]
    assert f"1. {QUESTIONS[0]}" in text and f"8. {QUESTIONS[7]}" in text
    assert "1. Un avis préalable du CST avant tout déploiement." in text
    assert "Les élu·es CGT au CST Nantes, le 15 mai 2025" in pages[-1]


@pytest.mark.libreoffice
def test_libreoffice_opens_pasted_text_on_a_bare_letterhead(
    tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    body = "Ligne\x0bcoupée\x00 😀\nשלום עולם\nRedevabilité[^n]\n[^n]: Une note en 9 points."
    path = export(tmp_path, statement(body=body), template=bare_template(tmp_path))

    (page,) = rendered_pages(soffice, pdftotext, path, tmp_path)

    assert "INTERVENTION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025" in page
    assert "Ligne coupée" in page
    assert any("\u05d0" <= char <= "\u05ea" for char in page)
    assert re.search(r"Redevabilité ?1 ", page)
    assert "Une note en 9 points." in page
    assert "[^n]" not in page
    assert "Page 1 / 1" in page
    assert page.index("Les élu·es CGT au CST") < page.index("Nantes, le 15 mai 2025")


def test_the_default_template_is_a_clean_a4_letterhead() -> None:
    template = default_template()
    document = docx.Document(str(template))

    assert not any(p.text for p in document.paragraphs)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    names = {style.name for style in document.styles}
    for wanted in ("Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number"):
        assert wanted in names
    assert {"Quote", "Signature", "footnote text", "footnote reference"} <= names
    properties = document.core_properties
    assert properties.author == properties.title == properties.comments == ""
    with zipfile.ZipFile(io.BytesIO(template.read_bytes())) as package:
        assert "word/footnotes.xml" in package.namelist()
        assert "python-docx" not in package.read("docProps/core.xml").decode()
