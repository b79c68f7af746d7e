"""The questions register as a delegate reads it: dossiers in French alphabetical order,
one level of brackets, and never a signature alone on the last page."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from aiconsult_desktop.domain.collation import french_sorted
from aiconsult_desktop.export.pdf import convert_to_pdf
from aiconsult_desktop.export.questions_docx import (
    ListedQuestion,
    QuestionGroup,
    QuestionsDocument,
    write_questions,
)
from aiconsult_desktop.services import dossiers, questions
from aiconsult_desktop.services.question_exports import export_questions
from aiconsult_desktop.services.records import DossierData, QuestionData
from tests.helpers import new_store, plain, small_dossier

TITLES = ["Droit à la déconnexion", "Éducation et formation", "Déploiement de l'IA", "œuvres"]
FRENCH_ORDER = ["Déploiement de l'IA", "Droit à la déconnexion", "Éducation et formation", "œuvres"]


def test_french_order_folds_accents_case_and_ligatures() -> None:
    assert french_sorted(TITLES, str) == FRENCH_ORDER
    assert french_sorted(["zèbre", "Zoé", "école", "Eau"], str) == ["Eau", "école", "zèbre", "Zoé"]


def test_dossiers_sort_in_french_on_screen_and_in_the_register(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    ids = small_dossier(store)
    for title in TITLES:
        dossier = dossiers.save_dossier(store, DossierData(title))
        questions.save_question(
            store,
            QuestionData(
                employer_id=ids["employer"],
                text=f"Où en est le dossier {title} ?",
                asked_on=date(2025, 6, 5),
                dossier_id=dossier.id,
                meeting_id=ids["meeting"],
            ),
        )
    assert [d.title for d in dossiers.list_dossiers(store)] == FRENCH_ORDER

    target = export_questions(store, tmp_path / "registre.docx", today=date(2025, 9, 1))
    paragraphs = [plain(p.text) for p in docx.Document(str(target)).paragraphs]
    headings = [p for p in paragraphs if p in TITLES or p == "Hors dossier"]
    assert headings == [*FRENCH_ORDER, "Hors dossier"]
    asked = next(p for p in paragraphs if p.startswith("Où en est le dossier Droit"))
    assert asked.endswith("— Posée le 5 juin 2025 (CST du 5 juin 2025) ; sans réponse à ce jour")
    assert "((" not in "".join(paragraphs) and "))" not in "".join(paragraphs)


def _register(count: int) -> QuestionsDocument:
    listed = [
        ListedQuestion(
            number,
            f"Question numéro {number} sur le déploiement de l'outil et ses effets sur "
            "les agents ?",
            "Posée le 15 mai 2025 ; sans réponse à ce jour",
        )
        for number in range(1, count + 1)
    ]
    return QuestionsDocument(
        heading="Questions restées sans réponse",
        subtitle="Région des Pays de la Loire — état au 1er septembre 2025",
        groups=[QuestionGroup("Déploiement de l'IA", listed)],
        organisation_name="CGT Région des Pays de la Loire",
        place_date="Nantes, le 1er septembre 2025",
        signature="Les élu·es CGT au CST",
    )


@pytest.mark.libreoffice
def test_the_last_page_holds_more_than_the_signature(
    tmp_path: Path, soffice: str, pdftotext: str
) -> None:
    # From 17 to 24 questions the list ends near the foot of page 1: with one of these
    # counts the signature used to land alone on page 2.
    paths = []
    for count in range(17, 25):
        paths.append(tmp_path / f"registre-{count}.docx")
        write_questions(_register(count), paths[-1])
    for pdf in convert_to_pdf(paths, tmp_path / "pdf"):
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, check=True, timeout=60
        ).stdout.decode()
        last = " ".join(plain([page for page in text.split("\f") if page.strip()][-1]).split())
        assert "Les élu·es CGT au CST" in last
        assert "Question numéro" in last, pdf.name


def test_the_ai_tools_register_sorts_tools_in_french(tmp_path: Path) -> None:
    from aiconsult_desktop.services import ai_register, ai_tools
    from aiconsult_desktop.services.ai_records import AiToolData

    store = new_store(tmp_path)
    employer = small_dossier(store)["employer"]
    for name in ("Zoé", "Échéancier", "assistant rédactionnel", "Élise"):
        ai_tools.save_tool(store, AiToolData(employer_id=employer, name=name))
    names = [tool.name for tool in ai_register.list_tools(store)]
    assert names == ["assistant rédactionnel", "Échéancier", "Élise", "Zoé"]
