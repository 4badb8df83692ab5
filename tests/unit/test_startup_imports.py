"""The start-up leaves heavy libraries unimported until they are needed (issue 9)."""

from __future__ import annotations

import subprocess
import sys

from kankei_desktop.store import migrations


def test_quick_revision_reading_matches_alembic():
    assert migrations.known_revisions() == migrations.alembic_revisions()
    assert migrations.head_revision() == migrations._script().get_current_head()


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_opening_a_file_at_head_does_not_import_alembic(tmp_path):
    path = tmp_path / "k.sqlite3"
    from kankei_desktop.store import create_database

    create_database(path).close()
    loaded = _modules_after(
        "from pathlib import Path\n"
        "from kankei_desktop.store import open_database\n"
        f"open_database(Path({str(path)!r})).close()\n"
    )
    assert "kankei_desktop.store.database" in loaded
    assert "alembic" not in loaded
    assert "mako" not in loaded


def test_gui_path_parser_imports_no_command_module():
    loaded = _modules_after(
        "from kankei_desktop import cli\n"
        "args = cli.parse_gui_arguments(['--db', 'x.sqlite3', '--demo'])\n"
        "assert args is not None and str(args.db) == 'x.sqlite3' and args.demo\n"
        "assert cli.parse_gui_arguments(['init', '--db', 'x']) is None\n"
        "assert cli.parse_gui_arguments(['--help']) is None\n"
    )
    assert not any(name in loaded for name in cli_command_modules())
    assert "sqlalchemy" not in loaded


def cli_command_modules() -> tuple[str, ...]:
    from kankei_desktop.cli import COMMAND_MODULES

    return COMMAND_MODULES


def test_selftest_command_parses_without_the_other_command_modules():
    loaded = _modules_after(
        "from kankei_desktop import cli\n"
        "assert cli._command_name(['selftest', '--startup-only', '--db', 'x']) == 'selftest'\n"
        "assert cli._command_name(['--db', 'x', 'init']) == 'init'\n"
        "assert cli._command_name(['--help', 'selftest']) is None\n"
        "parser = cli.build_parser((cli._SELF_CONTAINED_COMMANDS['selftest'],))\n"
        "args = parser.parse_args(['selftest', '--startup-only'])\n"
        "assert args.command == 'selftest' and args.startup_only\n"
    )
    others = set(cli_command_modules()) - {"kankei_desktop.cli.selftest"}
    assert not others & loaded


def test_home_page_leaves_numpy_to_the_first_count():
    """numpy (a tenth of a second) is imported by the KPI count, not before the first window."""
    loaded = _modules_after("import kankei_desktop.ui.areas.home.page\n")
    assert "kankei_desktop.services.kpis" in loaded
    assert "numpy" not in loaded
