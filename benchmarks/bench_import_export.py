"""Speed of the spreadsheet import and export on 100,000 rows.

    python benchmarks/bench_import_export.py [--rows 100000] [--keep DIR]
    python benchmarks/bench_import_export.py --export-from benchmarks/data/bench.sqlite3   # export only
    python benchmarks/bench_import_export.py --import-only   # import and its baseline only

1. Builds a messy 100,000-row participants workbook (title rows, hiragana and
   half-width フリガナ, 和暦 and serial dates, phones and postal codes that lost
   their leading zero, ~1 % duplicates) with XlsxWriter.
2. Imports it into a fresh coordinator file, end to end: parse (calamine),
   normalise, validate, duplicate check, insert (one transaction). Printed beside
   the baseline of the same run: the raw parse plus one sqlite3 executemany of
   the same rows, unconverted, into the same person table.
3. Exports the 100,000 persons to xlsx through ``services.exports`` beside a bare
   sqlite3 SELECT + XlsxWriter ``write_row`` of the same columns, and the same bare
   rows through our own writer (``io.xlsx_stream``, no conversions).

Targets (issue 7): import ≤ 30 s, export ≤ 15 s. Wall and CPU time of this process
are printed; on a shared machine the CPU figure is what the code costs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

import xlsxwriter  # noqa: E402

from kankei_desktop.io import writers  # noqa: E402
from kankei_desktop.io.readers import read_table  # noqa: E402
from kankei_desktop.services import exports, imports  # noqa: E402
from kankei_desktop.store import create_database  # noqa: E402

FAMILY = [("山田", "やまだ"), ("佐藤", "さとう"), ("鈴木", "すずき"), ("高橋", "たかはし"), ("田中", "たなか"),
          ("渡辺", "わたなべ"), ("小林", "こばやし"), ("中村", "なかむら"), ("加藤", "かとう"), ("吉田", "よしだ")]
GIVEN = [("花子", "はなこ"), ("太郎", "たろう"), ("一郎", "いちろう"), ("美咲", "みさき"), ("翔太", "しょうた"),
         ("結衣", "ゆい"), ("大輔", "だいすけ"), ("彩", "あや"), ("健", "けん"), ("陽菜", "ひな")]
HEADER = ["No", "お名前", "ふりがな", "生年月日", "性別", "E-mail", "携帯", "〒", "ご住所", "所属", "関わりのきっかけ", "興味", "備考"]


def _kana_suffix(number: int) -> str:
    return "".join("あいうえおかきくけこ"[int(d)] for d in str(number))


def build_workbook(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("名簿")
    date_format = book.add_format({"num_format": "yyyy/mm/dd"})
    sheet.write_row(0, 0, ["令和7年度 関係人口 参加者名簿"])
    sheet.write_row(1, 0, ["作成: 十日町市 地域振興課"])
    sheet.write_row(3, 0, HEADER)
    for i in range(rows):
        source = i - 1 if i % 100 == 99 else i  # every hundredth row repeats the previous person
        family, family_kana = FAMILY[source % 10]
        given, given_kana = GIVEN[(source // 10) % 10]
        kana = f"{family_kana} {given_kana}{_kana_suffix(source)}"
        if i % 3 == 1:
            kana = kana.replace(" ", "　")
        birth = date(1960, 1, 1) + timedelta(days=(source * 37) % 16000)
        r = 4 + i
        sheet.write_number(r, 0, i + 1)
        sheet.write_string(r, 1, f"{family} {given}{source}")
        sheet.write_string(r, 2, kana)
        if i % 4 == 0:
            sheet.write_datetime(r, 3, birth, date_format)
        elif i % 4 == 1:
            sheet.write_string(r, 3, f"{birth.year}/{birth.month}/{birth.day}")
        elif i % 4 == 2 and birth >= date(1989, 1, 8):
            sheet.write_string(r, 3, f"H{birth.year - 1988}.{birth.month}.{birth.day}")
        else:
            sheet.write_number(r, 3, (birth - date(1899, 12, 30)).days)
        sheet.write_string(r, 4, rng.choice(["女", "男", "", "無回答"]))
        sheet.write_string(r, 5, f"user{source}@example.jp")
        sheet.write_number(r, 6, 9000000000 + source)  # 090-…: Excel dropped the zero
        sheet.write_number(r, 7, rng.randint(100000, 999999))  # 〒 0xx-xxxx that lost its zero
        sheet.write_string(r, 8, f"新潟県十日町市本町{source % 9 + 1}-{source % 30 + 1}")
        sheet.write_string(r, 9, rng.choice(["新潟大学", "○○商事", "", "十日町高校"]))
        sheet.write_string(r, 10, rng.choice(["出身者", "大学・ゼミ", "", "観光リピーター、親族が在住"]))
        sheet.write_string(r, 11, rng.choice(["農業、料理", "写真", "", "祭り"]))
        sheet.write_string(r, 12, "")
    book.close()


def clock():
    return time.perf_counter(), time.process_time()


def since(start) -> tuple[float, float]:
    wall, cpu = clock()
    return wall - start[0], cpu - start[1]


def fmt(pair) -> str:
    return f"{pair[0]:6.1f} s wall / {pair[1]:6.1f} s CPU"


def measure_import(folder: Path, workbook: Path) -> tuple[Path, dict]:
    database = create_database(folder / "import.sqlite3")
    figures = {}
    start = clock()
    table = read_table(workbook)
    figures["parse (calamine)"] = since(start)
    with database.session() as session:
        phase = clock()
        plan = imports.build_plan(session, table)
        figures["normalise + validate + dedup"] = since(phase)
        phase = clock()
        result = imports.commit_plan(session, plan)
        figures["insert (executemany)"] = since(phase)
    figures["end to end"] = since(start)
    database.close()
    print(f"  rows {len(plan.rows):,}: {plan.counts()}; created {result.created:,}, skipped {result.skipped:,}")
    return folder / "import.sqlite3", figures


def measure_raw_import(folder: Path, workbook: Path) -> dict:
    database = create_database(folder / "raw.sqlite3")
    database.close()
    start = clock()
    table = read_table(workbook)
    rows = table.rows[4:]
    connection = sqlite3.connect(folder / "raw.sqlite3")
    stamp = "2026-01-01 00:00:00.000000"
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO person (id, created_at, updated_at, name, furigana, furigana_sort, gender, email, phone,"
        " postal_code, prefecture, city, address_line, address_building, residence_area, affiliation,"
        " ladder_stage, contact_ok, photo_ok, found_via, notes, search_text)"
        " VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, '', '', ?, '', '', ?, '関心', 1, 0, '', '', '')",
        [(str(uuid.uuid4()), stamp, stamp, r[1], r[2], r[4], r[5], str(r[6]), str(r[7])[:7], r[8], r[9]) for r in rows],
    )
    connection.commit()
    connection.close()
    return {"raw parse + executemany": since(start)}


_RAW_EXPORT_SELECT = (
    "SELECT id, name, furigana, birth_date, gender, email, phone, postal_code, prefecture, city, address_line,"
    " address_building, residence_area, affiliation, ladder_stage, contact_ok, photo_ok, consent_date,"
    " found_via, notes, last_activity_on, created_at FROM person WHERE deleted_at IS NULL ORDER BY furigana_sort"
)


def measure_export(folder: Path, db_path: Path) -> dict:
    from kankei_desktop.store import open_database

    database = open_database(db_path)
    figures = {}
    start = clock()
    with database.session() as session:
        result = exports.export(session, "persons", folder / "persons.xlsx")
    figures["export persons.xlsx"] = since(start)
    database.close()
    print(f"  exported {result.rows:,} persons ({(folder / 'persons.xlsx').stat().st_size / 1e6:.1f} MB)")
    start = clock()
    connection = sqlite3.connect(db_path)
    rows = connection.execute(_RAW_EXPORT_SELECT)
    book = xlsxwriter.Workbook(str(folder / "raw.xlsx"), {"constant_memory": True})
    sheet = book.add_worksheet("persons")
    for index, row in enumerate(rows):
        sheet.write_row(index, 0, row)
    book.close()
    connection.close()
    figures["raw SELECT + write_row"] = since(start)
    # The writer the export uses, fed the bare rows (dates stay ISO text): the floor for our figure.
    start = clock()
    connection = sqlite3.connect(db_path)
    rows = connection.execute(_RAW_EXPORT_SELECT).fetchall()
    bare = writers.Table("persons", [f"c{i}" for i in range(22)], ["text"] * 22, rows)
    writers.write_xlsx(folder / "raw-stream.xlsx", [bare])
    connection.close()
    figures["raw SELECT + xlsx_stream"] = since(start)
    return figures


def export_only(folder: Path, source: Path, keep: Path | None) -> int:
    """The export half alone, from an existing file (e.g. benchmarks/data/bench.sqlite3), for quick turns."""
    copy = folder / "source.sqlite3"
    # immutable: read as it is, without the -wal/-shm files a read-only open of a WAL file leaves behind
    # (the source is a generated benchmark file nobody writes to).
    connection = sqlite3.connect(f"{Path(source).resolve().as_uri()}?immutable=1", uri=True)
    connection.execute("VACUUM INTO ?", (str(copy),))
    connection.close()
    print("export (target ≤ 15 s):")
    for name, pair in measure_export(folder, copy).items():
        print(f"  {name:32} {fmt(pair)}")
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / "persons.xlsx", keep / "persons.xlsx")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--export-from", type=Path, metavar="DB",
                        help="only the export, from a VACUUM INTO copy of this coordinator file (left unchanged)")
    parser.add_argument("--import-only", action="store_true", help="only the import and its baseline")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kankei-bench-io-"))
    if hasattr(os, "getloadavg"):
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    if args.export_from:
        try:
            return export_only(folder, args.export_from, args.keep)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    try:
        workbook = folder / "participants.xlsx"
        start = clock()
        build_workbook(workbook, args.rows)
        print(f"workbook of {args.rows:,} rows built in {since(start)[0]:.1f} s ({workbook.stat().st_size / 1e6:.1f} MB)")
        print("import (target ≤ 30 s end to end):")
        db_path, ours = measure_import(folder, workbook)
        raw = measure_raw_import(folder, workbook)
        for name, pair in {**ours, **raw}.items():
            print(f"  {name:32} {fmt(pair)}")
        if args.import_only:
            return 0
        print("export (target ≤ 15 s):")
        for name, pair in measure_export(folder, db_path).items():
            print(f"  {name:32} {fmt(pair)}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("participants.xlsx", "persons.xlsx"):
                shutil.copy2(folder / name, args.keep / name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
