"""The back end never needs a screen: no PySide6 under domain/, store/, export/, services/
or in the CLI, checked both in the source and by importing every module in a fresh
interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import aiconsult_desktop

PACKAGE = Path(aiconsult_desktop.__file__).parent
QT_FREE = ["domain", "store", "export", "services"]


def qt_free_modules() -> list[Path]:
    files = [p for layer in QT_FREE for p in (PACKAGE / layer).rglob("*.py")]
    return [*files, PACKAGE / "cli.py", PACKAGE / "context.py", PACKAGE / "paths.py"]


def test_no_module_below_the_ui_imports_pyside6_in_its_source() -> None:
    offenders = []
    for path in qt_free_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") or ".ui" in n for n in names):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_importing_the_back_end_and_running_the_cli_loads_no_qt(tmp_path: Path) -> None:
    modules = [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in qt_free_modules()
        if p.name != "env.py" and "versions" not in p.parts
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
