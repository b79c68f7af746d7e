"""Word exports of statements and meeting packs: read back with python-docx, rendered by
LibreOffice (every kind in one conversion), and the bad inputs of issue 4. (A 1 MB
statement: tests/test_export_intervention.py.)"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from aiconsult_desktop.domain.enums import StatementKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.export.docx_io import default_template
from aiconsult_desktop.export.pdf import convert_to_pdf
from aiconsult_desktop.services import statements
from aiconsult_desktop.services.exports import export_statement, export_statement_pdf
from aiconsult_desktop.services.pack_export import export_meeting_pack
from aiconsult_desktop.services.records import StatementData
from aiconsult_desktop.services.statement_settings import set_letterhead
from aiconsult_desktop.store import Store
from tests.helpers import plain, small_dossier

REDEVABILITE = "Le terme de redevabilité est la traduction française"
MAY_STATEMENT = 4  # the demo's 15 May 2025 statement, with its footnote
RICH = (
    "# Nos constats\n"
    "Un texte **gras**, *italique* et <u>souligné</u>.\n"
    "- une puce avec note[^1]\n\n"
    "1. premier\n2. second\n\n"
    "> Une citation annotée[^2]\n\n"
    "1) recommence\n\n"
    "Fin 😀 \x07 contrôle.\n\n"
    "[^1]: Note dans une liste.\n"
    "[^2]: Note dans une citation."
)


def add_statement(store: Store, meeting_id: int, text: str, **more: object) -> int:
    saved = statements.save_statement(
        store,
        StatementData(
            meeting_id=meeting_id,
            kind=StatementKind.INTERVENTION,
            title=str(more.pop("title", "Point IA")),
            text=text,
            **more,  # type: ignore[arg-type]
        ),
    )
    assert saved.id is not None
    return saved.id


def numbering_of(paragraph: docx.text.paragraph.Paragraph) -> str | None:
    values = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    return values[0] if values else None


def test_runs_styles_lists_and_footnotes_read_back(store: Store, tmp_path: Path) -> None:
    ids = small_dossier(store)
    statement_id = add_statement(store, ids["meeting"], RICH)
    path = export_statement(store, statement_id, tmp_path / "riche")

    assert path.suffix == ".docx"
    document = docx.Document(str(path))
    paragraphs = {plain(p.text): p for p in document.paragraphs}
    assert paragraphs["Nos constats"].style.name == "Heading 1"
    runs = {plain(r.text): r for r in paragraphs["Un texte gras, italique et souligné."].runs}
    assert runs["gras"].bold and runs["italique"].italic and runs["souligné"].underline
    assert paragraphs["une puce avec note"].style.name == "List Bullet"
    assert paragraphs["Une citation annotée"].style.name == "Quote"
    first, second, again = (paragraphs[t] for t in ("premier", "second", "recommence"))
    assert numbering_of(first) == numbering_of(second) != numbering_of(again)
    assert "Fin 😀  contrôle." in paragraphs
    with zipfile.ZipFile(path) as package:
        notes = package.read("word/footnotes.xml").decode()
        body = package.read("word/document.xml").decode()
    assert "Note dans une liste." in notes and "Note dans une citation." in notes
    assert body.count("<w:footnoteReference") == 2
    assert "[^" not in body


def test_pending_questions_block_is_numbered_with_its_dates(store: Store, tmp_path: Path) -> None:
    ids = small_dossier(store)
    path = export_statement(store, ids["statement"], tmp_path / "q.docx", with_questions=True)
    texts = [plain(p.text) for p in docx.Document(str(path)).paragraphs]
    assert "Questions en attente de réponse" in texts
    assert (
        "Quel calendrier de consultation du CST sur l'outil d'IA ? "
        "(posée le 5 juin 2025, sans réponse à ce jour)"
    ) in texts


def test_an_empty_statement_is_refused_with_a_message(store: Store, tmp_path: Path) -> None:
    ids = small_dossier(store)
    empty = add_statement(store, ids["meeting"], "  \n\n", title="Vide")
    with pytest.raises(UserError, match="est vide"):
        export_statement(store, empty, tmp_path / "vide.docx")
    # In a meeting pack it gets a placeholder instead.
    pack = export_meeting_pack(store, ids["meeting"], tmp_path / "pack.docx")
    assert "(texte non rédigé)" in [plain(p.text) for p in docx.Document(str(pack)).paragraphs]


def test_a_renamed_pdf_letterhead_falls_back_with_a_french_notice(
    store: Store, tmp_path: Path
) -> None:
    ids = small_dossier(store)
    fake = tmp_path / "entete.docx"
    fake.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    set_letterhead(store, fake)
    notices: list[str] = []
    path = export_statement(store, ids["statement"], tmp_path / "x.docx", notices=notices)
    assert path.exists()
    assert notices and "n'est pas un document Word lisible" in notices[0]
    assert "modèle par défaut" in notices[0]


def test_core_and_app_properties_name_only_the_organisation(store: Store, tmp_path: Path) -> None:
    ids = small_dossier(store)
    path = export_meeting_pack(store, ids["meeting"], tmp_path / "pack.docx")
    with zipfile.ZipFile(path) as package:
        core = package.read("docProps/core.xml").decode()
        app = (
            package.read("docProps/app.xml").decode()
            if "docProps/app.xml" in package.namelist()
            else ""
        )
    assert "Syndicat CGT des territoriaux de Lyon" in core
    assert "Déclarations CGT — CST du 5 juin 2025" in core
    for leak in ("python-docx", "Microsoft", "LibreOffice", "root", "Normal.dotm"):
        assert leak not in core and leak not in app


def test_the_meeting_pack_orders_statements_by_agenda_then_questions(
    demo_store: Store, tmp_path: Path
) -> None:
    path = export_meeting_pack(demo_store, 4, tmp_path / "pack-mai.docx")
    texts = [plain(p.text) for p in docx.Document(str(path)).paragraphs if plain(p.text)]
    assert texts[0] == "DÉCLARATIONS CGT — RÉUNION D'INFORMATION DU 15 MAI 2025"
    assert texts.index("Questions posées") > texts.index("Exigence de transparence et redevabilité")
    assert sum("— Posée le 15 mai 2025" in t for t in texts) == 8
    with zipfile.ZipFile(path) as package:
        assert REDEVABILITE in package.read("word/footnotes.xml").decode()


@pytest.mark.libreoffice
def test_every_export_renders_in_libreoffice_with_its_footnotes(
    demo_store: Store, tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    """One LibreOffice run for the Word exports: the real client, footnote text included."""
    # A template saved by LibreOffice (not Word) must work as a letterhead.
    saved_by_lo = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(saved_by_lo),
            str(default_template()),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    letterhead = saved_by_lo / "intervention.docx"
    assert letterhead.is_file()
    set_letterhead(demo_store, letterhead)

    exports = tmp_path / "exports"
    exports.mkdir()
    notices: list[str] = []
    statement = export_statement(
        demo_store, MAY_STATEMENT, exports / "mai.docx", with_questions=True, notices=notices
    )
    assert not [n for n in notices if "lisible" in n]
    pack = export_meeting_pack(demo_store, 4, exports / "pack.docx")
    pdfs = convert_to_pdf([statement, pack], tmp_path / "pdf")
    pages = {}
    for pdf in pdfs:
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, check=True, timeout=60
        ).stdout.decode()
        pages[pdf.stem] = plain(" ".join(text.split()))
    for name in ("mai", "pack"):
        assert REDEVABILITE in pages[name]
        assert "Exigence de transparence et redevabilité" in pages[name]
        assert "Page 1 / " in pages[name] or "1 / " in pages[name]
    assert "DÉCLARATION CGT EN RÉUNION D'INFORMATION DU 15 MAI 2025" in pages["mai"]
    assert "sans réponse à ce jour" in pages["mai"]
    assert "Questions diverses Questions posées" in pages["pack"]

    # "Exporter en PDF" goes through the same conversion.
    pdf = export_statement_pdf(demo_store, MAY_STATEMENT, tmp_path / "mai-direct")
    assert pdf.suffix == ".pdf" and pdf.stat().st_size > 1000
