"""Stays sheets with one row per person and no 滞在ID: rows of the same place and dates are one stay."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import plain_sql
import pytest

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.io.readers import read_table
from kankei_desktop.services import imports
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.stays import StayInput, create_stay

TODAY = date(2026, 11, 1)
HEADERS = ["氏名", "受入先", "宿泊先", "開始日", "終了日", "状況", "備考"]
AUG12, AUG15 = date(2026, 8, 12), date(2026, 8, 15)


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


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _plan(database, path: Path):
    with database.session() as s:
        plan = imports.build_plan(s, read_table(path), kind="stays", today=TODAY)
        s.rollback()
    return plan


def _stays(path: Path) -> list[tuple]:
    """(start, end, notes, sorted participant names) of every live stay."""
    with plain_sql.connect(path) as c:
        stays = c.execute("SELECT id, start_on, end_on, notes FROM stay WHERE deleted_at IS NULL "
                          "ORDER BY start_on, end_on").fetchall()
        return [(start, end, notes, sorted(n for (n,) in c.execute(
            "SELECT p.name FROM stay_participant sp JOIN person p ON p.id = sp.person_id "
            "WHERE sp.stay_id = ? AND sp.deleted_at IS NULL", (stay_id,))))
            for stay_id, start, end, notes in stays]


def _dump(path: Path) -> list:
    with plain_sql.connect(path) as c:
        return [c.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("stay", "stay_participant", "person", "audit_log")]


def test_two_rows_of_the_same_place_and_dates_are_one_stay_of_two(world, tmp_path):
    database, _ids = world
    path = _xlsx(tmp_path / "group.xlsx", [
        HEADERS,
        ["山田 花子", "田中農園", "民宿 いずもざき荘", AUG12, AUG15, "", "ベジタリアン"],
        ["佐藤 太郎", "田中農園", "民宿 いずもざき荘", AUG12, AUG15, "", ""],
    ])
    plan = _plan(database, path)
    assert [r.status for r in plan.rows] == [imports.NEW, imports.NEW], [m.text() for r in plan.rows for m in r.messages]
    assert plan.rows[0].group == [2, 3]
    assert "2 行を 1 件の滞在（複数人）にまとめます（2・3 行目）。" in plan.notes
    with database.session() as s:
        result = imports.commit_plan(s, plan, on=TODAY)
    assert result.created == 2  # sheet rows, as the plan counts them; one stay (below)
    assert _stays(database.path) == [("2026-08-12", "2026-08-15", "ベジタリアン", ["佐藤 太郎", "山田 花子"])]


def test_a_group_over_capacity_is_refused_naming_its_rows_and_nothing_changes(world, tmp_path):
    database, _ids = world
    before = _dump(database.path)
    path = _xlsx(tmp_path / "full.xlsx", [
        HEADERS,
        ["山田 花子", "", "民宿 いずもざき荘", AUG12, AUG15, "", ""],
        ["佐藤 太郎", "", "民宿 いずもざき荘", AUG12, AUG15, "", ""],
        ["鈴木 次郎", "", "民宿 いずもざき荘", AUG12, AUG15, "", ""],
    ])
    plan = _plan(database, path)
    assert [r.status for r in plan.rows] == [imports.ERROR] * 3
    lead = plan.rows[0].messages[0].text()
    assert lead.startswith("2 行目「宿泊先」: 2026/08/12 の夜、民宿 いずもざき荘 の定員 2 名を超えます")
    assert "2・3・4 行目の 3 名を 1 つの滞在として" in lead and "「定員超過の理由」の列" in lead
    for row in plan.rows[1:]:
        (message,) = row.messages
        assert message.text().startswith(f"{row.number} 行目: 2 行目と同じ滞在のため取り込めません")
        assert "定員 2 名" in message.text()
    with database.session() as s, pytest.raises(KankeiError, match="何も取り込みませんでした"):
        imports.commit_plan(s, plan, on=TODAY)
    assert _dump(database.path) == before


def test_a_reason_in_any_row_lets_the_group_exceed_capacity(world, tmp_path):
    database, _ids = world
    path = _xlsx(tmp_path / "reason.xlsx", [
        [*HEADERS, "定員超過の理由"],
        ["山田 花子", "", "民宿 いずもざき荘", AUG12, AUG15, "", "", ""],
        ["佐藤 太郎", "", "民宿 いずもざき荘", AUG12, AUG15, "", "", "家族で相部屋"],
        ["鈴木 次郎", "", "民宿 いずもざき荘", AUG12, AUG15, "", "", ""],
    ])
    plan = _plan(database, path)
    assert {r.status for r in plan.rows} == {imports.NEW}
    with database.session() as s:
        imports.commit_plan(s, plan, on=TODAY)
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT capacity_override_reason FROM stay").fetchall() == [("家族で相部屋",)]
        assert c.execute("SELECT count(*) FROM stay_participant").fetchone() == (3,)


def test_rows_differing_in_end_date_or_status_are_separate_stays(world, tmp_path):
    database, _ids = world
    path = _xlsx(tmp_path / "two.xlsx", [
        HEADERS,
        ["山田 花子", "田中農園", "", AUG12, AUG15, "", ""],
        ["佐藤 太郎", "田中農園", "", AUG12, date(2026, 8, 16), "", ""],
        ["鈴木 次郎", "田中農園", "", AUG12, AUG15, "中止", ""],
    ])
    plan = _plan(database, path)
    assert [r.group for r in plan.rows] == [[2], [3], [4]]
    with database.session() as s:
        assert imports.commit_plan(s, plan, on=TODAY).created == 3
    # Three stays; the two with the same dates in no particular order.
    assert sorted(names for *_rest, names in _stays(database.path)) == [["佐藤 太郎"], ["山田 花子"], ["鈴木 次郎"]]


def test_an_overlap_is_reported_at_the_row_of_that_person(world, tmp_path):
    database, ids = world
    with database.session() as s:
        create_stay(s, StayInput(person_ids=[ids["taro"]], host_id=ids["farm"], start_on=date(2026, 8, 14),
                                 end_on=date(2026, 8, 20)), today=TODAY)
    before = _dump(database.path)
    path = _xlsx(tmp_path / "clash.xlsx", [
        HEADERS,
        ["山田 花子", "田中農園", "", AUG12, AUG15, "", ""],
        ["佐藤 太郎", "田中農園", "", AUG12, AUG15, "", ""],
    ])
    plan = _plan(database, path)
    texts = [[m.text() for m in r.messages] for r in plan.rows]
    assert texts[1][0].startswith("3 行目: 佐藤 太郎 さんは 2026/08/14〜2026/08/20 に別の滞在"), texts
    assert texts[0][0].startswith("2 行目: 3 行目と同じ滞在のため取り込めません"), texts
    with database.session() as s, pytest.raises(KankeiError):
        imports.commit_plan(s, plan, on=TODAY)
    assert _dump(database.path) == before


def test_the_same_person_twice_in_a_group_is_an_error(world, tmp_path):
    database, _ids = world
    path = _xlsx(tmp_path / "twice.xlsx", [
        HEADERS,
        ["山田 花子", "田中農園", "", AUG12, AUG15, "", ""],
        ["山田　花子", "田中農園", "", AUG12, AUG15, "", ""],
    ])
    plan = _plan(database, path)
    assert plan.rows[1].messages[0].text() == (
        "3 行目「氏名」: 2 行目と同じ人が同じ滞在にもう一度書かれています（重複した行なら消してください）。")
    assert plan.rows[0].status == imports.ERROR


def test_newcomers_in_a_group_are_registered_and_stay_together(world, tmp_path):
    database, _ids = world
    path = _xlsx(tmp_path / "new.xlsx", [
        ["氏名", "フリガナ", "電話番号", "受入先", "開始日", "終了日"],
        ["高橋 四郎", "タカハシ シロウ", "090-1111-2222", "田中農園", AUG12, AUG15],
        ["伊藤 五郎", "イトウ ゴロウ", "090-3333-4444", "田中農園", AUG12, AUG15],
        ["山田 花子", "", "", "田中農園", AUG12, AUG15],
    ])
    plan = _plan(database, path)
    assert {r.status for r in plan.rows} == {imports.NEW}, [m.text() for r in plan.rows for m in r.messages]
    with database.session() as s:
        imports.commit_plan(s, plan, on=TODAY)
    assert _stays(database.path) == [("2026-08-12", "2026-08-15", "", ["伊藤 五郎", "山田 花子", "高橋 四郎"])]


def test_a_skipped_row_leaves_its_person_out_of_the_group(world, tmp_path):
    database, _ids = world
    path = _xlsx(tmp_path / "skip.xlsx", [
        HEADERS,
        ["山田 花子", "田中農園", "", AUG12, AUG15, "", "a"],
        ["佐藤 太郎", "田中農園", "", AUG12, AUG15, "", "b"],
    ])
    plan = _plan(database, path)
    plan.set_action(0, imports.SKIP)
    with database.session() as s:
        imports.commit_plan(s, plan, on=TODAY)
    # the stay's own fields come from the whole group (notes of both rows, each with its person)
    assert _stays(database.path) == [("2026-08-12", "2026-08-15", "山田 花子: a／佐藤 太郎: b", ["佐藤 太郎"])]
