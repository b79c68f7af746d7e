"""« 1 question », « 13 questions »: counts agree, and no « question(s) » comes back."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import aiconsult_desktop
from aiconsult_desktop.cli.french import translate
from aiconsult_desktop.domain.french import agreed, plural
from aiconsult_desktop.services.calendar_ics import ExportResult
from aiconsult_desktop.services.calendar_import import ImportResult
from aiconsult_desktop.services.deadlines import Upcoming
from aiconsult_desktop.services.employers import Dependents
from aiconsult_desktop.ui.reminders import reminder_text

PACKAGE = Path(aiconsult_desktop.__file__).parent
HEDGED = re.compile(r"\w\((s|e|es|x)\)")
"""« réunion(s) », « créé(e) », « mise(s) à jour »: a count left unagreed."""


def _literals(tree: ast.AST) -> list[tuple[int, str]]:
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_no_string_in_the_package_hedges_a_plural() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in _literals(ast.parse(path.read_text(encoding="utf-8")))
        if HEDGED.search(text)
    ]
    assert not found, "Use domain.french.plural / agreed:\n" + "\n".join(found)


def test_the_scan_sees_hedged_plurals_in_f_strings() -> None:
    tree = ast.parse('f"{n} réunion(s) créée(s)"')
    assert [text for _line, text in _literals(tree) if HEDGED.search(text)]


def test_ics_import_summary_agrees_with_one_and_thirteen() -> None:
    assert ImportResult(created=1, updated=1).summary() == "1 réunion créée, 1 mise à jour."
    assert (
        ImportResult(created=13, updated=13, unchanged=2).summary()
        == "13 réunions créées, 13 mises à jour, 2 déjà à jour."
    )


def test_employer_deletion_lists_what_goes_with_it_in_good_french() -> None:
    assert Dependents(meetings=1, questions=13, statements=1, ai_tools=13).describe() == (
        "1 réunion, 13 questions, 1 déclaration, "
        "13 outils d'IA (avec leur historique et leur suivi)"
    )
    assert Dependents(meetings=13, questions=1, statements=13, ai_tools=1).describe() == (
        "13 réunions, 1 question, 13 déclarations, "
        "1 outil d'IA (avec leur historique et leur suivi)"
    )


def test_calendar_export_counts_the_meetings_left_out() -> None:
    one = ExportResult(Path("a.ics"), 1, [f"R{i}" for i in range(6)]).summary()
    many = ExportResult(Path("a.ics"), 13, [f"R{i}" for i in range(18)]).summary()
    assert one.startswith("1 réunion exportée") and one.endswith(" et 1 autre.")
    assert many.startswith("13 réunions exportées") and many.endswith(" et 13 autres.")


def test_reminder_mentions_the_others_in_good_french() -> None:
    today = date(2025, 6, 5)
    found = [Upcoming(today, f"Envoyer nos questions {i}", None) for i in range(14)]
    assert "(et 1 autre à faire)" in reminder_text(found[:2], today)
    assert "(et 13 autres à faire)" in reminder_text(found, today)


def test_words_after_a_count_agree() -> None:
    assert plural(1, "question") == "1 question" and plural(13, "question") == "13 questions"
    assert agreed(1, "créée") == "créée" and agreed(13, "créée") == "créées"
    assert agreed(13, "est rattachée", "sont rattachées") == "sont rattachées"
    assert translate("expected 13 arguments") == "13 valeurs attendues"
    assert translate("expected 1 argument") == "une valeur est attendue"
