"""The register export at 100,000 questions, to .csv and .xlsx.

Each export runs in its own process so its peak memory is its own; prints the median
time and peak memory; asserts nothing. Run:
    .venv/bin/python benchmarks/register_export.py [--runs N] [--questions N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import large_base, run_child

CHILD = """
import sys, time
from pathlib import Path
from aiconsult_desktop.services.question_exports import export_questions
from aiconsult_desktop.store import open_store

store = open_store(Path(sys.argv[1]) / "aiconsult.sqlite3")
begin, cpu = time.perf_counter(), time.process_time()
export_questions(store, Path(sys.argv[2]))
print(f"export {(time.perf_counter() - begin) * 1000:.0f} ms", flush=True)
print(f"cpu {(time.process_time() - cpu) * 1000:.0f} ms", flush=True)
"""


def measure(data_dir: Path, suffix: str, runs: int) -> tuple[float, float, float]:
    """Median wall seconds, CPU seconds (less sensitive to a busy machine) and peak MiB
    of `runs` exports to `suffix`."""
    seconds, cpus, peaks = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            run = run_child(
                [sys.executable, "-c", CHILD, str(data_dir), str(Path(tmp, f"registre{suffix}"))]
            )
            if run.code != 0:
                raise SystemExit("\n".join(line for _, line in run.lines))
            seconds.append(float(run.first("export ")[1].split()[1]) / 1000)
            cpus.append(float(run.first("cpu ")[1].split()[1]) / 1000)
            peaks.append(run.peak_mib)
    return statistics.median(seconds), statistics.median(cpus), statistics.median(peaks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", type=int, default=100_000)
    args = parser.parse_args()
    data_dir = large_base(args.questions)
    for suffix in (".csv", ".xlsx"):
        seconds, cpu, peak = measure(data_dir, suffix, args.runs)
        print(
            f"Export du registre ({args.questions} questions) en {suffix} : "
            f"{seconds:.1f} s ({cpu:.1f} s de calcul), {peak:.0f} Mio au plus "
            f"(médiane de {args.runs})"
        )


if __name__ == "__main__":
    main()
