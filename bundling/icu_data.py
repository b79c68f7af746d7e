"""Qt's ICU data cut down to what the app can use, for the Linux bundle (build.spec).

PySide6's wheels ship their own ICU on Linux, and libQt6Core links it: libicudata.so.NN
(31 MB) is nothing but ICU's common data package, exported as the symbol `icudtNN_dat`.
Qt reads ICU for the French collation of QCollator (QFileSystemModel sorts the file
dialog's names with it, numbers in numeric order), QLocale's casing, the time zones'
display names and QStringConverter's codecs other than UTF and Latin-1 (the app decodes
none: Python reads its files). ICU's own data filtering (its "data build tool") keeps
chosen locales and features; the same is done here after the fact with `icupkg` on the
package taken from the installed wheel:

- every locale tree (main, coll, curr, lang, region, unit, zone, rbnf, brkitr) keeps
  root, fr* and en* and its non-locale tables (pool.res, res_index.res, ucadata.icu,
  supplementalData.res, metaZones.res, zoneinfo64.res, likelySubtags.res, cnvalias.icu…);
- the legacy .cnv converters, transliteration and the break iterators' dictionaries of
  Chinese, Japanese, Thai, Khmer, Lao and Burmese (the rules stay) go.

The package is then wrapped as a library exporting `icudtNN_dat` with the same soname,
from one assembler `.incbin` (as ICU's `pkgdata -m dll` does, with fewer moving parts).
Nothing binary is committed: it is derived at every build from the wheel installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

KEPT_LOCALES = re.compile(r"(root|fr|en)[._]")
"""root, French and English (Qt's own language) locales, with all their countries."""

LOCALE_ITEM = re.compile(r"[a-z]{2,3}(_([A-Z0-9][A-Za-z0-9]*)?)*\.res")
"""A locale's file (fr_CA.res, sr_Latn_BA.res, de__PHONEBOOK.res), not a table's (pool.res,
res_index.res): a locale's subtags after the language start with a capital or a digit."""

HEADER_MAGIC = b"\xda\x27"
"""Bytes 2-3 of every ICU data file, the package included (ICU's MappedData)."""


class IcuTrimUnavailable(RuntimeError):
    """A tool the trimming needs is missing: the bundle keeps Qt's full ICU data."""


def dropped(item: str) -> bool:
    """Whether a package item (`coll/de.res`, `ibm-1390_P110-2003.cnv`) is left out."""
    tree, _, name = item.rpartition("/")
    if name.endswith((".cnv", ".dict")) or tree == "translit":
        return True
    return bool(LOCALE_ITEM.fullmatch(name)) and not KEPT_LOCALES.match(name)


def run(*command: str) -> str:
    """A build tool's output; its messages in the error when it fails."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {result.stdout}{result.stderr}")
    return result.stdout


def package_of(library: Path, symbol: str) -> bytes:
    """The common data package the library exports as `symbol` (an ELF rodata object)."""
    listing = run("nm", "-D", "-S", "--defined-only", str(library))
    found = re.search(rf"^([0-9a-f]+) ([0-9a-f]+) R {symbol}$", listing, re.MULTILINE)
    if not found:
        raise RuntimeError(f"{library} exports no {symbol}")
    # The library is one read-only segment mapped at address 0: address = file offset.
    start, size = int(found[1], 16), int(found[2], 16)
    data = library.read_bytes()[start : start + size]
    if data[2:4] != HEADER_MAGIC:
        raise RuntimeError(f"{symbol} in {library} is not an ICU data package")
    return data


def trimmed_package(package: Path, out: Path) -> Path:
    """`package` without the dropped items, written as `out/<same name>`."""
    items = run("icupkg", "-l", str(package)).split()
    removed = [item for item in items if dropped(item)]
    listing = package.with_suffix(".removed.txt")
    listing.write_text("\n".join(removed) + "\n", encoding="ascii")
    # brkitr/root.res names the dictionaries: ICU's break iterators run without them
    # (no dictionary-based word breaks in Thai or Chinese), so that dependency may dangle,
    # and it alone.
    check = subprocess.run(
        ["icupkg", "-r", str(listing), str(package), str(out / package.name)],
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        missing = set(re.findall(r"depends on missing item (\S+)", check.stdout + check.stderr))
        if not missing or any(not item.endswith(".dict") for item in missing):
            raise RuntimeError(f"icupkg: {check.stdout}{check.stderr}")
        run("icupkg", "--ignore-deps", "-r", str(listing), str(package), str(out / package.name))
    return out / package.name


def data_library(package: Path, symbol: str, soname: str, out: Path) -> Path:
    """A shared library named `soname` exporting `package` as `symbol`."""
    source = out / "icudata.S"
    source.write_text(
        f"""\t.section .rodata
\t.balign 16
\t.globl {symbol}
\t.type {symbol}, @object
{symbol}:
\t.incbin "{package}"
\t.size {symbol}, . - {symbol}
\t.section .note.GNU-stack, "", @progbits
""",
        encoding="ascii",
    )
    library = out / soname
    run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(library), str(source))
    return library


def trimmed_icu_data(library: Path, workdir: Path) -> Path:
    """A copy of Qt's libicudata.so.NN holding only the data the app can use."""
    version = re.fullmatch(r"libicudata\.so\.(\d+)", library.name)
    if not version:
        raise RuntimeError(f"{library.name} is not ICU's data library")
    for tool in ("icupkg", "gcc", "nm"):
        if shutil.which(tool) is None:
            raise IcuTrimUnavailable(tool)
    symbol = f"icudt{version[1]}_dat"
    # The package's name carries the version and the byte order: its items are found under
    # that prefix, and icupkg takes the prefix from the file name.
    name = f"icudt{version[1]}{'l' if sys.byteorder == 'little' else 'b'}.dat"
    out = workdir / "icu"
    shutil.rmtree(out, ignore_errors=True)
    (out / "trimmed").mkdir(parents=True)
    (out / name).write_bytes(package_of(library, symbol))
    package = trimmed_package(out / name, out / "trimmed")
    return data_library(package, symbol, library.name, out)


Binaries = list[tuple[str, str, str]]
"""PyInstaller's TOC of binaries: (name in the bundle, source file, kind)."""


def replace_icu_data(binaries: Binaries, workdir: Path) -> Binaries:
    """PyInstaller's binaries with Qt's ICU data trimmed; untouched when a tool is missing
    on a developer's machine (a warning says so), never silently under CI."""
    result: Binaries = []
    for dest, source, kind in binaries:
        if Path(dest).name.startswith("libicudata.so."):
            try:
                source = str(trimmed_icu_data(Path(source), workdir))
            except IcuTrimUnavailable as missing:
                if os.environ.get("CI", "").lower() == "true":
                    raise
                print(
                    f"WARNING: {missing} not found: the bundle keeps Qt's full ICU data "
                    "(about 27 MB more); install icu-devtools and gcc to trim it.",
                    file=sys.stderr,
                )
        result.append((dest, source, kind))
    return result
