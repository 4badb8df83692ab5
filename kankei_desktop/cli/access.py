"""How each sub-command may open the coordinator file: declared here, in one place.

- ``WRITER``: changes the file (a row, an audit entry, a new file). Takes the
  one-writer lock, so it is refused with who holds it (user, machine, since when)
  while the window or another writer has the file; refuses a damaged file.
- ``READER``: only reads. No lock; every connection is ``mode=ro``, so it can
  neither write nor fold a -wal into the file; a -wal written for another file,
  a damaged file or one that needs a migration is refused.
- ``REPAIR``: ``check`` and ``restore``, the only commands that work on a damaged
  file; each opens the file its own way (``check`` read-only, ``restore`` under the lock).
- ``NO_DATABASE``: never opens a coordinator file.

``build_parser`` refuses to build a parser with a command missing here, and
handlers open the file only through ``open_for_command`` (a unit test checks
that no command module calls ``open_database`` itself). The table is also
stated in docs/decisions.md ("Which commands write").
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from kankei_desktop.domain.errors import StoreError

WRITER, READER, REPAIR, NO_DATABASE = "writer", "reader", "repair", "no-database"

COMMAND_ACCESS: dict[str, str] = {
    "init": WRITER,
    "check": REPAIR,
    "backup": READER,
    "restore": REPAIR,
    "audit": READER,  # --out: WRITER (the export is recorded in the audit log)
    "retention": READER,
    "anonymise": WRITER,
    "programmes list": READER,
    "programmes create": WRITER,
    "programmes enroll": WRITER,
    "duplicates": READER,
    "labels": WRITER,  # records who printed whose address
    "carrier-csv": WRITER,  # records the export
    "followups": READER,
    "stays-ics": READER,
    "host-schedule": READER,
    "stays list": READER,
    "stays add": WRITER,
    "stays status": WRITER,
    "person-days": READER,
    "import": WRITER,  # --dry-run too: activity rows are checked by writing them in a savepoint it rolls back
    "export": WRITER,  # records the export
    "template": NO_DATABASE,
    "selftest": NO_DATABASE,  # works in a temporary folder of its own
    "stats": READER,
    "report": WRITER,  # records the report
    "roster": WRITER,  # records who printed or exported whose names
    "exchange office": READER,  # --name/--rename: WRITER
    "exchange peer-add": WRITER,
    "exchange copy": WRITER,
    "exchange export": WRITER,  # counts the package sent to the peer
    "exchange import": WRITER,
    "exchange status": READER,
    "exchange conflicts": READER,  # --keep: WRITER
    "exchange backup": READER,
    "exchange restore": REPAIR,  # like restore: brings back a damaged file, takes the lock itself
    "settings list": READER,
    "settings set": WRITER,
    "indicators list": READER,
    "indicators create": WRITER,
    "indicators edit": WRITER,
    "indicators archive": WRITER,
    "indicators set": WRITER,
    "indicators import": WRITER,  # --dry-run too: the check writes inside a transaction it rolls back
    "indicators template": NO_DATABASE,
    # A PostgreSQL server's own commands (cli/server.py); on a file they open it, then say so.
    "server init": WRITER,  # an empty server database: schema, roles, first administrator
    "server user add": WRITER,
    "server user list": READER,
    "server user role": WRITER,
    "server grant": WRITER,  # opening migrates an older schema; then the roles' grants again
    "server backup": READER,  # writes only the new backup file
    "server restore": WRITER,  # into a new, empty server database
    "migrate": READER,  # of its --from; the --to is a new store it creates
}

# Options that change a command's class: (command, option dest, class when the option is set).
OPTION_ACCESS: tuple[tuple[str, str, str], ...] = (
    ("audit", "out", WRITER),
    ("backup", "list", REPAIR),  # lists the backup folder: the way to pick one to restore
    ("exchange office", "name", WRITER),
    ("exchange office", "rename", WRITER),
    ("exchange conflicts", "keep", WRITER),
)


class UndeclaredCommandError(RuntimeError):
    """A sub-command was added without a class in ``COMMAND_ACCESS``."""


def leaf_commands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    """Every runnable sub-command of ``parser`` by its path ("stays add"), read from the parser itself."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:  # argparse keeps sub-parsers only here
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            path = f"{prefix} {name}".strip()
            children = leaf_commands(sub, path)
            found.update(children or {path: sub})
    return found


def declare(parser: argparse.ArgumentParser) -> None:
    """Stamp each sub-command with its path; refuse a command without a declared class."""
    for path, sub in leaf_commands(parser).items():
        if path not in COMMAND_ACCESS:
            raise UndeclaredCommandError(
                f"sub-command '{path}' has no class in kankei_desktop/cli/access.py COMMAND_ACCESS"
            )
        sub.set_defaults(command_path=path)


def access_of(args: argparse.Namespace) -> str:
    path = getattr(args, "command_path", None) or args.command
    access = COMMAND_ACCESS[path]
    for command, dest, changed in OPTION_ACCESS:
        if command == path and getattr(args, dest, None):
            access = changed
    return access


def open_for_command(args: argparse.Namespace, path: Path | None = None):
    """The file of ``args.db`` (or ``path``) opened the way the command's class allows."""
    from kankei_desktop.store import open_database

    access = access_of(args)
    target = path or args.db
    target = target if is_server(target) else Path(target)
    if access == WRITER:
        return open_database(target, lock=True, move_damaged=False)
    if access == READER:
        return open_database(target, read_only=True)
    raise StoreError(f"「{getattr(args, 'command_path', args.command)}」はデータベースを開きません。")


def is_server(target) -> bool:
    return type(target).__name__ == "ServerAddress"  # without importing the store


def open_server_to_check(args: argparse.Namespace):
    """``check --db URL``: a server database read-only (its pages are the server's to check)."""
    from kankei_desktop.store import open_database

    return open_database(args.db, read_only=True)


def refuse_on_server(args: argparse.Namespace, what: str) -> None:
    """The file-only commands (file backups, restore, the page check) on a server database."""
    if is_server(getattr(args, "db", None)):
        raise StoreError(
            f"サーバーのデータベース「{args.db}」では{what}はできません。サーバーのバックアップと検査は"
            "サーバーの管理者が行います（docs/decisions.md「PostgreSQL サーバー」）。"
        )


def damaged_message(db_path: Path | None, error: BaseException) -> str:
    """``check``'s words for a damage found while a command was already reading."""
    from kankei_desktop.store import backup
    from kankei_desktop.store.database import describe_newest_backup

    if db_path is None:
        return f"データベースが壊れています（{error}）。check で検査してください。"
    folder = backup.configured_backup_dir(db_path)
    newest = backup.newest_verified_backup(folder, Path(db_path).stem)
    return f"「{db_path}」は破損しています（{error}）。{describe_newest_backup(newest)}"


def is_damage(error: BaseException) -> bool:
    from kankei_desktop.store.probe import DAMAGE_WORDS

    original = getattr(error, "orig", None) or error
    return isinstance(original, sqlite3.DatabaseError) and any(word in str(original) for word in DAMAGE_WORDS)
