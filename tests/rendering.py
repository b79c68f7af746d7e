"""LibreOffice, the real client: every exported document is converted to PDF and read back."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest


def rendered_pages(soffice: str, pdftotext: str, path: Path, work: Path) -> list[str]:
    """Convert `path` to PDF with LibreOffice and return each page's text, spaces folded
    and apostrophes straight (the words, not their typography: see `rendered_text`)."""
    return [
        " ".join(page.split()).replace("\u2019", "'")
        for page in rendered_text(soffice, pdftotext, path, work).split("\f")
        if page.strip()
    ]


def rendered_text(soffice: str, pdftotext: str, path: Path, work: Path) -> str:
    """Convert `path` (a .docx) to PDF with LibreOffice; return the PDF's text as
    pdftotext lays it out: lines as printed, pages apart by form feeds, no-break spaces
    kept."""
    out, profile = work / "pdf", work / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(path),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, errors = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()
        pytest.fail("LibreOffice did not convert the document within 120 s")
    pdf = out / f"{path.stem}.pdf"
    assert pdf.is_file(), errors.decode(errors="replace")
    return pdf_text(pdftotext, pdf)


def pdf_text(pdftotext: str, pdf: Path) -> str:
    """The PDF's text, lines as printed (pdftotext keeps no-break spaces)."""
    return subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
