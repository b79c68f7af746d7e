"""The background-operation helper: work off the GUI thread, callbacks and dialogs on it,
progress, cancel, failures told in French; and the register export that goes through it."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import aiconsult_desktop
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.store import Store
from aiconsult_desktop.ui import operations
from aiconsult_desktop.ui.operations import Report, read_in_background, run_in_background
from tests.gui_support import Dialogs, make_window


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_work_runs_off_the_gui_thread_and_success_comes_back_on_it(
    qtbot: QtBot, parent: QWidget
) -> None:
    seen: dict[str, object] = {}

    def work(report: Report) -> int:
        seen["work on GUI thread"] = on_gui_thread()
        report(1, 2)
        report(2, 2)
        return 42

    def success(result: int) -> None:
        seen["success on GUI thread"] = on_gui_thread()
        seen["result"] = result

    operation = run_in_background(parent, work, success, label="Travail…")
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert seen == {"work on GUI thread": False, "success on GUI thread": True, "result": 42}


def test_a_user_error_is_told_in_french_and_success_is_not_called(
    qtbot: QtBot, parent: QWidget, said: Dialogs
) -> None:
    def work(_report: Report) -> None:
        raise UserError("Le disque est plein : rien n'a été enregistré.")

    called: list[object] = []
    operation = run_in_background(parent, work, called.append, label="Travail…")
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert said.errors == ["Le disque est plein : rien n'a été enregistré."]
    assert called == []


def test_an_unexpected_error_reaches_the_excepthook_on_the_gui_thread(
    qtbot: QtBot, parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        operations.sys,
        "excepthook",
        lambda _k, error, _tb: hooked.append((str(error), on_gui_thread())),
    )

    def work(_report: Report) -> None:
        raise RuntimeError("boom")

    operation = run_in_background(parent, work, lambda _r: None, label="Travail…")
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert hooked == [("boom", True)]


def test_a_window_closed_while_its_work_runs_drops_the_result_quietly(
    qtbot: QtBot, said: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user closes the server dialog while a copy runs: when the work comes back,
    nothing is shown on the vanished window, no « Erreur inattendue », nothing crashes;
    the next operation runs as usual. (Runs are known to their worker by a ticket only,
    so the worker never emits on an object the GUI thread is deleting.)"""
    hooked: list[str] = []
    monkeypatch.setattr(operations.sys, "excepthook", lambda _k, e, _tb: hooked.append(str(e)))
    go_on = threading.Event()
    shown: list[str] = []

    def closed_before_it_ends(work: Callable[[Report], str]) -> None:
        """Start `work` from a window, close the window, then let the work finish."""
        go_on.clear()
        window = QWidget()
        operation = run_in_background(window, work, shown.append, label="Copie…")
        window.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=10_000)
        go_on.set()
        with qtbot.waitSignal(operation.ended, timeout=10_000):
            pass

    def slow(_report: Report) -> str:
        go_on.wait(10)
        return "copié"

    closed_before_it_ends(slow)
    assert shown == [] and hooked == [] and said.errors == []

    def refused(_report: Report) -> str:
        go_on.wait(10)
        raise UserError("La base du serveur est inaccessible.")

    closed_before_it_ends(refused)
    # Said without a parent window rather than lost: the user learns the copy failed.
    assert said.errors == ["La base du serveur est inaccessible."] and hooked == []

    other = QWidget()
    qtbot.addWidget(other)
    operation = run_in_background(other, lambda _r: "ok", shown.append, label="Travail…")
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert shown == ["ok"]


def test_cancel_stops_the_work_at_its_next_report_without_a_dialog(
    qtbot: QtBot, parent: QWidget, said: Dialogs
) -> None:
    started, go_on = threading.Event(), threading.Event()
    reached: list[int] = []

    def work(report: Report) -> None:
        for done in range(1, 1000):
            if done == 2:
                started.set()
                go_on.wait(10)
            report(done, 1000)
            reached.append(done)

    called: list[object] = []
    operation = run_in_background(parent, work, called.append, label="Travail…", cancellable=True)
    assert started.wait(10)
    cancel = operation.progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Annuler"
    cancel.click()
    go_on.set()
    with qtbot.waitSignal(operation.ended, timeout=10_000):
        pass
    assert reached == [1]
    assert called == [] and said.errors == []


