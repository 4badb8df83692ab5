"""`import`, `export` and `template` run as the real command in a subprocess."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date

import openpyxl
import plain_sql
import pg_support
import pytest

from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import create_database


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "KANKEI_DESKTOP_DATA_DIR": str(tmp_path / "userdata")}


def run(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "kankei_desktop", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=180, env=env,
    )


def dump(path) -> list[str]:
    connection = plain_sql.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "cli.sqlite3"
    database = pg_support.create(path)
    path = database.path
    with database.session() as session:
        create_person(session, PersonInput(name="佐藤 次郎", furigana="サトウ ジロウ", phone="080-1111-2222"))
    database.close()
    return path


def sheet(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_dry_run_then_for_real_with_backup_and_report(env, db_path, tmp_path):
    path = sheet(tmp_path / "list.xlsx", [
        ["参加者名簿（令和7年度）"], [],
        ["お名前", "ふりがな", "携帯", "〒"],
        ["山田 花子", "やまだ はなこ", 9012345678, 123456],
        ["佐藤 次郎", "サトウ ジロウ", "080-1111-2222", ""],
        ["", "ナナシ", "", ""],
    ])
    before = dump(db_path)
    dry = run(env, "import", "--db", db_path, path, "--dry-run", "--report", tmp_path / "preview.csv")
    assert dry.returncode == 0, dry.stderr
    assert "見出し 3 行目" in dry.stdout and "新規 1" in dry.stdout and "重複 1" in dry.stdout and "エラー 1" in dry.stdout
    assert "6 行目「お名前」: 氏名を入力してください。" in dry.stdout and "何も書き込んでいません" in dry.stdout
    assert dump(db_path) == before
    with open(tmp_path / "preview.csv", encoding="utf-8-sig", newline="") as handle:
        assert [r[1] for r in list(csv.reader(handle))[1:]] == ["新規", "重複", "エラー"]

    real = run(env, "import", "--db", db_path, path, "--report", tmp_path / "report.xlsx")
    assert real.returncode == 0, real.stderr
    assert "新規 1 件" in real.stdout and "取り込み前のバックアップ" in real.stdout
    # A file is backed up before the import; a server database is the server's to back up.
    made = list((tmp_path / "userdata" / "backups").glob("cli_*_before-import.sqlite3"))
    assert bool(made) == (not pg_support.active())
    report = list(openpyxl.load_workbook(tmp_path / "report.xlsx").active.iter_rows(values_only=True))
    assert any(r[0] == 6 and r[1] == "お名前" for r in report)
    connection = plain_sql.connect(db_path)
    assert connection.execute("SELECT phone, postal_code FROM person WHERE name = '山田 花子'").fetchone() == ("090-1234-5678", "0123456")
    connection.close()

    again = run(env, "import", "--db", db_path, path, "--on-duplicate", "create")
    assert again.returncode == 0 and "新規 2 件" in again.stdout


def test_mapping_file(env, db_path, tmp_path):
    path = sheet(tmp_path / "odd.xlsx", [["会員名", "連絡先メール"], ["森 花", "hana@example.jp"]])
    (tmp_path / "map.json").write_text(json.dumps({"会員名": "氏名", "連絡先メール": "email"}, ensure_ascii=False), encoding="utf-8")
    result = run(env, "import", "--db", db_path, path, "--mapping", tmp_path / "map.json")
    assert result.returncode == 0, result.stderr
    assert "会員名→氏名、連絡先メール→メールアドレス" in result.stdout and "新規 1 件" in result.stdout


def test_bad_input_gets_one_clear_line_and_changes_nothing(env, db_path, tmp_path):
    files = {
        "renamed.xlsx": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "empty.xlsx": b"",
        "locked.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"),
        "mixed.csv": "氏名\n山田\n".encode() + "佐藤\n".encode("cp932"),
        "random.xlsx": os.urandom(50 * 1024 * 1024),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    sheet(tmp_path / "header.xlsx", [["氏名", "フリガナ"]])
    sheet(tmp_path / "wide.xlsx", [[f"列{i}" for i in range(200)], ["x"] * 200])
    expected = {"renamed.xlsx": "PDF", "empty.xlsx": "空です", "locked.xlsx": "パスワード", "mixed.csv": "混在",
                "random.xlsx": "読めません", "header.xlsx": "データの行がありません", "wide.xlsx": "200 列"}
    before = dump(db_path)
    for name, words in expected.items():
        result = run(env, "import", "--db", db_path, tmp_path / name)
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        assert result.stderr.startswith("エラー: ") and words in result.stderr, (name, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
        assert dump(db_path) == before, name


def test_export_round_trip_and_csv_encodings(env, db_path, tmp_path):
    database = create_database(tmp_path / "rt.sqlite3")
    with database.session() as session:
        create_person(session, PersonInput(name="髙橋 𠮷郎", furigana="タカハシ キチロウ", postal_code="0123456",
                                           birth_date=date(1999, 12, 31), contact_ok=False))
        create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ", phone="03-1234-5678"))
    database.close()
    rt = tmp_path / "rt.sqlite3"
    out = run(env, "export", "--db", rt, "--what", "persons", "--out", tmp_path / "p.xlsx")
    assert out.returncode == 0, out.stderr
    assert "2 行を書き出しました" in out.stdout and "個人情報" in out.stderr
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    headers = [c.value for c in book.active[1]]
    book.active.cell(2, headers.index("備考") + 1, "編集しました")
    book.save(tmp_path / "edited.xlsx")
    back = run(env, "import", "--db", rt, tmp_path / "edited.xlsx")
    assert back.returncode == 0, back.stderr
    assert "新規 0 件、更新 1 件、変更なし 1 件" in back.stdout
    connection = plain_sql.connect(rt)
    assert connection.execute("SELECT count(*) FROM person").fetchone() == (2,)
    assert connection.execute("SELECT postal_code, birth_date FROM person WHERE name = '髙橋 𠮷郎'").fetchone() == ("0123456", "1999-12-31")
    connection.close()

    excluded = run(env, "export", "--db", rt, "--what", "persons", "--out", tmp_path / "p.csv", "--encoding", "cp932",
                    "--exclude-no-contact")
    assert excluded.returncode == 0 and "1 行を書き出しました（連絡不可の参加者を除く）" in excluded.stdout
    with open(tmp_path / "p.csv", encoding="cp932", newline="") as handle:
        assert [r[1] for r in csv.reader(handle)] == ["氏名", "山田 花子"]
    refused_sjis = run(env, "export", "--db", rt, "--what", "persons", "--out", tmp_path / "all.csv", "--encoding", "cp932")
    assert refused_sjis.returncode == 2 and "「氏名」: 「𠮷」" in refused_sjis.stderr and not (tmp_path / "all.csv").exists()
    sjis = run(env, "export", "--db", rt, "--what", "persons", "--out", tmp_path / "all.csv", "--encoding", "cp932",
               "--substitute")
    assert "注意: 3 行目「氏名」" in sjis.stdout or "注意: 2 行目「氏名」" in sjis.stdout
    whole = run(env, "export", "--db", rt, "--what", "all", "--out", tmp_path / "all.xlsx")
    assert whole.returncode == 0 and openpyxl.load_workbook(tmp_path / "all.xlsx").sheetnames[0] == "参加者"
    refused = run(env, "export", "--db", rt, "--what", "shipments", "--out", tmp_path / "b2.csv", "--format", "nothing")
    assert refused.returncode == 2 and "形式「nothing」" in refused.stderr


def test_template(env, tmp_path):
    result = run(env, "template", "persons", "--out", tmp_path / "t.xlsx")
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames == ["参加者", "入力の手引き", "記入例"]
    assert run(env, "template", "persons", "--out", tmp_path / "t.csv").returncode == 2


def test_export_hosts_and_its_re_import_changes_nothing(env, tmp_path):
    from kankei_desktop.services.hosts import HostInput, create_host

    path = tmp_path / "hosts.sqlite3"
    database = pg_support.create(path)
    path = database.path
    with database.session() as session:
        create_host(session, HostInput(name="民宿 いずもざき荘", kind="宿泊施設", capacity_per_night=8,
                                       postal_code="9494300", notes="冬季休業\n12月〜2月"))
        create_host(session, HostInput(name="田中農園", hosts_side_job_talent=True))
    database.close()
    out = tmp_path / "受入先.xlsx"
    exported = run(env, "export", "--db", path, "--what", "hosts", "--out", out)
    assert exported.returncode == 0 and "2 行を書き出しました" in exported.stdout, exported.stderr
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("ID", "名称", "種類") and {r[1] for r in rows[1:]} == {"民宿 いずもざき荘", "田中農園"}
    before = dump(path)
    checked = run(env, "import", "--db", path, out, "--dry-run")
    assert checked.returncode == 0 and "新規 0  更新 0  変更なし 2  重複 0  エラー 0" in checked.stdout, checked.stdout
    imported = run(env, "import", "--db", path, out)
    assert "新規 0 件、更新 0 件、変更なし 2 件" in imported.stdout, imported.stdout + imported.stderr
    assert [line for line in dump(path) if line.startswith('INSERT INTO "host"')] == [
        line for line in before if line.startswith('INSERT INTO "host"')]
    whole = tmp_path / "all.xlsx"
    assert run(env, "export", "--db", path, "--what", "all", "--out", whole).returncode == 0
    assert "受入先" in openpyxl.load_workbook(whole).sheetnames
