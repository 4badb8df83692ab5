"""Importing stays, shipments and letters through the persons' import machinery."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import plain_sql
import pytest

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.io.readers import read_table
from kankei_desktop.services import exports, imports, letters
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person

TODAY = date(2026, 11, 1)
TABLES = ("stay", "stay_participant", "shipment", "letter", "person", "host")


def _write_xlsx(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _write_csv(path: Path, rows: list[list]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _counts(path: Path) -> dict[str, int]:
    with plain_sql.connect(path) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0]
                for t in TABLES}


def _dump(path: Path) -> list:
    with plain_sql.connect(path) as connection:
        return [connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES]


@pytest.fixture
def world(database):
    with database.session() as s:
        ids = {
            "hanako": create_person(s, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ")),
            "taro": create_person(s, PersonInput(name="佐藤 太郎", furigana="サトウ タロウ")),
            "jiro": create_person(s, PersonInput(name="鈴木 次郎", furigana="スズキ ジロウ")),
            "farm": create_host(s, HostInput(name="田中農園")),
            "inn": create_host(s, HostInput(name="民宿 いずもざき荘", kind="宿泊施設", capacity_per_night=2)),
        }
    return database, ids


def _plan(database, path: Path, kind: str | None = None):
    with database.session() as s:
        plan = imports.build_plan(s, read_table(path), kind=kind, today=TODAY)
        s.rollback()
    return plan


def _messages(plan) -> list[str]:
    return [m.text() for row in plan.rows for m in row.messages]


STAY_HEADERS = ["氏名", "受入先", "宿泊先", "開始日", "終了日", "目的", "状況", "備考"]


def test_good_stays_are_recognised_and_imported(world, tmp_path):
    database, ids = world
    path = _write_xlsx(tmp_path / "stays.xlsx", [
        ["2026年度 滞在予定"],
        STAY_HEADERS,
        ["山田 花子", "田中農園", "民宿 いずもざき荘", date(2026, 8, 12), date(2026, 8, 15), "稲刈り", "確定", ""],
        ["佐藤 太郎", "田中農園", "", date(2026, 8, 1), date(2026, 8, 1), "見学", "", "日帰り"],
    ])
    plan = _plan(database, path)
    assert plan.kind == "stays" and plan.header_row == 2
    assert [r.status for r in plan.rows] == [imports.NEW, imports.NEW], _messages(plan)
    with database.session() as s:
        result = imports.commit_plan(s, plan, on=TODAY)
    assert result.created == 2
    with plain_sql.connect(database) as c:
        rows = c.execute("SELECT start_on, end_on, kind, status, lodging_id FROM stay ORDER BY start_on").fetchall()
    assert rows == [("2026-08-01", "2026-08-01", "日帰り", "予定", None),
                    ("2026-08-12", "2026-08-15", "短期滞在", "確定", ids["inn"])]


def test_bad_stays_give_row_column_reasons_and_change_nothing(world, tmp_path):
    database, _ids = world
    before = _dump(database.path)
    path = _write_csv(tmp_path / "stays.csv", [
        STAY_HEADERS,
        ["山田 花子", "田中農園", "", "2026/08/10", "2026/08/14", "", "", ""],
        ["山田 花子", "田中農園", "", "2026/08/12", "2026/08/16", "", "", ""],  # overlaps the row above
        ["佐藤 太郎", "", "民宿 いずもざき荘", "2026/08/13", "2026/08/15", "", "", ""],
        ["鈴木 次郎", "", "民宿 いずもざき荘", "2026/08/14", "2026/08/16", "", "", ""],
        ["鈴木 次郎", "", "民宿 いずもざき荘", "2026/09/14", "2026/09/16", "", "", ""],  # 2 + this = 3 > 2? no: alone
        ["未登録 三郎", "田中農園", "", "2026/10/01", "2026/10/02", "", "", ""],
        ["佐藤 太郎", "幻の農園", "", "2026/10/05", "2026/10/06", "", "", ""],
        ["佐藤 太郎", "田中農園", "", "2026/10/09", "2026/10/08", "", "", ""],
    ])
    plan = _plan(database, path)
    by_row = {row.number: [m.text() for m in row.messages] for row in plan.rows}
    assert by_row[2] == [] and by_row[4] == [] and by_row[6] == []
    assert "山田 花子 さんは" in by_row[3][0] and "日付が重なります" in by_row[3][0]
    # 2 beds: 佐藤 (13–15) and 鈴木 (14–16) fit together; the check really saw row 4.
    assert by_row[5] == []
    assert "「氏名」" in by_row[7][0] and "未登録 三郎" in by_row[7][0]
    assert by_row[8][0].startswith("8 行目「受入先」") and "幻の農園" in by_row[8][0]
    assert by_row[9][0].startswith("9 行目「終了日」") and "開始日" in by_row[9][0]
    with database.session() as s, pytest.raises(KankeiError, match="何も取り込みませんでした"):
        imports.commit_plan(s, plan, on=TODAY)
    assert _dump(database.path) == before


def test_over_capacity_night_counts_rows_of_the_same_file(world, tmp_path):
    database, _ids = world
    path = _write_xlsx(tmp_path / "inn.xlsx", [
        STAY_HEADERS,
        ["山田 花子", "", "民宿 いずもざき荘", date(2026, 8, 13), date(2026, 8, 15), "", "", ""],
        ["佐藤 太郎", "", "民宿 いずもざき荘", date(2026, 8, 14), date(2026, 8, 16), "", "", ""],
        ["鈴木 次郎", "", "民宿 いずもざき荘", date(2026, 8, 14), date(2026, 8, 15), "", "", ""],
    ])
    plan = _plan(database, path, "stays")
    assert [r.status for r in plan.rows] == [imports.NEW, imports.NEW, imports.ERROR]
    (message,) = plan.rows[2].messages
    assert message.text().startswith("4 行目「宿泊先」: 2026/08/14 の夜、民宿 いずもざき荘 の定員 2 名を超えます")
    assert "「定員超過の理由」の列" in message.text()
    with_reason = _write_xlsx(tmp_path / "inn2.xlsx", [
        [*STAY_HEADERS, "定員超過の理由"],
        ["山田 花子", "", "民宿 いずもざき荘", date(2026, 8, 13), date(2026, 8, 15), "", "", "", ""],
        ["佐藤 太郎", "", "民宿 いずもざき荘", date(2026, 8, 14), date(2026, 8, 16), "", "", "", ""],
        ["鈴木 次郎", "", "民宿 いずもざき荘", date(2026, 8, 14), date(2026, 8, 15), "", "", "", "親子で相部屋"],
    ])
    plan = _plan(database, with_reason)
    assert [r.status for r in plan.rows] == [imports.NEW] * 3, _messages(plan)
    with database.session() as s:
        imports.commit_plan(s, plan, on=TODAY)
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT capacity_override_reason FROM stay WHERE capacity_override_reason != ''").fetchall() == [
            ("親子で相部屋",)]


SHIPMENT_HEADERS = ["宛先", "差出人", "内容", "数量", "運送会社", "伝票番号", "準備日", "発送日", "配達日", "送料"]


def test_shipments_bad_tracking_number_and_dates(world, tmp_path):
    database, _ids = world
    before = _dump(database.path)
    path = _write_xlsx(tmp_path / "ship.xlsx", [
        SHIPMENT_HEADERS,
        ["山田 花子", "田中農園", "お米 5kg", 1, "ヤマト運輸", "1234-5678-9012", date(2026, 10, 1), date(2026, 10, 2),
         date(2026, 10, 3), 1200],
        ["佐藤 太郎", "田中農園", "野菜", 2, "ヤマト運輸", "12AB", date(2026, 10, 1), date(2026, 10, 2), None, None],
        ["鈴木 次郎", "田中農園", "りんご", 1, "ゆうパック", "", date(2026, 10, 1), date(2026, 10, 5),
         date(2026, 10, 4), None],
    ])
    plan = _plan(database, path)
    assert plan.kind == "shipments"
    by_row = {row.number: [m.text() for m in row.messages] for row in plan.rows}
    assert by_row[2] == []
    assert by_row[3][0].startswith("3 行目「伝票番号」") and "数字以外" in by_row[3][0]
    assert by_row[4][0].startswith("4 行目「配達日」") and "発送日 2026/10/05 より前" in by_row[4][0]
    with database.session() as s, pytest.raises(KankeiError):
        imports.commit_plan(s, plan, on=TODAY)
    assert _dump(database.path) == before


def test_letters_with_reply_and_status_from_dates(world, tmp_path):
    database, ids = world
    path = _write_xlsx(tmp_path / "letters.xlsx", [
        ["方向", "氏名", "差出人", "宛先", "作成日", "発送日", "受取日", "概要"],
        ["地域→参加者", "山田 花子", "田中農園", "山田 花子", date(2026, 9, 1), date(2026, 9, 2), None, "お礼状"],
        ["参加者→地域", "山田 花子", "山田 花子", "田中農園", date(2026, 9, 10), date(2026, 9, 12),
         date(2026, 9, 11), "返事"],
    ])
    plan = _plan(database, path)
    assert plan.kind == "letters"
    assert plan.rows[0].status == imports.NEW
    assert plan.rows[1].messages[0].text().startswith("3 行目「受取日」")
    ok = _write_xlsx(tmp_path / "ok.xlsx", [
        ["方向", "氏名", "差出人", "宛先", "作成日", "発送日", "受取日", "概要"],
        ["地域→参加者", "山田 花子", "田中農園", "山田 花子", date(2026, 9, 1), date(2026, 9, 2), None, "お礼状"],
    ])
    with database.session() as s:
        imports.commit_plan(s, imports.build_plan(s, read_table(ok), today=TODAY), on=TODAY)
    with plain_sql.connect(database) as c:
        original, status, host = c.execute("SELECT id, status, host_id FROM letter").fetchone()
    assert status == "発送済" and host == ids["farm"]
    reply = _write_xlsx(tmp_path / "reply.xlsx", [
        ["方向", "参加者ID", "差出人", "宛先", "発送日", "受取日", "返信元ID", "概要"],
        ["参加者→地域", ids["hanako"], "山田 花子", "田中農園", date(2026, 9, 10), date(2026, 9, 12), original, "返事"],
    ])
    with database.session() as s:
        imports.commit_plan(s, imports.build_plan(s, read_table(reply), today=TODAY), on=TODAY)
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT status FROM letter WHERE reply_to_id = ?", (original,)).fetchone() == ("受取済",)


def test_export_then_reimport_updates_the_same_records(world, tmp_path):
    database, ids = world
    from kankei_desktop.services.shipments import ShipmentInput, create_shipment
    from kankei_desktop.services.stays import StayInput, create_stay

    with database.session() as s:
        create_stay(s, StayInput(person_ids=[ids["hanako"], ids["taro"]], host_id=ids["farm"],
                                 start_on=date(2026, 8, 1), end_on=date(2026, 8, 3)), today=TODAY)
        create_shipment(s, ShipmentInput(person_id=ids["jiro"], host_id=ids["farm"], contents="お米",
                                         prepared_on=date(2026, 10, 1)), today=TODAY)
        letters.create_letter(s, letters.LetterInput(person_id=ids["taro"], host_id=ids["farm"],
                                                     written_on=date(2026, 9, 1), sent_on=date(2026, 9, 2),
                                                     summary="お礼"), today=TODAY)
    for what in ("stays", "shipments", "letters"):
        out = tmp_path / f"{what}.xlsx"
        with database.session() as s:
            exports.export(s, what, out)
        book = openpyxl.load_workbook(out)
        sheet = book.active
        headers = [c.value for c in sheet[1]]
        column = headers.index({"stays": "目的", "shipments": "備考", "letters": "概要"}[what]) + 1
        for r in range(2, sheet.max_row + 1):
            sheet.cell(r, column).value = "書き換え"
        book.save(out)
        counts = _counts(database.path)
        plan = _plan(database, out)
        assert plan.kind == what
        assert {r.status for r in plan.rows} == {imports.UPDATE}, _messages(plan)
        with database.session() as s:
            result = imports.commit_plan(s, plan, on=TODAY)
        # Counted by sheet row, as the plan counts them: the stay of two persons has two rows.
        assert result.updated == (2 if what == "stays" else 1) and result.created == 0
        assert _counts(database.path) == counts
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT purpose FROM stay").fetchall() == [("書き換え",)]
        assert c.execute("SELECT count(*) FROM stay_participant WHERE deleted_at IS NULL").fetchone() == (2,)
        assert c.execute("SELECT notes FROM shipment").fetchall() == [("書き換え",)]
        assert c.execute("SELECT summary, host_id, status FROM letter").fetchall() == [("書き換え", ids["farm"], "発送済")]


def test_cli_imports_stays_and_refuses_a_bad_file(world, tmp_path):
    database, _ids = world
    good = _write_csv(tmp_path / "good.csv", [
        STAY_HEADERS, ["山田 花子", "田中農園", "", "2026/08/10", "2026/08/14", "", "", ""]])
    bad = _write_csv(tmp_path / "bad.csv", [
        STAY_HEADERS, ["山田 花子", "田中農園", "", "2026/08/10", "2026/08/14", "", "", ""],
        ["山田 花子", "田中農園", "", "2026/08/13", "2026/08/14", "", "", ""]])
    before = _dump(database.path)
    run = [sys.executable, "-m", "kankei_desktop", "import", "--db", str(database.path)]
    failed = subprocess.run([*run, str(bad), "--kind", "stays"], capture_output=True, text=True)
    assert failed.returncode != 0
    assert "3 行目" in failed.stdout and "日付が重なります" in failed.stdout + failed.stderr
    assert _dump(database.path) == before
    done = subprocess.run([*run, str(good)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "新規 1 件" in done.stdout and "取り込み前のバックアップ" in done.stdout
    assert _counts(database.path)["stay"] == 1


def test_unknown_person_with_kana_and_phone_is_registered_once(world, tmp_path):
    database, _ids = world
    path = _write_xlsx(tmp_path / "new.xlsx", [
        ["氏名", "フリガナ", "電話番号", "受入先", "開始日", "終了日"],
        ["高橋 四郎", "たかはし しろう", "09012345678", "田中農園", date(2026, 7, 1), date(2026, 7, 3)],
        ["高橋 四郎", "タカハシ シロウ", "090-1234-5678", "田中農園", date(2026, 7, 20), date(2026, 7, 21)],
        # no phone or mail (other dates: the same place and dates would make it 高橋's group stay)
        ["伊藤 五郎", "イトウ ゴロウ", "", "田中農園", date(2026, 7, 2), date(2026, 7, 3)],
    ])
    plan = _plan(database, path)
    assert [r.status for r in plan.rows] == [imports.NEW, imports.NEW, imports.ERROR]
    assert "伊藤 五郎" in plan.rows[2].messages[0].text()
    plan.rows.pop()  # leave the bad row out of the file
    with database.session() as s:
        imports.commit_plan(s, plan, on=TODAY)
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT phone FROM person WHERE name = '高橋 四郎'").fetchall() == [("090-1234-5678",)]
        assert c.execute("SELECT count(*) FROM stay_participant sp JOIN person p ON p.id = sp.person_id "
                         "WHERE p.name = '高橋 四郎'").fetchone() == (2,)


LETTER_HEADERS = ["番号", "方向", "氏名", "差出人", "宛先", "発送日", "受取日", "返信元ID", "概要"]


def test_a_reply_names_its_original_by_the_files_own_number(world, tmp_path):
    """An Excel letter log numbers its rows; a reply points at the original's 番号."""
    database, ids = world
    path = _write_xlsx(tmp_path / "log.xlsx", [
        LETTER_HEADERS,
        ["1", "地域→参加者", "山田 花子", "田中農園", "山田 花子", date(2026, 9, 2), None, None, "お礼状"],
        ["2", "地域→参加者", "佐藤 太郎", "田中農園", "佐藤 太郎", date(2026, 9, 3), None, None, "お礼状"],
        ["3", "参加者→地域", "山田 花子", "山田 花子", "田中農園", date(2026, 9, 10), date(2026, 9, 12), "1", "返事"],
    ])
    plan = _plan(database, path)
    assert [r.status for r in plan.rows] == [imports.NEW] * 3, _messages(plan)
    with database.session() as s:
        imports.commit_plan(s, plan, on=TODAY)
    with plain_sql.connect(database) as c:
        linked = c.execute("""SELECT o.summary, o.person_id, r.summary, r.status FROM letter r
                              JOIN letter o ON o.id = r.reply_to_id""").fetchall()
    assert linked == [("お礼状", ids["hanako"], "返事", "受取済")]