def test_the_register_export_runs_in_the_background_and_can_be_cancelled(
    qtbot: QtBot,
    demo_store: Store,
    said: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, demo_store)
    page = window.questions
    window.open_page(page)
    said.save_to = tmp_path / "registre.csv"
    page.export_button.click()
    qtbot.waitUntil(lambda: len(said.infos) == 1, timeout=10_000)
    assert said.infos == [f"Fichier écrit : {said.save_to}"]
    with said.save_to.open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.reader(stream, delimiter=";"))) == 13
    # Cancelled at once: the file written before stays whole, no dialog.
    before = said.save_to.read_bytes()
    original_start, original_end = operations.Operation.start, operations.Operation._end
    ended: list[bool] = []

    def start_cancelled(self: operations.Operation[object]) -> operations.Operation[object]:
        self.cancelled.set()  # as if « Annuler » came before the first row
        return original_start(self)

    def end(self: operations.Operation[object]) -> None:
        ended.append(True)
        original_end(self)

    monkeypatch.setattr(operations.Operation, "start", start_cancelled)
    monkeypatch.setattr(operations.Operation, "_end", end)
    page.export_button.click()
    qtbot.waitUntil(lambda: ended == [True], timeout=10_000)
    assert said.save_to.read_bytes() == before
    assert said.infos == [f"Fichier écrit : {said.save_to}"] and said.errors == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_read_comes_back_on_the_gui_thread_fails_in_french_and_cancels_silently(
    qtbot: QtBot, parent: QWidget, said: Dialogs
) -> None:
    """`read_in_background` (the Questions page's count): no progress window at all."""
    seen: list[tuple[object, bool]] = []

    def count(report: Report) -> int:
        report(0, 1)
        seen.append(("work", on_gui_thread()))
        return 462

    run = read_in_background(parent, count, lambda n: seen.append((n, on_gui_thread())))
    with qtbot.waitSignal(run.ended, timeout=10_000):
        pass
    assert seen == [("work", False), (462, True)]

    def refused(_report: Report) -> int:
        raise UserError("La base est inaccessible : vérifiez le réseau.")

    run = read_in_background(parent, refused, lambda n: seen.append((n, True)))
    with qtbot.waitSignal(run.ended, timeout=10_000):
        pass
    assert said.errors == ["La base est inaccessible : vérifiez le réseau."]

    go_on = threading.Event()

    def slow(report: Report) -> int:
        go_on.wait(10)
        report(0, 1)
        return 1

    run = read_in_background(parent, slow, lambda n: seen.append((n, True)))
    run.cancelled.set()  # a newer filter came
    go_on.set()
    with qtbot.waitSignal(run.ended, timeout=10_000):
        pass
    assert len(seen) == 2 and len(said.errors) == 1 and said.off_gui_thread == []
    assert parent.findChildren(QProgressDialog) == []


THREADS = re.compile(
    r"\b(QThreadPool|QThread|QRunnable|QtConcurrent|ThreadPoolExecutor|ProcessPoolExecutor"
    r"|threading\.Thread|_thread|concurrent\.futures|multiprocessing)\b"
)


def test_no_thread_is_started_anywhere_but_the_operations_helper() -> None:
    """One background helper: a second pool elsewhere would bring back widgets touched
    from a worker and operations racing each other. (`threading.local`, a per-thread
    session in the store, starts no thread.)"""
    package = Path(aiconsult_desktop.__file__).parent
    found = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if path.relative_to(package).as_posix() != "ui/operations.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if THREADS.search(line)
    ]
    assert found == []


STORM = """
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

import aiconsult_desktop.ui

class Source(QObject):
    changed = Signal(int, int)

def ignore(*_args):
    pass

source = Source()
for n in range(20_000):
    source.changed.connect(ignore)
    source.changed.emit(n, n)
    source.changed.disconnect(ignore)
app = QApplication([])
label = QLabel()
for n in range(20_000):
    label.setText(str(n))
print("debout")
"""


def test_thousands_of_signals_leave_python_standing() -> None:
    """PySide6 6.12.0's `emit`, `disconnect` and every call returning nothing (`setText`)
    take a reference from True or None at each call: on Python 3.11 some thousands of them
    (progress, results, waits, typing) abort the app with « Fatal Python error: bool_dealloc
    » or « none_dealloc ». pyproject.toml excludes that release; this fails on one that
    does it again."""
    result = subprocess.run(
        [sys.executable, "-c", STORM], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("debout")
