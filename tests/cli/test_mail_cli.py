"""`labels`, `carrier-csv` and `followups` run as the real command in a subprocess."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date

import pg_support
import pytest
from sqlalchemy import select
from pypdf import PdfReader

from kankei_desktop.domain.tables import Host
from kankei_desktop.io.carrier_csv import YAMATO_B2_COLUMNS
from kankei_desktop.services import mail, programmes, segments
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput


def run(*args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "mail.sqlite3"
    database = pg_support.create(path)
    path = database.path
    with database.session() as session:
        pid = programmes.create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
        session.add(Host(name="佐藤農園", kind="農家", postal_code="9583200", prefecture="新潟県", city="村上市",
                         address_line="山北1-2", phone="0254-77-1234"))
        people = [create_person(session, PersonInput(
            name=name, furigana=kana, phone="090-1234-5678", postal_code="9518000", prefecture="新潟県",
            city="新潟市中央区", address_line="旭町1-1", ladder_stage="参加", contact_ok=ok))
            for name, kana, ok in (("山田 太郎", "ヤマダ タロウ", True), ("佐藤 花子", "サトウ ハナコ", True),
                                   ("連絡 不可", "レンラク フカ", False))]
        segments.save_segment(session, "学生", segments.SegmentCriteria(ladder_stages=["参加"]))
        mail.create_batch(session, mail.BatchInput(programme_id=pid, person_ids=people[:2], carrier="ヤマト運輸",
                                                   prepared_on=date(2026, 11, 1)), today=date(2026, 11, 27))
    database.close()
    return path


def test_labels_from_a_segment(db, tmp_path):
    out = tmp_path / "labels.pdf"
    result = run("labels", "--db", db, "--segment", "学生", "--layout", "a4-24", "--start", "3", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "2 枚" in result.stdout and "連絡 不可" in result.stdout  # left out, and said so
    text = PdfReader(out).pages[0].extract_text()
    assert "〒951-8000" in text and "山田 太郎" in text and "佐藤 花子" in text and "連絡 不可" not in text

    result = run("labels", "--db", db, "--segment", "学生", "--include-no-contact", "--out", out)
    assert result.returncode == 0 and "連絡 不可" in PdfReader(out).pages[0].extract_text()


def test_labels_bad_input_one_line_and_no_file(db, tmp_path):
    out = tmp_path / "labels.pdf"
    result = run("labels", "--db", db, "--segment", "ない", "--out", out)
    assert result.returncode == 2 and "セグメント「ない」" in result.stderr and not out.exists()
    result = run("labels", "--db", db, "--segment", "学生", "--margins", "50,10", "--out", out)
    assert result.returncode == 2 and "はみ出します" in result.stderr and not out.exists()


def test_carrier_csv_refuses_a_missing_customer_code_then_settings_set_lets_it_through(db, tmp_path):
    out = tmp_path / "b2.csv"
    args = ("carrier-csv", "--db", db, "--format", "yamato-b2", "--programme", "お米レター", "--out", out)
    result = run(*args)
    assert result.returncode == 2 and "請求先顧客コード" in result.stderr and "yamato_b2_customer_code" in result.stderr
    assert not out.exists()

    refused = run("settings", "set", "--db", db, "yamato_b2_customer_code", "0465-75")
    assert refused.returncode == 2 and "半角数字12桁" in refused.stderr
    assert run("settings", "set", "--db", db, "organisation_note", "x").returncode == 2  # not settable here
    done = run("settings", "set", "--db", db, "yamato_b2_customer_code", "0465-75-1122 01")
    assert done.returncode == 0 and "046575112201" in done.stdout
    listing = run("settings", "list", "--db", db)
    assert "yamato_b2_customer_code\t046575112201" in listing.stdout
    assert "organisation_phone\t（未設定）" in listing.stdout

    result = run(*args, "--service", "compact", "--time-slot", "1921")
    assert result.returncode == 0, result.stderr
    assert "送り状データ 2 件を書き出しました" in result.stdout
    raw = out.read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("cp932"), newline="")))
    assert rows[0] == list(YAMATO_B2_COLUMNS) and len(rows) == 3
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    row = dict(zip(rows[0], rows[1]))
    assert (row["送り状種類"], row["配達時間帯"], row["請求先顧客コード"]) == ("8", "1921", "046575112201")


def test_carrier_csv_prints_what_was_refused_and_writes_nothing(db, tmp_path):
    from kankei_desktop.domain.tables import Person
    from kankei_desktop.store import open_database

    database = open_database(db)
    with database.session() as session:
        for person in session.execute(select(Person)).scalars():
            person.address_building = "グランドメゾン新潟駅前ステーションタワー東館 3201号室"
    database.close()
    out = tmp_path / "yupack.csv"
    result = run("carrier-csv", "--db", db, "--format", "yupack", "--programme", "お米レター", "--out", out)
    assert result.returncode == 2 and not out.exists()
    assert "2 件中 2 件に直す所があります" in result.stderr
    assert "お届け先 住所３ は50バイト（全角25文字）までですが" in result.stderr
    result = run("carrier-csv", "--db", db, "--format", "yupack", "--programme", "お米レター", "--time-slot", "0812",
                 "--out", out)
    assert result.returncode == 2 and "時間帯" in result.stderr and not out.exists()


def test_followups_lists_nothing_for_fresh_parcels(db):
    result = run("followups", "--db", db, "--today", "2026-11-27")
    assert result.returncode == 0 and "要対応はありません" in result.stdout
