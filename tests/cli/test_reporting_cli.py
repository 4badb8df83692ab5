"""``stats`` and ``report`` run as the real command in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pg_support
import pytest
from kpi_known_data import EXPECTED, build
from pypdf import PdfReader

from kankei_desktop.services.kpis import SCHEMA_VERSION, compute_kpis


def run(*args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


@pytest.fixture(scope="module")
def known_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("kpi") / "known.sqlite3"
    database = pg_support.create(path)
    path = database.path
    with database.session() as session:
        build(session)
    with database.session() as session:
        expected = compute_kpis(session, 2026).to_json_dict()
    database.close()
    return path, expected


def test_stats_json_equals_the_service(known_db):
    path, expected = known_db
    done = run("stats", "--db", path, "--fiscal-year", 2026, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data == expected
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["persons"]["unique_persons"] == EXPECTED["unique_persons"]
    assert data["persons"]["person_visits"] == EXPECTED["person_visits"]


def test_stats_quarter_programme_and_table(known_db):
    path, _expected = known_db
    done = run("stats", "--db", path, "--fiscal-year", 2026, "--quarter", 4, "--programme", "おためし移住", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["quarter"], data["programme"]) == (4, "おためし移住")
    assert (data["persons"]["unique_persons"], data["persons"]["person_visits"]) == (2, 2)
    table = run("stats", "--db", path, "--fiscal-year", 2026)
    assert table.returncode == 0, table.stderr
    assert "実人数" in table.stdout and "4名" in table.stdout and "のべ人数" in table.stdout


def test_unknown_programme_is_a_clear_error(known_db):
    path, _expected = known_db
    done = run("stats", "--db", path, "--fiscal-year", 2026, "--programme", "ありません", "--json")
    assert done.returncode != 0
    assert "プログラム「ありません」が見つかりません" in done.stderr
    assert done.stdout == ""


def test_year_without_data(known_db):
    path, _expected = known_db
    done = run("stats", "--db", path, "--fiscal-year", 2035, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["has_data"] is False and data["persons"]["unique_persons"] == 0
    table = run("stats", "--db", path, "--fiscal-year", 2035)
    assert "データはありません" in table.stdout


def test_report_writes_pdf_with_the_same_numbers(known_db, tmp_path):
    path, expected = known_db
    out = tmp_path / "summary.pdf"
    done = run("report", "--db", path, "--fiscal-year", 2026, "--out", out)
    assert done.returncode == 0, done.stderr
    assert out.exists() and "PDF を作成しました" in done.stdout
    text = "".join("".join((page.extract_text() or "").split()) for page in PdfReader(str(out)).pages)
    assert f"実人数{expected['persons']['unique_persons']}名" in text
    assert f"のべ人数{expected['persons']['person_visits']}人" in text
    assert f"{expected['person_days']['achieved']}人日" in text


def test_report_to_a_missing_folder_fails_cleanly(known_db, tmp_path):
    path, _expected = known_db
    out = tmp_path / "missing" / "summary.pdf"
    done = run("report", "--db", path, "--fiscal-year", 2026, "--out", out)
    assert done.returncode != 0
    assert "フォルダー" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
