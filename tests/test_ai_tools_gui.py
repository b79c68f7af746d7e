"""The « Outils d'IA » page (issue 10): the register of every employer's AI tools, its
filters and sorting, the form, the life and checklist dialogs, the computed status shown
as the domain says it, and the bad inputs refused in French without losing anything."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.ai_status import ItemState
from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.services import ai_register, ai_rules
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui.main_window import MainWindow
from aiconsult_desktop.ui.pages.ai_rules_dialog import RulesDialog
from aiconsult_desktop.ui.pages.ai_tool_dialogs import EventDialog, ItemDialog
from aiconsult_desktop.ui.pages.ai_tools import AiToolsPage
from tests.gui_support import CTRL, Dialogs, make_window, type_text


def _page(qtbot: QtBot, store: Store) -> tuple[MainWindow, AiToolsPage]:
    window = make_window(qtbot, store)
    page = window.ai_tools
    window.open_page(page)
    return window, page


def _texts(page: AiToolsPage, column: int) -> list[str]:
    view_model = page.view.model()
    return [view_model.index(r, column).data() for r in range(view_model.rowCount())]


def test_the_model_passes_qtmodeltester(qtbot: QtBot, demo_store: Store, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _window, page = _page(qtbot, demo_store)
    assert page.model.rowCount() >= 1
    qtmodeltester.check(page.model)
    assert page.proxy is not None
    qtmodeltester.check(page.proxy)


def test_the_demo_tool_says_where_it_stands_as_the_domain_does(
    qtbot: QtBot, demo_store: Store
) -> None:
    _window, page = _page(qtbot, demo_store)
    tool = ai_register.get_tool(demo_store, 1)
    assert tool.status is not None
    row = _texts(page, 0).index("LigérIA")
    assert _texts(page, 1)[row] == "Région des Pays de la Loire"
    assert _texts(page, 2)[row] == tool.status.headline
    assert _texts(page, 3)[row] == ("en infraction" if tool.status.in_breach else "")
    page.view.selectRow(row)
    shown = QTextDocumentFragment.fromHtml(page.form.status_view.text()).toPlainText()
    assert shown.splitlines() == [
        f"• {s}" if n else s for n, s in enumerate(tool.status.sentences())
    ]
    assert "Déployé le 12 juin 2025 sans avis du CST" in shown
    # The checklist shows each rule with its source and confidence.
    labels = [page.form.checklist.item(r, 0).text() for r in range(page.form.checklist.rowCount())]
    assert "Avis du CST avant le déploiement" in labels
    opinion = labels.index("Avis du CST avant le déploiement")
    assert "Code général de la fonction publique" in page.form.checklist.item(opinion, 0).toolTip()
    assert page.form.checklist.item(opinion, 3).text() == "Élevée"
    assert page.form.events.rowCount() == len(tool.events)


def test_filters_and_sorting(qtbot: QtBot, demo_store: Store, said: Dialogs) -> None:
    _window, page = _page(qtbot, demo_store)
    page.new()
    type_text(qtbot, page.form.name, "Albert")
    page.save()
    assert said.errors == []
    assert sorted(_texts(page, 0)) == ["Albert", "LigérIA"]
    page.breach_filter.setChecked(True)
    assert _texts(page, 0) == ["LigérIA"]
    page.breach_filter.setChecked(False)
    page.stage_filter.setCurrentIndex(1 + list(LifeStage).index(LifeStage.DEPLOYED))
    assert _texts(page, 0) == ["LigérIA"]
    page.stage_filter.setCurrentIndex(0)
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _texts(page, 0) == ["LigérIA", "Albert"]
    page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _texts(page, 0) == ["Albert", "LigérIA"]
    employer = page.employer_filter.findText("Région des Pays de la Loire")
    page.employer_filter.setCurrentIndex(employer)
    assert len(_texts(page, 0)) == 2


def test_ctrl_n_starts_a_new_tool_in_its_name(qtbot: QtBot, demo_store: Store) -> None:
    _window, page = _page(qtbot, demo_store)
    qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL)
    assert page.editing is None
    assert QApplication.focusWidget() is page.form.name
    type_text(qtbot, page.form.name, "Chatbot de l'accueil")
    page.form.agents.setValue(40)
    page.save()
    saved = [t for t in ai_register.list_tools(demo_store) if t.name == "Chatbot de l'accueil"]
    assert saved and saved[0].agents_count == 40


def test_a_duplicate_name_is_refused_and_the_cursor_goes_to_it(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    _window, page = _page(qtbot, demo_store)
    page.new()
    type_text(qtbot, page.form.name, "ligéria")
    page.form.vendor.setText("Mistral")
    page.save()
    assert "déjà un outil nommé" in said.errors[0]
    assert page.form.name.hasFocus()
    assert page.form.vendor.text() == "Mistral"
    assert len(ai_register.list_tools(demo_store)) == 1


def _event_dialog(page: AiToolsPage) -> EventDialog:
    page.form.tabs.setCurrentIndex(1)
    page.form.add_event_button.click()
    assert isinstance(page.dialog, EventDialog)
    return page.dialog


def test_a_future_deployment_is_refused_and_nothing_is_lost(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    _window, page = _page(qtbot, demo_store)
    page.view.selectRow(_texts(page, 0).index("LigérIA"))
    before = ai_register.get_tool(demo_store, 1).events
    dialog = _event_dialog(page)
    dialog.stage.set_value(LifeStage.DEPLOYED)
    dialog.on.setDate(QDate(2099, 1, 5))
    dialog.source.setText("Note interne")
    dialog.save()
    assert "dans le futur" in said.errors[0]
    assert dialog.isVisible() and dialog.focusWidget() is dialog.on
    assert dialog.source.text() == "Note interne"
    assert ai_register.get_tool(demo_store, 1).events == before


def test_an_impossible_year_is_refused(qtbot: QtBot, demo_store: Store, said: Dialogs) -> None:
    _window, page = _page(qtbot, demo_store)
    page.view.selectRow(0)
    dialog = _event_dialog(page)
    dialog.stage.set_value(LifeStage.DEPLOYED)
    dialog.on.setDate(QDate(1850, 6, 12))
    dialog.save()
    assert "L'année 1850 n'est pas plausible" in said.errors[0]
    assert dialog.isVisible() and dialog.focusWidget() is dialog.on


def test_a_deployment_before_the_announcement_is_refused(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    _window, page = _page(qtbot, demo_store)
    page.new()
    type_text(qtbot, page.form.name, "DelibIA")
    page.save()
    dialog = _event_dialog(page)
    dialog.stage.set_value(LifeStage.ANNOUNCED)
    dialog.on.setDate(QDate(2025, 3, 10))
    dialog.save()
    assert said.errors == [] and page.form.events.rowCount() == 1
    dialog = _event_dialog(page)
    dialog.stage.set_value(LifeStage.DEPLOYED)
    dialog.on.setDate(QDate(2025, 1, 10))
    dialog.save()
    assert "antérieur à l'annonce" in said.errors[0]
    assert dialog.isVisible() and dialog.focusWidget() is dialog.on
    dialog.on.setDate(QDate(2025, 4, 1))
    dialog.save()
    assert not dialog.isVisible()
    assert page.form.events.rowCount() == 2
    status = QTextDocumentFragment.fromHtml(page.form.status_view.text()).toPlainText()
    assert status.startswith("Déployé le 1er avril 2025")


def _item_dialog(page: AiToolsPage, label: str) -> ItemDialog:
    page.form.tabs.setCurrentIndex(2)
    rows = [page.form.checklist.item(r, 0).text() for r in range(page.form.checklist.rowCount())]
    page.form.checklist.selectRow(rows.index(label))
    page.form.item_button.click()
    assert isinstance(page.dialog, ItemDialog)
    return page.dialog


def test_an_item_done_without_a_date_is_refused(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    _window, page = _page(qtbot, demo_store)
    page.view.selectRow(_texts(page, 0).index("LigérIA"))
    dialog = _item_dialog(page, "Analyse d'impact relative à la protection des données (AIPD)")
    dialog.state.set_value(ItemState.DONE)
    dialog.on.check.setChecked(False)
    dialog.document.setText("AIPD LigérIA v1")
    dialog.save()
    assert "Indiquez la date" in said.errors[0]
    assert dialog.isVisible() and dialog.focusWidget() is dialog.on.check
    assert dialog.document.text() == "AIPD LigérIA v1"
    dialog.on.check.setChecked(True)
    dialog.on.edit.setDate(QDate(2025, 5, 2))
    dialog.save()
    assert not dialog.isVisible()
    recorded = {i.rule_key: i for i in ai_register.get_tool(demo_store, 1).items}
    assert recorded["gdpr_35"].state is ItemState.DONE
    assert recorded["gdpr_35"].on == date(2025, 5, 2)
    assert recorded["gdpr_35"].document == "AIPD LigérIA v1"


def test_a_rule_edited_to_nonsense_is_refused(
    qtbot: QtBot, demo_store: Store, said: Dialogs
) -> None:
    _window, page = _page(qtbot, demo_store)
    page.view.selectRow(_texts(page, 0).index("LigérIA"))
    page.form.tabs.setCurrentIndex(2)
    page.form.rules_button.click()
    dialog = page.dialog
    assert isinstance(dialog, RulesDialog)
    dialog.label.clear()
    dialog.source.setPlainText("Décret inventé")
    dialog.save()
    assert "sans intitulé" in said.errors[0]
    assert dialog.focusWidget() is dialog.label
    assert dialog.source.toPlainText() == "Décret inventé"
    dialog.label.setText("Information du CST, par écrit")
    dialog.source.clear()
    dialog.save()
    assert "n'a pas de source" in said.errors[1]
    assert dialog.focusWidget() is dialog.source
    employer_id = ai_register.get_tool(demo_store, 1).employer_id
    assert not any(s.edited for s in ai_rules.list_rules(demo_store, employer_id))
    # Switched off: the item leaves the checklist.
    dialog.source.setPlainText("CGFP, art. L253-5")
    dialog.enabled.setChecked(False)
    dialog.save()
    assert said.errors[2:] == []
    dialog.accept()
    labels = [page.form.checklist.item(r, 0).text() for r in range(page.form.checklist.rowCount())]
    assert "Information du CST" not in labels
    assert "Information du CST, par écrit" not in labels
