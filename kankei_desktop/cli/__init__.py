"""``kankei-desktop``: the GUI with no sub-command, headless sub-commands otherwise.

Each command group lives in its own module with a ``register(subparsers)``
function; add the module to ``COMMAND_MODULES``. A command handler returns an
exit code; a ``KankeiError`` becomes one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from pathlib import Path

from kankei_desktop import APP_NAME_JA, __version__
from kankei_desktop.domain.errors import KankeiError

COMMAND_MODULES = (
    "kankei_desktop.cli.database",
    "kankei_desktop.cli.safety",
    "kankei_desktop.cli.programmes",
    "kankei_desktop.cli.mail",
    "kankei_desktop.cli.stays",
    "kankei_desktop.cli.exchange",
    "kankei_desktop.cli.selftest",
    "kankei_desktop.cli.reporting",
    "kankei_desktop.cli.settings",
    "kankei_desktop.cli.indicators",
    "kankei_desktop.cli.rosters",
    "kankei_desktop.cli.offices",
    "kankei_desktop.cli.server",
)


def database_location(value: str):
    """``--db``: a file path, or a PostgreSQL server's URL (``postgresql://user@host/dbname``).

    A URL is read by ``store.server`` (imported only then: a file path costs nothing)."""
    scheme, sep, _rest = value.partition("://")
    if not sep or scheme.lower() not in ("postgresql", "postgres", "postgresql+psycopg"):
        return Path(value)
    from kankei_desktop.store.server import ServerAddress

    try:
        return ServerAddress(value)
    except KankeiError as error:
        raise argparse.ArgumentTypeError(error.message) from error


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=database_location,
                        help="データベースファイル、または PostgreSQL サーバーの URL（省略時はユーザーのデータフォルダー）")
    parser.add_argument("--demo", action="store_true", help="デモデータの入った新しいデータベースで画面を開く")


class _NotTheGuiPath(Exception):
    pass


class _GuiParser(argparse.ArgumentParser):
    def error(self, message: str):  # the full parser will say it properly
        raise _NotTheGuiPath(message)


# Commands whose module is known without importing the others: ``selftest --startup-only``
# times the start-up, so it must not pay for the store-heavy command modules either.
_SELF_CONTAINED_COMMANDS = {"selftest": "kankei_desktop.cli.selftest"}


def _global_options(argv: list[str]) -> tuple[argparse.Namespace, list[str]] | None:
    """The window's own options and the rest of ``argv``, without building any command's parser;
    None when the options themselves are wrong (the full parser then says what is wrong)."""
    parser = _GuiParser(prog="kankei-desktop", add_help=False)
    _add_global_options(parser)
    try:
        return parser.parse_known_args(argv)
    except _NotTheGuiPath:
        return None


def _command_name(argv: list[str]) -> str | None:
    parsed = _global_options(argv)
    if parsed is None:
        return None
    rest = parsed[1]
    return rest[0] if rest and not rest[0].startswith("-") else None


def parse_gui_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The options when ``argv`` only opens the window, else None.

    Every command module imports the store and its services, a good part of the
    start-up; the window needs none of them, so it skips building their parsers.
    Anything else (a command, --help, --version, a mistake) goes to the full parser.
    """
    parsed = _global_options(argv)
    if parsed is None or parsed[1]:
        return None
    args = parsed[0]
    args.command = None
    return args


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kankei-desktop",
        description=f"{APP_NAME_JA}: 関係人口コーディネーターのための記録・集計アプリ。"
        "サブコマンドなしで起動すると画面を開きます。",
    )
    parser.add_argument("--version", action="version", version=f"kankei-desktop {__version__}")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in modules:
        importlib.import_module(module_name).register(subparsers)
    from kankei_desktop.cli.access import declare

    declare(parser)  # every command has a declared class: writer, reader, repair, no database
    return parser


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    args = parse_gui_arguments(argv)
    if args is None:
        only = _SELF_CONTAINED_COMMANDS.get(_command_name(argv) or "")
        args = build_parser((only,) if only else COMMAND_MODULES).parse_args(argv)
    try:
        if args.command is None:
            from kankei_desktop.ui.app import run_gui  # Qt is loaded only for the GUI

            return run_gui(db_path=args.db, demo=args.demo)
        return int(args.handler(args) or 0)
    except KankeiError as error:
        print(f"エラー: {error.message}", file=sys.stderr)
        return 2
    except Exception as error:
        from kankei_desktop.cli.access import damaged_message, is_damage
        from kankei_desktop.store.probe import disk_full_message, disk_is_full

        original = getattr(error, "orig", None) or error
        where = getattr(original, "filename", None) or getattr(args, "db", None) or Path.cwd() / "x"
        if isinstance(original, (OSError, sqlite3.Error)) and disk_is_full(Path(where), original):
            print(f"エラー: {disk_full_message(Path(where))}", file=sys.stderr)
            return 2
        if type(getattr(args, "db", None)).__name__ == "ServerAddress":
            from kankei_desktop.store.server import error_message

            message = error_message(error, args.db)  # the server went away, rights, TLS…
            if message:
                print(f"エラー: {message}", file=sys.stderr)
                return 2
        if not is_damage(error):
            raise
        # A damaged page met while reading: check's one line, not a traceback.
        print(f"エラー: {damaged_message(getattr(args, 'db', None), error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 130


def gui_main() -> int:
    return main(sys.argv[1:])


def add_db_argument(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--db", type=database_location, required=required,
                        help="データベースファイル、または postgresql://ユーザー@サーバー/データベース名")


def date_argument(text: str):
    """An argparse ``type`` for a date: 2026/11/27, 2026-11-27 or 和暦 (``parse_date``), as everywhere;
    a wrong one is refused with parse_date's own words. The calendar is imported only when a date is read."""
    from kankei_desktop.domain.calendar import parse_date

    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
