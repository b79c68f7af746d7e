"""PDF through LibreOffice: the exported .docx converted by `soffice --headless`.

LibreOffice is the one renderer users may have that reads our footnotes and fields as
Word does. It is optional: without it, "Exporter en PDF" says why it is unavailable.
Documents are converted in one call (LibreOffice's start-up is most of the time), with
a private profile so an open LibreOffice window neither blocks nor receives the job.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from aiconsult_desktop.errors import UserError

TIMEOUT_SECONDS = 180
UNAVAILABLE = (
    "LibreOffice est introuvable sur cet ordinateur : installez-le (libreoffice.org) pour "
    "exporter en PDF, ou exportez en Word (.docx)."
)
_WINDOWS_PLACES = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for place in _WINDOWS_PLACES:
        if place.is_file():
            return str(place)
    return None


def convert_to_pdf(documents: Sequence[Path], outdir: Path | None = None) -> list[Path]:
    """Convert each .docx to a PDF beside it (or in `outdir`); return the PDFs' paths."""
    soffice = find_soffice()
    if soffice is None:
        raise UserError(UNAVAILABLE)
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="aiconsult-lo-") as profile:
        groups: dict[Path, list[Path]] = {}
        for document in documents:
            groups.setdefault(outdir or document.parent, []).append(document)
        for folder, paths in groups.items():
            _run(soffice, Path(profile), folder, paths)
    results = [(outdir or d.parent) / f"{d.stem}.pdf" for d in documents]
    missing = [p for p in results if not p.is_file()]
    if missing:
        raise UserError(
            f"LibreOffice n'a pas produit « {missing[0].name} » : le document Word est "
            "peut-être ouvert ailleurs, ou le dossier protégé en écriture."
        )
    return results


def _run(soffice: str, profile: Path, outdir: Path, paths: list[Path]) -> None:
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *(str(p) for p in paths),
    ]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as error:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()
        raise UserError(
            f"LibreOffice n'a pas fini la conversion en PDF en {TIMEOUT_SECONDS} s ; "
            "réessayez, ou exportez en Word."
        ) from error
