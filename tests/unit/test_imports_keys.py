"""How sheet rows find their records: programmes by name + fiscal year, ID columns, attendance lists, hosts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import plain_sql
import pytest

from kankei_desktop.io.readers import read_table
from kankei_desktop.services import exports, imports
from kankei_desktop.services.enrollments import enroll_persons
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput, create_programme
from kankei_desktop.services.stays import StayInput, create_stay, delete_stay

TODAY = date(2026, 11, 1)


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def world(database):
    with database.session() as s:
        ids = {
            "hanako": create_person(s, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ", email="hanako@example.jp")),
            "taro": create_person(s, PersonInput(name="佐藤 太郎", furigana="サトウ タロウ")),
            "farm": create_host(s, HostInput(name="田中農園")),
            "kome25": create_programme(s, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2025)),
            "kome26": create_programme(s, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026)),
        }
    return database, ids


def _plan(database, path: Path, kind: str):
    with database.session() as s:
        plan = imports.build_plan(s, read_table(path), kind=kind, today=TODAY)
        s.rollback()
    return plan


def _texts(plan) -> list[str]:
    return [m.text() for row in plan.rows for m in row.messages]


def _tables(path: Path) -> list:
    with plain_sql.connect(path) as c:
        return [c.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("person", "interaction", "host", "stay", "letter", "enrollment")]


def test_a_programme_is_found_by_the_fiscal_year_of_the_rows_date_or_its_year(world, tmp_path):
    database, ids = world
    path = _xlsx(tmp_path / "letters.xlsx", [
        ["方向", "氏名", "差出人", "宛先", "プログラム", "年度", "作成日", "発送日"],
        ["地域→参加者", "山田 花子", "田中農園", "山田 花子", "お米レター", "", date(2025, 9, 1), date(2025, 9, 2)],
        ["地域→参加者", "山田 花子", "田中農園", "山田 花子", "お米レター", "", None, date(2026, 4, 2)],
        ["地域→参加者", "佐藤 太郎", "田中農園", "佐藤 太郎", "お米レター", "令和7年度", None, None],
        ["地域→参加者", "佐藤 太郎", "田中農園", "佐藤 太郎", "お米レター", "", None, None],
    ])
    plan = _plan(database, path, "letters")
    assert [r.data.programme_id for r in plan.rows[:3]] == [ids["kome25"], ids["kome26"], ids["kome25"]]
    # No date and no 年度: an error naming both years, at the プログラム cell.
    assert plan.rows[3].status == imports.ERROR
    message = plan.rows[3].messages[0]
    assert message.row == 5 and message.column == "プログラム"
    assert "2025年度" in message.message and "2026年度" in message.message


def test_an_id_pointing_to_a_deleted_or_unknown_record_is_an_error_at_that_cell(world, tmp_path):
    database, ids = world
    with database.session() as s:
        gone = create_stay(s, StayInput(person_ids=[ids["taro"]], host_id=ids["farm"], start_on=date(2026, 8, 1),
                                        end_on=date(2026, 8, 2)), today=TODAY)
        delete_stay(s, gone)
        enroll_persons(s, ids["kome26"], [ids["hanako"]])
    path = _xlsx(tmp_path / "stays.xlsx", [
        ["滞在ID", "氏名", "受入先", "開始日", "終了日"],
        [gone, "佐藤 太郎", "田中農園", date(2026, 8, 1), date(2026, 8, 2)],
        ["00000000-0000-0000-0000-000000000000", "山田 花子", "田中農園", date(2026, 9, 1), date(2026, 9, 2)],
    ])
    plan = _plan(database, path, "stays")
    for row in plan.rows:
        assert row.status == imports.ERROR and row.messages[0].column == "滞在ID", _texts(plan)
    path = _xlsx(tmp_path / "enrol.xlsx", [
        ["参加登録ID", "参加者ID", "氏名", "プログラム", "年度"],
        ["11111111-1111-1111-1111-111111111111", ids["hanako"], "山田 花子", "お米レター", 2026],
    ])
    plan = _plan(database, path, "enrollments")
    message = plan.rows[0].messages[0]
    assert plan.rows[0].status == imports.ERROR and message.column == "参加登録ID" and "見つかりません" in message.message


def test_one_row_of_a_shared_stay_edited_alone_is_refused(world, tmp_path):
    database, ids = world
    with database.session() as s:
        create_stay(s, StayInput(person_ids=[ids["hanako"], ids["taro"]], host_id=ids["farm"],
                                 start_on=date(2026, 8, 1), end_on=date(2026, 8, 3), purpose="稲刈り"), today=TODAY)
        exports.export(s, "stays", tmp_path / "stays.xlsx")
    book = openpyxl.load_workbook(tmp_path / "stays.xlsx")
    headers = [c.value for c in book.active[1]]
    book.active.cell(3, headers.index("目的") + 1, "草刈り")
    book.save(tmp_path / "stays.xlsx")
    plan = _plan(database, tmp_path / "stays.xlsx", "stays")
    assert any("「目的」が違います" in text for text in _texts(plan))


def test_an_attendance_list_logs_touches_and_registers_newcomers(world, tmp_path):
    database, ids = world
    before = _tables(database.path)
    path = _xlsx(tmp_path / "attendance.xlsx", [
        ["ふるさとみつけ塾 第2回 出席表"],
        ["参加者ID", "氏名", "フリガナ", "メール", "日付", "種類", "プログラム"],
        [ids["taro"], "", "", "", date(2026, 7, 20), "イベント参加", "お米レター"],
        ["", "山田 花子", "", "", date(2026, 7, 20), "イベント参加", "お米レター"],
        ["", "鈴木 一花", "すずき いちか", "ichika@example.jp", date(2026, 7, 20), "イベント参加", ""],
        ["", "鈴木 一花", "スズキ イチカ", "ichika@example.jp", date(2026, 8, 20), "オンラインイベント参加", ""],
        ["", "山田 はなこ", "ヤマダ ハナコ", "hanako@example.jp", date(2026, 7, 20), "イベント参加", ""],
        ["", "高橋 誰か", "", "", date(2026, 7, 20), "イベント参加", ""],
    ])
    plan = _plan(database, path, None)
    assert plan.kind == "interactions"
    by_row = {row.number: [m.text() for m in row.messages] for row in plan.rows}
    assert [by_row[n] for n in (3, 4, 5, 6)] == [[], [], [], []]
    assert "同じ人と思われます" in by_row[7][0]  # a newcomer who is a registered person: named by ID instead
    assert "見つかりません" in by_row[8][0]  # an unknown person without フリガナ and a contact
    assert _tables(database.path) == before  # planning wrote nothing
    with database.session() as s:
        with pytest.raises(Exception, match="何も取り込みませんでした"):
            imports.commit_plan(s, plan, on=TODAY)
    # Without the two bad rows it imports: four touches, one new person (registered once).
    book = openpyxl.load_workbook(path)
    book.active.delete_rows(7, 2)
    book.save(path)
    plan = _plan(database, path, "interactions")
    with database.session() as s:
        result = imports.commit_plan(s, plan, on=TODAY)
    assert (result.created, result.updated) == (4, 0)
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT count(*) FROM person WHERE name = '鈴木 一花' AND furigana_sort = 'スズキイチカ'"
                         ).fetchone()[0] == 1
        rows = c.execute("SELECT p.name, i.occurred_on, g.fiscal_year FROM interaction i JOIN person p "
                         "ON p.id = i.person_id LEFT JOIN programme g ON g.id = i.programme_id "
                         "ORDER BY i.occurred_on, p.furigana_sort").fetchall()
    assert rows == [("佐藤 太郎", "2026-07-20", 2026), ("鈴木 一花", "2026-07-20", None),
                    ("山田 花子", "2026-07-20", 2026), ("鈴木 一花", "2026-08-20", None)]


def test_hosts_import_with_postal_lookup_capacity_and_flags(world, tmp_path):
    database, ids = world
    path = _xlsx(tmp_path / "hosts.xlsx", [
        ["名称", "種類", "郵便番号", "1泊の定員", "副業・兼業の受入れ", "受入中"],
        ["山の上の宿", "宿泊施設", "958-0261", 6, "可", ""],
        ["田中農園", "農家", "", "", "", ""],
        ["川辺の家", "宿泊施設", "", 0, "", ""],
    ])
    plan = _plan(database, path, None)
    assert plan.kind == "hosts"
    by_row = {row.number: [m.text() for m in row.messages] for row in plan.rows}
    assert by_row[2] == []
    assert "すでに登録されています" in by_row[3][0] and ids["farm"] in by_row[3][0]
    assert by_row[4][0].startswith("4 行目「1泊の定員」")
    book = openpyxl.load_workbook(path)
    book.active.delete_rows(3, 2)
    book.save(path)
    plan = _plan(database, path, "hosts")
    with database.session() as s:
        assert imports.commit_plan(s, plan, on=TODAY).created == 1
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT kind, postal_code, prefecture, city, capacity_per_night, hosts_side_job_talent, "
                         "is_active FROM host WHERE name = '山の上の宿'").fetchone() == (
            "宿泊施設", "9580261", "新潟県", "村上市", 6, 1, 1)


def test_an_enrollment_row_without_its_id_finds_the_live_enrollment(world, tmp_path):
    database, ids = world
    with database.session() as s:
        enroll_persons(s, ids["kome26"], [ids["hanako"]])
    path = _xlsx(tmp_path / "roster.xlsx", [
        ["参加者ID", "氏名", "フリガナ", "メールアドレス", "プログラム", "年度"],
        [ids["hanako"], "山田 花子", "ヤマダ ハナコ", "hanako@example.jp", "お米レター", 2026],
        [ids["hanako"], "山田 花子", "ヤマダ ハナコ", "hanako@example.jp", "お米レター", 2025],
    ])
    plan = _plan(database, path, "enrollments")
    # Enrolled already in 2026: nothing to change; 2025 is a new enrollment of the same person.
    assert [r.status for r in plan.rows] == [imports.UNCHANGED, imports.UPDATE], _texts(plan)
    with database.session() as s:
        result = imports.commit_plan(s, plan, on=TODAY)
    assert (result.updated, result.unchanged, result.enrolled) == (1, 1, 1)
