"""Reading real rosters: title rows, a footer, full-width e-mail, half-width kana, No.-only rows,
和暦 outside their era, UTF-16 text, CP932 export and import agreeing."""

from __future__ import annotations

import csv
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from kankei_desktop.domain.calendar import parse_date
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Person
from kankei_desktop.domain.text import cp932_round_trip, normalise_email, normalise_name
from kankei_desktop.io import normalise as cells
from kankei_desktop.io.readers import read_table
from kankei_desktop.io.writers import ExportError, Table, write_csv
from kankei_desktop.services import imports
from kankei_desktop.services.exports import export
from kankei_desktop.services.participants import PersonInput, create_person

HEADER = ["No.", "氏名", "フリガナ", "メールアドレス", "電話番号", "郵便番号", "生年月日"]


def messy_roster(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名簿"
    rows = [
        ["令和7年度 ふるさとワーキングホリデー 参加者名簿"],
        ["十日町市 企画政策課", None, None, None, None, None, "2025/08/01 現在"],
        [],
        HEADER,
        [1, "山田 花子", "ヤマダ ハナコ", "ｕｓｅｒ０４＠ｅｘａｍｐｌｅ．ｊｐ", "０９０－１２３４－５６７８", "９４９－４３９２", "H13.7.7"],
        [2, "ｽｽﾞｷ ｲﾁﾛｳ", "ｽｽﾞｷ ｲﾁﾛｳ", "ichiro@example.jp", "03-1234-5678", "", "2000/1/2"],
        [3],  # a numbered line of the form, left empty
        [4, "ｻﾄｳ ﾀﾞｲｽｹ", "", "DAISUKE@EXAMPLE.JP", "", "", ""],
        [None, "小計", None, None, None, None, None],
        [5, "田中 美咲", "タナカ ミサキ", "", "080-2222-3333", "", "令和1年4月30日"],
        [],
        [None, "合計", "33名"],
        [None, None, 33],
        [None, "以上"],
    ]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_messy_roster_is_read_as_a_coordinator_means_it(database, tmp_path):
    path = messy_roster(tmp_path / "名簿.xlsx")
    with database.session() as session:
        plan = imports.build_plan(session, read_table(path))
    assert plan.header_row == 4
    by_number = {row.number: row for row in plan.rows}
    # The No.-only row 7 is blank, the summary rows are not persons.
    assert sorted(by_number) == [5, 6, 8, 10]
    assert plan.summary_rows == [(9, "小計"), (12, "合計 / 33名"), (13, "33"), (14, "以上")]
    assert any(note.startswith("集計行（取り込みません）: 9 行目「小計」、12 行目「合計 / 33名」") for note in plan.notes)
    assert by_number[5].status == "new" and by_number[5].data.email == "user04@example.jp"
    assert by_number[5].data.phone == "090-1234-5678" and by_number[5].data.postal_code == "9494392"
    assert by_number[6].data.name == "スズキ イチロウ" and by_number[6].data.furigana == "スズキ　イチロウ"
    assert by_number[8].data.name == "サトウ ダイスケ"
    # 令和1年4月30日 was still 平成: refused with the era's range, the row named.
    assert by_number[10].status == "error"
    [message] = by_number[10].messages
    assert message.text().startswith("10 行目「生年月日」: 「令和1年4月30日」は令和の範囲外です")
    assert "2019/05/01" in message.message
    # The dry-run report lists the summary rows as 集計行, in sheet order.
    report = imports.preview_table(plan)
    assert [(r[0], r[1]) for r in report.rows if r[1] == "集計行"] == [(9, "集計行"), (12, "集計行"), (13, "集計行"), (14, "集計行")]
    assert [r[0] for r in report.rows] == sorted(r[0] for r in report.rows)

    with database.session() as session:
        result = imports.commit_plan(session, plan)
    assert (result.created, result.skipped) == (3, 1)
    with database.session() as session:
        names = sorted(session.execute(select(Person.name).where(Person.deleted_at.is_(None))).scalars())
    assert names == ["サトウ ダイスケ", "スズキ イチロウ", "山田 花子"]  # no person called 「33名」 or 「合計」


@pytest.mark.parametrize("row, kind", [
    ([1, None, ""], "blank"), ([None, "合計", "33名"], "summary"), ([None, " 計 ", None], "summary"),
    ([12, "小計：", 4], "summary"), ([None, "", 33.0], "summary"), ([None, "合計33名"], "summary"),
    ([None, "以上"], "summary"), ([None, "33人", "12件"], "summary"),
    ([1, "計 太郎", ""], "data"), ([None, "山田", "33名"], "data"), ([None, True], "data"),
    ([None, date(2025, 4, 1)], "data"), ([2, "山田 花子", "yamada@example.jp"], "data"),
])
def test_row_kinds(row, kind):
    assert cells.row_kind(row, cells.number_columns(["No", "氏名", "メール"])) == kind


def test_number_columns_by_header():
    assert cells.number_columns(["Ｎｏ．", "氏名", "番号", "#", "連番", "No", "ID"]) == {0, 2, 3, 4, 5}


def test_width_and_kana_folding():
    assert normalise_email("ｕｓｅｒ０４＠ｅｘａｍｐｌｅ．ｊｐ") == "user04@example.jp"
    assert normalise_email(" hanako @example.jp ") == "hanako@example.jp"
    assert normalise_name("ﾔﾏﾀﾞ　ﾊﾅｺ") == "ヤマダ ハナコ"
    assert normalise_name("ﾊﾟﾝﾀﾞ ＡＢＣ") == "パンダ ＡＢＣ"  # only the kana change
    assert cells.to_email("ＨＡＮＡＫＯ＠ＥＸＡＭＰＬＥ．ＪＰ") == "HANAKO@EXAMPLE.JP"
    assert cells.to_phone("＋８１ ９０－１２３４－５６７８") == "090-1234-5678"
    assert cells.to_postal_code("〒９４９－４３９２") == "9494392"


def test_full_width_email_typed_in_the_window_is_stored_half_width(session):
    person_id = create_person(session, PersonInput(name="ﾔﾏﾀﾞ ﾊﾅｺ", email="ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ"))
    person = session.get(Person, person_id)
    assert (person.name, person.email) == ("ヤマダ ハナコ", "hanako@example.jp")


@pytest.mark.parametrize("text, era, span", [
    ("令和1年4月30日", "令和", "2019/05/01"),
    ("H32.1.1", "平成", "2019/04/30"),
    ("S70.1.1", "昭和", "1989/01/07"),
    ("平成1年1月7日", "平成", "1989/01/08"),
])
def test_wareki_outside_its_era_is_refused_with_the_range(text, era, span):
    with pytest.raises(ValueError, match=f"「{text}」は{era}の範囲外です") as caught:
        parse_date(text)
    assert span in str(caught.value)


def test_wareki_inside_its_era_still_reads():
    assert parse_date("令和元年5月1日") == date(2019, 5, 1)
    assert parse_date("H31.4.30") == date(2019, 4, 30)
    assert parse_date("S64.1.7") == date(1989, 1, 7)
    assert parse_date("平成元年1月8日") == date(1989, 1, 8)


def test_birth_date_before_1900_is_refused(session):
    with pytest.raises(ValidationError, match="1900/01/01 より前") as caught:
        create_person(session, PersonInput(name="山田 花子", birth_date=date(1899, 12, 31)))
    assert set(caught.value.errors) == {"birth_date"}
    assert create_person(session, PersonInput(name="山田 花子", birth_date=date(1900, 1, 1)))


def test_utf16_text_from_excel_is_read(database, tmp_path):
    text = "氏名\tフリガナ\tメールアドレス\r\n髙橋 𠮷郎\tタカハシ キチロウ\tkichiro@example.jp\r\n"
    path = tmp_path / "名簿.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))  # Excel's 「Unicode テキスト」
    table = read_table(path)
    assert table.encoding == "utf-16"
    assert table.rows == [["氏名", "フリガナ", "メールアドレス"], ["髙橋 𠮷郎", "タカハシ キチロウ", "kichiro@example.jp"]]
    with database.session() as session:
        plan = imports.build_plan(session, table)
    assert [row.status for row in plan.rows] == ["new"] and plan.rows[0].data.name == "髙橋 𠮷郎"


# ---------------------------------------------------------------- CP932


def test_cp932_round_trip_rule():
    assert cp932_round_trip("髙橋 𠮷郎", "髙橋 ?郎") == "lost"
    assert cp932_round_trip("〜よろしく〜", "～よろしく～") == "same"
    assert cp932_round_trip("髙橋 𠮷郎", "髙橋 吉郎") == ""  # an ordinary edit
    assert cp932_round_trip("どうですか?", "どうですか?") == "same"


def test_cp932_export_refuses_then_substitutes_and_the_question_mark_never_updates(database, tmp_path):
    with database.session() as session:
        kichiro = create_person(session, PersonInput(name="髙橋 𠮷郎", furigana="タカハシ キチロウ", notes="〜よろしく〜"))
        plain = create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
    out = tmp_path / "persons.csv"
    with database.session() as session:
        with pytest.raises(ExportError) as caught:
            export(session, "persons", out, encoding="cp932")
    assert "「氏名」: 「𠮷」" in caught.value.message and "--substitute" in caught.value.message
    assert not out.exists()
    with database.session() as session:
        result = export(session, "persons", out, encoding="cp932", substitute=True)
    assert len(result.warnings) == 1 and "「氏名」: 「𠮷」は Shift_JIS（CP932）で表せないため ? に置き換えました" in result.warnings[0]
    raw = out.read_bytes()
    assert not raw.startswith(b"ID")  # Excel would open it as SYLK and refuse it
    assert raw.startswith(b'"ID"')

    with database.session() as session:
        before = session.execute(select(Person.id, Person.name, Person.notes, Person.updated_at)).all()
        plan = imports.build_plan(session, read_table(out))
    by_id = {row.person_id: row for row in plan.rows}
    assert by_id[kichiro].status == "error"
    assert any("「髙橋 ?郎」の ? は" in m.message and m.column == "氏名" for m in by_id[kichiro].messages)
    assert by_id[plain].status == imports.UNCHANGED  # the plan sees that nothing changed
    with database.session() as session:
        result = imports.commit_plan(session, plan)
    assert (result.updated, result.skipped) == (0, 1) and result.unchanged == 1
    with database.session() as session:
        assert session.execute(select(Person.id, Person.name, Person.notes, Person.updated_at)).all() == before
        person = session.get(Person, kichiro)
        assert (person.name, person.notes) == ("髙橋 𠮷郎", "〜よろしく〜")


def test_a_utf8_csv_starting_with_id_is_quoted_too(tmp_path):
    write_csv(tmp_path / "x.csv", Table("x", ["ID", "氏名"], ["text", "text"], [("a", "山田")]), "utf-8")
    assert (tmp_path / "x.csv").read_bytes().startswith(b'"ID"')
    assert read_table(tmp_path / "x.csv").rows == [["ID", "氏名"], ["a", "山田"]]


# ---------------------------------------------------------------- formula-safe CSV


@pytest.mark.parametrize("value", [
    "=HYPERLINK(\"http://example.com\",\"x\")", "=cmd|' /C calc'!A0", "+81 90-1234-5678", "-123", "@SUM(A1)",
    "\tタブ", "＝全角", "'=already quoted", "普通の文", "-",
])
def test_every_csv_cell_is_inert_and_reimports_unchanged(tmp_path, value):
    write_csv(tmp_path / "x.csv", Table("x", ["氏名", "備考"], ["text", "text"], [("山田", value)]))
    with open(tmp_path / "x.csv", encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))[1][1]
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r", "＝"))
    assert cells.cell_text(written) == value.strip()


