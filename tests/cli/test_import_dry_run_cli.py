"""`import --dry-run` of every kind: a changed and a new row are checked, and the file does not change.

The activity kinds check a row by writing it through its service inside a savepoint that is
rolled back, so the dry run opens the file as a writer (cli/access.py). It used to open it
read-only and stopped with 「読み取り専用で開いています」 as soon as a row was new or changed.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kankei_desktop.cli.exchange import IMPORT_KINDS

pytestmark = pytest.mark.sqlite_only  # the file's bytes before and after


def run(*args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          check=False, capture_output=True, text=True, encoding="utf-8", timeout=300)


def fold_log(path: Path) -> None:
    """Fold a -wal left by an earlier command into the file, so that its bytes are the whole content."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def content(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo file made by `init --demo`, and each kind exported from it by `export`."""
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.sqlite3"
    made = run("init", "--db", path, "--demo")
    assert made.returncode == 0, made.stderr
    sheets = {}
    for kind in IMPORT_KINDS:
        sheets[kind] = folder / f"{kind}.csv"
        exported = run("export", "--db", path, "--what", kind, "--out", sheets[kind])
        assert exported.returncode == 0, exported.stderr
    fold_log(path)
    return path, sheets


def edit(kind: str, source: Path, target: Path) -> None:
    """The exported sheet with one row changed and one new row (no ID) that the rules accept."""
    with open(source, encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))

    def changed(row, **values):
        for name, value in values.items():
            row[header.index(name)] = value
        return row

    first, second = rows[0], list(rows[1])
    if kind == "persons":
        changed(first, 備考="書き換えた備考")
        new = changed(second, ID="", 氏名="取込 新太", フリガナ="トリコミ アラタ", メールアドレス="arata@example.jp",
                      電話番号="")
    elif kind == "enrollments":
        changed(first, 参加登録の備考="書き換えた備考")
        new = changed(second, 参加登録ID="", 参加者ID="", 氏名="取込 新太", フリガナ="トリコミ アラタ")
    elif kind == "stays":
        # a stay of one person (a stay of several is several rows); the new one on days nobody stays
        persons = Counter(row[header.index("滞在ID")] for row in rows)
        first = next(row for row in rows if persons[row[header.index("滞在ID")]] == 1)
        changed(first, 備考="書き換えた備考")
        new = changed(list(first), 滞在ID="", 開始日="2024/02/03", 終了日="2024/02/04", プログラム="", 年度="",
                      状況="実施済")
    elif kind == "shipments":
        changed(first, 備考="書き換えた備考")
        new = changed(second, ID="", 伝票番号="", 内容="干し柿")
    elif kind == "letters":
        changed(first, 概要="書き換えた概要")
        new = changed(second, ID="", 返信元ID="", 概要="新しい手紙")
    elif kind == "interactions":
        changed(first, 備考="書き換えた備考")
        new = changed(second, ID="", 日付="2024/06/01", 備考="新しい関わり")
    elif kind == "hosts":
        changed(first, 備考="書き換えた備考")
        new = changed(second, ID="", 名称="新しい受入先")
    else:  # indicator_values: a new target for one period, a value for a year that has none
        changed(first, 目標="9.0")
        new = changed(list(first), ID="", 年度="2024", 四半期="", 値="1.0", 目標="")
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([header, *rows, new])


@pytest.mark.parametrize("kind", IMPORT_KINDS)
def test_a_dry_run_checks_a_changed_and_a_new_row_and_changes_nothing(demo, tmp_path, kind):
    source, sheets = demo
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(source, path)
    sheet = tmp_path / f"{kind}-edited.csv"
    edit(kind, sheets[kind], sheet)
    before_bytes, before = digest(path), content(path)

    result = run("import", "--db", path, sheet, "--kind", kind, "--dry-run")

    assert result.returncode == 0, result.stderr
    assert "新規 1  更新 1  " in result.stdout and "エラー 0" in result.stdout, result.stdout
    assert "何も書き込んでいません" in result.stdout
    assert digest(path) == before_bytes, "the dry run changed the file"
    assert content(path) == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
