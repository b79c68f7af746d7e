"""Time since this process started, for `--startup-check` and the benchmarks' yardstick.

Imported early by the entry module: when the OS cannot say when the process started, the
moment of this import stands in for it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

IMPORTED = time.perf_counter()


def seconds_since_process_start() -> float:
    """Time since the OS started this process, interpreter start-up included.

    On Linux /proc gives the start in clock ticks since boot (1/100 s), compared with the
    boot-time clock read now (ns precision); elsewhere, time since this module was first
    imported (the interpreter's own start-up, some tens of ms, is then not counted).
    """
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / ticks
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - IMPORTED
