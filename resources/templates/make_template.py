"""Build `intervention.docx`, the default template of exported statements.

Run once after changing a style, from the project's environment:

    .venv/bin/python resources/templates/make_template.py

The template carries everything that is layout rather than content: A4 page and
margins, the styles the writer uses (by their Word names, so a French Word shows them
as "Titre", "Titre 1", "Citation", "Liste à puces"…), the bullet and number lists, an
empty header paragraph the writer fills with the organisation's name, a footer
"Page n / N" made of real PAGE and NUMPAGES fields, and a footnotes part. It starts
from python-docx's own template, whose 160 styles, Letter page, theme fonts, thumbnail
and "python-docx" properties are all replaced or dropped. Arial: it is on every Windows
PC, and LibreOffice maps it to a metric-compatible font.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Twips

from aiconsult_desktop.export.docx_fields import add_page_of_pages
from aiconsult_desktop.export.docx_metadata import scrub_package
from aiconsult_desktop.export.footnotes import ensure_footnotes_part

TARGET = Path(__file__).resolve().parent / "intervention.docx"
FONT = "Arial"
TEXT_WIDTH = 9072  # twips: 21 cm - 2 x 2.5 cm

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)

DOC_DEFAULTS = f"""
<w:docDefaults {_NS}>
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
    <w:sz w:val="22"/><w:szCs w:val="22"/>
    <w:lang w:val="fr-FR" w:eastAsia="en-US" w:bidi="ar-SA"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr>
    <w:spacing w:after="160" w:line="276" w:lineRule="auto"/>
  </w:pPr></w:pPrDefault>
</w:docDefaults>
"""

# (type, styleId, name, extra elements inside w:style) — Word's own names, so Word and
# LibreOffice recognise them as the built-in styles and translate their names.
STYLES = [
    (
        "paragraph",
        "Normal",
        "Normal",
        '<w:qFormat/><w:pPr><w:widowControl/><w:spacing w:after="160" w:line="276" '
        'w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>',
    ),
    (
        "character",
        "DefaultParagraphFont",
        "Default Paragraph Font",
        '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
    ),
    (
        "table",
        "TableNormal",
        "Normal Table",
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
        '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
    ),
    ("numbering", "NoList", "No List", '<w:uiPriority w:val="99"/><w:semiHidden/>'),
    (
        "paragraph",
        "Title",
        "Title",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/>'
        "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
        '<w:spacing w:before="240" w:after="200" w:line="240" w:lineRule="auto"/>'
        '<w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:spacing w:val="6"/>'
        '<w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr>',
    ),
    (
        "paragraph",
        "Subtitle",
        "Subtitle",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/>'
        '<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="240"/>'
        '<w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="404040"/>'
        '<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>',
    ),
    (
        "paragraph",
        "Mention",
        "Mention",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="12"/>'
        '<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="240"/><w:jc w:val="center"/>'
        '</w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="404040"/></w:rPr>',
    ),
    (
        "paragraph",
        "Heading1",
        "heading 1",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/>'
        '<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" '
        'w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>',
    ),
    (
        "paragraph",
        "Heading2",
        "heading 2",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/>'
        "<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
        '<w:spacing w:before="240" w:after="80"/><w:jc w:val="left"/>'
        '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>',
    ),
    (
        "paragraph",
        "Heading3",
        "heading 3",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/>'
        "<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
        '<w:spacing w:before="200" w:after="60"/><w:jc w:val="left"/>'
        '<w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>',
    ),
    (
        "paragraph",
        "ListBullet",
        "List Bullet",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:qFormat/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
        '<w:spacing w:after="160"/><w:ind w:left="567" w:hanging="340"/>'
        '<w:contextualSpacing/><w:jc w:val="left"/></w:pPr>',
    ),
    (
        "paragraph",
        "ListNumber",
        "List Number",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:qFormat/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr>'
        '<w:spacing w:after="160"/><w:ind w:left="567" w:hanging="340"/>'
        '<w:contextualSpacing/><w:jc w:val="left"/></w:pPr>',
    ),
    (
        "paragraph",
        "Quote",
        "Quote",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/>'
        '<w:qFormat/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr>'
        "<w:rPr><w:i/><w:iCs/></w:rPr>",
    ),
    (
        "paragraph",
        "Signature",
        "Signature",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="480" w:after="0"/>'
        '<w:jc w:val="right"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>',
    ),
    (
        "paragraph",
        "Date",
        "Date",
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="99"/>'
        '<w:unhideWhenUsed/><w:pPr><w:keepLines/><w:spacing w:before="60" w:after="0"/>'
        '<w:jc w:val="right"/></w:pPr>',
    ),
    (
        "paragraph",
        "Header",
        "header",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="808080"/>'
        f'</w:pBdr><w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
        f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>'
        '<w:rPr><w:color w:val="262626"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
    ),
    (
        "paragraph",
        "Footer",
        "footer",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        f'<w:pPr><w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
        f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>'
        '<w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
    ),
    (
        "paragraph",
        "FootnoteText",
        "footnote text",
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
    ),
    (
        "character",
        "FootnoteReference",
        "footnote reference",
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>'
        '<w:vertAlign w:val="superscript"/></w:rPr>',
    ),
]
_DEFAULT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def _level(ilvl: int, fmt: str, text: str, left: int, hanging: int, style: str) -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if ilvl == 0 else ""
    font = (
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr>' if fmt == "bullet" else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{font}</w:lvl>'
    )


NUMBERING = (
    f"<w:numbering {_NS}>"
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
    + _level(0, "bullet", "\u2022", 567, 340, "ListBullet")
    + _level(1, "bullet", "\u2013", 1134, 340, "ListBullet")
    + _level(2, "bullet", "\u25e6", 1701, 340, "ListBullet")
    + '</w:abstractNum><w:abstractNum w:abstractNumId="1">'
    '<w:multiLevelType w:val="hybridMultilevel"/>'
    + _level(0, "decimal", "%1.", 567, 340, "ListNumber")
    + _level(1, "lowerLetter", "%2)", 1134, 340, "ListNumber")
    + _level(2, "lowerRoman", "%3.", 1701, 340, "ListNumber")
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)


def build_styles(document: DocxDocument) -> None:
    """Replace python-docx's 160 styles with the dozen the writer and users need."""
    root = document.styles.element
    latent = root.find(qn("w:latentStyles"))
    for child in list(root):
        root.remove(child)
    root.append(parse_xml(DOC_DEFAULTS))
    if latent is not None:
        root.append(latent)
    for kind, style_id, name, inner in STYLES:
        default = ' w:default="1"' if style_id in _DEFAULT_STYLES else ""
        root.append(
            parse_xml(
                f'<w:style {_NS} w:type="{kind}"{default} w:styleId="{style_id}">'
                f'<w:name w:val="{name}"/>{inner}</w:style>'
            )
        )


