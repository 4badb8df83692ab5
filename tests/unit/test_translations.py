"""Japanese is complete, compiled, and in step with the source strings."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import i18n  # noqa: E402


def test_every_string_is_translated():
    assert i18n.unfinished_strings() == {}


def test_translation_files_cover_every_source_string(tmp_path):
    for ts_name, sources in i18n.parts().items():
        fresh = tmp_path / ts_name
        subprocess.run(
            [i18n._tool("pyside6-lupdate"), "-silent", *map(str, sources), "-ts", str(fresh)], check=True
        )
        wanted = {(c.findtext("name"), m.findtext("source"))
                  for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")}
        committed = ROOT / "translations" / ts_name
        assert committed.exists(), f"{ts_name} missing: run python scripts/i18n.py update"
        have = {(c.findtext("name"), m.findtext("source"))
                for c in ET.parse(committed).getroot().iter("context") for m in c.iter("message")}
        assert wanted - have == set(), f"{ts_name} is behind the source: run python scripts/i18n.py update"


def test_compiled_qm_files_are_current(tmp_path):
    for ts in (ROOT / "translations").glob("*_ja.ts"):
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([i18n._tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run python scripts/i18n.py release for {ts.name}"


def test_compiled_forms_are_current(tmp_path):
    import build_forms

    for ui_file in (ROOT / "forms").glob("*.ui"):
        fresh = build_forms.compile_form(ui_file, tmp_path)
        committed = ROOT / "kankei_desktop" / "ui" / "forms" / fresh.name
        assert fresh.read_text() == committed.read_text(), f"run python scripts/build_forms.py for {ui_file.name}"
