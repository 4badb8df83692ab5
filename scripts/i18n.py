"""Translations: extract source strings, fill in Japanese, compile .qm files.

The UI is written in English through ``tr()``; Japanese lives in
``translations/<part>_ja.ts``, one file per part so that areas can be
translated independently:

- ``kankei_desktop/ui/areas/<area>/``  → ``<area>_ja.ts``
- any other ``kankei_desktop/ui/<package>/`` → ``<package>_ja.ts``
- ``kankei_desktop/ui/*.py`` → ``shell_ja.ts``; ``forms/*.ui`` → ``forms_ja.ts``

Usage:
    python scripts/i18n.py update            # lupdate every part, then lrelease
    python scripts/i18n.py unfinished > t.json   # what still needs Japanese, as JSON
    python scripts/i18n.py apply t.json      # write the Japanese from that JSON, then lrelease
    python scripts/i18n.py release           # compile .ts → .qm only

The JSON is {"<file>.ts": {"<context>": {"<English source>": "<日本語>"}}}.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "kankei_desktop" / "ui"
TRANSLATIONS = ROOT / "translations"


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def parts() -> dict[str, list[Path]]:
    """Translation file name → the sources it covers."""
    found: dict[str, list[Path]] = {"shell_ja.ts": sorted(UI.glob("*.py"))}
    for area in sorted((UI / "areas").iterdir()):
        if area.is_dir() and list(area.rglob("*.py")):
            found[f"{area.name}_ja.ts"] = sorted(area.rglob("*.py"))
    for package in sorted(UI.iterdir()):
        if package.is_dir() and package.name not in ("areas", "forms", "__pycache__"):
            if list(package.rglob("*.py")):
                found[f"{package.name}_ja.ts"] = sorted(package.rglob("*.py"))
    forms = sorted((ROOT / "forms").glob("*.ui"))
    if forms:
        found["forms_ja.ts"] = forms
    return found


def update() -> None:
    TRANSLATIONS.mkdir(exist_ok=True)
    for ts_name, sources in parts().items():
        sources = [s for s in sources if "__pycache__" not in s.parts]
        subprocess.run(
            [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-target-language", "ja_JP",
             *map(str, sources), "-ts", str(TRANSLATIONS / ts_name)],
            check=True,
        )
    release()


def release() -> None:
    for ts in sorted(TRANSLATIONS.glob("*_ja.ts")):
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def unfinished_strings() -> dict[str, dict[str, dict[str, str]]]:
    result: dict[str, dict[str, dict[str, str]]] = {}
    for ts in sorted(TRANSLATIONS.glob("*_ja.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and (
                    translation.get("type") == "unfinished" or not (translation.text or "").strip()
                ):
                    result.setdefault(ts.name, {}).setdefault(name, {})[message.findtext("source")] = ""
    return result


def apply(json_path: Path) -> None:
    wanted = json.loads(json_path.read_text(encoding="utf-8"))
    for ts_name, contexts in wanted.items():
        path = TRANSLATIONS / ts_name
        tree = ET.parse(path)
        for context in tree.getroot().iter("context"):
            table = contexts.get(context.findtext("name"), {})
            for message in context.iter("message"):
                text = table.get(message.findtext("source"))
                if text:
                    translation = message.find("translation")
                    translation.text = text
                    translation.attrib.pop("type", None)
        tree.write(path, encoding="utf-8", xml_declaration=True)
    release()


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "unfinished":
        print(json.dumps(unfinished_strings(), ensure_ascii=False, indent=1))
    elif command == "apply" and len(argv) == 2:
        apply(Path(argv[1]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
