"""A segment's or a programme's persons leave the app: `export --segment`, `roster` (real command, subprocess)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys

import openpyxl
import pytest

from kankei_desktop.services import enrollments, programmes, segments
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput
from kankei_desktop.services.segments import SegmentCriteria
from kankei_desktop.store import create_database


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "KANKEI_DESKTOP_DATA_DIR": str(tmp_path / "userdata")}


def run(env, *args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180, env=env)


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.fixture
def db_path(tmp_path):
    """Three hand-made persons (two in 東京圏), 40 more in 関西圏, a segment and a programme of two."""
    path = tmp_path / "rosters.sqlite3"
    database = create_database(path)
    with database.session() as session:
        yamada = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ", residence_area="東京圏",
                                                    phone="090-1111-2222", email="taro@example.jp"))
        create_person(session, PersonInput(name="伊藤 花子", furigana="イトウ ハナコ", residence_area="東京圏",
                                           contact_ok=False))
        sato = create_person(session, PersonInput(name="佐藤 次郎", furigana="サトウ ジロウ", residence_area="名古屋圏"))
        for number in range(40):
            create_person(session, PersonInput(name=f"関西 {number:02d}", furigana="カンサイ " + chr(0x30A2 + 2 * number),
                                               residence_area="関西圏"))
        segments.save_segment(session, "東京の人", SegmentCriteria(residence_areas=["東京圏"]))
        segments.save_segment(session, "関西の人", SegmentCriteria(residence_areas=["関西圏"]))
        programme_id = programmes.create_programme(session, ProgrammeInput(name="農業体験", fiscal_year=2026))
        enrollments.enroll_persons(session, programme_id, [yamada, sato])
    database.close()
    return path


def test_export_a_segment_writes_only_its_persons(env, db_path, tmp_path):
    out = tmp_path / "東京.xlsx"
    result = run(env, "export", "--db", db_path, "--what", "persons", "--segment", "東京の人", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "2 名" in result.stdout
    sheet = openpyxl.load_workbook(out).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    names = sorted(row[headers.index("氏名")] for row in sheet.iter_rows(min_row=2, values_only=True))
    with sqlite3.connect(db_path) as connection:
        expected = sorted(n for (n,) in connection.execute(
            "SELECT name FROM person WHERE residence_area = '東京圏' AND deleted_at IS NULL"))
        logged = connection.execute("SELECT count(*) FROM audit_log WHERE action = 'export'").fetchone()[0]
    assert names == expected == ["伊藤 花子", "山田 太郎"]
    assert logged == 1


def test_export_segment_refuses_other_kinds_and_unknown_segments(env, db_path, tmp_path):
    out = tmp_path / "x.xlsx"
    wrong = run(env, "export", "--db", db_path, "--what", "stays", "--segment", "東京の人", "--out", out)
    assert wrong.returncode == 2 and "--what persons" in wrong.stderr
    unknown = run(env, "export", "--db", db_path, "--what", "persons", "--segment", "ない", "--out", out)
    assert unknown.returncode == 2 and "セグメント「ない」が見つかりません" in unknown.stderr
    assert not out.exists()


def test_segment_roster_pdf_marks_every_page(env, db_path, tmp_path):
    out = tmp_path / "関西.pdf"
    result = run(env, "roster", "--db", db_path, "--segment", "関西の人", "--out", out)
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(out)
    assert len(pages) == 2 and "2 ページ" in result.stdout and "40 名" in result.stdout
    for number, page in enumerate(pages, start=1):
        assert "取扱注意（個人情報）" in page
        assert re.search(rf"(?m)^\s*{number}\s*/\s*2\s*$", page)
        assert "氏名" in page and "フリガナ" in page and "連絡先" in page and "関わりの段階" in page
    text = "".join(pages)
    assert all(f"関西 {n:02d}" in text for n in range(40))
    assert "山田" not in text


def test_programme_roster_lists_enrolled_persons_with_stage_and_contact(env, db_path, tmp_path):
    out = tmp_path / "農業.pdf"
    result = run(env, "roster", "--db", db_path, "--programme", "農業体験", "--out", out)
    assert result.returncode == 0, result.stderr
    (page,) = pdf_pages(out)
    with sqlite3.connect(db_path) as connection:
        stage = connection.execute(
            "SELECT s.name FROM enrollment e JOIN programme_stage s ON s.id = e.stage_id "
            "JOIN person p ON p.id = e.person_id WHERE p.name = '山田 太郎'").fetchone()[0]
    assert "山田 太郎" in page and "佐藤 次郎" in page and "伊藤" not in page
    assert "090-1111-2222" in page and "taro@example.jp" in page and stage in page
    assert re.search(r"(?m)^\s*1\s*/\s*1\s*$", page) and "取扱注意（個人情報）" in page


def test_roster_refuses_a_wrong_suffix_and_an_empty_list(env, db_path, tmp_path):
    wrong = run(env, "roster", "--db", db_path, "--segment", "東京の人", "--out", tmp_path / "r.docx")
    assert wrong.returncode == 2 and ".pdf" in wrong.stderr
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE person SET residence_area = '' WHERE residence_area = '東京圏'")
    empty = run(env, "roster", "--db", db_path, "--segment", "東京の人", "--out", tmp_path / "r.pdf")
    assert empty.returncode == 2 and "0 名" in empty.stderr
    assert not (tmp_path / "r.pdf").exists()
