"""What build.spec keeps of Qt's ICU data on Linux (bundling/icu_data.py), and what a build
does when the tools are missing: fast checks beside tests/test_bundle.py's slow ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from bundling import icu_data


@pytest.mark.parametrize(
    "item",
    [
        "root.res",
        "fr.res",
        "en_GB.res",
        "pool.res",
        "res_index.res",
        "supplementalData.res",
        "likelySubtags.res",
        "cnvalias.icu",
        "coll/root.res",
        "coll/fr.res",
        "coll/ucadata.icu",
        "zone/fr_CA.res",
        "zone/metaZones.res",
        "curr/supplementalData.res",
        "brkitr/word.brk",
        "brkitr/fr.res",
    ],
)
def test_root_french_english_and_the_tables_stay(item: str) -> None:
    assert not icu_data.dropped(item)


@pytest.mark.parametrize(
    "item",
    [
        "de.res",
        "frr.res",  # North Frisian, not French
        "fur.res",
        "sr_Latn_BA.res",
        "coll/de__PHONEBOOK.res",
        "zone/ja.res",
        "ibm-1390_P110-2003.cnv",
        "translit/root.res",
        "brkitr/thaidict.dict",
    ],
)
def test_other_languages_old_codecs_and_dictionaries_go(item: str) -> None:
    assert icu_data.dropped(item)


BINARIES = [
    ("PySide6/Qt/lib/libicudata.so.73", "/wheel/libicudata.so.73", "BINARY"),
    ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
]


def without_icupkg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        icu_data.shutil, "which", lambda tool: None if tool == "icupkg" else f"/usr/bin/{tool}"
    )


def test_a_developer_without_icupkg_gets_the_full_data_and_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    without_icupkg(monkeypatch)
    monkeypatch.setenv("CI", "false")
    assert icu_data.replace_icu_data(BINARIES, tmp_path) == BINARIES
    assert "icupkg not found" in capsys.readouterr().err


def test_ci_without_icupkg_fails_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    without_icupkg(monkeypatch)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(icu_data.IcuTrimUnavailable):
        icu_data.replace_icu_data(BINARIES, tmp_path)
