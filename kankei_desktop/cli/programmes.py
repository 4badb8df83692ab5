"""``programmes`` (list, create, enroll) and ``duplicates``: the programme area, headless."""

from __future__ import annotations

import argparse

from kankei_desktop.cli import add_db_argument
from kankei_desktop.domain.calendar import fiscal_year_label
from kankei_desktop.domain.enums import ProgrammeKind
from kankei_desktop.cli.access import open_for_command


def register(subparsers) -> None:
    programmes = subparsers.add_parser("programmes", help="プログラムの一覧・作成・参加者の登録")
    commands = programmes.add_subparsers(dest="programmes_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="プログラムの一覧")
    add_db_argument(listing)
    listing.add_argument("--year", type=int, help="年度（例: 2026）")
    listing.add_argument("--all", action="store_true", help="アーカイブ済みも表示する")
    listing.set_defaults(handler=run_list)

    create = commands.add_parser("create", help="テンプレートからプログラムを作成する")
    add_db_argument(create)
    create.add_argument("--name", required=True, help="プログラム名")
    create.add_argument("--kind", default=ProgrammeKind.CUSTOM.value,
                        choices=[kind.value for kind in ProgrammeKind], help="種類（段階のテンプレート）")
    create.add_argument("--year", type=int, required=True, help="年度（例: 2026）")
    create.add_argument("--region", default="", help="実施地域")
    create.set_defaults(handler=run_create)

    enroll = commands.add_parser("enroll", help="参加者をプログラムに参加登録する（最初の段階へ）")
    add_db_argument(enroll)
    enroll.add_argument("--programme", required=True, help="プログラム名または ID")
    enroll.add_argument("--year", type=int, help="同名のプログラムが複数年度にあるときの年度")
    source = enroll.add_mutually_exclusive_group(required=True)
    source.add_argument("--segment", help="セグメント名（その全員を登録）")
    source.add_argument("--person", action="append", help="参加者 ID（複数指定可）")
    enroll.set_defaults(handler=run_enroll)

    duplicates = subparsers.add_parser("duplicates", help="重複していそうな参加者を一覧する（変更はしません）")
    add_db_argument(duplicates)
    duplicates.set_defaults(handler=run_duplicates)


def run_list(args: argparse.Namespace) -> int:
    from kankei_desktop.services.programmes import list_programmes

    database = open_for_command(args)
    try:
        with database.session() as session:
            rows = list_programmes(session, args.year, include_archived=args.all)
    finally:
        database.close()
    if not rows:
        print("プログラムはありません。")
    for programme_id, name, kind, year, region, archived, count in rows:
        flag = "（アーカイブ）" if archived else ""
        print(f"{fiscal_year_label(year)}\t{name}{flag}\t{kind}\t{region}\t{count:,} 名\t{programme_id}")
    return 0


def run_create(args: argparse.Namespace) -> int:
    from kankei_desktop.services.programmes import ProgrammeInput, create_programme

    database = open_for_command(args)
    try:
        with database.session() as session:
            programme_id = create_programme(
                session, ProgrammeInput(name=args.name, kind=args.kind, fiscal_year=args.year, region=args.region)
            )
    finally:
        database.close()
    print(f"プログラムを作成しました: {args.name}（{fiscal_year_label(args.year)}）{programme_id}")
    return 0


def run_enroll(args: argparse.Namespace) -> int:
    from kankei_desktop.services.enrollments import enroll_persons
    from kankei_desktop.services.programmes import find_programme
    from kankei_desktop.services.segments import person_ids_for_segment_name

    database = open_for_command(args)
    try:
        with database.session() as session:
            programme_id = find_programme(session, args.programme, args.year)
            person_ids = person_ids_for_segment_name(session, args.segment) if args.segment else args.person
            if not person_ids:
                print(f"セグメント「{args.segment}」に該当する参加者がいません。登録はしていません。")
                return 0
            enrolled = enroll_persons(session, programme_id, person_ids)
    finally:
        database.close()
    print(f"{len(enrolled):,} 名を「{args.programme}」に登録しました。")
    return 0


def run_duplicates(args: argparse.Namespace) -> int:
    from kankei_desktop.services.duplicates import find_duplicate_groups
    from kankei_desktop.services.merge import person_fields

    database = open_for_command(args)
    try:
        with database.session() as session:
            groups = find_duplicate_groups(session)
            described = [[(pid, person_fields(session, pid)) for pid in group] for group in groups]
    finally:
        database.close()
    print(f"重複の可能性があるグループ: {len(groups):,} 件")
    for number, group in enumerate(described, 1):
        print(f"[{number}]")
        for pid, fields in group:
            birth = fields["birth_date"].strftime("%Y/%m/%d") if fields["birth_date"] else ""
            print(f"  {fields['name']}\t{fields['furigana']}\t{birth}\t{fields['email']}\t{fields['phone']}\t{pid}")
    return 0
