"""``backup``, ``restore``, ``audit`` and ``anonymise``: data safety from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kankei_desktop.cli import add_db_argument
from kankei_desktop.domain.errors import StoreError
from kankei_desktop.domain.text import file_size
from kankei_desktop.cli.access import open_for_command, refuse_on_server
from kankei_desktop.store import backup


def register(subparsers) -> None:
    make = subparsers.add_parser("backup", help="検査済みのバックアップを作成する（--list で一覧）")
    add_db_argument(make)
    make.add_argument("--to", type=Path, help="バックアップ先のフォルダー（省略時は設定のフォルダー）")
    make.add_argument("--list", action="store_true", help="作成せず、バックアップの一覧を表示する")
    make.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", help="バックアップから復元する（現在のファイルは先に退避）")
    add_db_argument(restore)
    source = restore.add_mutually_exclusive_group(required=True)
    source.add_argument("--from", dest="source", type=Path, help="復元するバックアップファイル")
    source.add_argument("--latest", action="store_true", help="検査に通る最新のバックアップから復元する")
    restore.add_argument("--backups", type=Path, help="バックアップのフォルダー（省略時は設定のフォルダー）")
    restore.set_defaults(handler=run_restore)

    audit = subparsers.add_parser("audit", help="変更履歴（監査ログ）を表示・CSV 出力する")
    add_db_argument(audit)
    audit.add_argument("--person", help="この参加者 ID に関する履歴だけ")
    audit.add_argument("--out", type=Path, help="CSV ファイルに出力する（UTF-8 BOM 付き）")
    audit.add_argument("--cp932", action="store_true", help="CSV を Shift_JIS（CP932）で出力する")
    audit.add_argument("--limit", type=int, default=None, help="表示する件数（新しい順）")
    audit.set_defaults(handler=run_audit)

    retention = subparsers.add_parser("retention", help="長い間関わりのない参加者を一覧する（保存期間の確認）")
    add_db_argument(retention)
    # One period type with ホーム's setting (services.retention): years, months or 「18か月」 as typed there.
    period = retention.add_mutually_exclusive_group()
    period.add_argument("--years", type=int, help="この年数より長く関わりのない人")
    period.add_argument("--months", type=int, help="この月数より長く関わりのない人（例: 18）")
    period.add_argument("--period", help="期間を「5年」「18か月」のように（省略時はどれも、設定の保存期間。既定 5年）")
    retention.set_defaults(handler=run_retention)

    anonymise = subparsers.add_parser("anonymise", help="参加者の個人情報を消去する（集計用の記録は残す）")
    add_db_argument(anonymise)
    anonymise.add_argument("--person", required=True, help="参加者 ID")
    anonymise.add_argument("--yes", action="store_true", help="確認なしで実行する")
    anonymise.set_defaults(handler=run_anonymise)


def _folder_for(db_path: Path, given: Path | None) -> Path:
    folder = given or backup.configured_backup_dir(db_path)
    if given is None:
        backup.ensure_default_dir(folder)
    return folder


def run_backup(args: argparse.Namespace) -> int:
    # Opened as a reader first: a damaged file or another file's -wal is refused with check's words
    # (the copy itself is read through mode=ro, so it could not fold a -wal in either).
    refuse_on_server(args, "ファイルのバックアップ")
    folder = _folder_for(args.db, args.to)
    if args.list:  # a repair step (which backup to restore): works on a damaged file too
        infos = backup.list_backups(folder, args.db.stem)
        if not infos:
            print(f"「{folder}」に {args.db.stem} のバックアップはありません。")
        for info in infos:
            persons = "読めません" if info.person_count is None else f"参加者 {info.person_count:,} 名"
            print(f"{info.taken_at:%Y/%m/%d %H:%M:%S}  {info.reason_label:<6}  "
                  f"{file_size(info.size_bytes)}  {persons}  {info.path}")
        return 0
    policy = _retention(open_for_command(args))
    made = backup.make_backup(args.db, folder, "manual")
    removed = backup.rotate_backups(folder, args.db.stem, policy)
    from kankei_desktop.services.backups import backup_photos

    photos = backup_photos(folder)
    print(f"バックアップを作成しました: {made}（古いバックアップ {len(removed)} 件を整理、新しい写真 {photos} 枚をコピー）")
    return 0


def _retention(database) -> backup.RetentionPolicy:
    from kankei_desktop.services import backups

    try:
        with database.session() as session:
            return backups.retention(session)
    finally:
        database.close()


def run_restore(args: argparse.Namespace) -> int:
    from kankei_desktop.services import backups

    refuse_on_server(args, "バックアップからの復元")
    folder = _folder_for(args.db, args.backups)
    source = args.source
    if args.latest:
        info = backups.offer_after_damage(args.db, folder)
        if info is None:
            raise StoreError(f"「{folder}」に検査に通る {args.db.stem} のバックアップがありません。")
        source = info.path
        print(f"{info.taken_at:%Y/%m/%d %H:%M} のバックアップから復元します: {source}")
    kept = backups.restore(args.db, source, folder)
    if kept is not None:
        print(f"復元前のファイルを残しました: {kept}")
    print(f"復元しました: {args.db}")
    return 0


def run_audit(args: argparse.Namespace) -> int:
    from kankei_desktop.services import audit_log
    from kankei_desktop.store import audit

    database = open_for_command(args)
    try:
        with database.session() as session:
            rows = audit_log.list_entries(session, person_id=args.person, limit=args.limit)
            if args.out:
                lines = audit_log.export_csv(rows, args.out, encoding="cp932" if args.cp932 else "utf-8-sig")
                audit.record(session, "export", "audit_log", args.person or "",
                             {"file": args.out.name, "entries": len(rows)})
                print(f"{len(rows):,} 件（{lines:,} 行）を出力しました: {args.out}")
                return 0
    finally:
        database.close()
    for row in rows:
        head = f"{row.at:%Y/%m/%d %H:%M:%S}  {row.user}  {row.action_label}  {row.entity_label} {row.entity_id}"
        print(head)
        for change in row.changes:
            print(f"    {audit_log.field_label(change.field, row.entity)}: {audit_log._text(change.before)} → {audit_log._text(change.after)}")
        if row.details:
            print(f"    {audit_log._text(row.details)}")
    if not rows:
        print("履歴はありません。")
    return 0


def run_anonymise(args: argparse.Namespace) -> int:
    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services import backups, privacy

    database = open_for_command(args)
    try:
        with database.session() as session:
            person = session.get(Person, args.person)
            name = person.name if person is not None else None
            policy = backups.retention(session)
        if name is not None and not args.yes:
            if sys.stdin is None or not sys.stdin.isatty():
                # No terminal: an answer may still be piped in; nothing at all is no consent.
                answer = sys.stdin.readline() if sys.stdin is not None else ""
                if not answer:
                    print(f"確認できる端末がないため、消去していません。消去するには --yes を付けて実行してください"
                          f"（anonymise --db {args.db} --person {args.person} --yes）。", file=sys.stderr)
                    return 2
            else:
                answer = input(f"「{name}」さんの個人情報を消去します。元に戻せません。よろしいですか？ [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "はい"):
                print("中止しました。", file=sys.stderr)
                return 1
        result = privacy.anonymise_and_purge(database, args.person)
    finally:
        database.close()
    print(f"個人情報を消去しました（関連する記録 {result.rows_cleared} 件、"
          f"履歴 {result.audit_entries_scrubbed} 件、写真 {result.files_removed} 件）。"
          "集計用の記録は残っています。")
    print(privacy.backup_note(policy))
    return 0


def run_retention(args: argparse.Namespace) -> int:
    from kankei_desktop.services import privacy, retention

    for name, value in (("--years", args.years), ("--months", args.months)):
        if value is not None and value < 1:
            raise StoreError(f"{name} は 1 以上で指定してください。")
    period = (f"{args.years}年" if args.years is not None else f"{args.months}か月" if args.months is not None
              else args.period)
    database = open_for_command(args)
    try:
        with database.session() as session:
            period = retention.period_of(session, period)  # none given: the setting of ホーム
            persons = privacy.dormant_persons(session, period)
    finally:
        database.close()
    for person in persons:
        last = f"{person.last_activity_on:%Y/%m/%d}" if person.last_activity_on else "記録なし"
        print(f"{person.person_id}  {person.name}  最終関わり日 {last}  登録 {person.registered_on:%Y/%m/%d}")
    print(f"保存期間 {period} より長く関わりのない参加者: {len(persons):,} 名。"
          "不要になった個人情報は anonymise で消去できます（集計用の記録は残ります）。")
    return 0
