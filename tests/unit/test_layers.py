"""The arrows of docs/architecture.md, checked on every import of every module (ast, so imports
inside functions and under ``TYPE_CHECKING`` count too):

    ui, cli → services → reports, io → domain;   services → store → domain

A layer may use any layer below it, never one above or beside it. ``kankei_desktop`` itself and
``kankei_desktop.paths`` (the program's name, version and folders) sit under everything.
The command line may start the window (cli → ui); the window never runs a command (ui → cli).
reports and io do not use each other. Only ui imports Qt. reports and io take values: no session.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "kankei_desktop"

BASE = {"base"}
ALLOWED: dict[str, set[str]] = {
    "base": BASE,
    "domain": {"domain"},
    "store": {"store", "domain"} | BASE,
    "io": {"io", "domain"} | BASE,
    "reports": {"reports", "domain"} | BASE,
    "services": {"services", "reports", "io", "store", "domain"} | BASE,
    "ui": {"ui", "services", "reports", "io", "store", "domain"} | BASE,
    "cli": {"cli", "ui", "services", "reports", "io", "store", "domain"} | BASE,
    "main": {"cli", "ui"} | BASE,
}
QT = ("PySide6", "shiboken6", "qtawesome", "qtpy")
DATABASE_LIBRARIES = ("sqlalchemy", "sqlmodel")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "paths":
        return "base"
    if parts[1] == "__main__":
        return "main"
    return parts[1]


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module imported) for every import statement in the file, at any depth."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # ``from kankei_desktop import paths``: the name may be a module of its own.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names
                      if _is_module(f"{base}.{alias.name}")]
    return found


def _is_module(name: str) -> bool:
    if not name.startswith("kankei_desktop."):
        return False
    relative = Path(*name.split("."))
    return (ROOT / relative).with_suffix(".py").is_file() or (ROOT / relative / "__init__.py").is_file()


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@cache
def _graph() -> list[tuple[str, int, str]]:
    """(module, line, module it imports) over the whole package; read once per run."""
    return [(_module_name(path), line, imported) for path in _sources() for line, imported in _imports(path)]


def test_the_graph_is_read():
    """A guard for the test itself: it sees the modules and the arrows it is meant to judge."""
    graph = _graph()
    modules = {module for module, _line, _imported in graph}
    assert {"kankei_desktop.services.imports.plan", "kankei_desktop.reports.progress",
            "kankei_desktop.ui.main_window"} <= modules
    assert ("kankei_desktop.services.progress_report", "kankei_desktop.reports.progress") in {
        (module, imported) for module, _line, imported in graph}
    assert {_layer(module) for module in modules} <= ALLOWED.keys()


def test_imports_follow_the_arrows():
    offenders = []
    for module, line, imported in _graph():
        if imported != "kankei_desktop" and not imported.startswith("kankei_desktop."):
            continue
        source, target = _layer(module), _layer(imported)
        if target not in ALLOWED[source]:
            offenders.append(f"{module} (line {line}) imports {imported}: {source} may not use {target}")
    assert offenders == [], "imports against the layer arrows (docs/architecture.md):\n" + "\n".join(offenders)


def test_no_qt_outside_ui():
    offenders = [f"{module} (line {line}) imports {imported}: only ui/ may import Qt"
                 for module, line, imported in _graph()
                 if imported.split(".")[0] in QT and _layer(module) != "ui"]
    assert offenders == [], "\n".join(offenders)


def test_reports_and_io_take_values_not_a_session():
    offenders = [f"{module} (line {line}) imports {imported}: reports and io are handed values by services"
                 for module, line, imported in _graph()
                 if imported.split(".")[0] in DATABASE_LIBRARIES and _layer(module) in ("reports", "io")]
    assert offenders == [], "\n".join(offenders)


def test_ui_writes_no_sql():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if re.search(r"\b(SELECT|INSERT|UPDATE|DELETE)\s", path.read_text(encoding="utf-8"))
        or "sqlalchemy" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_ui_opens_no_session():
    """The window asks services, or holds one ``services.work.unit``; it never opens a session itself."""
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "session":
                offenders.append(f"{path.relative_to(PACKAGE)} (line {node.lineno}) calls .session(")
    assert offenders == [], "\n".join(offenders)
