"""Hostile and messy files through the real `import` command: one clear line and exit 2, never an abort."""

from __future__ import annotations

import os
import subprocess
import sys

import pg_support
import pytest

from tests.unit.test_hostile_sheets import HEADER_ROW, inline, xlsx


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "KANKEI_DESKTOP_DATA_DIR": str(tmp_path / "userdata")}


@pytest.fixture
def db_path(tmp_path):
    database = pg_support.create(tmp_path / "cli.sqlite3")
    database.close()
    return database.path


def run(env, *args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180, env=env)


@pytest.mark.parametrize("name, rows, shared, expected", [
    ("far.xlsx", HEADER_ROW + '<row r="1048576">' + inline("XFD1048576", "x") + "</row>", [], "A1:XFD1048576"),
    ("cell.xlsx", HEADER_ROW + '<row r="2">' + inline("A2", "y" * 20_000_000) + "</row>", [], "32,767 文字"),
    ("shared.xlsx", HEADER_ROW + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>', ["z" * 300_000], "32,767 文字"),
])
def test_hostile_xlsx_is_refused_with_one_line(env, db_path, tmp_path, name, rows, shared, expected):
    path = xlsx(tmp_path / name, rows, shared)
    result = run(env, "import", "--db", db_path, path, "--dry-run")
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and expected in lines[0] and name in lines[0]
    assert "Traceback" not in result.stderr and "memory allocation" not in result.stderr


def test_messy_roster_dry_run_lists_summary_rows(env, db_path, tmp_path):
    from tests.unit.test_real_sheets import messy_roster

    path = messy_roster(tmp_path / "名簿.xlsx")
    result = run(env, "import", "--db", db_path, path, "--dry-run", "--report", tmp_path / "check.csv")
    assert result.returncode == 0, result.stderr
    assert "集計行（取り込みません）: 9 行目「小計」、12 行目「合計 / 33名」、13 行目「33」、14 行目「以上」" in result.stdout
    assert "新規 3" in result.stdout and "エラー 1" in result.stdout
    report = (tmp_path / "check.csv").read_text(encoding="utf-8-sig")
    assert "12,集計行,取り込まない,,合計 / 33名" in report


def test_utf16_text_imports(env, db_path, tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(b"\xff\xfe" + "氏名\tフリガナ\r\nｻﾄｳ ﾊﾅｺ\tｻﾄｳ ﾊﾅｺ\r\n".encode("utf-16-le"))
    result = run(env, "import", "--db", db_path, path)
    assert result.returncode == 0, result.stderr
    assert "文字コード utf-16" in result.stdout and "新規 1 件" in result.stdout


def test_audit_csv_makes_formula_text_inert(env, db_path, tmp_path):
    from kankei_desktop.services.participants import PersonInput, create_person
    from kankei_desktop.store import open_database

    database = open_database(db_path)
    with database.session() as session:
        create_person(session, PersonInput(name="=cmd|' /C calc'!A0", notes='=HYPERLINK("http://example.com","x")'))
    database.close()
    result = run(env, "audit", "--db", db_path, "--out", tmp_path / "audit.csv")
    assert result.returncode == 0, result.stderr
    import csv

    with open(tmp_path / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells and "'=HYPERLINK(\"http://example.com\",\"x\")" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
