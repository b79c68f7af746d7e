"""What the benchmark scripts share: the 100,000-question base, kept between runs, and
running a child process with an outside clock and its peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(os.environ.get("AICONSULT_BENCH_DIR", "/tmp/aiconsult-bench"))


def large_base(count: int = 100_000, employers: int = 20) -> Path:
    """A data dir holding `count` questions (built once, then reused: ~1 min to build)."""
    data_dir = BENCH_DIR / f"questions-{count}"
    database = data_dir / "aiconsult.sqlite3"
    if not database.exists():
        sys.path.insert(0, str(Path(__file__).parent))
        from questions import build  # type: ignore[import-not-found]

        data_dir.mkdir(parents=True, exist_ok=True)
        partial = data_dir / "building.sqlite3"
        partial.unlink(missing_ok=True)
        build(partial, count, employers)
        os.replace(partial, database)
    return data_dir


@dataclass
class Run:
    """One child process: its output lines with the outside time each arrived at."""

    code: int
    wall_s: float
    peak_mib: float
    lines: list[tuple[float, str]] = field(default_factory=list)

    def first(self, prefix: str) -> tuple[float, str]:
        return next((at, line) for at, line in self.lines if line.startswith(prefix))


def run_child(arguments: list[str], env: dict[str, str] | None = None) -> Run:
    """Start `arguments`, timestamp each line of its stderr and stdout (merged) from the
    outside, and read its peak resident memory from the kernel when it exits."""
    begin = time.perf_counter()
    child = subprocess.Popen(
        arguments,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )
    assert child.stdout is not None
    lines = [(time.perf_counter() - begin, line.rstrip("\n")) for line in child.stdout]
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        code=child.returncode,
        wall_s=time.perf_counter() - begin,
        peak_mib=usage.ru_maxrss / 1024,
        lines=lines,
    )
