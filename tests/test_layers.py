"""The layers hold: the import-linter contracts of pyproject.toml (domain imports nothing
of the app, store and export only domain, services never the ui, the ui reaches store and
export only through services, no Qt below the ui), and the back end never needs a screen,
checked by importing every module and running the CLI in a fresh interpreter."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import aiconsult_desktop

PACKAGE = Path(aiconsult_desktop.__file__).parent
QT_FREE = ["domain", "store", "export", "services", "cli"]


def qt_free_modules() -> list[Path]:
    files = [p for layer in QT_FREE for p in (PACKAGE / layer).rglob("*.py")]
    top = ["context.py", "paths.py", "files.py", "writer_lock.py"]
    return [*files, *(PACKAGE / name for name in top)]


def test_the_layer_contracts_of_pyproject_hold() -> None:
    executable = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [executable or "lint-imports", "--no-cache"],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_back_end_and_running_the_cli_loads_no_qt(tmp_path: Path) -> None:
    modules = [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in qt_free_modules()
        if p.name not in ("env.py", "__main__.py") and "versions" not in p.parts
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from aiconsult_desktop import cli\n"
        f"cli.main(['--data-dir', {str(tmp_path)!r}, 'demo'])\n"
        f"cli.main(['--data-dir', {str(tmp_path)!r}, 'list', 'questions'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print('QT:', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert "QT: []" in result.stdout
    assert "Région des Pays de la Loire" in result.stdout
