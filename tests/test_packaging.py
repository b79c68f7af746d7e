"""`pip install .` (not only the editable checkout) must ship the templates, the demo
dossier and the migrations: a user's install has nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "aiconsult_desktop").rglob("__init__.py")
    }
    assert found | {"aiconsult_desktop.resources"} == listed


def test_an_installed_wheel_loads_the_demo_and_migrates(tmp_path: Path) -> None:
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         str(ROOT), "-w", str(wheels)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(wheels.glob("*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    script = (
        "import aiconsult_desktop, sys\n"
        "from aiconsult_desktop.resources_path import resource\n"
        "print(aiconsult_desktop.__file__)\n"
        "print(resource('templates', 'intervention.docx'))\n"
        "from aiconsult_desktop import cli\n"
        f"sys.exit(cli.main(['--data-dir', {str(tmp_path / 'data')!r}, 'demo']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert result.returncode == 0, result.stderr
    module, template, message = result.stdout.strip().splitlines()
    assert module.startswith(str(target))
    assert template.startswith(str(target)) and Path(template).is_file()
    assert message == "Dossier de démonstration chargé."
