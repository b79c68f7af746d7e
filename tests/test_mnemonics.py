"""Alt letters: on every page and tab, no two visible controls answer the same one.

Users who work from the keyboard press Alt+letter to reach a field or a button; when two
visible controls share a letter, Qt only cycles between them and the button is never
pressed. Each feature added its own labels, so clashes crept in between features.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.services import body_rules, employers
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.pages.body_rules_dialog import BodyRulesDialog
from tests.gui_support import make_window

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _visible_letters(window: MainWindow) -> dict[str, list[str]]:
    """Each Alt letter → the texts of the visible controls that carry it."""
    owners: dict[str, list[str]] = defaultdict(list)
    texts: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            texts.append(button.text())
    for label in window.findChildren(QLabel):
        if label.isVisible():
            texts.append(label.text())
    for box in window.findChildren(QGroupBox):
        if box.isVisible():
            texts.append(box.title())
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisible():
            texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    for text in texts:
        letter = _letter(text)
        if letter:
            owners[letter].append(text)
    return owners


def _clashes(window: MainWindow, where: str) -> list[str]:
    return [
        f"{where} — Alt+{letter.upper()} : {' / '.join(texts)}"
        for letter, texts in _visible_letters(window).items()
        if len(texts) > 1
    ]


def test_no_two_visible_controls_share_an_alt_letter(qtbot: QtBot, demo_store: Store) -> None:
    window = make_window(qtbot, demo_store)
    window.resize(1280, 800)
    found: list[str] = []
    for page in window.pages:
        window.open_page(page)
        found += _clashes(window, str(getattr(page, "title", "")))
        tab_widgets: list[QTabWidget] = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
        for tabs in tab_widgets:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                found += _clashes(window, f"{getattr(page, 'title', '')} / {tabs.tabText(index)}")
    assert found == []
    # The check itself sees the letters (a scan that found nothing would pass anyway).
    window.open_page(window.questions)
    assert "l" in _visible_letters(window)  # « &Liste de relance… »


def test_every_field_of_the_rules_dialog_has_its_own_alt_letter(
    qtbot: QtBot, demo_store: Store
) -> None:
    body = employers.list_employers(demo_store)[0].bodies[0]
    dialog = BodyRulesDialog(demo_store, body_rules.get_body_rules(demo_store, body.id))
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if _letter(label.text())]
    letters = [_letter(label.text()) for label in labels]
    letters.append(_letter(dialog.working_days.text()))
    assert len(letters) == len(set(letters)) == len(dialog.fields) + 1
    assert {label.buddy() for label in labels} == set(dialog.fields.values())


def test_the_letter_finder_reads_qt_mnemonics() -> None:
    assert _letter("&Enregistrer") == "e"
    assert _letter("Rè&gles de l'instance…") == "g"
    assert _letter("Questions && réponses") is None
    assert _letter("Sans lettre") is None
