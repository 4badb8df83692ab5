"""``kankei-desktop exchange …`` run as real commands: the island office's stay reaches the town
hall, a phone both changed is a conflict, resolved with a policy; the passphrase never on the line."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person, load_person_input, update_person
from kankei_desktop.services.stays import StayInput, create_stay
from kankei_desktop.store import create_database, open_database

# Offices exchange files; a shared server has no journal (docs/decisions.md).
pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "うみとやまのあいことば"


def run(*args: str, env_dir: Path, passphrase: str | None = PASSPHRASE) -> subprocess.CompletedProcess:
    env = {**os.environ, "KANKEI_DESKTOP_DATA_DIR": str(env_dir)}
    env.pop("KANKEI_EXCHANGE_PASSPHRASE", None)
    if passphrase is not None:
        env["KANKEI_EXCHANGE_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def town(tmp_path):
    hall = tmp_path / "hall.sqlite3"
    database = create_database(hall)
    with database.session() as session:
        person = create_person(session, PersonInput(name="海野 凪", furigana="ウミノ ナギ", phone="090-1000-2000"))
        lodge = create_host(session, HostInput(name="島の宿", kind="宿泊施設", capacity_per_night=4))
    database.close()
    data = tmp_path / "data"
    data.mkdir()
    assert run("exchange", "office", "--db", str(hall), "--name", "本庁", env_dir=data).returncode == 0
    island = tmp_path / "island.sqlite3"
    made = run("exchange", "copy", "--db", str(hall), "--to", str(island), "--name", "島支所", env_dir=data)
    assert made.returncode == 0, made.stderr
    return hall, island, person, lodge, data


def _edit_phone(path: Path, person: str, phone: str) -> None:
    database = open_database(path)
    with database.session() as session:
        update_person(session, person, replace(load_person_input(session, person), phone=phone))
    database.close()


def test_island_stay_reaches_the_town_hall_and_a_phone_conflict_is_resolved(town, tmp_path):
    hall, island, person, lodge, data = town
    database = open_database(island)
    with database.session() as session:
        create_stay(session, StayInput(person_ids=[person], lodging_id=lodge, start_on=date(2026, 12, 24),
                                       end_on=date(2026, 12, 26), purpose="牡蠣の収穫"))
    database.close()
    _edit_phone(island, person, "070-3000-4000")
    _edit_phone(hall, person, "080-5000-6000")
    usb = tmp_path / "usb"
    usb.mkdir()
    out = run("exchange", "export", "--db", str(island), "--peer", "本庁", "--out", str(usb / "island1"), env_dir=data)
    assert out.returncode == 0, out.stderr
    assert "第1号" in out.stdout
    package = usb / "island1.kankei-sync"
    applied = run("exchange", "import", "--db", str(hall), str(package), env_dir=data)
    assert applied.returncode == 0, applied.stderr
    assert "競合 1 件" in applied.stdout and "適用前のバックアップ" in applied.stdout
    connection = sqlite3.connect(hall)
    assert connection.execute("SELECT purpose FROM stay").fetchone() == ("牡蠣の収穫",)
    assert connection.execute("SELECT phone FROM person").fetchone() == ("080-5000-6000",)  # local kept
    connection.close()
    listed = run("exchange", "conflicts", "--db", str(hall), "--json", env_dir=data)
    rows = json.loads(listed.stdout)
    assert [(r["field"], r["local_value"], r["remote_value"], r["remote_office"]) for r in rows] == [
        ("phone", "080-5000-6000", "070-3000-4000", "島支所")]
    again = run("exchange", "import", "--db", str(hall), str(package), env_dir=data)
    assert again.returncode == 0 and "すでに適用済み" in again.stdout
    resolved = run("exchange", "conflicts", "--db", str(hall), "--keep", "remote", env_dir=data)
    assert resolved.returncode == 0 and "1 件解決" in resolved.stdout
    back = run("exchange", "export", "--db", str(hall), "--peer", "島支所", "--out", str(usb / "hall1"), env_dir=data)
    assert back.returncode == 0, back.stderr
    assert run("exchange", "import", "--db", str(island), str(usb / "hall1.kankei-sync"), env_dir=data).returncode == 0
    for path in (hall, island):
        connection = sqlite3.connect(path)
        assert connection.execute("SELECT phone FROM person").fetchone() == ("070-3000-4000",)
        connection.close()
    assert "未解決の競合はありません" in run("exchange", "conflicts", "--db", str(island), env_dir=data).stdout
    status = run("exchange", "status", "--db", str(hall), env_dir=data)
    assert "受信  島支所 第1号" in status.stdout and "送信  島支所 第1号" in status.stdout


def test_passphrase_from_a_file_and_refusals(town, tmp_path):
    hall, island, _person, _lodge, data = town
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = run("exchange", "export", "--db", str(island), "--peer", "本庁", "--out", str(tmp_path / "p"),
              "--passphrase-file", str(secret), env_dir=data, passphrase=None)
    assert out.returncode == 0, out.stderr
    package = tmp_path / "p.kankei-sync"
    missing = run("exchange", "import", "--db", str(hall), str(package), env_dir=data, passphrase=None)
    assert missing.returncode == 2 and "合言葉がありません" in missing.stderr
    wrong = run("exchange", "import", "--db", str(hall), str(package), env_dir=data, passphrase="まちがいのあいことば")
    assert wrong.returncode == 2 and "合言葉が違います" in wrong.stderr
    own = run("exchange", "import", "--db", str(island), str(package), env_dir=data)
    assert own.returncode == 2 and "自身が書き出した" in own.stderr
    assert "--passphrase" not in run("exchange", "import", "--help", env_dir=data).stdout.replace(
        "--passphrase-file", "")


def test_encrypted_backup_and_restore_commands(town, tmp_path):
    hall, _island, _person, _lodge, data = town
    usb = tmp_path / "usb"
    usb.mkdir()
    made = run("exchange", "backup", "--db", str(hall), "--to", str(usb), env_dir=data)
    assert made.returncode == 0, made.stderr
    sealed = next(usb.glob("*.kankei-backup"))
    assert "海野".encode() not in sealed.read_bytes()
    wrong = run("exchange", "restore", "--db", str(hall), "--from", str(sealed), env_dir=data, passphrase="ちがうあいことば1")
    assert wrong.returncode == 2 and "合言葉が違います" in wrong.stderr
    restored = run("exchange", "restore", "--db", str(hall), "--from", str(sealed), env_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert "復元しました" in restored.stdout
