"""``indicators`` (list, create, edit, archive, set, import, template): the custom indicators
of 例3 and 例4, headless (``services.indicators``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kankei_desktop.cli import add_db_argument
from kankei_desktop.cli.access import open_for_command


def register(subparsers) -> None:
    indicators = subparsers.add_parser("indicators", help="独自指標（例3・例4）の一覧・作成・値の入力・取り込み")
    commands = indicators.add_subparsers(dest="indicators_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="指標と入力済みの値の一覧")
    add_db_argument(listing)
    listing.add_argument("--all", action="store_true", help="アーカイブ済みも表示する")
    listing.set_defaults(handler=run_list)

    for name, help_text, handler in (("create", "指標を作成する", run_create), ("edit", "指標を変更する", run_edit)):
        command = commands.add_parser(name, help=help_text)
        add_db_argument(command)
        if name == "edit":
            command.add_argument("indicator", help="指標名または ID")
            command.add_argument("--name", help="新しい指標名")
        else:
            command.add_argument("--name", required=True, help="指標名")
        command.add_argument("--unit", help="単位（例: %%、円、社）")
        command.add_argument("--programme", help="対象のプログラム ID（省略: 全体）")
        command.add_argument("--source-note", help="出典・備考（例: 住民アンケート）")
        command.add_argument("--first-year", type=int, help="最初の年度")
        command.add_argument("--last-year", type=int, help="最後の年度")
        command.add_argument("--pair", help="対にする指標（名前または ID、例4）")
        command.add_argument("--computed-from", help="値を計算する関わりの種類（物産購入 または 寄附（ふるさと納税））")
        command.add_argument("--target-key", help="この値を実績とするプログラム目標のキー（例: coordinators）")
        command.set_defaults(handler=handler)

    archive = commands.add_parser("archive", help="指標をアーカイブする（--undo で元に戻す）")
    add_db_argument(archive)
    archive.add_argument("indicator", help="指標名または ID")
    archive.add_argument("--undo", action="store_true", help="アーカイブを元に戻す")
    archive.set_defaults(handler=run_archive)

    setting = commands.add_parser("set", help="年度または四半期の値（と目標）を入力する")
    add_db_argument(setting)
    setting.add_argument("indicator", help="指標名または ID")
    setting.add_argument("--fiscal-year", required=True, help="年度（例: 2026）")
    setting.add_argument("--quarter", help="四半期 1〜4（省略: 年度の値）")
    setting.add_argument("--value", required=True, help="値（空文字で消去）")
    setting.add_argument("--target", help="目標（省略: 入力済みの目標のまま）")
    setting.set_defaults(handler=run_set)

    importing = commands.add_parser("import", help="シート（xlsx・csv）から値を取り込む（すべてか、何もしないか）")
    add_db_argument(importing)
    importing.add_argument("file", type=Path, help="指標・年度・四半期・値・目標 の列があるファイル")
    importing.add_argument("--dry-run", action="store_true", help="確認だけして書き込まない")
    importing.set_defaults(handler=run_import)

    template = commands.add_parser("template", help="値の取り込み用テンプレートを書き出す")
    template.add_argument("--out", type=Path, required=True, help="出力ファイル（.xlsx または .csv）")
    template.set_defaults(handler=run_template)


def _input(session, args, current=None):
    from kankei_desktop.services.indicators import IndicatorInput, live_indicator

    data = current or IndicatorInput(name="")
    for key in ("name", "unit", "source_note", "first_year", "last_year", "computed_from", "target_key"):
        value = getattr(args, key, None)
        if value is not None:
            setattr(data, key, value)
    if args.programme is not None:
        data.programme_id = args.programme or None
    if args.pair is not None:
        data.pair_id = live_indicator(session, args.pair).id if args.pair else None
    return data


def run_list(args: argparse.Namespace) -> int:
    from kankei_desktop.services.indicators import list_indicators

    database = open_for_command(args)
    try:
        with database.session() as session:
            rows = list_indicators(session, include_archived=args.all)
    finally:
        database.close()
    if not rows:
        print("独自指標はありません（`indicators create` で作成できます）。")
    for row in rows:
        flags = "".join(filter(None, ["（アーカイブ）" if row.archived else "",
                                      f"（{row.computed_from}の金額から計算）" if row.computed_from else "",
                                      f"（対: {row.pair}）" if row.pair else ""]))
        print(f"{row.name}{flags}\t{row.unit}\t{row.programme or '全体'}\t{row.source_note}\t{row.id}")
        for year, quarter, value, target in row.values:
            period = f"{year}年度" + (f" 第{quarter}四半期" if quarter else "")
            print(f"    {period}\t値 {'未入力' if value is None else f'{value:g}'}\t"
                  f"目標 {'—' if target is None else f'{target:g}'}")
    return 0


def run_create(args: argparse.Namespace) -> int:
    from kankei_desktop.services.indicators import create_indicator

    database = open_for_command(args)
    try:
        with database.session() as session:
            indicator_id = create_indicator(session, _input(session, args))
    finally:
        database.close()
    print(f"指標を作成しました: {args.name} {indicator_id}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    from kankei_desktop.services.indicators import indicator_input, live_indicator, update_indicator

    database = open_for_command(args)
    try:
        with database.session() as session:
            indicator = live_indicator(session, args.indicator)
            update_indicator(session, indicator.id, _input(session, args, indicator_input(session, indicator.id)))
    finally:
        database.close()
    print("指標を変更しました。")
    return 0


def run_archive(args: argparse.Namespace) -> int:
    from kankei_desktop.services.indicators import archive_indicator

    database = open_for_command(args)
    try:
        with database.session() as session:
            archive_indicator(session, args.indicator, archived=not args.undo)
    finally:
        database.close()
    print("アーカイブを元に戻しました。" if args.undo else "指標をアーカイブしました。")
    return 0


def run_set(args: argparse.Namespace) -> int:
    from kankei_desktop.services.indicators import set_value

    database = open_for_command(args)
    try:
        with database.session() as session:
            set_value(session, args.indicator, args.fiscal_year, args.quarter, args.value, args.target)
    finally:
        database.close()
    period = f"{args.fiscal_year}年度" + (f" 第{args.quarter}四半期" if args.quarter else "")
    print(f"{args.indicator} の {period} の値を {args.value or '（消去）'} にしました。")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from kankei_desktop.services.indicators import import_values

    database = open_for_command(args)
    try:
        with database.session() as session:
            result = import_values(session, args.file, dry_run=args.dry_run)
    finally:
        database.close()
    if result.errors:
        for line in result.errors:
            print(line, file=sys.stderr)
        print(f"取り込みませんでした（{len(result.errors)} 件の誤り）。", file=sys.stderr)
        return 2
    print(f"{'確認しました' if args.dry_run else '取り込みました'}: {result.written} 件")
    return 0


def run_template(args: argparse.Namespace) -> int:
    from kankei_desktop.services.indicators import write_values_template

    result = write_values_template(args.out)
    print(f"テンプレートを書き出しました: {result.path}")
    return 0
