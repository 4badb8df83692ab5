"""``init`` and ``check``: create a coordinator file, and check one without touching it."""

from __future__ import annotations

import argparse
import sys

from kankei_desktop.cli import add_db_argument
from kankei_desktop.cli.access import is_server
from kankei_desktop.domain.errors import StoreError
from kankei_desktop.store import create_database, probe


def register(subparsers) -> None:
    init = subparsers.add_parser("init", help="新しいデータベースを作成する")
    add_db_argument(init)
    init.add_argument("--demo", action="store_true", help="デモデータを入れる")
    init.add_argument("--force", action="store_true", help="既存のファイルを上書きする")
    init.set_defaults(handler=run_init)

    check = subparsers.add_parser("check", help="データベースを検査する（変更はしません）")
    add_db_argument(check)
    check.add_argument("--full", action="store_true", help="integrity_check と foreign_key_check で全体を検査する")
    check.set_defaults(handler=run_check)


def run_init(args: argparse.Namespace) -> int:
    if is_server(args.db):  # an empty server database gets the schema; one with any table is refused
        return _fill(args, create_database(args.db, overwrite=args.force))
    if args.db.exists() and args.force:
        return _init_over_existing(args)
    database = create_database(args.db, overwrite=args.force)
    return _fill(args, database)


def _init_over_existing(args: argparse.Namespace) -> int:
    """A writer: not while the window (or another writer) has the file, never over a damaged one."""
    from kankei_desktop.store import backup, lock
    from kankei_desktop.store.database import describe_newest_backup

    report = probe.probe_file(args.db)
    if report.damaged:
        newest = backup.newest_verified_backup(backup.configured_backup_dir(args.db), args.db.stem)
        raise StoreError(f"{report.problems[0]} 上書きはしません。{describe_newest_backup(newest)}")
    held = lock.acquire(args.db)
    try:  # held until the demo data is in, like any writer
        return _fill(args, create_database(args.db, overwrite=True))
    finally:
        held.release()


def _fill(args: argparse.Namespace, database) -> int:
    try:
        if args.demo:
            from kankei_desktop.services import demo

            with database.session() as session:
                summary = demo.load_demo_data(session)
            print(f"デモデータを作成しました: {summary}")
    finally:
        database.close()
    print(f"データベースを作成しました: {args.db}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    if is_server(args.db):
        return _check_server(args)
    report = probe.probe_file(args.db, full=args.full)
    if not report.ok:
        for problem in report.problems:
            print(f"エラー: {problem}", file=sys.stderr)
        if report.damaged:
            from kankei_desktop.store import backup
            from kankei_desktop.store.database import describe_newest_backup

            folder = backup.configured_backup_dir(args.db)
            print(describe_newest_backup(backup.newest_verified_backup(folder, args.db.stem)), file=sys.stderr)
        return 1
    print(f"OK: {args.db}（スキーマ {report.schema_revision}、参加者 {report.person_count:,} 名）")
    return 0


def _check_server(args: argparse.Namespace) -> int:
    """A server database: reachable, ours, at this program's schema; the pages are the server's."""
    from sqlalchemy import text

    from kankei_desktop.cli.access import open_server_to_check
    from kankei_desktop.store import migrations

    database = open_server_to_check(args)
    try:
        with database.session() as session:
            persons = session.execute(text("SELECT count(*) FROM person WHERE deleted_at IS NULL")).scalar_one()
    finally:
        database.close()
    print(f"OK: {args.db}（スキーマ {migrations.head_revision()}、参加者 {persons:,} 名。"
          "ページの検査はサーバー側の仕事です）")
    return 0
