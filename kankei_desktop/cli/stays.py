"""``stays-ics``, ``host-schedule``, ``stays`` (list/add/status) and ``person-days``: stays, headless.

The general ``export`` command (another module) hands ``--what stays`` with a
``.ics`` target to ``kankei_desktop.services.stay_ics.write_stays_ics``, the same function
``stays-ics`` calls.
"""

from __future__ import annotations

import argparse

from kankei_desktop.cli import add_db_argument, date_argument
from kankei_desktop.domain.calendar import display_date, fiscal_year_label, fiscal_year_period
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.cli.access import open_for_command


def register(subparsers) -> None:
    ics = subparsers.add_parser("stays-ics", help="滞在を .ics（Outlook・Google カレンダー用）に書き出す")
    add_db_argument(ics)
    ics.add_argument("--out", required=True, help="書き出す .ics ファイル（--per-host のときはフォルダー）")
    ics.add_argument("--from", dest="start", type=date_argument, help="この日以降に終わる滞在（例: 2026/04/01）")
    ics.add_argument("--to", dest="end", type=date_argument, help="この日までに始まる滞在")
    ics.add_argument("--host", help="受入先・宿泊先の名称または ID で絞り込む")
    ics.add_argument("--with-cancelled", action="store_true",
                     help="中止の滞在も含める（STATUS:CANCELLED。取り込み済みの予定を中止にしたいとき）")
    ics.add_argument("--per-host", action="store_true",
                     help="受入先・宿泊先ごとに 1 ファイル（--out のフォルダーに「滞在_受入先名.ics」）")
    ics.set_defaults(handler=run_ics)

    schedule = subparsers.add_parser("host-schedule", help="受入先ごとの受入予定表（PDF, A4 横）")
    add_db_argument(schedule)
    schedule.add_argument("--host", required=True, help="受入先の名称または ID")
    schedule.add_argument("--out", required=True, help="書き出す PDF ファイル")
    schedule.add_argument("--today", type=date_argument, help="この日以降の予定を載せる（省略時は今日）")
    schedule.set_defaults(handler=run_schedule)

    stays = subparsers.add_parser("stays", help="滞在の一覧・登録・状態の変更")
    commands = stays.add_subparsers(dest="stays_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="滞在の一覧")
    add_db_argument(listing)
    listing.add_argument("--from", dest="start", type=date_argument)
    listing.add_argument("--to", dest="end", type=date_argument)
    listing.add_argument("--host", help="受入先・宿泊先の名称または ID")
    listing.set_defaults(handler=run_list)

    add = commands.add_parser("add", help="滞在を登録する（規則に反する場合は登録しません）")
    add_db_argument(add)
    add.add_argument("--person", action="append", required=True, help="参加者 ID（複数指定可）")
    add.add_argument("--host", help="受入先の名称または ID")
    add.add_argument("--lodging", help="宿泊先の名称または ID")
    add.add_argument("--start", type=date_argument, required=True)
    add.add_argument("--end", type=date_argument, required=True)
    add.add_argument("--purpose", default="")
    add.add_argument("--status", default="予定", choices=["予定", "確定", "実施済", "中止"])
    add.add_argument("--override-reason", default="", help="定員を超えて登録する理由（記録されます）")
    add.set_defaults(handler=run_add)

    status = commands.add_parser("status", help="滞在の状態を変える（予定→確定→実施済／中止）")
    add_db_argument(status)
    status.add_argument("--stay", required=True, help="滞在 ID")
    status.add_argument("--to", required=True, choices=["予定", "確定", "実施済", "中止"])
    status.set_defaults(handler=run_status)

    days = subparsers.add_parser("person-days", help="人日（実施済と予定）を年度別に表示する")
    add_db_argument(days)
    days.add_argument("--year", type=int, required=True, help="年度（例: 2026）")
    days.set_defaults(handler=run_person_days)


def find_host_id(session, text: str | None) -> str | None:
    """A host by exact id or exact name (live ones); None for no text."""
    from sqlalchemy import or_, select

    from kankei_desktop.domain.tables import Host

    if not text:
        return None
    found = session.execute(
        select(Host.id).where(or_(Host.id == text, Host.name == text.strip()), Host.deleted_at.is_(None))
    ).scalars().all()
    if not found:
        raise NotFoundError(f"受入先「{text}」が見つかりません。")
    if len(found) > 1:
        raise ValidationError({"host": f"受入先「{text}」が複数あります。ID で指定してください。"})
    return found[0]


def run_ics(args: argparse.Namespace) -> int:
    from kankei_desktop.services.stay_ics import write_per_host, write_stays_ics

    if args.per_host and args.host:
        raise ValidationError({"host": "--per-host と --host は一緒に使えません（--host は 1 受入先のファイル）。"})
    database = open_for_command(args)
    try:
        with database.session() as session:
            if args.per_host:
                files = write_per_host(session, args.out, start=args.start, end=args.end,
                                       include_cancelled=args.with_cancelled)
            else:
                count = write_stays_ics(
                    session, args.out, start=args.start, end=args.end, host_id=find_host_id(session, args.host),
                    include_cancelled=args.with_cancelled,
                )
    finally:
        database.close()
    if not args.per_host:
        print(f"{count:,} 件の滞在を書き出しました: {args.out}")
    elif not files:
        print("この期間に滞在のある受入先はありません。ファイルは作っていません。")
    for item in files if args.per_host else ():
        print(f"{item.host_name}: {item.events:,} 件 → {item.path}")
    return 0


def run_schedule(args: argparse.Namespace) -> int:
    from kankei_desktop.services.host_schedule import write_host_schedule

    database = open_for_command(args)
    try:
        with database.session() as session:
            count = write_host_schedule(session, find_host_id(session, args.host), args.out, today=args.today)
    finally:
        database.close()
    print(f"受入予定表を書き出しました（{count} 件）: {args.out}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from kankei_desktop.services.stay_calendar import stays_between

    database = open_for_command(args)
    try:
        with database.session() as session:
            rows = stays_between(session, args.start, args.end, host_id=find_host_id(session, args.host))
    finally:
        database.close()
    if not rows:
        print("滞在はありません。")
    for row in rows:
        print(f"{display_date(row.start_on)}〜{display_date(row.end_on)}\t{row.kind}\t{row.status}\t"
              f"{row.title()}\t{row.purpose}\t{row.id}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from kankei_desktop.services.stays import StayInput, create_stay

    database = open_for_command(args)
    try:
        with database.session() as session:
            stay_id = create_stay(session, StayInput(
                person_ids=args.person, host_id=find_host_id(session, args.host),
                lodging_id=find_host_id(session, args.lodging), start_on=args.start, end_on=args.end,
                purpose=args.purpose, status=args.status, override_reason=args.override_reason,
            ))
    finally:
        database.close()
    print(f"滞在を登録しました: {display_date(args.start)}〜{display_date(args.end)} {stay_id}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from kankei_desktop.services.stays import set_status

    database = open_for_command(args)
    try:
        with database.session() as session:
            changed = set_status(session, args.stay, args.to)
    finally:
        database.close()
    print(f"状態を「{args.to}」にしました。" if changed else "変更はありません。")
    return 0


def run_person_days(args: argparse.Namespace) -> int:
    from kankei_desktop.services.stays import person_days

    database = open_for_command(args)
    try:
        with database.session() as session:
            result = person_days(session, fiscal_year_period(args.year))
    finally:
        database.close()
    print(f"{fiscal_year_label(args.year)}\t実施済 {result.achieved:,} 人日\t予定・確定 {result.planned:,} 人日")
    return 0
