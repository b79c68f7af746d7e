"""What the PyInstaller bundle weighs, counted as tests/test_bundle.py counts it (every
file once, links not followed), and its largest parts, as `du` on dist/ would list them.

    .venv/bin/python benchmarks/bundle_size.py [--bundle "dist/AIConsult Desktop"]

Without --bundle it is built first from build.spec into the benchmarks' folder (a minute
or two on two cores), so the figure is always that of the code checked out.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import BENCH_DIR

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def build() -> Path:
    out = BENCH_DIR / "bundle"
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), "build.spec"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return out / "dist" / "AIConsult Desktop"


def part(bundle: Path, path: Path) -> str:
    """The part a file belongs to: a package folder, Qt's ICU, or the file itself."""
    inside = path.relative_to(bundle).parts
    if inside[0] == "_internal":
        inside = inside[1:]
    if path.name.startswith("libicu"):
        return "Qt's ICU (libicu*)"
    if inside[:3] == ("PySide6", "Qt", "lib"):
        return "PySide6/Qt/lib (other)"
    return "/".join(inside[:1])


def measure(bundle: Path) -> tuple[float, list[tuple[str, float]]]:
    """Total MB and the parts, largest first."""
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    parts: Counter[str] = Counter()
    for file in files:
        parts[part(bundle, file)] += file.stat().st_size
    return sum(parts.values()) / MB, [(name, size / MB) for name, size in parts.most_common()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, help="a bundle already built")
    args = parser.parse_args()
    total, parts = measure(args.bundle or build())
    print(f"Bundle: {total:.1f} MB")
    for name, size in parts[:15]:
        print(f"  {size:6.1f} MB  {name}")


if __name__ == "__main__":
    main()