def test_a_question_mark_never_updates_a_shipment_either(database, tmp_path):
    from kankei_desktop.domain.tables import Shipment
    from kankei_desktop.services.shipments import ShipmentInput, create_shipment

    with database.session() as session:
        person = create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
        lost = create_shipment(session, ShipmentInput(person_id=person, contents="𠮷田さんの米", notes="〜"))
        plain = create_shipment(session, ShipmentInput(person_id=person, contents="野菜"))
    out = tmp_path / "shipments.csv"
    with database.session() as session:
        export(session, "shipments", out, encoding="cp932", substitute=True)
        plan = imports.build_plan(session, read_table(out))
    by_id = {row.person_id: row for row in plan.rows}
    assert by_id[lost].status == "error" and by_id[plain].status == imports.UNCHANGED
    assert any(m.column == "内容" and "「?田さんの米」の ? は" in m.message for m in by_id[lost].messages)
    with database.session() as session:
        assert session.get(Shipment, lost).contents == "𠮷田さんの米"


def test_a_hosts_full_width_email_is_stored_half_width(session):
    from kankei_desktop.domain.tables import Host
    from kankei_desktop.services.hosts import HostInput, create_host

    host_id = create_host(session, HostInput(name="山田農園", email="ｉｎｆｏ＠ｙａｍａｄａ．ｊｐ"))
    assert session.get(Host, host_id).email == "info@yamada.jp"
