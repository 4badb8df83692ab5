"""`template KIND` writes a sheet the importer takes as it is: write, fill one row, import, find it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import openpyxl
import plain_sql
import pg_support
import pytest

from kankei_desktop.io.templates import EXAMPLE_SHEET, GUIDANCE_SHEET, SHEET_NAMES, TEMPLATE_KINDS, template_columns
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.indicators import IndicatorInput, create_indicator
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput, create_programme

# One filled row per kind, by header. Dates are in the past so that no "future date" rule refuses them.
ROWS = {
    "persons": [{"氏名": "高橋 四郎", "フリガナ": "たかはし しろう", "電話番号": "0312345678", "郵便番号": "0600001",
                 "生年月日": date(2001, 7, 7), "段階": "参加", "連絡可否": "可"}],
    "enrollments": [{"氏名": "高橋 四郎", "フリガナ": "タカハシ シロウ", "電話番号": "090-5555-6666",
                     "プログラム": "お米レター2025", "申込日": date(2025, 4, 10)}],
    # two persons, one place and the same dates, no 滞在ID: one stay of two
    "stays": [{"氏名": "山田 花子", "受入先": "田中農園", "開始日": date(2025, 8, 12), "終了日": date(2025, 8, 15),
               "目的": "稲刈り"},
              {"氏名": "佐藤 太郎", "受入先": "田中農園", "開始日": date(2025, 8, 12), "終了日": date(2025, 8, 15),
               "目的": "稲刈り"}],
    "shipments": [{"宛先": "山田 花子", "差出人": "田中農園", "内容": "お米 5kg", "運送会社": "ゆうパック",
                   "伝票番号": "0123-4567-8901", "発送日": date(2025, 10, 2)}],
    "letters": [{"方向": "地域→参加者", "氏名": "山田 花子", "差出人": "田中農園", "宛先": "山田 花子",
                 "作成日": date(2025, 9, 1), "発送日": date(2025, 9, 2), "概要": "稲刈りのお礼"}],
    # an attendance list: a known person by name, a newcomer with フリガナ and e-mail
    "interactions": [{"氏名": "山田 花子", "日付": date(2025, 7, 20), "種類": "イベント参加"},
                     {"氏名": "鈴木 一花", "フリガナ": "スズキ イチカ", "メールアドレス": "ichika@example.jp",
                      "日付": date(2025, 7, 20), "種類": "イベント参加"},
                     {"氏名": "山田 花子", "日付": date(2025, 7, 21), "種類": "物産購入", "金額（円）": "3,000円"}],
    "hosts": [{"名称": "山の上の宿", "種類": "宿泊施設", "郵便番号": "9580261", "1泊の定員": 6,
               "副業・兼業の受入れ": "可", "中小企業": "可"}],
    # a year's value, and a quarter's typed the way people type them
    "indicator_values": [{"指標": "移住相談件数", "年度": "令和7年度", "値": "１２", "目標": 20},
                         {"指標": "移住相談件数", "年度": 2025, "四半期": "第2四半期", "値": "4.5"}],
}

CHECKS = {
    "persons": ("SELECT name, phone, replace(postal_code, '-', ''), birth_date FROM person WHERE name = '高橋 四郎'",
                [("高橋 四郎", "03-1234-5678", "0600001", "2001-07-07")]),
    "enrollments": ("SELECT p.name, g.name FROM enrollment e JOIN person p ON p.id = e.person_id "
                    "JOIN programme g ON g.id = e.programme_id", [("高橋 四郎", "お米レター2025")]),
    "stays": ("SELECT s.start_on, s.end_on, s.purpose, group_concat(p.name, '・') FROM stay s "
              "JOIN (SELECT * FROM stay_participant ORDER BY person_id) sp ON sp.stay_id = s.id "
              "JOIN person p ON p.id = sp.person_id GROUP BY s.id", None),
    "shipments": ("SELECT contents, tracking_number, carrier FROM shipment",
                  [("お米 5kg", "012345678901", "ゆうパック")]),
    "letters": ("SELECT direction, summary, sent_on FROM letter", [("地域→参加者", "稲刈りのお礼", "2025-09-02")]),
    "interactions": ("SELECT p.name, i.kind, i.occurred_on, i.amount_yen FROM interaction i "
                     "JOIN person p ON p.id = i.person_id ORDER BY p.furigana_sort, i.occurred_on",
                     [("鈴木 一花", "イベント参加", "2025-07-20", None), ("山田 花子", "イベント参加", "2025-07-20", None),
                      ("山田 花子", "物産購入", "2025-07-21", 3000)]),
    "hosts": ("SELECT name, kind, capacity_per_night, hosts_side_job_talent, small_business, prefecture, city "
              "FROM host WHERE name = '山の上の宿'", [("山の上の宿", "宿泊施設", 6, 1, 1, "新潟県", "村上市")]),
    "indicator_values": ("SELECT i.name, v.fiscal_year, v.quarter, v.value, v.target FROM custom_indicator_value v "
                         "JOIN custom_indicator i ON i.id = v.indicator_id ORDER BY v.quarter IS NOT NULL, v.quarter",
                         [("移住相談件数", 2025, None, 12.0, 20.0), ("移住相談件数", 2025, 2, 4.5, None)]),
}


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "KANKEI_DESKTOP_DATA_DIR": str(tmp_path / "userdata")}


def run(env, *args):
    return subprocess.run([sys.executable, "-m", "kankei_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=180, env=env)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "t.sqlite3"
    database = pg_support.create(path)
    path = database.path
    with database.session() as s:
        create_person(s, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
        create_person(s, PersonInput(name="佐藤 太郎", furigana="サトウ タロウ"))
        create_host(s, HostInput(name="田中農園"))
        create_programme(s, ProgrammeInput(name="お米レター2025", kind="お米レター", fiscal_year=2025))
        create_indicator(s, IndicatorInput(name="移住相談件数", unit="件"))
    database.close()
    return path


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_each_template_filled_in_imports_as_it_is(kind, env, db_path, tmp_path):
    out = tmp_path / f"{kind}.xlsx"
    made = run(env, "template", kind, "--out", out)
    assert made.returncode == 0, made.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [SHEET_NAMES[kind], GUIDANCE_SHEET, EXAMPLE_SHEET]
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.header for c in template_columns(kind)] and sheet.max_row == 1
    assert sheet.freeze_panes == "A2"
    for col, header in enumerate(headers, 1):
        # openpyxl keeps runs of alike columns as one dimension (min..max)
        dimension = next(d for d in sheet.column_dimensions.values() if d.min <= col <= d.max)
        assert dimension.width >= len(header) * 2, header  # Japanese characters are two wide
        if header in ("電話番号", "郵便番号", "伝票番号", "参加者ID"):
            assert dimension.number_format == "@", header
        if header.endswith("日"):
            assert dimension.number_format == "yyyy/mm/dd", header
        assert sheet.cell(1, col).comment is not None, header  # input guidance on every header
    guidance = list(book[GUIDANCE_SHEET].iter_rows(values_only=True))
    assert guidance[0] == ("列", "必須", "入力例", "説明") and [g[0] for g in guidance[1:len(headers) + 1]] == headers
    examples = list(book[EXAMPLE_SHEET].iter_rows(values_only=True))
    assert list(examples[0]) == headers and any(examples[1])

    for row in ROWS[kind]:
        sheet.append([row.get(h) for h in headers])
    filled = tmp_path / f"{kind}_filled.xlsx"
    book.save(filled)
    imported = run(env, "import", "--db", db_path, filled)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert f"新規 {len(ROWS[kind])} 件" in imported.stdout, imported.stdout  # by sheet row (the stays file: one stay)
    sql, expected = CHECKS[kind]
    with plain_sql.connect(db_path) as c:
        found = c.execute(sql).fetchall()
    if kind == "stays":
        assert len(found) == 1 and found[0][:3] == ("2025-08-12", "2025-08-15", "稲刈り")
        assert sorted(found[0][3].split("・")) == ["佐藤 太郎", "山田 花子"]
    else:
        assert found == expected


def test_unknown_kind_and_wrong_suffix_are_refused(env, tmp_path):
    assert run(env, "template", "programmes", "--out", tmp_path / "x.xlsx").returncode == 2
    refused = run(env, "template", "stays", "--out", tmp_path / "x.csv")
    assert refused.returncode == 2 and ".xlsx" in refused.stderr
    assert not list(tmp_path.glob("x.*"))
