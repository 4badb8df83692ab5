"""``server init|user|backup|restore`` and ``migrate``: a shared PostgreSQL server's own commands.

Each opens through ``cli/access`` first, so a file named by mistake is refused the way every
command refuses it (held by the window, another file's -wal, damaged); a file that opens is
then told what the command is for.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kankei_desktop.cli import add_db_argument, database_location
from kankei_desktop.cli.access import is_server, open_for_command
from kankei_desktop.domain.errors import StoreError


def register(subparsers) -> None:
    server = subparsers.add_parser("server", help="PostgreSQL サーバーの役割・利用者・バックアップ")
    commands = server.add_subparsers(dest="server_command", metavar="COMMAND", required=True)

    init = commands.add_parser("init", help="空のデータベースにスキーマ、役割、最初の管理者を作る")
    add_db_argument(init)
    init.add_argument("--admin", required=True, help="最初の管理者のログイン名（パスワードは psql の \\password で）")
    init.add_argument("--demo", action="store_true", help="デモデータを入れる")
    init.set_defaults(handler=run_init)

    user = commands.add_parser("user", help="利用者と役割（管理者だけ）")
    users = user.add_subparsers(dest="user_command", metavar="COMMAND", required=True)
    add = users.add_parser("add", help="利用者を作り、役割を与える")
    add_db_argument(add)
    add.add_argument("--name", required=True, help="ログイン名")
    add.add_argument("--role", required=True, help="コーディネーター / 閲覧者 / 管理者（coordinator / viewer / admin）")
    add.set_defaults(handler=run_user_add)
    listing = users.add_parser("list", help="利用者と役割の一覧")
    add_db_argument(listing)
    listing.set_defaults(handler=run_user_list)
    role = users.add_parser("role", help="利用者の役割を変える")
    add_db_argument(role)
    role.add_argument("--name", required=True, help="ログイン名")
    role.add_argument("--role", required=True, help="コーディネーター / 閲覧者 / 管理者")
    role.set_defaults(handler=run_user_role)

    grant = commands.add_parser("grant", help="移行（プログラムの更新）のあとで役割の権限を表に付け直す（表の所有者が実行）")
    add_db_argument(grant)
    grant.set_defaults(handler=run_grant)

    dump = commands.add_parser("backup", help="一貫したバックアップ（pg_dump の custom 形式、なければ検査済みのファイル）")
    add_db_argument(dump)
    dump.add_argument("--out", type=Path, required=True, help="バックアップの出力先（.dump または .sqlite3）")
    dump.set_defaults(handler=run_backup)
    back = commands.add_parser("restore", help="バックアップ（.dump）を新しい空のデータベースに復元する")
    add_db_argument(back)
    back.add_argument("--from", dest="source", type=Path, required=True, help="server backup が作った .dump")
    back.set_defaults(handler=run_restore)

    migrate = subparsers.add_parser("migrate", help="ファイルとサーバーの間でデータを移す（件数と内容を照合）")
    migrate.add_argument("--from", "--db", dest="db", type=database_location, required=True,
                         help="移す元（ファイル、または postgresql://…）")
    migrate.add_argument("--to", dest="target", type=database_location, required=True,
                         help="移す先（新しいファイル、または空のサーバーのデータベース）")
    migrate.add_argument("--photos", type=Path,
                         help="写真をこのフォルダーにコピーする（サーバーの写真の共有フォルダー。省略時: ファイルへは"
                              "このコンピューターの写真フォルダー、サーバーへは設定された共有フォルダー）")
    migrate.set_defaults(handler=run_migrate)


def _server_only(args: argparse.Namespace, what: str) -> None:
    """A file: refused the usual ways by opening it, then told this is the server's command."""
    database = open_for_command(args)
    database.close()
    raise StoreError(f"{what}はサーバーのデータベース（postgresql://…）のための操作です。ファイルには役割がありません。")


