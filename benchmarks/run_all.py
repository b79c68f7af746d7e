"""Every figure of issue 14's table in one run, printed as a table; asserts nothing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--runs N]

Each start-up is a fresh process, timed twice: by the app itself (`--startup-check`,
from the OS's record of the process start) and from outside (when its "fenêtre affichée"
line reaches us). The bare PySide6 window is measured the same way in the same run, so a
busy machine slows both. Peak memory is each child's own, from the kernel. Medians.
"""

from __future__ import annotations

import argparse
import compileall
import re
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bundle_size
from common import BENCH_DIR, Run, large_base, run_child
from register_export import measure

HERE = Path(__file__).parent
ROOT = HERE.parent
PAINTED = "fenêtre affichée en "
READY = "données affichées en "


def ms_in(line: str) -> float:
    return float(re.findall(r"(\d+) ms", line)[0])


def starts(arguments: list[str], runs: int) -> dict[str, float]:
    """Median first paint (self-reported and outside), data shown, and peak memory."""
    found: list[Run] = [run_child(arguments) for _ in range(runs)]
    for run in found:
        if run.code != 0:
            raise SystemExit("\n".join(line for _, line in run.lines))
    figures = {
        "paint": statistics.median(ms_in(r.first(PAINTED)[1]) for r in found),
        "paint_outside": statistics.median(r.first(PAINTED)[0] * 1000 for r in found),
        "peak": statistics.median(r.peak_mib for r in found),
    }
    if any(line.startswith(READY) for _, line in found[0].lines):
        figures["ready"] = statistics.median(ms_in(r.first(READY)[1]) for r in found)
    return figures


def app(data_dir: Path) -> list[str]:
    module = ["-m", "aiconsult_desktop.app"]
    return [sys.executable, *module, "--data-dir", str(data_dir), "--startup-check"]


def demo_dir() -> Path:
    data_dir = BENCH_DIR / "demo"
    if not (data_dir / "aiconsult.sqlite3").exists():
        subprocess.run(
            [sys.executable, "-m", "aiconsult_desktop.cli", "--data-dir", str(data_dir), "demo"],
            check=True,
            capture_output=True,
        )
    return data_dir


def questions_page(base: Path, runs: int) -> dict[str, str]:
    """benchmarks/questions.py on the same base: its lines, keyed by their start."""
    result = subprocess.run(
        [sys.executable, str(HERE / "questions.py"), "--base", str(base), "--runs", str(runs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {line.split(" :")[0].strip(): line for line in result.stdout.splitlines()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", type=int, default=100_000)
    args = parser.parse_args()
    # Start-ups measured as users run the app: pip compiles the bytecode when it installs,
    # the bundle carries it. This machine sets PYTHONDONTWRITEBYTECODE, so an editable
    # checkout would otherwise compile every module at every start (20-70 ms more here).
    compileall.compile_dir(ROOT / "aiconsult_desktop", quiet=1)
    large = large_base(args.questions)
    bare = starts([sys.executable, str(HERE / "bare_window.py")], args.runs)
    demo = starts(app(demo_dir()), args.runs)
    big = starts(app(large), args.runs)
    csv_s, csv_cpu, csv_mib = measure(large, ".csv", args.runs)
    xlsx_s, xlsx_cpu, xlsx_mib = measure(large, ".xlsx", args.runs)
    page = questions_page(large / "aiconsult.sqlite3", max(args.runs, 3))
    bundle_mb, parts = bundle_size.measure(bundle_size.build())

    def figure(line_start: str) -> str:
        line = page.get(line_start, "")
        found = re.findall(r"(\d+) ms", line)
        return f"{found[0]} ms" if found else "?"

    n = f"{args.questions:,}".replace(",", " ")
    rows = [
        (
            "Start to first paint, demo base (self / outside)",
            f"{demo['paint']:.0f} / {demo['paint_outside']:.0f} ms, data {demo['ready']:.0f} ms, "
            f"{demo['peak']:.0f} MiB",
            f"bare PySide6 window: {bare['paint']:.0f} / {bare['paint_outside']:.0f} ms, "
            f"{bare['peak']:.0f} MiB",
            f"≤ 2× the bare window ({2 * bare['paint_outside']:.0f} ms)",
        ),
        (
            f"Start to first paint, {n} questions",
            f"{big['paint']:.0f} / {big['paint_outside']:.0f} ms, data {big['ready']:.0f} ms, "
            f"{big['peak']:.0f} MiB",
            "LibreOffice Calc, same register (.xlsx): 6.0 s, 298 MiB",
            "≤ 1.0 s, ≤ 150 MiB",
        ),
        (
            f"Export the {n}-question register",
            f".csv {csv_s:.1f} s (CPU {csv_cpu:.1f} s), {csv_mib:.0f} MiB; "
            f".xlsx {xlsx_s:.1f} s (CPU {xlsx_cpu:.1f} s), {xlsx_mib:.0f} MiB",
            "Calc reads the .xlsx and writes .csv in 6.0 s",
            "≤ 3 s (.xlsx ≤ 10 s), with progress",
        ),
        (
            f"Dashboard refresh at {n}",
            f"{figure('Rafraîchir le tableau de bord')} (questions unchanged), "
            f"{figure('Rafraîchir le tableau de bord après une question enregistrée')} "
            "(after a question saved)",
            "—",
            "≤ 30 ms",
        ),
        (
            f"Questions page, filter, search at {n}",
            ", ".join(
                figure(start)
                for start in (
                    "Ouvrir la page Questions",
                    "Changer un filtre (état)",
                    "Recherche plein texte",
                )
            )
            + f"; typing, longest GUI block {figure('Frappe touche par touche')}",
            "—",
            "≤ 50 ms each, GUI never blocked > 50 ms while typing",
        ),
        (
            f"Bundle, onedir ({sys.platform})",
            f"{bundle_mb:.0f} MB, of which "
            + ", ".join(f"{name} {size:.0f} MB" for name, size in parts[:3]),
            "177 MB on Linux before issue 14's cuts",
            "≤ 120 MB",
        ),
    ]
    print(f"Medians of {args.runs} runs each (machine load counts: compare with the yardstick)")
    print("| What | Now | Yardstick | Target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
