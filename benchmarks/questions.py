"""The questions register at scale: 100,000 questions over 20 employers.

Prints the median time to open the Questions page, change a filter and run a text
search (pasted then Entrée), the longest the GUI thread is busy at once while the same
searches are typed key by key, and the peak memory of the process; asserts nothing. Run:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/questions.py [--questions N]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = [
    "intelligence",
    "artificielle",
    "déploiement",
    "agents",
    "formation",
    "télétravail",
    "risques",
    "psychosociaux",
    "données",
    "personnelles",
    "reconnaissance",
    "émotions",
    "budget",
    "calendrier",
    "évaluation",
    "transparence",
    "conditions",
    "travail",
    "lycées",
    "restauration",
    "effectifs",
]


def build(path: Path, count: int, employers: int) -> None:
    """Bulk insert through SQL (the services would take minutes), then events and FTS."""
    import sqlalchemy as sa

    from aiconsult_desktop.store import open_store

    store = open_store(path)
    rng = random.Random(1)
    now = datetime(2026, 1, 1)
    start = date(2022, 1, 1)
    with store.engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO employer (id, name, short_name, answer_deadline_days, created_at, "
                "updated_at) VALUES (:id, :name, '', 61, :now, :now)"
            ),
            [{"id": i, "name": f"Commune n° {i}", "now": now} for i in range(1, employers + 1)],
        )
        states = ["pending"] * 6 + ["answered", "partial", "refused", "promised"]
        rows = []
        for qid in range(1, count + 1):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) + " ?"
            rows.append(
                {
                    "id": qid,
                    "employer_id": rng.randint(1, employers),
                    "text": text.capitalize(),
                    "asked_on": start + timedelta(days=rng.randint(0, 1400)),
                    "state": rng.choice(states),
                    "now": now,
                }
            )
        connection.execute(
            sa.text(
                "INSERT INTO question (id, employer_id, text, asked_on, state, answer, version, "
                "created_at, updated_at) VALUES (:id, :employer_id, :text, :asked_on, :state, "
                "'', 1, :now, :now)"
            ),
            rows,
        )
        connection.execute(
            sa.text(
                'INSERT INTO question_event (question_id, kind, "on", channel, text, created_at, '
                "updated_at) SELECT id, 'asked', asked_on, 'other', '', created_at, updated_at "
                "FROM question"
            )
        )
        connection.execute(
            sa.text(
                'INSERT INTO question_event (question_id, kind, "on", channel, text, created_at, '
                "updated_at) SELECT id, 'asked_again', DATE(asked_on, '+60 days'), 'other', '', "
                "created_at, updated_at FROM question WHERE id % 3 = 0"
            )
        )
        # What `PRAGMA optimize` on close would do in the app: without these statistics
        # SQLite sorts 60,000 rows for the first page instead of walking the index.
        connection.execute(sa.text("ANALYZE"))
    store.close()


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        action()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--employers", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--base", type=Path, help="a base already built (run_all.py's)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.base or Path(tmp) / "bench.sqlite3"
        if args.base is None:
            begin = time.perf_counter()
            build(path, args.questions, args.employers)
            print(
                f"Base de {args.questions} questions construite en "
                f"{time.perf_counter() - begin:.1f} s"
            )

        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from aiconsult_desktop.store import open_store
        from aiconsult_desktop.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication(sys.argv)
        store = open_store(path)
        window = MainWindow(store)
        window.show()
        page = window.questions

        def open_page() -> None:
            page.refresh()  # what showing the page does
            app.processEvents()

        def refresh_dashboard() -> None:
            window.dashboard.refresh()
            app.processEvents()

        def refresh_dashboard_after_a_write() -> None:
            store.writes.mark_everything()  # as if a question was saved: all read again
            refresh_dashboard()

        def change_filter() -> None:
            page.state_filter.setCurrentIndex(page.state_filter.findData("answered"))
            app.processEvents()
            page.state_filter.setCurrentIndex(page.state_filter.findData("open"))
            app.processEvents()

        # Each search from an empty box, as a user pastes or types then waits: a few
        # words (tens of thousands of matches), one common word, a word in no question.
        queries = ["reconnaissance emotions", "teletravail", "budget lycees", "introuvable"]

        def clear_search() -> None:
            """An empty box, its list shown and counted, as before one starts a search."""
            page.search.clear()
            QTest.keyClick(page.search, Qt.Key.Key_Return)  # Entrée: no pause to wait for
            while page.counting is not None:  # the count runs off the GUI thread
                time.sleep(0.002)
                app.processEvents()
            app.processEvents()

        def search_for(words: str) -> Callable[[], None]:
            def search() -> None:
                clear_search()
                begin, begin_cpu = time.perf_counter(), time.thread_time()
                page.search.setText(words)  # pasted, then Entrée (or the typing pause)
                QTest.keyClick(page.search, Qt.Key.Key_Return)
                app.processEvents()
                timings[words].append((time.perf_counter() - begin) * 1000)
                cpu.append((time.thread_time() - begin_cpu) * 1000)

            return search

        def longest_block_while_typing(words: str) -> float:
            """Key by key, each followed by the event loop, then the pause's search: the
            longest time the GUI thread was busy in one go, the search included."""
            clear_search()
            blocks = []
            for key in words:
                begin = time.perf_counter()
                QTest.keyClick(page.search, key)
                app.processEvents()
                blocks.append(time.perf_counter() - begin)
            while page.typing.isActive():
                time.sleep(0.002)
                begin = time.perf_counter()
                app.processEvents()
                blocks.append(time.perf_counter() - begin)
            return max(blocks) * 1000

        timings: dict[str, list[float]] = {words: [] for words in queries}
        cpu: list[float] = []  # the GUI thread's own time: what a busy machine adds is not in it

        window.open_page(page)
        app.processEvents()
        open_ms = median_ms(open_page, args.runs)
        dashboard_ms = median_ms(refresh_dashboard, args.runs)
        dashboard_cold_ms = median_ms(refresh_dashboard_after_a_write, args.runs)
        filter_ms = median_ms(change_filter, args.runs) / 2
        found = {}
        for words in queries:
            for _ in range(args.runs):
                search_for(words)()
            found[words] = page.count_label.text()
        search_ms = statistics.median(t for words in queries for t in timings[words])
        typing_ms = max(longest_block_while_typing(words) for words in queries)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"Ouvrir la page Questions : {open_ms:.0f} ms (médiane)")
        print(f"Rafraîchir le tableau de bord : {dashboard_ms:.0f} ms (médiane)")
        print(
            "Rafraîchir le tableau de bord après une question enregistrée : "
            f"{dashboard_cold_ms:.0f} ms (médiane)"
        )
        print(f"Changer un filtre (état) : {filter_ms:.0f} ms (médiane)")
        print(
            f"Recherche plein texte : {search_ms:.0f} ms (médiane de toutes les recherches ; "
            f"temps processeur du fil de l'interface {statistics.median(cpu):.0f} ms)"
        )
        for words in queries:
            print(f"  « {words} » : {statistics.median(timings[words]):.0f} ms — {found[words]}")
        print(
            "Frappe touche par touche : fil de l'interface occupé au plus "
            f"{typing_ms:.0f} ms d'affilée (la recherche lancée à la pause comprise)"
        )
        print(f"Mémoire maximale du processus : {peak_kb / 1024:.0f} Mo")
        window.close()
        store.close()


if __name__ == "__main__":
    main()
