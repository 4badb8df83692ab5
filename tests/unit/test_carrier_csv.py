"""Carrier CSVs: CP932, CRLF, the documented columns; refusals list every row and write nothing."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Host
from kankei_desktop.io import carrier_csv
from kankei_desktop.io.carrier_csv import YAMATO_B2_COLUMNS, YUPACK_COLUMNS, export_carrier_csv
from kankei_desktop.services import mail, programmes, settings_store
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput

TODAY = date(2026, 11, 27)


@pytest.fixture
def batch(session):
    pid = programmes.create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
    session.add(Host(id="farm-1", name="髙橋農園", kind="農家", postal_code="9583200", prefecture="新潟県",
                     city="村上市", address_line="山北1-2", phone="0254-77-1234"))
    people = [
        create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ", phone="090-1234-5678",
                                           postal_code="951-8000", prefecture="新潟県", city="新潟市中央区",
                                           address_line="旭町1-1", address_building="メゾン旭 101号室")),
        create_person(session, PersonInput(name="佐藤 花子", furigana="サトウ ハナコ", phone="080-2345-6789",
                                           postal_code="0600001", prefecture="北海道", city="札幌市中央区",
                                           address_line="北一条西1-1")),
    ]
    settings_store.put(session, carrier_csv.YAMATO_CUSTOMER_CODE, "012345678901")
    result = mail.create_batch(session, mail.BatchInput(programme_id=pid, person_ids=people, carrier="ヤマト運輸",
                                                        prepared_on=date(2026, 11, 20)), today=TODAY)
    return pid, people, result


def _read(path):
    raw = path.read_bytes()
    text = raw.decode("cp932")
    assert raw.count(b"\r\n") == text.count("\n") and b"\n" not in raw.replace(b"\r\n", b"")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_yamato_b2(session, batch, tmp_path):
    pid, _people, _result = batch
    out = tmp_path / "b2.csv"
    assert export_carrier_csv(session, "yamato-b2", out, programme_id=pid, today=TODAY) == 2
    header, *rows = _read(out)
    assert header == list(YAMATO_B2_COLUMNS) and len(header) == 95
    assert header[:9] == ["お客様管理番号", "送り状種類", "クール区分", "伝票番号", "出荷予定日", "お届け予定日",
                          "配達時間帯", "お届け先コード", "お届け先電話番号"]
    assert all(len(row) == 95 for row in rows)
    first = dict(zip(header, rows[0]))  # フリガナ order: サトウ before ヤマダ
    assert first["お届け先名"] == "佐藤 花子" and first["お届け先郵便番号"] == "060-0001"
    second = dict(zip(header, rows[1]))
    assert (second["送り状種類"], second["クール区分"], second["出荷予定日"]) == ("0", "0", "2026/11/27")
    assert second["お届け先住所"] == "新潟県新潟市中央区旭町1-1"
    assert second["お届け先アパートマンション名"] == "メゾン旭 101号室"
    assert (second["敬称"], second["ご依頼主名"], second["品名１"]) == ("様", "髙橋農園", "お米 5kg")
    assert second["請求先顧客コード"] == "012345678901" and second["運賃管理番号"] == "01"
    assert len(second["お客様管理番号"]) <= 20


def test_yupack(session, batch, tmp_path):
    pid, _people, _result = batch
    out = tmp_path / "yupack.csv"
    export_carrier_csv(session, "yupack", out, programme_id=pid, today=TODAY)
    header, *rows = _read(out)
    assert header == list(YUPACK_COLUMNS) and all(len(row) == len(header) for row in rows)
    row = dict(zip(header, rows[1]))
    assert (row["郵便種別"], row["元/着払/代引"], row["発送予定日"]) == ("0", "0", "20261127")
    assert (row["お届け先 名称1"], row["お届け先 敬称"], row["お届け先 電話番号"]) == ("山田 太郎", "様", "090-1234-5678")


def test_characters_cp932_cannot_hold_are_listed_by_row(session, batch, tmp_path):
    pid, people, _result = batch
    from kankei_desktop.domain.tables import Person

    session.get(Person, people[0]).name = "𠮷田 太郎"
    session.flush()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(ValidationError) as error:
        export_carrier_csv(session, "yamato-b2", out_dir / "b2.csv", programme_id=pid, today=TODAY)
    assert "2件目「𠮷田 太郎」さん: お届け先名 の「𠮷」" in error.value.message
    assert list(out_dir.iterdir()) == []


def test_missing_phone_or_address_is_refused_naming_the_person(session, batch, tmp_path):
    pid, people, _result = batch
    from kankei_desktop.domain.tables import Person

    session.get(Person, people[1]).phone = ""
    session.flush()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(ValidationError) as error:
        export_carrier_csv(session, "yupack", out_dir / "x.csv", programme_id=pid, today=TODAY)
    assert "「佐藤 花子」さん宛: 電話番号がありません" in error.value.message
    assert list(out_dir.iterdir()) == []


def test_delegate_for_the_general_export_command(session, batch, tmp_path):
    import argparse

    line = carrier_csv.export_yupack(session, tmp_path / "y.csv", argparse.Namespace())
    assert "2 件" in line
    header, *rows = _read(tmp_path / "y.csv")
    assert header == list(YUPACK_COLUMNS) and len(rows) == 2
