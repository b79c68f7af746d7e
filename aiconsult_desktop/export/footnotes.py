"""Real Word footnotes (the notes of a statement's Markdown, `mot[^1]` / `[^1]: texte`).

python-docx has no footnote API, so the XML work lives here and nowhere else:

- `word/footnotes.xml` holds the separator (id -1) and continuation separator (id 0)
  Word and LibreOffice expect, then one `w:footnote` per note;
- the body run carries `w:footnoteReference w:id="n"`; Word numbers the notes itself,
  in order of appearance, so the id is only a key;
- `word/settings.xml` names the two separators in `w:footnotePr`, as Word writes it.

Registering `XmlPart` for the footnotes content type makes python-docx parse an existing
footnotes part (the default template has one, so do most letterheads) instead of
keeping it as opaque bytes; the part is then saved from its element like any other.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from aiconsult_desktop.export.docx_runs import append_run
from aiconsult_desktop.export.docx_styles import find_style

PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SEPARATORS_XML = (
    f'<w:footnotes xmlns:w="{_W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)
# Children of w:settings that come after w:footnotePr in the schema's sequence.
_AFTER_FOOTNOTE_PR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def ensure_footnotes_part(document: DocxDocument) -> XmlPart:
    """Return the document's footnotes part, creating it (with separators) if missing."""
    document_part = document.part
    for rel_id, rel in list(document_part.rels.items()):
        if rel.reltype != RT.FOOTNOTES or rel.is_external:
            continue
        part = rel.target_part
        if isinstance(part, XmlPart):
            return part
        # Loaded before our registration took effect: parse it and point the rel at it.
        xml_part = XmlPart(part.partname, part.content_type, parse_xml(part.blob), part.package)
        del document_part.rels[rel_id]
        document_part.relate_to(xml_part, RT.FOOTNOTES)
        return xml_part
    partname = _free_partname(document, "/word/footnotes.xml")
    part = XmlPart(partname, CT.WML_FOOTNOTES, parse_xml(_SEPARATORS_XML), document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    _declare_separators(document)
    return part


class FootnoteWriter:
    """Adds notes to one document, creating its footnotes part on the first note."""

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._part: XmlPart | None = None
        self._root: etree._Element | None = None
        self._next_id = 1
        reference = find_style(document, "footnote reference", WD_STYLE_TYPE.CHARACTER)
        text = find_style(document, "footnote text")
        self._reference_style_id = reference.style_id if reference is not None else None
        self._text_style_id = text.style_id if text is not None else None

    def drop_template_notes(self) -> None:
        """Remove the template's own notes: their calls went with the template's body."""
        if not any(rel.reltype == RT.FOOTNOTES for rel in self._document.part.rels.values()):
            return
        root = self._footnotes_root()
        for note in root.findall(qn("w:footnote")):
            if note.get(qn("w:type"), "normal") == "normal":
                root.remove(note)
        self._next_id = self._first_free_id(root)

    def add(self, p: etree._Element) -> etree._Element:
        """Call a new note at the end of the paragraph `p`; return the note's `w:p`.

        The caller fills the returned paragraph with runs; without a "footnote text"
        style in the template they should be 9 pt (`needs_direct_size`).
        """
        root = self._footnotes_root()
        note_id = str(self._next_id)
        self._next_id += 1

        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), note_id)
        p.append(self._reference_run(reference))

        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        root.append(note)
        note_p = OxmlElement("w:p")
        note.append(note_p)
        pPr = OxmlElement("w:pPr")
        note_p.append(pPr)
        if self._text_style_id is not None:
            style = OxmlElement("w:pStyle")
            style.set(qn("w:val"), self._text_style_id)
            pPr.append(style)
        else:
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:after"), "0")
            pPr.append(spacing)
        note_p.append(self._reference_run(OxmlElement("w:footnoteRef")))
        append_run(note_p, " ", size=Pt(9) if self.needs_direct_size else None)
        return note_p

    @property
    def needs_direct_size(self) -> bool:
        """True when the template has no footnote text style: runs get 9 pt directly."""
        return self._text_style_id is None

    def _reference_run(self, mark: etree._Element) -> etree._Element:
        """A run holding the note's number, superscript by style or directly."""
        run = OxmlElement("w:r")
        rPr = OxmlElement("w:rPr")
        run.append(rPr)
        if self._reference_style_id is not None:
            style = OxmlElement("w:rStyle")
            style.set(qn("w:val"), self._reference_style_id)
            rPr.append(style)
        else:
            vertical = OxmlElement("w:vertAlign")
            vertical.set(qn("w:val"), "superscript")
            rPr.append(vertical)
        run.append(mark)
        return run

    def _footnotes_part(self) -> XmlPart:
        if self._part is None:
            self._part = ensure_footnotes_part(self._document)
        return self._part

    def _footnotes_root(self) -> etree._Element:
        if self._root is None:
            self._root = self._footnotes_part().element
            self._next_id = self._first_free_id(self._root)
        return self._root

    @staticmethod
    def _first_free_id(root: etree._Element) -> int:
        ids = [int(note.get(qn("w:id"), "0")) for note in root.findall(qn("w:footnote"))]
        return max([0, *ids]) + 1


def _free_partname(document: DocxDocument, wanted: str) -> PackURI:
    taken = {str(part.partname) for part in document.part.package.iter_parts()}
    if wanted not in taken:
        return PackURI(wanted)
    stem = wanted.removesuffix(".xml")
    number = 2
    while f"{stem}{number}.xml" in taken:
        number += 1
    return PackURI(f"{stem}{number}.xml")


def _declare_separators(document: DocxDocument) -> None:
    """Name the separator notes in settings, as Word does, when nothing is there yet."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = OxmlElement("w:footnotePr")
    for note_id in ("-1", "0"):
        item = OxmlElement("w:footnote")
        item.set(qn("w:id"), note_id)
        footnote_pr.append(item)
    for tag in _AFTER_FOOTNOTE_PR:
        successor = settings.find(qn(tag))
        if successor is not None:
            successor.addprevious(footnote_pr)
            return
    settings.append(footnote_pr)