def run_init(args: argparse.Namespace) -> int:
    if not is_server(args.db):
        _server_only(args, "server init")
    from kankei_desktop.services import server_roles
    from kankei_desktop.store import create_database

    if _require_role_rights(args.db):
        return _roles_only(args)  # a restored (or migrated-to) database: our schema, no roles yet
    database = create_database(args.db)  # refused unchanged unless the database is empty
    try:
        try:
            with database.engine.begin() as connection:
                made = server_roles.create_roles(connection, args.admin)
        except Exception:
            _drop_schema(database)
            raise
        if args.demo:
            from kankei_desktop.services import demo

            with database.session() as session:
                print(f"デモデータを作成しました: {demo.load_demo_data(session)}")
    finally:
        database.close()
    print(f"データベースを作成しました: {args.db}")
    print(f"役割: {'、'.join(made) or '（既存）'}。最初の管理者: {args.admin}"
          "（パスワードは psql の \\password で設定し、各自の .pgpass か OS のキーリングに保存します）")
    return 0


def _require_role_rights(address) -> bool:
    """Refused before anything is made: roles need CREATEROLE (or a superuser). True when the
    database already holds our schema at this program's version but not yet its roles."""
    from sqlalchemy import text

    from kankei_desktop.services.server_roles import group_name
    from kankei_desktop.store import migrations
    from kankei_desktop.store.server import _connect_check, _state, make_engine

    engine = make_engine(address)
    try:
        with _connect_check(engine, address) as connection:
            user, allowed = connection.execute(text(
                "SELECT rolname, rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).one()
            revision, _tables = _state(connection)
            roles = connection.execute(text("SELECT count(*) FROM pg_roles WHERE rolname = :r"),
                                       {"r": group_name(address.name, "admin")}).scalar_one()
    finally:
        engine.dispose()
    if not allowed:
        raise StoreError(f"ユーザー「{user}」には役割を作る権限（CREATEROLE）がありません。server init はサーバーの管理者"
                         "（CREATEROLE を持つユーザー）で実行してください。何も変更していません。")
    if revision is not None and roles:
        raise StoreError(f"「{address}」にはすでにデータと役割があります。プログラムの更新のあとで役割の権限を付け直すには"
                         " server grant を使います。何も変更していません。")
    return revision == migrations.head_revision() and not roles


def _roles_only(args: argparse.Namespace) -> int:
    from kankei_desktop.services import server_roles
    from kankei_desktop.store.server import make_engine

    if args.demo:
        raise StoreError("このデータベースにはすでにデータがあります。--demo は空のデータベースにだけ使えます。何も変更していません。")
    engine = make_engine(args.db)
    try:
        with engine.begin() as connection:
            made = server_roles.create_roles(connection, args.admin)
    finally:
        engine.dispose()
    print(f"既存のデータベース「{args.db}」に役割を作成しました: {'、'.join(made)}。最初の管理者: {args.admin}")
    return 0


def _drop_schema(database) -> None:
    """The roles could not be made (no right to create roles): the schema goes too — nothing changed."""
    from sqlalchemy import text
    from sqlmodel import SQLModel

    with database.engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        connection.execute(text("DROP FUNCTION IF EXISTS person_first_tie() CASCADE"))


def _roles_session(args: argparse.Namespace, what: str):
    if not is_server(args.db):
        _server_only(args, what)
    return open_for_command(args)


def run_user_add(args: argparse.Namespace) -> int:
    from kankei_desktop.services import server_roles

    role = server_roles.role_key(args.role)
    database = _roles_session(args, "server user add")
    try:
        with database.engine.begin() as connection:
            server_roles.add_user(connection, args.name, role)
    finally:
        database.close()
    print(f"利用者「{args.name}」を{server_roles.ROLES[role]}として作成しました"
          "（パスワードは psql の \\password で設定します）。")
    return 0


def run_user_role(args: argparse.Namespace) -> int:
    from kankei_desktop.services import server_roles

    role = server_roles.role_key(args.role)
    database = _roles_session(args, "server user role")
    try:
        with database.engine.begin() as connection:
            server_roles.set_role(connection, args.name, role)
    finally:
        database.close()
    print(f"利用者「{args.name}」の役割を{server_roles.ROLES[role]}にしました。")
    return 0


def run_grant(args: argparse.Namespace) -> int:
    from kankei_desktop.services import server_roles

    database = _roles_session(args, "server grant")  # opening migrates an older schema first
    try:
        with database.engine.begin() as connection:
            tables = server_roles.reapply_grants(connection)
    finally:
        database.close()
    print(f"役割の権限を表 {len(tables)} 個に付け直しました（閲覧者は個人の情報以外の列だけ読めます）。")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    from kankei_desktop.services import server_roles

    database = open_for_command(args)
    try:
        if not database.is_server:
            print(f"「{args.db}」はファイルです。ファイルには利用者の役割はありません（開いた人が読み書きします）。")
            return 0
        with database.engine.connect() as connection:
            users = server_roles.list_users(connection)
    finally:
        database.close()
    if not users:
        print("このデータベースの役割に属する利用者はいません（server init で作成します）。")
    for name, role in users:
        print(f"{name}\t{server_roles.ROLES[role]}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from kankei_desktop.store import server_backup

    database = open_for_command(args)
    try:
        if database.is_server and server_backup.tool("pg_dump") and args.out.suffix != ".sqlite3":
            tables = server_backup.dump(database.path, args.out)
            print(f"バックアップを作成しました（pg_dump custom 形式、表 {len(tables)} 個を確認）: {args.out}")
            return 0
        return _verified_copy(database, args.out, "バックアップ")
    finally:
        database.close()


def run_restore(args: argparse.Namespace) -> int:
    from kankei_desktop.store import server_backup

    if not is_server(args.db):
        _server_only(args, "server restore")
    from kankei_desktop.store.server import _connect_check, _state, make_engine

    engine = make_engine(args.db)
    try:
        with _connect_check(engine, args.db) as connection:
            _revision, tables = _state(connection)
    finally:
        engine.dispose()
    if tables:
        raise StoreError(f"復元先「{args.db}」は空ではありません（表 {len(tables)} 個）。空のデータベースを用意してください。何も変更していません。")
    server_backup.restore(args.source, args.db)
    database = open_for_command(args)  # opens (and migrates an older dump) like any writer
    database.close()
    print(f"「{args.source}」を「{args.db}」に復元しました。役割は server init --db（同じ URL）--admin 名前 で付けます。")
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    source = open_for_command(args)
    try:
        return _verified_copy(source, args.target, "移行", photos=args.photos, photos_along=True)
    finally:
        source.close()


def _verified_copy(source, target, what: str, photos: Path | None = None, photos_along: bool = False) -> int:
    """Copy ``source`` into a new ``target`` and compare; ``photos_along`` (migrate): the photos go
    to ``photos``, else to where the target keeps them (a file's attachments/, a server's shared
    folder); a server with no shared folder named gets none, and the output says so."""
    from kankei_desktop.services import transfer
    from kankei_desktop.store import create_database

    if not is_server(target) and Path(target).exists():
        raise StoreError(f"「{target}」はすでにあります。新しいファイル名を指定してください。何も変更していません。")
    made = create_database(target)
    try:
        transfer.copy_all(source, made)
        results = transfer.compare(source, made)
        folder = photos if photos is not None or not photos_along else transfer.photos_target(made)
        if folder is not None:
            copied, missing = transfer.copy_photos(source, folder)
        # Not set here: the moved content must equal the source's, setting rows and audit included.
        unnamed = photos is not None and made.is_server and transfer.photos_target(made) is None
        left_behind = len(transfer.photo_rows(source)) if folder is None and photos_along else 0
    finally:
        made.close()
    print(f"{what}: {source.path} → {target}")
    for item in results:
        print(f"  {item.label}: {item.source:,} → {item.target:,} 件  {'一致' if item.same else '不一致'}")
    if folder is not None:
        print(f"  写真: {copied} 枚を「{folder}」で確認" + (f"（元の写真フォルダーにない写真 {len(missing)} 枚）" if missing else ""))
    if unnamed:
        print(f"  サーバーの「写真の共有フォルダー」はまだ決まっていません。管理者が「設定」で指定するか、"
              f"settings set --db {target} shared_photo_folder {photos.absolute()} としてください"
              f"（コーディネーターのパソコンから見た場所で）。")
    if left_behind:
        print(f"  写真 {left_behind} 枚はコピーしていません: サーバーの「写真の共有フォルダー」が決まっていません。"
              f"--photos 共有フォルダー を付けて移すと、そこへコピーします。")
    if not all(item.same for item in results):
        raise StoreError(f"{what}先の内容が元と一致しません（上の「不一致」）。{target} は使わないでください。")
    print(f"{what}が完了し、すべての種類の件数と内容が一致しました。")
    return 0
