"""Qt's file and colour dialogs speak French and open where the user's files are."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from aiconsult_desktop.ui import dialogs, file_dialogs, window_state
from aiconsult_desktop.ui.locale import install_french

ENGLISH = ("Look in", "File name", "Files of type", "Cancel", "Save", "Open", "Folder", "KiB")


class _Asked(QTranslator):
    """Records every string Qt asks to translate and answers none (None lets Qt ask the
    next translators): the test then checks that each has a French translation."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str | None]] = set()

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.add((context, source_text, disambiguation))
        return None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of the test's own with its Documents folder; no folder remembered."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setattr(window_state, "_last_folder", [])
    return home


def _texts(dialog: QDialog) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    for button in dialog.findChildren(QAbstractButton):
        texts += [button.text(), button.toolTip()]
    for combo in dialog.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [text.replace("&", "") for text in texts if text]


def _untranslated(asked: set[tuple[str, str, str | None]]) -> list[str]:
    same_in_french = {"OK", "Type", "Num", "Alt", "Tab", "Ctrl", "Pause", "QT_LAYOUT_DIRECTION"}
    return [
        source
        for context, source, disambiguation in asked
        if source not in same_in_french
        and QCoreApplication.translate(context, source, disambiguation) == source
    ]


def test_qt_file_dialog_is_french_and_opens_in_documents(
    qapp: QApplication, qtbot: QtBot, home: Path
) -> None:
    install_french(qapp)
    (home / "Documents" / "Compte rendu.docx").write_bytes(b"x" * 3000)
    (home / "Documents" / "CST 2025").mkdir()
    asked = _Asked()
    qapp.installTranslator(asked)
    try:
        dialog = file_dialogs.file_dialog(
            None, "Importer", "Tous les fichiers (*)", file_dialogs.start_folder(), save=False
        )
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # as on Linux, not Windows
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        view = dialog.findChild(QTreeView, "treeView")
        assert view is not None
        model = view.model()
        qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)
        rows = [
            [model.index(row, column, view.rootIndex()).data() for column in range(4)]
            for row in range(2)
        ]
    finally:
        qapp.removeTranslator(asked)

    assert Path(dialog.directory().absolutePath()) == home / "Documents"
    texts = _texts(dialog)
    assert {"Voir dans\u00a0:", "Nom de fichier\u00a0:", "Fichiers de type\u00a0:"} <= set(texts)
    assert "Ouvrir" in texts and "Annuler" in texts
    assert not [text for text in texts if any(word in text for word in ENGLISH)]
    headers = [model.headerData(column, view.header().orientation()) for column in range(4)]
    assert headers == ["Nom", "Taille", "Type", "Dernière modification"]
    folder, document = sorted(rows, key=lambda row: row[0])
    assert folder[0] == "CST 2025" and folder[2] == "Dossier" and folder[1] == ""
    assert document[1] == "2,93 Kio"  # French units and decimal comma, whatever LANG says
    assert document[3][2] == "/" and document[3][5] == "/"  # 01/12/2026 11:09
    assert not _untranslated(asked.asked)


def test_save_dialog_offers_the_name_in_the_last_folder_used(
    qapp: QApplication, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_french(qapp)
    opened: list[tuple[Path, list[str], str]] = []

    def answer(dialog: QFileDialog) -> int:
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptOpen:
            dialog.selectFile("invitation.ics")  # a double-click on a file shown
        opened.append(
            (Path(dialog.directory().absolutePath()), dialog.selectedFiles(), dialog.windowTitle())
        )
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", answer)
    first = dialogs.save_path(None, "Exporter le calendrier", Path("reunions.ics"), "(*.ics)")
    assert first == home / "Documents" / "reunions.ics"
    assert opened[-1][0] == home / "Documents"

    exports = tmp_path / "Exports CST"
    exports.mkdir()
    (exports / "invitation.ics").write_text("BEGIN:VCALENDAR", encoding="utf-8")
    window_state.remember_folder(exports)  # as after an export there
    chosen = dialogs.open_path(None, "Importer une invitation", "(*.ics)")
    assert chosen == exports / "invitation.ics" and opened[-1][0] == exports
    second = dialogs.save_path(None, "Exporter en Word", Path("Intervention.docx"), "(*.docx)")
    assert second == exports / "Intervention.docx"
    assert opened[-1][1] == [str(exports / "Intervention.docx")]


def test_colour_dialog_is_french(qapp: QApplication, qtbot: QtBot) -> None:
    install_french(qapp)
    asked = _Asked()
    qapp.installTranslator(asked)
    try:
        dialog = QColorDialog()
        qtbot.addWidget(dialog)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
        dialog.show()
    finally:
        qapp.removeTranslator(asked)
    texts = _texts(dialog)
    assert "Rouge\u00a0:" in texts and "Annuler" in texts
    assert not [text for text in texts if "Cancel" in text or "Basic colors" in text]
    assert not _untranslated(asked.asked)
