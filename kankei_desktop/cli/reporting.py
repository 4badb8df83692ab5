"""``stats`` (the figures, as a table or the JSON of docs/stats-json.md) and ``report`` (the PDF)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kankei_desktop.cli import add_db_argument
from kankei_desktop.cli.access import open_for_command


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--fiscal-year", type=int, required=True, help="年度（例: 2026 = 2026年4月〜2027年3月）")
    parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="四半期（1: 4〜6月 … 4: 1〜3月）")
    parser.add_argument("--programme", help="プログラム名または ID（省略時は全体）")


def register(subparsers) -> None:
    stats = subparsers.add_parser("stats", help="年度・四半期の指標を表示する（--json で機械可読）")
    _period_arguments(stats)
    stats.add_argument("--json", action="store_true", help="docs/stats-json.md の JSON で出力する")
    stats.set_defaults(handler=run_stats)

    report = subparsers.add_parser("report", help="進捗サマリーの PDF を作成する")
    _period_arguments(report)
    report.add_argument("--out", type=Path, required=True, help="出力する PDF ファイル")
    report.add_argument("--named", action="store_true", help="氏名の一覧を含める（全ページに 取扱注意（個人情報））")
    report.add_argument("--threshold", type=int, help="内訳でこの数未満を「<N」と表示する（既定は設定値、通常 3）")
    report.set_defaults(handler=run_report)


def _programme_id(database, args: argparse.Namespace) -> str | None:
    """Looked up in a session of its own: the count is quicker in a session that has not begun
    (``services.kpis.compute_kpis``)."""
    if not args.programme:
        return None
    from kankei_desktop.services.programmes import find_programme

    with database.session() as session:
        return find_programme(session, args.programme, args.fiscal_year)


def run_stats(args: argparse.Namespace) -> int:
    from kankei_desktop.services.kpis import compute_kpis

    # A reader (cli/access.py): read-only connections, and the page check runs first, so a damaged
    # file is refused with check's words instead of printing figures (≈ 3 s more at 100,000 persons).
    database = open_for_command(args)
    try:
        programme_id = _programme_id(database, args)
        with database.session() as session:
            figures = compute_kpis(session, args.fiscal_year, args.quarter, programme_id)
    finally:
        database.close()
    if args.json:
        json.dump(figures.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from kankei_desktop.reports.summary import summary_lines

        print("\n".join(summary_lines(figures)))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from kankei_desktop.services.progress_report import ReportOptions, write_progress_report

    database = open_for_command(args)
    try:
        options = ReportOptions(
            fiscal_year=args.fiscal_year, quarter=args.quarter, programme_id=_programme_id(database, args),
            named=args.named, threshold=args.threshold,
        )
        with database.session() as session:
            result = write_progress_report(session, options, args.out)
    finally:
        database.close()
    note = "（データなし）" if not result.has_data else ""
    print(f"PDF を作成しました{note}: {result.path}（{result.pages} ページ）")
    return 0
