"""French everywhere: Qt's own strings (standard buttons), dates and numbers."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


def install_french(app: QApplication) -> None:
    """Use Qt's bundled qtbase_fr so QMessageBox/QDialogButtonBox say "Annuler", "Oui"…"""
    QLocale.setDefault(FRENCH)
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
    return FRENCH.toString(QDateTime(value), f"{_day(value)} MMMM yyyy, HH:mm")


def month_year(value: date | datetime) -> str:
    """mars 2025, for meetings known only by their month."""
    return FRENCH.toString(QDate(value.year, value.month, 1), "MMMM yyyy")
