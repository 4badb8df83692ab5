"""``import``, ``export`` and ``template``: spreadsheets in and out, headless.

Other areas add export formats without touching this module's logic: an entry
in ``EXPORT_DELEGATES`` maps (what, key) to "module:function", where key is a
file suffix (".ics") or a ``--format`` name ("yamato-b2"). The function is
called as ``function(session, out_path, args)`` inside one session and returns
the line to print.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from kankei_desktop.cli import add_db_argument
from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.cli.access import is_server, open_for_command

EXPORT_DELEGATES: dict[tuple[str, str], str] = {
    ("stays", ".ics"): "kankei_desktop.services.stay_ics:export_for_cli",
    ("shipments", "yamato-b2"): "kankei_desktop.services.carrier_export:export_yamato_b2",
    ("shipments", "yupack"): "kankei_desktop.services.carrier_export:export_yupack",
}
# The choices are the kinds services/records.py declares (importable, exportable, with a template).
IMPORT_KINDS = ("persons", "enrollments", "stays", "shipments", "letters", "interactions", "hosts", "indicator_values")
EXPORT_WHAT = ("persons", "enrollments", "stays", "letters", "shipments", "interactions", "hosts", "indicator_values",
               "all")
TEMPLATE_KINDS = IMPORT_KINDS


def register(subparsers) -> None:
    importing = subparsers.add_parser("import", help="Excel・CSV から参加者・参加登録・滞在・発送・手紙・関わり・受入先・独自指標の値を取り込む")
    add_db_argument(importing)
    importing.add_argument("file", type=Path, help="取り込むファイル（.xlsx / .xls / .csv / .tsv）")
    importing.add_argument("--sheet", help="シート名（省略時は最初のシート）")
    importing.add_argument("--kind", choices=IMPORT_KINDS,
                           help="取り込む内容（省略時は見出しから判定）")
    importing.add_argument("--encoding", choices=("utf-8-sig", "utf-8", "cp932", "utf-16"),
                           help="CSV の文字コード（省略時は自動判定。utf-16 は Excel の「Unicode テキスト」）")
    importing.add_argument("--mapping", type=Path, help='列の対応表（JSON: {"見出し": "氏名", …}）')
    importing.add_argument("--header-row", type=int, help="見出しの行番号（省略時は自動判定）")
    importing.add_argument("--dry-run", action="store_true", help="確認だけして、何も書き込まない")
    importing.add_argument("--on-duplicate", choices=("skip", "update", "create"), default="skip",
                           help="重複と判定された行の扱い（既定: skip）")
    importing.add_argument("--report", type=Path, help="結果（--dry-run では確認結果）を .xlsx / .csv に保存する")
    importing.set_defaults(handler=run_import)

    exporting = subparsers.add_parser("export", help="一覧やデータベース全体を Excel・CSV に書き出す")
    add_db_argument(exporting)
    exporting.add_argument("--what", choices=EXPORT_WHAT, required=True, help="書き出す内容")
    exporting.add_argument("--out", type=Path, required=True, help="書き出し先（.xlsx / .csv）")
    exporting.add_argument("--encoding", choices=("utf-8-sig", "cp932"), default="utf-8-sig",
                           help="CSV の文字コード（既定: BOM 付き UTF-8）")
    exporting.add_argument("--exclude-no-contact", action="store_true", help="連絡不可の参加者を除く")
    exporting.add_argument("--substitute", action="store_true",
                           help="cp932 で表せない文字を ? に置き換えて書き出す（置き換えた箇所を一覧で示す）。省略時は書き出さずに箇所を示す")
    exporting.add_argument("--format", help="別の形式（例: 送り状の CSV）。使える形式は各機能の説明を参照")
    exporting.add_argument("--segment", help="このセグメントの参加者だけを書き出す（--what persons と使う）")
    exporting.set_defaults(handler=run_export)

    template = subparsers.add_parser("template", help="取り込み用のひな形（Excel）を作る")
    template.add_argument("kind", choices=TEMPLATE_KINDS,
                          help="ひな形の種類（参加者、参加者＋参加登録、滞在、発送、手紙、関わり、受入先、独自指標の値）")
    template.add_argument("--out", type=Path, required=True, help="保存先（.xlsx）")
    template.set_defaults(handler=run_template)


def _print_problems(lines: list[str], limit: int = 50) -> None:
    for line in lines[:limit]:
        print(f"  {line}")
    if len(lines) > limit:
        print(f"  … ほか {len(lines) - limit} 件（--report でファイルに保存できます）")


def run_import(args: argparse.Namespace) -> int:
    from kankei_desktop.io.columns import column_by_key
    from kankei_desktop.io.readers import read_table
    from kankei_desktop.services import imports
    from kankei_desktop.services.backups import backup_now

    table = read_table(args.file, args.sheet, args.encoding)
    header_mapping = imports.mapping_from_file(args.mapping) if args.mapping else None
    database = open_for_command(args)
    try:
        with database.session() as session:
            plan = imports.build_plan(session, table, kind=args.kind, header_mapping=header_mapping,
                                      header_row=args.header_row, on_duplicate=args.on_duplicate)
            counts = plan.counts()
            encoding = f"、文字コード {table.encoding}" if table.encoding else ""
            print(f"「{args.file.name}」シート「{plan.sheet}」{encoding}: 見出し {plan.header_row} 行目、データ {len(plan.rows):,} 行")
            print("列の対応: " + "、".join(f"{plan.headers[i]}→{column_by_key(plan.kind, k).header}"
                                        for i, k in sorted(plan.mapping.items())))
            for note in plan.notes:
                print(note)
            print("  ".join(f"{imports.STATUS_LABELS[s]} {n:,}" for s, n in counts.items()))
            messages = [m.text() for row in plan.rows for m in row.messages]
            if messages:
                print("エラーのある行（取り込みません）:")
                _print_problems(messages)
            if args.dry_run:
                if args.report:
                    imports.write_report(imports.preview_table(plan), args.report)
                    print(f"確認結果を保存しました: {args.report}")
                print("確認のみ（--dry-run）: 何も書き込んでいません。")
                session.rollback()
                return 0
            result = imports.commit_plan(
                session, plan,
                before_commit=None if database.is_server else lambda: backup_now(database, "before-import"),
                progress=lambda done, total: print(f"\r書き込み中 {done:,}/{total:,}", end="", file=sys.stderr),
            )
            print(file=sys.stderr)
    finally:
        database.close()
    if result.backup:
        print(f"取り込み前のバックアップ: {result.backup}")
    elif is_server(args.db):
        print("取り込み前のバックアップ: なし（サーバーのデータベースはサーバー側でバックアップします）")
    print(f"取り込みました: {result.summary()}")
    if result.problems:
        print("取り込まなかった行:")
        _print_problems([m.text() for m in result.problems])
    if args.report:
        imports.write_report(imports.report_table(result), args.report)
        print(f"結果を保存しました: {args.report}")
    return 0


def _delegate(what: str, key: str):
    target = EXPORT_DELEGATES.get((what, key))
    if target is None:
        return None
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)


def run_export(args: argparse.Namespace) -> int:
    from kankei_desktop.services.exports import PERSONAL_DATA_NOTICE, export

    if getattr(args, "segment", None):
        return _run_segment_export(args)
    key = args.format or args.out.suffix.lower()
    delegate = _delegate(args.what, key)
    if delegate is None and args.format:
        available = [f for (w, f) in EXPORT_DELEGATES if w == args.what]
        raise KankeiError(
            f"「{args.what}」を形式「{args.format}」では書き出せません"
            f"（使える形式: {'、'.join(available) if available else 'なし'}）。"
        )
    print(f"注意: {PERSONAL_DATA_NOTICE}", file=sys.stderr)
    database = open_for_command(args)
    try:
        with database.session() as session:
            if delegate is not None:
                print(delegate(session, args.out, args))
                return 0
            result = export(session, args.what, args.out, encoding=args.encoding,
                            exclude_no_contact=args.exclude_no_contact, substitute=args.substitute)
    finally:
        database.close()
    excluded = "（連絡不可の参加者を除く）" if args.exclude_no_contact else ""
    print(f"{result.rows:,} 行を書き出しました{excluded}: {args.out}")
    for warning in result.warnings:
        print(f"注意: {warning}")
    return 0


def _run_segment_export(args: argparse.Namespace) -> int:
    from kankei_desktop.cli.rosters import export_segment
    from kankei_desktop.services.exports import PERSONAL_DATA_NOTICE

    if args.what != "persons" or args.format:
        raise KankeiError("--segment は --what persons と使います（セグメントは参加者の絞り込みです）。")
    print(f"注意: {PERSONAL_DATA_NOTICE}", file=sys.stderr)
    database = open_for_command(args)
    try:
        with database.session() as session:
            result = export_segment(session, args.segment, args.out, args.encoding, args.exclude_no_contact)
    finally:
        database.close()
    print(f"セグメント「{args.segment}」の {result.rows:,} 名を書き出しました: {args.out}")
    for warning in result.warnings:
        print(f"注意: {warning}")
    return 0


def run_template(args: argparse.Namespace) -> int:
    from kankei_desktop.io.columns import KIND_LABELS
    from kankei_desktop.io.templates import write_template

    if args.out.suffix.lower() != ".xlsx":
        raise KankeiError("ひな形は .xlsx で保存します。--out に .xlsx のファイル名を指定してください。")
    write_template(args.kind, args.out)
    print(f"{KIND_LABELS[args.kind]}の取り込み用ひな形を作りました: {args.out}")
    return 0
