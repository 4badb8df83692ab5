"""Compile forms/*.ui into kankei_desktop/ui/forms/ui_*.py (generated: never edit those).

Run after changing a form:  python scripts/build_forms.py
Compiled, not loaded at run time: loadUiType breaks in frozen builds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "kankei_desktop" / "ui" / "forms"


def uic_command() -> list[str]:
    local = Path(sys.executable).with_name("pyside6-uic")
    return [str(local) if local.exists() else shutil.which("pyside6-uic") or "pyside6-uic"]


def compile_form(ui_file: Path, out_dir: Path = OUT) -> Path:
    target = out_dir / f"ui_{ui_file.stem}.py"
    subprocess.run([*uic_command(), "--from-imports", str(ui_file), "-o", str(target)], check=True)
    return target


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").write_text('"""Generated from forms/*.ui by scripts/build_forms.py. Do not edit."""\n')
    for ui_file in sorted(FORMS.glob("*.ui")):
        print(compile_form(ui_file).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
