"""Qt stays in ui/: everything else must work without a display (and from the CLI)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kankei_desktop"
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|qtawesome|qtpy)\b", re.MULTILINE)


def test_no_qt_outside_ui():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and QT_IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_ui_writes_no_sql():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if re.search(r"\b(SELECT|INSERT|UPDATE|DELETE)\s", path.read_text(encoding="utf-8"))
        or "sqlalchemy" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_carrier_and_calendar_writers_take_values_and_import_no_services():
    """io/carrier_csv.py and io/ics.py write what services gathered; they read no database themselves."""
    layered = re.compile(r"^\s*(from|import)\s+kankei_desktop\.(services|store)\b", re.MULTILINE)
    offenders = [name for name in ("carrier_csv.py", "ics.py")
                 if layered.search((PACKAGE / "io" / name).read_text(encoding="utf-8"))]
    assert offenders == []
