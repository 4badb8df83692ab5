"""``roster``: a segment's or a programme's persons as an A4 PDF list, or as the persons export.

    kankei-desktop roster --db F --segment 東京の若者 --out 名簿.pdf
    kankei-desktop roster --db F --programme おてつだいPlus --fiscal-year 2026 --out 名簿.xlsx

.pdf prints the roster (氏名, フリガナ, 連絡先, 段階; 取扱注意（個人情報） on every page);
.xlsx / .csv write the persons export of those persons (it re-imports).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kankei_desktop.cli import add_db_argument
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.cli.access import open_for_command


def register(subparsers) -> None:
    roster = subparsers.add_parser("roster", help="セグメントやプログラムの参加者名簿（A4 PDF）や一覧（Excel・CSV）を作る")
    add_db_argument(roster)
    which = roster.add_mutually_exclusive_group(required=True)
    which.add_argument("--segment", help="セグメント名")
    which.add_argument("--programme", help="プログラム名または ID")
    roster.add_argument("--fiscal-year", type=int, help="プログラム名が複数の年度にあるときの年度（例: 2026）")
    roster.add_argument("--out", type=Path, required=True, help="保存先（.pdf は名簿、.xlsx / .csv は参加者の書き出し）")
    roster.add_argument("--encoding", choices=("utf-8-sig", "cp932"), default="utf-8-sig",
                        help="CSV の文字コード（既定: BOM 付き UTF-8）")
    roster.set_defaults(handler=run_roster)


def export_segment(session, segment: str, out: Path, encoding: str, exclude_no_contact: bool):
    """``export --what persons --segment NAME``: the persons export narrowed to the segment."""
    from kankei_desktop.services import rosters, segments

    person_ids = segments.person_ids_for_segment_name(session, segment)
    return rosters.export_persons(session, person_ids, out, label=f"セグメント「{segment}」", encoding=encoding,
                                  exclude_no_contact=exclude_no_contact)


def run_roster(args: argparse.Namespace) -> int:
    from kankei_desktop.services import programmes, rosters, segments
    from kankei_desktop.services.exports import PERSONAL_DATA_NOTICE

    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".xlsx", ".csv"):
        raise KankeiError(f"「{args.out.name}」: 保存先は .pdf（名簿）か .xlsx / .csv（書き出し）にしてください。")
    print(f"注意: {PERSONAL_DATA_NOTICE}", file=sys.stderr)
    database = open_for_command(args)
    try:
        with database.session() as session:
            if args.segment:
                label = f"セグメント「{args.segment}」"
                person_ids = lambda: segments.person_ids_for_segment_name(session, args.segment)  # noqa: E731
                roster = lambda: rosters.segment_roster(session, args.segment)  # noqa: E731
            else:
                programme_id = programmes.find_programme(session, args.programme, args.fiscal_year)
                label = f"プログラム「{args.programme}」"
                person_ids = lambda: rosters.programme_person_ids(session, programme_id)  # noqa: E731
                roster = lambda: rosters.programme_roster(session, programme_id)  # noqa: E731
            if suffix == ".pdf":
                made = roster()
                pages = rosters.write_roster(session, made, args.out)
                print(f"{label}の名簿を作りました（{len(made.rows):,} 名、{pages} ページ）: {args.out}")
            else:
                result = rosters.export_persons(session, person_ids(), args.out, label=label, encoding=args.encoding)
                print(f"{label}の {result.rows:,} 名を書き出しました: {args.out}")
                for warning in result.warnings:
                    print(f"注意: {warning}")
    finally:
        database.close()
    return 0
