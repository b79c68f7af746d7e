"""Every page reads again only when data of a kind it shows changed: saving a question
leaves the Calendrier and the employers as they were, but reaches every page that shows
questions, whichever page it was saved on; a restore reloads them all."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.data_kinds import ALL_KINDS, DataKind
from aiconsult_desktop.services.backups import make_backup, restore_backup, restore_file
from aiconsult_desktop.services.dossiers import delete_dossier
from aiconsult_desktop.services.employers import list_employers
from aiconsult_desktop.services.questions import save_question
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.store import Store
from aiconsult_desktop.store.changes import TABLE_KINDS
from aiconsult_desktop.ui.freshness import shows
from aiconsult_desktop.ui.main_window import PAGES, MainWindow
from tests.gui_support import make_window
from tests.helpers import counted_queries

NAMES = [spec.attribute for spec in PAGES]

READ_NOT_SHOWN: dict[str, frozenset[DataKind]] = {
    "dashboard": frozenset({"dossiers"}),
    "questions": frozenset({"statements"}),
    "ai_tools": frozenset({"statements"}),
}
"""Kinds a page reads but shows nothing of: the dashboard's AI tools come with their
dossier's title, which its card never names; the meetings in the Questions and « Outils
d'IA » choices come with their statement count, which those pages never show."""

_READ = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)', re.IGNORECASE)


def test_every_page_declares_the_kinds_it_shows_and_reads_no_other(
    qtbot: QtBot, demo_store: Store
) -> None:
    window = make_window(qtbot, demo_store)
    for index, name in enumerate(NAMES):
        page = window.page(index)
        assert "shows" in dir(type(page)), f"{name} declares no kinds: every change reloads it"
        declared = shows(page)
        assert declared and declared <= ALL_KINDS, name
        window.show_page(index)
        demo_store.writes.mark_everything()  # as after a restore: everything is read again
        with counted_queries(demo_store) as statements:
            page.refresh()
        tables = {table.lower() for s in statements for table in _READ.findall(s)}
        assert tables, f"{name} read nothing: the check below would prove nothing"
        unnamed = tables - TABLE_KINDS.keys()
        assert not unnamed, f"{name} reads {unnamed}, which no kind names (store/changes.py)"
        read = {TABLE_KINDS[table] for table in tables}
        missing = read - declared - READ_NOT_SHOWN.get(name, frozenset())
        assert not missing, f"{name} shows {missing} without declaring it: it would go stale"


def _count_refreshes(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Every page built and filled once, then how many times each one reads again."""
    counts = dict.fromkeys(NAMES, 0)
    for index, name in enumerate(NAMES):
        window.show_page(index)
        page = window.page(index)
        original = page.refresh  # type: ignore[attr-defined]

        def counted(name: str = name, original: object = original) -> None:
            counts[name] += 1
            original()  # type: ignore[operator]

        monkeypatch.setattr(page, "refresh", counted)
    return counts


def _show_all(window: MainWindow) -> None:
    for index in range(len(PAGES)):
        window.show_page(index)


def _showing(kind: DataKind, window: MainWindow) -> set[str]:
    return {name for index, name in enumerate(NAMES) if kind in shows(window.page(index))}


def test_a_saved_question_reloads_the_pages_showing_questions_and_no_other(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    counts = _count_refreshes(window, monkeypatch)
    window.open_page(window.employers)
    _show_all(window)
    assert set(counts.values()) == {0}, "nothing was written: every page shown as it was"

    employer = list_employers(demo_store)[0]
    window.open_page(window.employers)
    save_question(  # as the Questions page or the dashboard's dialog does
        demo_store,
        QuestionData(
            employer_id=employer.id, text="Plan de formation 2026 ?", asked_on=date.today()
        ),
    )
    window.notify_changed()
    assert counts["employers"] == 0, "the page on screen shows no question"
    _show_all(window)
    reloaded = {name for name, count in counts.items() if count}
    assert reloaded == _showing("questions", window)
    assert reloaded == {"dashboard", "questions", "ai_tools", "dossiers"}
    assert all(counts[name] == 1 for name in reloaded), counts
    assert window.dashboard.findChildren(QWidget, "pendingQuestions")  # read, not only counted


def test_the_organisation_saved_in_the_settings_reaches_the_pages_naming_it(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, demo_store)
    counts = _count_refreshes(window, monkeypatch)
    settings = window.settings
    window.open_page(settings)
    settings.signature_edit.setText("Pour la section, la secrétaire")
    settings.save()
    assert counts["settings"] == 1, "the page on screen reads what it saved"
    _show_all(window)
    reloaded = {name for name, count in counts.items() if count}
    assert reloaded == _showing("organisation", window)
    assert {"statements", "dossiers", "dashboard"} <= reloaded
    assert not reloaded & {"meetings", "questions", "ai_tools", "employers"}


def test_a_deleted_dossier_reaches_the_records_the_base_unlinked_from_it(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base itself unlinks the meetings, questions, statements and AI tools of a
    deleted dossier (ON DELETE SET NULL): the pages showing them read again."""
    window = make_window(qtbot, demo_store)
    counts = _count_refreshes(window, monkeypatch)
    window.open_page(window.employers)
    [tool] = window.dashboard.findChildren(QLabel, "toolInBreach")
    assert "questions sans réponse" in tool.text()  # those of LigérIA's dossier

    delete_dossier(demo_store, 1)  # the demo's only dossier
    window.notify_changed()
    _show_all(window)
    reloaded = {name for name, count in counts.items() if count}
    assert reloaded == {"dashboard", "meetings", "questions", "statements", "ai_tools", "dossiers"}
    [tool] = window.dashboard.findChildren(QLabel, "toolInBreach")
    assert "questions sans réponse" not in tool.text()


def test_a_restore_reloads_every_page(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_store.path is not None
    backup = make_backup(demo_store.path)
    window = make_window(qtbot, demo_store)
    counts = _count_refreshes(window, monkeypatch)
    window.open_page(window.employers)
    restore_backup(demo_store, backup)
    window.notify_changed()  # as the settings page does once its restore dialog closed
    assert counts["employers"] == 1, "the page on screen reads the restored base at once"
    _show_all(window)
    assert all(count == 1 for count in counts.values()), counts

    # A restore run from a terminal: the window notices the replaced file when it comes
    # back to the front, and every page reads the base it holds now.
    window.open_page(window.employers)
    restore_file(demo_store.path, backup, release=demo_store.engine.dispose)
    assert window.follow_replaced_base()
    assert counts["employers"] == 2
    _show_all(window)
    assert all(count == 2 for count in counts.values()), counts


def test_the_write_log_sees_what_a_delete_changes_through_the_foreign_keys(
    demo_store: Store,
) -> None:
    tick = demo_store.writes.tick()
    with demo_store.engine.begin() as connection:  # raw SQL: no ORM cascade says anything
        connection.exec_driver_sql("DELETE FROM dossier WHERE id = 1")
    assert demo_store.writes.kinds_since(tick) == {
        "dossiers",  # its facts went with it
        "meetings",
        "questions",
        "statements",
        "ai_tools",  # unlinked from it
    }
    tick = demo_store.writes.tick()
    with demo_store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE organisation SET place = 'Nantes'")
    assert demo_store.writes.kinds_since(tick) == {"organisation"}
