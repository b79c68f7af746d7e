"""The window fits the laptop it opens on and comes back as the user left it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import dialogs, window_state
from aiconsult_desktop.ui.main_window import MainWindow
from tests.gui_support import make_window, type_text

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 minus a 40 px task bar
SMALL = QRect(0, 0, 1280, 680)  # 1280×720 minus its task bar
WIDE = QRect(0, 0, 1920, 1040)


@pytest.mark.parametrize("available", [LAPTOP, SMALL, QRect(0, 0, 1093, 582)])
def test_first_start_fits_the_screen_with_its_frame(available: QRect) -> None:
    """At 1366×768, 1280×720 and 1366×768 at 125 %, the status bar stays on screen."""
    client = window_state.fitted_geometry(available)
    with_frame = client.marginsAdded(window_state.FRAME)
    assert available.contains(with_frame)


def test_a_big_screen_gets_the_preferred_size_centred() -> None:
    client = window_state.fitted_geometry(WIDE)
    assert client.size() == QSize(1200, 780)
    assert abs(client.center().x() - WIDE.center().x()) <= 1


def test_a_place_on_a_screen_that_is_gone_is_brought_back() -> None:
    on_second_monitor = QRect(2100, 200, 1000, 600)
    back = window_state.brought_back(on_second_monitor, [LAPTOP])
    assert LAPTOP.contains(back)
    assert back.size() == QSize(1000, 600)
    on_screen = QRect(100, 100, 900, 600)
    assert window_state.brought_back(on_screen, [LAPTOP]) == on_screen


def test_first_start_window_fits_a_1366_laptop(qtbot: QtBot, store: Store, data_dir: Path) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window_state.restore(window, data_dir, screens=[LAPTOP])
    assert LAPTOP.contains(window.geometry())
    assert LAPTOP.contains(window.geometry().marginsAdded(window_state.FRAME))


def test_size_place_and_page_restored_after_a_restart(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.remember_in(data_dir)
    first.show()
    first.setGeometry(QRect(40, 60, 1100, 520))
    first.show_page(2)
    first.close()

    second = MainWindow(store)
    qtbot.addWidget(second)
    second.remember_in(data_dir)
    second.show()
    assert second.geometry() == QRect(40, 60, 1100, 520)
    assert second.stack.currentWidget() is second.questions
    assert not second.isMaximized()


def test_maximised_state_is_remembered(qtbot: QtBot, store: Store, data_dir: Path) -> None:
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.remember_in(data_dir)
    first.showMaximized()
    first.close()

    second = MainWindow(store)
    qtbot.addWidget(second)
    second.remember_in(data_dir)
    assert second.windowState() & second.windowState().WindowMaximized


def test_the_size_never_jumps_when_a_form_becomes_unsaved(qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    window.resize(900, 560)
    window.go_to("meetings")
    qtbot.wait(20)
    before = window.size()
    page = window.meetings
    page.new()
    type_text(qtbot, page.form.title, "Une réunion au titre assez long pour tout pousser")
    qtbot.waitUntil(lambda: page.status_label.text() != "")
    qtbot.wait(20)
    assert window.size() == before


def test_last_export_folder_is_remembered_across_starts(
    qtbot: QtBot, store: Store, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = tmp_path / "exports CST"
    exports.mkdir()
    opened_at: list[str] = []

    def dialog(shown: QFileDialog) -> int:
        opened_at.append(shown.selectedFiles()[0])
        shown.setDirectory(str(exports))  # the user goes to « exports CST » and saves
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", dialog)
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.remember_in(data_dir)
    dialogs.save_path(first, "Exporter", Path.home() / "Documents" / "a.docx", "")
    first.close()
    window_state.remember_folder(tmp_path / "gone")  # forgotten at exit, read back below

    second = MainWindow(store)
    qtbot.addWidget(second)
    second.remember_in(data_dir)
    dialogs.save_path(second, "Exporter", Path("b.docx"), "")
    assert opened_at[-1] == str(exports / "b.docx")