def test_a_reply_before_its_original_or_a_repeated_number_is_refused(world, tmp_path):
    database, _ids = world
    before = _dump(database.path)
    path = _write_xlsx(tmp_path / "log.xlsx", [
        LETTER_HEADERS,
        ["1", "参加者→地域", "山田 花子", "山田 花子", "田中農園", date(2026, 9, 10), date(2026, 9, 12), "2", "返事"],
        ["2", "地域→参加者", "山田 花子", "田中農園", "山田 花子", date(2026, 9, 2), None, None, "お礼状"],
        ["2", "地域→参加者", "佐藤 太郎", "田中農園", "佐藤 太郎", date(2026, 9, 3), None, None, "お礼状"],
        ["4", "参加者→地域", "山田 花子", "山田 花子", "田中農園", date(2026, 9, 10), date(2026, 9, 12), "4", "返事"],
        ["5", "地域→参加者", "誰 でもない", "田中農園", "誰 でもない", date(2026, 9, 2), None, None, "お礼状"],
        ["6", "参加者→地域", "山田 花子", "山田 花子", "田中農園", date(2026, 9, 10), date(2026, 9, 12), "5", "返事"],
    ])
    plan = _plan(database, path)
    messages = _messages(plan)
    assert any(m.startswith("7 行目「返信元ID」") and "6 行目が取り込めない" in m for m in messages), messages
    assert any(m.startswith("2 行目「返信元ID」") and "後の 3 行目" in m for m in messages), messages
    assert any(m.startswith("4 行目「番号」") and "3 行目と同じ" in m for m in messages), messages
    assert any(m.startswith("5 行目「返信元ID」") and "自分自身" in m for m in messages), messages
    with database.session() as s, pytest.raises(KankeiError):
        imports.commit_plan(s, plan, on=TODAY)
    assert _dump(database.path) == before
