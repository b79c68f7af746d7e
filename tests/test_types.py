"""Types that a checker holds: mypy runs clean on the whole package, strict on domain,
store, services and export as pyproject.toml's [tool.mypy] says, so CI fails on a type
error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_is_clean_on_the_whole_package() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "aiconsult_desktop"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
