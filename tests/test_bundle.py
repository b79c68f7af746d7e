"""The PyInstaller bundle users install: built from build.spec into a temporary folder,
then both of its programs started as a user would.

Slow (a few minutes on two cores) but run in CI like every other test: a bundle that no
longer starts is only found this way.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import require_component

ROOT = Path(__file__).resolve().parent.parent
LINUX = sys.platform.startswith("linux")
# What the bundle may weigh: 114.7 MB on Linux once Qt's ICU data is trimmed to root,
# French and English and the desktop session's libraries are left to the system
# (build.spec); 177 MB when the target was set. benchmarks/bundle_size.py lists the parts.
LARGEST_BUNDLE_MB = 120
ICU_TOOLS = ("icupkg", "gcc", "nm")
"""What build.spec trims Qt's ICU data with on Linux (.ci/run installs them)."""

# The desktop session's libraries that the build machine has but the bundle must not carry
# (one per family: X11, xcb, xkbcommon, fonts, GLib, D-Bus, systemd and theirs).
SESSION_LIBRARIES = [
    "libX11.so.6",
    "libxcb-xkb.so.1",
    "libxkbcommon.so.0",
    "libxkbcommon-x11.so.0",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libexpat.so.1",
    "libglib-2.0.so.0",
    "libgobject-2.0.so.0",
    "libpcre2-8.so.0",
    "libdbus-1.so.3",
    "libsystemd.so.0",
    "libgcrypt.so.20",
    "libzstd.so.1",
]
# What goes with Python and Qt, and the xcb helpers fresh systems lack: they stay.
KEPT_LIBRARIES = ["libpython3", "libstdc++.so.6", "libffi.so", "libsqlite3.so", "libxcb-cursor"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(build / "dist"), "--workpath", str(build / "work"), "build.spec"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return build / "dist" / "AIConsult Desktop"


@pytest.fixture(scope="module")
def trimmed() -> None:
    """The Linux bundle meets its size only with Qt's ICU data trimmed, which needs tools."""
    if LINUX:
        missing = [tool for tool in ICU_TOOLS if shutil.which(tool) is None]
        require_component(not missing, " and ".join(missing))


def program(bundle: Path, name: str) -> str:
    return str(bundle / (f"{name}.exe" if sys.platform == "win32" else name))


@pytest.mark.bundle
def test_the_bundle_holds_both_programs_and_stays_lean(bundle: Path, trimmed: None) -> None:
    for name in ("AIConsult Desktop", "aiconsult"):
        assert os.access(program(bundle, name), os.X_OK), name
    if sys.platform != "win32":  # one program, the command line a link to it
        assert (bundle / "aiconsult").readlink() == Path("AIConsult Desktop")
    # Shared libraries are linked, not copied, between PyInstaller's folders: count once.
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    size = sum(f.stat().st_size for f in files) / 1024 / 1024
    assert size <= LARGEST_BUNDLE_MB, f"{size:.0f} Mo"
    # The icons' set travels with its licence (the first paint fails without its files).
    assert list(bundle.rglob("resources/icons/lucide/LICENSE"))
    translations = {f.name for f in bundle.rglob("*.qm")}
    assert "qtbase_fr.qm" in translations and not translations - {"qtbase_fr.qm", "qt_fr.qm"}


@pytest.mark.bundle
def test_the_bundled_window_reaches_its_first_paint(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [program(bundle, "AIConsult Desktop"), "--data-dir", str(tmp_path), "--startup-check"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].isdigit(), result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.bundle
def test_the_bundled_command_loads_the_demo_and_exports_word(bundle: Path, tmp_path: Path) -> None:
    def aiconsult(*arguments: str) -> str:
        result = subprocess.run(
            [program(bundle, "aiconsult"), "--data-dir", str(tmp_path / "data"), *arguments],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    aiconsult("demo")
    target = tmp_path / "intervention.docx"
    aiconsult("export", "statement", "1", "-o", str(target))
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "CST" in text


# What a French user sees of Qt's ICU: the file dialog's names sorted as QFileSystemModel
# sorts them (QCollator in the default French locale, numbers in numeric order, case
# ignored) and a time zone's French name. Run once with the wheel's full ICU data and once
# with the bundle's trimmed copy loaded first (the same ICU build otherwise: the dynamic
# linker then resolves Qt's libicudata.so.NN to the library already loaded).
ICU_PROBE = """
import ctypes, functools, json, sys
from pathlib import Path

if len(sys.argv) > 1:
    qt_lib = Path(sys.argv[1])
    for part in ("data", "uc", "i18n"):
        (library,) = qt_lib.glob(f"libicu{part}.so.*")
        ctypes.CDLL(str(library), mode=ctypes.RTLD_GLOBAL)
from PySide6.QtCore import QCollator, QLocale, Qt, QTimeZone

french = QLocale(QLocale.Language.French, QLocale.Country.France)
collator = QCollator(french)
collator.setNumericMode(True)
collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
names = ["Zoé.docx", "élection.docx", "Été.pdf", "etre.txt", "être.txt", "côte.odt",
         "cote.odt", "Côté.odt", "CST 10.docx", "CST 9.docx", "Œuvre.txt", "avis.docx"]
paris = QTimeZone(b"Europe/Paris")
print(json.dumps({
    "sorted": sorted(names, key=functools.cmp_to_key(collator.compare)),
    "zone": [paris.displayName(kind, QTimeZone.NameType.LongName, french)
             for kind in (QTimeZone.TimeType.StandardTime, QTimeZone.TimeType.DaylightTime)],
    "icu_data": sorted({line.split(maxsplit=5)[-1].strip() for line in open("/proc/self/maps")
                        if "libicudata" in line}),
}))
"""


PARIS_IN_FRENCH = ["heure normale d’Europe centrale", "heure d’été d’Europe centrale"]
"""Europe/Paris's names in winter and summer, as ICU's French time zone data gives them."""


def icu_probe(*qt_lib: Path) -> dict[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", ICU_PROBE, *map(str, qt_lib)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "collator" not in result.stderr, result.stderr  # « Could not create collator »
    answer: dict[str, list[str]] = json.loads(result.stdout)
    return answer


@pytest.mark.bundle
@pytest.mark.skipif(not LINUX, reason="Qt uses the system's ICU elsewhere")
def test_the_bundled_icu_sorts_and_names_in_french_as_the_full_one(
    bundle: Path, trimmed: None
) -> None:
    qt_lib = bundle / "_internal" / "PySide6" / "Qt" / "lib"
    (data,) = qt_lib.glob("libicudata.so.*")
    assert data.stat().st_size < 8 * 1024 * 1024  # 31 MB untrimmed
    bundled, full = icu_probe(qt_lib), icu_probe()
    assert bundled["icu_data"] == [str(data)]
    assert full["icu_data"] != bundled["icu_data"]
    assert bundled["sorted"] == full["sorted"] == [
        "avis.docx", "cote.odt", "côte.odt", "Côté.odt", "CST 9.docx", "CST 10.docx",
        "élection.docx", "Été.pdf", "etre.txt", "être.txt", "Œuvre.txt", "Zoé.docx",
    ]  # fmt: skip
    assert bundled["zone"] == full["zone"] == PARIS_IN_FRENCH


@pytest.mark.bundle
@pytest.mark.skipif(not LINUX, reason="the session's libraries are a Linux matter")
def test_the_session_libraries_come_from_the_system_and_the_window_opens_on_x11(
    bundle: Path, tmp_path: Path
) -> None:
    inside = {f.name for f in (bundle / "_internal").iterdir()}
    assert not inside & set(SESSION_LIBRARIES)
    for kept in KEPT_LIBRARIES:
        assert any(name.startswith(kept) for name in inside), kept
    # Every library the bundle links is found, in the bundle or on the system.
    unresolved = []
    for library in (bundle / "_internal").rglob("*.so*"):
        if library.is_file() and not library.is_symlink():
            links = subprocess.run(
                ["ldd", str(library)],
                capture_output=True,
                text=True,
                env={**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")},
            ).stdout
            unresolved += [
                f"{library.name}: {line}" for line in links.splitlines() if "not found" in line
            ]
    assert not unresolved
    # The window on a real X server through the system's X11, xcb and xkbcommon.
    xvfb_run = shutil.which("xvfb-run")
    require_component(xvfb_run is not None, "xvfb-run")
    assert xvfb_run is not None
    result = subprocess.run(
        [xvfb_run, "-a", program(bundle, "AIConsult Desktop"), "--data-dir", str(tmp_path),
         "--startup-check"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].isdigit(), result.stdout
