"""``labels``, ``carrier-csv`` and ``followups``: address labels, carrier import files, 要対応, headless."""

from __future__ import annotations

import argparse
from datetime import date

from kankei_desktop.cli import add_db_argument, date_argument
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.cli.access import open_for_command


def register(subparsers) -> None:
    labels = subparsers.add_parser("labels", help="宛名ラベル（PDF）を作る")
    add_db_argument(labels)
    labels.add_argument("--segment", help="セグメント名（その全員のラベル）")
    labels.add_argument("--person", action="append", default=[], help="参加者 ID（複数指定可）")
    labels.add_argument("--host", action="append", default=[], help="受入先 ID（複数指定可。敬称は御中）")
    labels.add_argument("--layout", default="a4-12", choices=["a4-12", "a4-24"], help="ラベル用紙（既定 a4-12）")
    labels.add_argument("--label-size", metavar="WxH", help="カスタム: ラベルの幅×高さ mm（例 86.4x42.3）")
    labels.add_argument("--margins", metavar="LEFT,TOP", help="カスタム: 左余白,上余白 mm（例 18.6,21.6）")
    labels.add_argument("--pitch", metavar="X,Y", help="カスタム: 横,縦ピッチ mm（例 86.4,42.3）")
    labels.add_argument("--grid", metavar="COLSxROWS", help="カスタム: 列×行（例 2x6）")
    labels.add_argument("--start", type=int, default=1, help="使いかけの用紙の何枚目から印刷するか（1〜）")
    labels.add_argument("--include-no-contact", action="store_true",
                        help="連絡不可の人も印刷する（監査ログに名前が残ります）")
    labels.add_argument("--sender", type=int, default=0, metavar="N", help="差出人ラベルを N 枚加える")
    labels.add_argument("--honorific", help="敬称（既定は設定の「敬称（個人）」= 様）")
    labels.add_argument("--calibration", action="store_true", help="先頭に位置合わせ用のページを付ける")
    labels.add_argument("--out", required=True, help="出力する PDF ファイル")
    labels.set_defaults(handler=run_labels)

    carrier = subparsers.add_parser("carrier-csv", help="送り状ソフトの取込 CSV（ヤマト B2クラウド / ゆうパックプリントR）")
    add_db_argument(carrier)
    carrier.add_argument("--format", required=True, choices=["yamato-b2", "yupack"], help="形式")
    carrier.add_argument("--programme", help="プログラム名または ID（その準備中の発送）")
    carrier.add_argument("--year", type=int, help="同名のプログラムが複数年度にあるときの年度")
    carrier.add_argument("--shipment", action="append", help="発送 ID（複数指定可。状況を問わず出力）")
    carrier.add_argument("--all-statuses", action="store_true", help="準備中以外の発送も出力する")
    carrier.add_argument("--service", default="takkyubin", choices=["takkyubin", "compact"],
                         help="便の種類: takkyubin 宅急便（既定）/ compact 宅急便コンパクト（ヤマトのみ。どちらも発払い）")
    carrier.add_argument("--cool", default="none", choices=["none", "chilled", "frozen"],
                         help="クール: none なし（既定）/ chilled 冷蔵（ゆうパックはチルド）/ frozen 冷凍")
    carrier.add_argument("--time-slot", default="", choices=["", "0812", "1416", "1618", "1820", "1921"],
                         help="配達時間帯（ヤマトのみ）: 0812 午前中 / 1416 / 1618 / 1820 / 1921")
    carrier.add_argument("--out", required=True, help="出力する CSV ファイル（CP932・CRLF）")
    carrier.set_defaults(handler=run_carrier_csv)

    followups = subparsers.add_parser("followups", help="要対応（未配達・返信待ち・お礼ツアー待ち）を一覧する")
    add_db_argument(followups)
    # Dates are typed as everywhere else (2026/11/27; 2026-11-27 and 和暦 are read too).
    followups.add_argument("--today", type=date_argument, help="基準日（例 2026/11/27、既定は今日）")
    followups.set_defaults(handler=run_followups)


def _pair(text: str | None, separator: str, what: str) -> tuple[float, float] | None:
    if not text:
        return None
    try:
        first, second = (float(part) for part in text.lower().split(separator))
    except ValueError:
        raise ValidationError({what: f"{what} は「数値{separator}数値」で指定してください（「{text}」）。"}) from None
    return first, second


def _geometry(args: argparse.Namespace):
    from kankei_desktop.reports.labels import custom_geometry

    changes = {}
    if size := _pair(args.label_size, "x", "--label-size"):
        changes.update(label_width_mm=size[0], label_height_mm=size[1])
        if not args.pitch:
            changes.update(pitch_x_mm=size[0], pitch_y_mm=size[1])
    if margins := _pair(args.margins, ",", "--margins"):
        changes.update(left_mm=margins[0], top_mm=margins[1])
    if pitch := _pair(args.pitch, ",", "--pitch"):
        changes.update(pitch_x_mm=pitch[0], pitch_y_mm=pitch[1])
    if grid := _pair(args.grid, "x", "--grid"):
        changes.update(columns=int(grid[0]), rows=int(grid[1]))
    return custom_geometry(args.layout, **changes) if changes else None


def run_labels(args: argparse.Namespace) -> int:
    from kankei_desktop.services.address_labels import export_labels

    if not (args.segment or args.person or args.host or args.sender):
        raise ValidationError({"selection": "--segment、--person、--host のどれかで印刷する相手を指定してください。"})
    geometry = _geometry(args)
    database = open_for_command(args)
    try:
        with database.session() as session:
            summary = export_labels(session, args.out, person_ids=args.person, segment=args.segment,
                                    host_ids=args.host, layout=args.layout, geometry=geometry, start=args.start,
                                    include_no_contact=args.include_no_contact, sender_labels=args.sender,
                                    calibration_page=args.calibration, honorific=args.honorific)
    finally:
        database.close()
    print(f"宛名ラベル {summary.labels} 枚（{summary.pages} ページ）を書き出しました: {args.out}")
    if summary.left_out:
        print(f"連絡不可のため除外: {'、'.join(summary.left_out)}")
    if summary.overridden:
        print(f"連絡不可ですが指定により印刷: {'、'.join(summary.overridden)}")
    return 0


def run_carrier_csv(args: argparse.Namespace) -> int:
    from kankei_desktop.services.carrier_export import Options, export_carrier_csv

    if not (args.programme or args.shipment):
        raise ValidationError({"selection": "--programme か --shipment で出力する発送を指定してください。"})
    options = Options(service=args.service, cool=args.cool, time_slot=args.time_slot)
    database = open_for_command(args)
    try:
        with database.session() as session:
            programme_id = None
            if args.programme:
                from kankei_desktop.services.programmes import find_programme

                programme_id = find_programme(session, args.programme, args.year)
            result = export_carrier_csv(session, args.format, args.out, shipment_ids=args.shipment,
                                        programme_id=programme_id, only_prepared=not args.all_statuses,
                                        options=options)
    finally:
        database.close()
    print(result.summary(args.format))
    return 0


def run_followups(args: argparse.Namespace) -> int:
    from kankei_desktop.services.followups import list_followups

    database = open_for_command(args)
    try:
        with database.session() as session:
            items = list_followups(session, args.today or date.today())
    finally:
        database.close()
    if not items:
        print("要対応はありません。")
    for item in items:
        print(f"{item.days}日\t{item.title}\t→ {item.action_label}\t{item.record_kind}:{item.record_id}")
    return 0
