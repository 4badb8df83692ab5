"""``kankei-desktop exchange …``: offices exchanging their changes by encrypted file (issue 19).

Access classes are declared in cli/access.py: import, export (it counts the package sent),
peer-add, copy, office --name/--rename and conflicts --keep write; status, office, conflicts
(list) and backup read; restore, like ``restore``, works on a damaged file and takes the lock.

The passphrase is never a command-line argument (it would show in the process list): it is
read from ``--passphrase-file`` (first line), else the environment variable
``KANKEI_EXCHANGE_PASSPHRASE``, else asked for at the terminal without echo.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from kankei_desktop.cli import add_db_argument
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.cli.access import open_for_command

PASSPHRASE_ENV = "KANKEI_EXCHANGE_PASSPHRASE"


def register(subparsers) -> None:
    exchange = subparsers.add_parser("exchange", help="事務所間でデータを交換する（暗号化した交換ファイル）")
    commands = exchange.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)

    office = commands.add_parser("office", help="この事務所の表示・設定・名前の変更")
    add_db_argument(office)
    office.add_argument("--name", help="この事務所の名前を設定する（最初の1回）")
    office.add_argument("--rename", help="この事務所の名前を変える（IDは変わりません）")
    office.add_argument("--organisation", help="--name と一緒に: 既存の団体IDに加わる（コピーでない別ファイルどうしの交換）")
    office.set_defaults(handler=run_office)

    peer = commands.add_parser("peer-add", help="交換相手の事務所を登録する")
    add_db_argument(peer)
    peer.add_argument("--id", required=True, help="相手の事務所ID（相手の exchange status で表示）")
    peer.add_argument("--name", required=True, help="相手の事務所名")
    peer.set_defaults(handler=run_peer_add)

    copy = commands.add_parser("copy", help="新しい事務所用にこのファイルのコピーを作る（支所用のファイル）")
    add_db_argument(copy)
    copy.add_argument("--to", type=Path, required=True, help="コピー先のファイル")
    copy.add_argument("--name", required=True, help="新しい事務所の名前")
    copy.set_defaults(handler=run_copy)

    export = commands.add_parser("export", help="相手の事務所あての交換ファイルを書き出す")
    add_db_argument(export)
    export.add_argument("--peer", required=True, help="相手の事務所名またはID")
    export.add_argument("--out", type=Path, required=True, help="書き出すファイル（.kankei-sync）")
    export.add_argument("--full", action="store_true", help="変更分だけでなく全件を書き出す（初めての交換）")
    _passphrase_options(export)
    export.set_defaults(handler=run_export)

    apply = commands.add_parser("import", help="相手から届いた交換ファイルを適用する（先にバックアップ）")
    add_db_argument(apply)
    apply.add_argument("file", type=Path, help="交換ファイル（.kankei-sync）")
    _passphrase_options(apply)
    apply.set_defaults(handler=run_import)

    status = commands.add_parser("status", help="事務所・交換相手・未送信の変更・交換の履歴を表示する")
    add_db_argument(status)
    status.set_defaults(handler=run_status)

    conflicts = commands.add_parser("conflicts", help="競合の一覧（--keep で一括解決、--id で1件解決）")
    add_db_argument(conflicts)
    conflicts.add_argument("--keep", choices=("local", "remote"),
                           help="local: この事務所の値を残す / remote: 相手の値にする")
    conflicts.add_argument("--id", help="解決する競合のID（省略時は全件）")
    conflicts.add_argument("--json", action="store_true", help="一覧をJSONで出力する")
    conflicts.set_defaults(handler=run_conflicts)

    backup = commands.add_parser("backup", help="暗号化したバックアップをUSBメモリなどに書き出す（写真を含む）")
    add_db_argument(backup)
    backup.add_argument("--to", type=Path, required=True, help="書き出し先のフォルダー")
    _passphrase_options(backup)
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser("restore", help="暗号化したバックアップから復元する（現在のファイルは先にバックアップ）")
    add_db_argument(restore)
    restore.add_argument("--from", dest="source", type=Path, required=True, help="暗号化バックアップ（.kankei-backup）")
    _passphrase_options(restore)
    restore.set_defaults(handler=run_restore)


def _passphrase_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path,
                        help=f"合言葉を書いたファイル（1行目）。省略時は環境変数 {PASSPHRASE_ENV}、なければ入力を求めます")


def read_passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        try:
            lines = args.passphrase_file.read_text("utf-8").splitlines()
        except OSError as error:
            raise ValidationError({"passphrase": f"合言葉のファイル「{args.passphrase_file}」を読めません（{error.strerror}）。"}) from error
        return lines[0] if lines else ""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin is None or not sys.stdin.isatty():
        raise ValidationError({"passphrase": f"合言葉がありません。--passphrase-file か環境変数 {PASSPHRASE_ENV} で渡してください。"})
    return getpass.getpass("合言葉: ")


def run_office(args: argparse.Namespace) -> int:
    from kankei_desktop.services import exchange

    database = open_for_command(args)
    try:
        with database.session() as session:
            if args.name:
                exchange.set_up_office(session, args.name, args.organisation)
            if args.rename:
                exchange.rename_office(session, exchange.require_own_office(session).id, args.rename)
            office = exchange.own_office(session)
    finally:
        database.close()
    if office is None:
        print("このファイルの事務所はまだ設定されていません（--name 事務所名 で設定します）。")
        return 1
    print(f"事務所: {office.name}（ID {office.id}、団体ID {office.organisation_id}）")
    return 0


def run_peer_add(args: argparse.Namespace) -> int:
    from kankei_desktop.services import exchange

    database = open_for_command(args)
    try:
        with database.session() as session:
            peer = exchange.add_peer(session, args.id, args.name)
    finally:
        database.close()
    print(f"交換相手を登録しました: {peer.name}（ID {peer.id}）。最初の交換ファイルには全件が入ります。")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from kankei_desktop.services import exchange

    database = open_for_command(args)
    try:
        office = exchange.make_office_copy(database, args.to, args.name)
    finally:
        database.close()
    print(f"「{office.name}」用のファイルを作りました: {args.to}（事務所ID {office.id}）")
    return 0


def _progress(done: int, total: int, message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{done:,}/{total:,} {message}  ", end="", file=sys.stderr, flush=True)


def run_export(args: argparse.Namespace) -> int:
    from kankei_desktop.services import exchange

    passphrase = read_passphrase(args)
    database = open_for_command(args)
    try:
        written = exchange.write_package(database, args.peer, args.out, passphrase, _progress, full=args.full)
    finally:
        database.close()
    print(f"交換ファイル 第{written.number}号 を書き出しました: {written.path}"
          f"（記録 {written.records:,} 件、写真 {written.photos} 枚）")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from kankei_desktop.services import exchange

    passphrase = read_passphrase(args)
    database = open_for_command(args)
    try:
        result = exchange.apply_package(database, args.file, passphrase, _progress)
    finally:
        database.close()
    if result.already_applied:
        print(result.message)
        return 0
    print(f"{result.peer_name}からの交換ファイル 第{result.number}号 を適用しました: 追加 {result.added:,} 件、"
          f"更新 {result.updated:,} 件、変更なし {result.unchanged:,} 件、競合 {result.conflicts:,} 件、消去 {result.erased} 名、統合 {result.merged} 件、"
          f"写真 {result.photos} 枚。")
    if result.backup_path:
        print(f"適用前のバックアップ: {result.backup_path}")
    for finding in result.findings:
        print(f"要確認: {finding['message']}")
    if result.conflicts:
        print("競合は exchange conflicts で確認・解決してください（解決するまでこの事務所の値のままです）。")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from kankei_desktop.services import exchange

    database = open_for_command(args)
    try:
        with database.session() as session:
            office = exchange.require_own_office(session)
            print(f"事務所: {office.name}（ID {office.id}、団体ID {office.organisation_id}）")
            for peer in exchange.peers(session):
                pending = exchange.pending_changes(session, peer.id)
                waiting = "全件（最初の交換）" if pending < 0 else f"{pending:,} 件"
                print(f"交換相手: {peer.name}（ID {peer.id}） 送信 第{peer.sent_number}号まで、"
                      f"受信 第{peer.received_number}号まで適用、未確認の変更 {waiting}")
            print(f"未解決の競合: {exchange.open_conflict_count(session)} 件")
            for entry in exchange.history(session, limit=20):
                way = "送信" if entry.direction == "out" else "受信"
                print(f"{entry.at:%Y/%m/%d %H:%M}  {way}  {entry.peer_name} 第{entry.number}号  "
                      f"記録 {entry.records:,} 件  競合 {entry.conflicts} 件  {entry.user}")
    finally:
        database.close()
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    from kankei_desktop.services import exchange

    database = open_for_command(args)
    try:
        with database.session() as session:
            if args.keep and args.id:
                exchange.resolve_conflict(session, args.id, args.keep)
                print("競合を1件解決しました。")
                return 0
            if args.keep:
                count = exchange.resolve_all(session, args.keep)
                print(f"競合を {count} 件解決しました（{'この事務所の値' if args.keep == 'local' else '相手の値'}）。")
                return 0
            if args.id:
                raise ValidationError({"keep": "--id には --keep local か --keep remote を付けてください。"})
            rows = exchange.list_conflicts(session)
    finally:
        database.close()
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("未解決の競合はありません。")
    for row in rows:
        print(f"{row.id}  {row.table_label}「{row.record_label}」の{row.field_label}: "
              f"こちら {row.local_value!r}（{row.local_office} {row.local_at[:16]}） / "
              f"相手 {row.remote_value!r}（{row.remote_office} {row.remote_at[:16]}）")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from kankei_desktop.services import backups

    passphrase = read_passphrase(args)
    database = open_for_command(args)
    try:
        made = backups.backup_encrypted(database, args.to, passphrase)
    finally:
        database.close()
    print(f"暗号化したバックアップを書き出しました: {made}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from kankei_desktop.services import backups

    passphrase = read_passphrase(args)
    kept = backups.restore_encrypted(args.db, args.source, passphrase)
    if kept is not None:
        print(f"復元前のファイルを残しました: {kept}")
    print(f"復元しました: {args.db}")
    return 0