def build_numbering(document: DocxDocument) -> None:
    root = document.part.numbering_part.element
    for child in list(root):
        root.remove(child)
    for child in parse_xml(NUMBERING):
        root.append(child)


def build_page(document: DocxDocument) -> None:
    """A4 portrait, 2.5 cm margins, header and footer 1 cm from the edge."""
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Twips(1417))
    section.header_distance = section.footer_distance = Twips(567)

    header = section.header
    header.is_linked_to_previous = False
    header.paragraphs[0].style = document.styles["Header"]

    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    add_page_of_pages(paragraph)


def build_settings(document: DocxDocument) -> None:
    """French list separator and decimal comma; no revision ids nor preview picture."""
    settings = document.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState", "w:attachedTemplate"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    for element in settings.findall(qn("w:themeFontLang")):
        element.attrib.clear()
        element.set(qn("w:val"), "fr-FR")
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        for element in settings.findall(qn(tag)):
            element.set(qn("w:val"), value)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013+: no "compatibility mode" banner.


def drop_extra_parts(document: DocxDocument) -> None:
    """Parts of python-docx's template we do not need (Word 2010 effects, web settings)."""
    unwanted = {
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        RT.WEB_SETTINGS,
    }
    rels = document.part.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype in unwanted:
            del rels[rel_id]


def use_font_in_theme(document: DocxDocument) -> None:
    """Theme fonts become Arial too, so "Body"/"Headings" in Word's font list match."""
    rels = document.part.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype != RT.THEME:
            continue
        old = rel.target_part
        blob = re.sub(rb'(<a:latin typeface=")[^"]*(")', rb"\g<1>Arial\g<2>", old.blob)
        del rels[rel_id]
        document.part.relate_to(Part(old.partname, old.content_type, blob, old.package), RT.THEME)


def blank_core_properties(document: DocxDocument) -> None:
    properties = document.core_properties
    for name in (
        "author",
        "category",
        "comments",
        "content_status",
        "identifier",
        "keywords",
        "language",
        "last_modified_by",
        "subject",
        "title",
        "version",
    ):
        setattr(properties, name, "")
    properties.revision = 1
    core = document.part.package.part_related_by(RT.CORE_PROPERTIES).element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for element in core.findall(qn(tag)):
            core.remove(element)


def main() -> None:
    document = Document()
    build_styles(document)
    build_numbering(document)
    build_settings(document)
    build_page(document)
    ensure_footnotes_part(document)
    drop_extra_parts(document)
    use_font_in_theme(document)
    scrub_package(document)
    blank_core_properties(document)
    document.save(str(TARGET))
    print(f"écrit : {TARGET}")


if __name__ == "__main__":
    main()
