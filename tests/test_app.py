"""Starting the GUI: French from the first dialog, never a traceback, a useful first screen."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from aiconsult_desktop import app
from aiconsult_desktop.services import demo, transfer
from aiconsult_desktop.ui import dialogs, first_start, guard
from aiconsult_desktop.ui.locale import install_french, long_date
from tests.helpers import new_store


def test_startup_check_paints_the_window_and_prints_milliseconds(data_dir: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.cli", "demo"], check=True, capture_output=True
    )
    result = subprocess.run(
        [sys.executable, "-m", "aiconsult_desktop.app", "--startup-check"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.isdigit() and 0 < int(last) < 120_000
    assert "Traceback" not in result.stderr


def test_a_damaged_store_opens_a_french_dialog_and_is_left_untouched(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = data_dir / "aiconsult.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    before = damaged.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, text, _title="": shown.append(text))
    assert app.main(["--data-dir", str(data_dir)]) == 1
    assert len(shown) == 1 and "Il n'a pas été modifié" in shown[0]
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("wants_demo", [True, False])
def test_first_start_offers_the_demo_or_an_empty_base(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wants_demo: bool
) -> None:
    store = new_store(tmp_path)
    asked: list[bool] = []
    monkeypatch.setattr(
        first_start, "ask_first_start", lambda _parent: asked.append(True) or wants_demo
    )
    first_start.offer_first_start(store)
    assert asked == [True]
    assert transfer.is_empty(store) is not wants_demo
    # Never asked again once the base has data.
    asked.clear()
    first_start.offer_first_start(store)
    assert asked == ([] if wants_demo else [True])


def test_an_unexpected_error_shows_french_and_logs_the_traceback(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = tmp_path / "aiconsult.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logging.getLogger().addHandler(handler)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _parent, text, title="": shown.append((title, text))
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    guard.install_excepthook(str(log_file))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as error:
        sys.excepthook(RuntimeError, error, error.__traceback__)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert shown[0][0] == "Erreur inattendue"
    assert "ce que vous aviez déjà enregistré est intact" in shown[0][1]
    assert str(log_file) in shown[0][1] and "boom" not in shown[0][1]
    assert "Traceback" in log_file.read_text(encoding="utf-8")


def test_qt_standard_buttons_and_dates_are_french(qapp: QApplication) -> None:
    install_french(qapp)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes
    )
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Annuler", "Oui"}
    from datetime import date

    assert long_date(date(2025, 6, 5)) == "5 juin 2025"
    assert long_date(date(2025, 7, 1)) == "1er juillet 2025"


def test_the_main_window_opens_on_the_dashboard(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from aiconsult_desktop.ui.main_window import MainWindow

    store = new_store(tmp_path)
    demo.load_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.dashboard
    assert window.sidebar.item(0).text() == "Tableau de bord"
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [
        "Tableau de bord",
        "Calendrier",
        "Questions",
        "Déclarations",
        "Outils d'IA",
        "Dossiers",
        "Employeurs et instances",
        "Paramètres",
    ]


def test_closing_saves_typing_and_stays_open_when_it_cannot(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from aiconsult_desktop.services import organisation, statements
    from aiconsult_desktop.ui.main_window import MainWindow

    store = new_store(tmp_path)
    demo.load_demo(store)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, text, _title="": shown.append(text))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()

    window.show_page(window.pages.index(window.settings))
    window.settings.place_edit.setText("Angers")
    window.settings.place_edit.textEdited.emit("Angers")
    assert window.close()
    assert organisation.get_organisation(store).place == "Angers"

    window.show()
    window.show_page(window.pages.index(window.settings))
    window.settings.name_edit.setText("   ")
    window.settings.name_edit.textEdited.emit("   ")
    answers = [False, True]
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "confirm",
        lambda _p, _t, text, destructive=False: asked.append(text) or answers.pop(0),
    )
    # First "no": the window stays open on the page, the typing is still there.
    assert not window.close()
    assert window.isVisible() and window.stack.currentWidget() is window.settings
    assert "obligatoire" in shown[-1] and "Fermer quand même" in asked[0]
    assert window.settings.name_edit.text() == "   "
    # Then "yes": it closes, the saved organisation untouched.
    assert window.close()
    assert organisation.get_organisation(store).name == "CGT Région des Pays de la Loire"
    assert window.settings.name_edit.text() == "CGT Région des Pays de la Loire"
    assert len(statements.list_statements(store)) == 5


def test_dashboard_voir_shows_that_employers_open_questions(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from aiconsult_desktop.ui.main_window import MainWindow

    store = new_store(tmp_path)
    demo.load_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.pages.index(window.questions))
    window.questions.search.setText("aucun mot de ce genre")
    window.show_page(0)
    window.dashboard.open_questions(1)
    assert window.stack.currentWidget() is window.questions
    assert window.questions.employer_filter.current_id() == 1
    assert window.questions.search.text() == ""
    assert window.questions.view.model().rowCount() == 12
