"""Start-up to first paint, on an empty base and on the demo dossier.

Prints figures; asserts nothing (timings belong here, not in tests). Run:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def first_paint_ms(data_dir: Path) -> float:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "aiconsult_desktop.app",
            "--data-dir",
            str(data_dir),
            "--startup-check",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        empty, demo = Path(tmp, "vide"), Path(tmp, "demo")
        subprocess.run(
            [sys.executable, "-m", "aiconsult_desktop.cli", "--data-dir", str(demo), "demo"],
            check=True,
            capture_output=True,
        )
        for label, directory in (("base vide", empty), ("dossier de démonstration", demo)):
            times = [first_paint_ms(directory) for _ in range(runs)]
            print(
                f"start-up to first paint, {label}: median {statistics.median(times):.0f} ms, "
                f"min {min(times):.0f} ms, max {max(times):.0f} ms ({runs} runs)"
            )


if __name__ == "__main__":
    main()
