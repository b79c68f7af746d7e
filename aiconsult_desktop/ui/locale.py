"""French everywhere: Qt's own strings (standard buttons, file dialog), dates and numbers."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator
from PySide6.QtWidgets import QApplication

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


MISSING_IN_QTBASE_FR = {
    ("QFileDialog", "&Look in:"): "&Voir dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
    ("QAbstractFileIconProvider", "Folder"): "Dossier",
    ("QAbstractFileIconProvider", "Drive"): "Lecteur",
    ("QIODevice", "No such file or directory"): "Fichier ou dossier introuvable",
}
"""Strings of Qt's file dialog whose English changed after qtbase_fr.qm was last updated
(Qt 6 added the « & » shortcuts): without these, « Look in: » stays English on Linux."""


class _MissingInQtbase(QTranslator):
    """Answers only the strings above; installed first, so asked only when qtbase_fr has
    no translation (Qt asks the translators installed last first). None, not "", for the
    others: Qt takes an empty string as the translation."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return MISSING_IN_QTBASE_FR.get((context, source_text))

    def isEmpty(self) -> bool:
        return False


def install_french(app: QApplication) -> None:
    """Qt's bundled qtbase_fr (and qt_fr) so that QMessageBox, QDialogButtonBox and Qt's
    file and colour dialogs say « Annuler », « Oui », « Nom de fichier »…; once per app."""
    QLocale.setDefault(FRENCH)
    if app.property("aiconsult_french"):
        return
    app.setProperty("aiconsult_french", True)
    app.installTranslator(_MissingInQtbase(app))
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(FRENCH, name, "_", translations):
            app.installTranslator(translator)


def _day(value: date | datetime) -> str:
    """French writes the first of the month "1er"."""
    return "1er" if value.day == 1 else "d"


def long_date(value: date | datetime | None) -> str:
    """5 juin 2025; 1er juillet 2025."""
    if value is None:
        return ""
    return FRENCH.toString(QDate(value.year, value.month, value.day), f"{_day(value)} MMMM yyyy")


def short_date(value: date | datetime | None) -> str:
    """05/06/2025, for tables where columns must line up."""
    if value is None:
        return ""
    return FRENCH.toString(QDate(value.year, value.month, value.day), "dd/MM/yyyy")


def date_time(value: datetime | None) -> str:
    """5 juin 2025, 09:30."""
    if value is None:
        return ""
    moment = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return FRENCH.toString(moment, f"{_day(value)} MMMM yyyy, HH:mm")


def month_year(value: date | datetime) -> str:
    """mars 2025, for meetings known only by their month."""
    return FRENCH.toString(QDate(value.year, value.month, 1), "MMMM yyyy")
