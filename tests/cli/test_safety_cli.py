"""``backup``, ``restore``, ``audit``, ``anonymise`` and ``check`` run as real commands."""

from __future__ import annotations

import csv
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pg_support
import plain_sql
import pytest

from kankei_desktop.services.participants import PersonInput, create_person, load_person_input, update_person


def run(*args: str, env_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "KANKEI_DESKTOP_DATA_DIR": str(env_dir)}
    return subprocess.run(
        [sys.executable, "-m", "kankei_desktop", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, input=stdin, timeout=120,
    )


@pytest.fixture
def setup(tmp_path):
    db = pg_support.create(tmp_path / "town.sqlite3")
    db_path = db.path
    with db.session() as session:
        person_id = create_person(session, PersonInput(name="雲雀丘 澄礼", email="sumire@example.jp"))
        create_person(session, PersonInput(name="山田 太郎"))
    with db.session() as session:
        data = load_person_input(session, person_id)
        data.notes = "稲刈りに参加"
        update_person(session, person_id, data)
    db.close()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    return db_path, person_id, data_dir


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only  # file backups, restore, the lock file
def test_backup_list_damage_check_and_restore_latest(setup):
    db_path, _person_id, data_dir = setup
    made = run("backup", "--db", str(db_path), env_dir=data_dir)
    assert made.returncode == 0, made.stderr
    assert "バックアップを作成しました" in made.stdout
    listing = run("backup", "--db", str(db_path), "--list", env_dir=data_dir)
    assert "参加者 2 名" in listing.stdout and "手動" in listing.stdout
    # Damage the file: check reports it and the backup, and changes nothing.
    with db_path.open("r+b") as handle:
        handle.write(b"\x00" * 4096)
    before = _digest(db_path)
    checked = run("check", "--db", str(db_path), env_dir=data_dir)
    assert checked.returncode == 1
    assert "壊れています" in checked.stderr and "最新の正常なバックアップ" in checked.stderr
    assert _digest(db_path) == before and not list(db_path.parent.glob("*.damaged-*"))
    restored = run("restore", "--db", str(db_path), "--latest", env_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert list(db_path.parent.glob("town.sqlite3.damaged-*"))  # kept, never deleted
    ok = run("check", "--db", str(db_path), "--full", env_dir=data_dir)
    assert ok.returncode == 0 and "参加者 2 名" in ok.stdout


@pytest.mark.sqlite_only  # file backups, restore, the lock file
def test_restore_from_a_non_backup_fails_cleanly(setup, tmp_path):
    db_path, _person_id, data_dir = setup
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a backup", encoding="utf-8")
    before = _digest(db_path)
    result = run("restore", "--db", str(db_path), "--from", str(junk), env_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.startswith("エラー:") and "復元に使えません" in result.stderr
    assert _digest(db_path) == before


@pytest.mark.sqlite_only  # file backups, restore, the lock file
def test_backup_into_missing_folder_is_a_clear_error(setup, tmp_path):
    db_path, _person_id, data_dir = setup
    result = run("backup", "--db", str(db_path), "--to", str(tmp_path / "usb"), env_dir=data_dir)
    assert result.returncode == 2 and "ありません" in result.stderr


def test_audit_lists_per_person_and_exports_csv_with_bom(setup, tmp_path):
    db_path, person_id, data_dir = setup
    shown = run("audit", "--db", str(db_path), "--person", person_id, env_dir=data_dir)
    assert shown.returncode == 0, shown.stderr
    assert "作成" in shown.stdout and "変更" in shown.stdout and "備考:  → 稲刈りに参加" in shown.stdout
    assert "山田" not in shown.stdout
    out = tmp_path / "audit.csv"
    exported = run("audit", "--db", str(db_path), "--out", str(out), env_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["日時", "利用者", "操作"]
    assert ["備考", "", "稲刈りに参加"] in [row[5:] for row in rows]
    again = run("audit", "--db", str(db_path), env_dir=data_dir)
    assert "出力" in again.stdout  # the export itself is in the log


def test_anonymise_command(setup):
    db_path, person_id, data_dir = setup
    refused = run("anonymise", "--db", str(db_path), "--person", person_id, env_dir=data_dir, stdin="n\n")
    assert refused.returncode == 1
    assert b"sumire@example.jp" in plain_sql.stored_bytes(db_path)
    done = run("anonymise", "--db", str(db_path), "--person", person_id, "--yes", env_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "消去しました" in done.stdout
    data = plain_sql.stored_bytes(db_path)
    assert "雲雀丘".encode() not in data and b"sumire@example.jp" not in data


@pytest.mark.sqlite_only  # file backups, restore, the lock file
def test_second_writer_is_refused_by_the_cli(setup):
    from kankei_desktop.store import open_database

    db_path, person_id, data_dir = setup
    holder = open_database(db_path, lock=True)
    try:
        result = run("anonymise", "--db", str(db_path), "--person", person_id, "--yes", env_dir=data_dir)
        assert result.returncode == 2 and "開いています" in result.stderr
        assert run("check", "--db", str(db_path), env_dir=data_dir).returncode == 0  # readers still work
    finally:
        holder.close()


def test_retention_lists_dormant_persons(setup):
    db_path, person_id, data_dir = setup
    connection = plain_sql.connect(db_path)
    connection.execute("UPDATE person SET last_activity_on = '2015-04-01' WHERE id = ?", (person_id,))
    connection.commit()
    connection.close()
    result = run("retention", "--db", str(db_path), "--years", "5", env_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert person_id in result.stdout and "2015/04/01" in result.stdout and "1 名" in result.stdout
    assert "山田" not in result.stdout


def _quiet_since(db_path: Path, person_id: str, months_ago: int) -> None:
    """The person's last contact ``months_ago`` months before today (and registered long before)."""
    import sqlite3
    from datetime import date

    from kankei_desktop.services.retention import cutoff

    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE person SET last_activity_on = ?, created_at = '2010-01-01 00:00:00' WHERE id = ?",
                           (cutoff(date.today(), months_ago).isoformat(), person_id))
        connection.execute("UPDATE person SET last_activity_on = ?, created_at = '2010-01-01 00:00:00' "
                           "WHERE id != ?", (date.today().isoformat(), person_id))


@pytest.mark.sqlite_only  # edits the file with sqlite3
def test_retention_in_months_or_years_and_by_default_the_setting(setup):
    db_path, person_id, data_dir = setup
    _quiet_since(db_path, person_id, 20)  # quiet for 20 months
    for args, listed in ((("--months", "18"), True), (("--months", "21"), False), (("--years", "1"), True),
                         (("--years", "2"), False), (("--period", "１８か月"), True), (("--period", "2年"), False)):
        result = run("retention", "--db", str(db_path), *args, env_dir=data_dir)
        assert result.returncode == 0, result.stderr
        assert (person_id in result.stdout) is listed, (args, result.stdout)
        assert ("1 名" if listed else "0 名") in result.stdout
    # No option: the retention setting ホーム reminds with (5年 by default, then 18か月).
    default = run("retention", "--db", str(db_path), env_dir=data_dir)
    assert "保存期間 5年" in default.stdout and person_id not in default.stdout
    changed = run("settings", "set", "--db", str(db_path), "retention_period", "18か月", env_dir=data_dir)
    assert changed.returncode == 0, changed.stderr
    default = run("retention", "--db", str(db_path), env_dir=data_dir)
    assert "保存期間 18か月" in default.stdout and person_id in default.stdout
    # Refused in Japanese, naming what is wrong; two periods at once are refused by the parser.
    for args, words in ((("--months", "0"), "--months は 1 以上"), (("--period", "40年"), "30年まで"),
                        (("--period", "そのうち"), "年数か月数")):
        refused = run("retention", "--db", str(db_path), *args, env_dir=data_dir)
        assert refused.returncode == 2 and words in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
    both = run("retention", "--db", str(db_path), "--years", "1", "--months", "3", env_dir=data_dir)
    assert both.returncode == 2
