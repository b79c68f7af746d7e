"""Where the shipped resources (templates, demo data, icons) live.

The same code runs from a source checkout, from an installed wheel (where `resources/`
is packaged as `aiconsult_desktop.resources`) and from a PyInstaller bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    import aiconsult_desktop.resources as packaged

    return Path(packaged.__file__).resolve().parent


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
