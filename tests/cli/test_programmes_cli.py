"""`programmes` and `duplicates` run as the real command in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pg_support

from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.segments import SegmentCriteria, save_segment


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "kankei_desktop", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_create_enroll_list_and_duplicates(tmp_path):
    db_path = tmp_path / "cli.sqlite3"
    database = pg_support.create(db_path)
    db_path = database.path
    with database.session() as session:
        create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ", ties=["出身者"], birth_date=date(1990, 1, 2)))
        create_person(session, PersonInput(name="山田 太朗", furigana="やまだたろう", birth_date=date(1990, 1, 2)))
        save_segment(session, "出身者", SegmentCriteria(ties=["出身者"]))
    database.close()

    result = run("programmes", "create", "--db", db_path, "--name", "クエスト", "--kind", "田舎暮らしクエスト", "--year", 2026)
    assert result.returncode == 0, result.stderr
    result = run("programmes", "enroll", "--db", db_path, "--programme", "クエスト", "--segment", "出身者")
    assert result.returncode == 0, result.stderr
    assert "1 名" in result.stdout
    again = run("programmes", "enroll", "--db", db_path, "--programme", "クエスト", "--segment", "出身者")
    assert again.returncode == 2 and "「山田 太郎」" in again.stderr and "すでに" in again.stderr
    listing = run("programmes", "list", "--db", db_path)
    assert listing.returncode == 0 and "令和8年度（2026年度）\tクエスト" in listing.stdout and "1 名" in listing.stdout
    duplicates = run("duplicates", "--db", db_path)
    assert duplicates.returncode == 0
    assert "グループ: 1 件" in duplicates.stdout and "山田 太朗" in duplicates.stdout


def test_empty_programme_name_refused(tmp_path):
    db_path = tmp_path / "cli.sqlite3"
    made = pg_support.create(db_path)
    made.close()  # the command opens it itself
    db_path = made.path
    result = run("programmes", "create", "--db", db_path, "--name", " ", "--year", 2026)
    assert result.returncode == 2 and "プログラム名" in result.stderr
    assert "プログラムはありません" in run("programmes", "list", "--db", db_path).stdout
