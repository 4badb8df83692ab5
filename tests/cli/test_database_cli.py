"""`init` and `check` run as the real command in a subprocess."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "kankei_desktop", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120,
    )


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("kankei-desktop ")


def test_init_then_check(tmp_path):
    db = tmp_path / "new.sqlite3"
    assert run("init", "--db", db).returncode == 0
    result = run("check", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "参加者 0 名" in result.stdout


def test_init_refuses_an_existing_file_without_force(tmp_path):
    db = tmp_path / "existing.sqlite3"
    db.write_bytes(b"years of work")
    result = run("init", "--db", db)
    assert result.returncode != 0
    assert "--force" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == b"years of work"
    assert run("init", "--db", db, "--force").returncode == 0
    assert run("check", "--db", db).returncode == 0


def test_init_in_a_missing_folder_says_so(tmp_path):
    result = run("init", "--db", tmp_path / "nowhere" / "x.sqlite3")
    assert result.returncode != 0 and "フォルダー" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_check_refuses_bad_files_without_touching_them(tmp_path):
    cases = {
        "zero.sqlite3": b"",
        "text.sqlite3": b"just some text, not a database",
        "truncated.sqlite3": b"SQLite format 3\x00" + b"\x01" * 40,
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = run("check", "--db", path)
        assert result.returncode != 0, name
        assert result.stderr.strip(), name
        assert path.read_bytes() == content, name
        assert not (tmp_path / f"{name}-wal").exists()


def test_check_refuses_a_damaged_database(tmp_path):
    db = tmp_path / "damaged.sqlite3"
    assert run("init", "--db", db).returncode == 0
    data = bytearray(db.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # scribble over a b-tree page
    db.write_bytes(bytes(data))
    before = digest(db)
    result = run("check", "--db", db, "--full")
    assert result.returncode != 0
    assert digest(db) == before


def test_check_refuses_a_newer_schema(tmp_path):
    db = tmp_path / "newer.sqlite3"
    assert run("init", "--db", db).returncode == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num='9999'")
    connection.close()
    before = digest(db)
    result = run("check", "--db", db)
    assert result.returncode != 0 and "新しい版" in result.stderr
    assert digest(db) == before
