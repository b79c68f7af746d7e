"""Ctrl+K over the 100,000-question base: median time of `services.search.search` for a
few typical words (common, rare, with a ligature, absent). Prints; asserts nothing. Run:
    .venv/bin/python benchmarks/search_everywhere.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import large_base

QUERIES = ("intelligence", "teletravail agents", "oeuvre", "emotions reconnaissance", "zzz")


def main() -> None:
    from aiconsult_desktop.services.search import search
    from aiconsult_desktop.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        # A copy: other benchmarks may be reading the shared base meanwhile.
        copy = Path(folder) / "aiconsult.sqlite3"
        shutil.copyfile(large_base() / "aiconsult.sqlite3", copy)
        store = open_store(copy)
        try:
            for typed in QUERIES:
                times = []
                for _ in range(5):
                    start = time.perf_counter()
                    hits = search(store, typed)
                    times.append((time.perf_counter() - start) * 1000)
                print(f"search « {typed} »: {statistics.median(times):.0f} ms, {len(hits)} hits")
        finally:
            store.close()


if __name__ == "__main__":
    main()
