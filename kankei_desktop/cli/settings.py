"""``settings list`` / ``settings set``: the values the carrier CSVs need, headless.

Only the settings in ``services.carrier_export.CLI_SETTINGS`` (B2クラウド contract values and the
sender: the organisation's name, 〒, address and phone) and the retention period (「5年」「18か月」,
which ``retention`` and ホーム use) and, for a server, the shared photo folder can be set here;
each is checked by the same rule as in the window's 設定 page, and a refused value changes nothing.
"""

from __future__ import annotations

import argparse

from kankei_desktop.cli import add_db_argument
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.cli.access import open_for_command


def register(subparsers) -> None:
    settings = subparsers.add_parser("settings", help="送り状に必要な設定（B2 請求先顧客コード、差出人の住所・電話）を表示・変更する")
    actions = settings.add_subparsers(dest="settings_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="変更できる設定と今の値を表示する")
    add_db_argument(listing)
    listing.set_defaults(handler=run_list)
    change = actions.add_parser("set", help="設定を変更する（例: settings set --db F yamato_b2_customer_code 046575112201）")
    add_db_argument(change)
    change.add_argument("key", metavar="KEY", help="設定の名前（settings list で表示）")
    change.add_argument("value", help="新しい値（空にするときは \"\"）")
    change.set_defaults(handler=run_set)


def _settable() -> dict:
    from kankei_desktop.services.attachments import SHARED_PHOTO_FOLDER
    from kankei_desktop.services.carrier_export import CLI_SETTINGS
    from kankei_desktop.services.retention import RETENTION_PERIOD

    return {**CLI_SETTINGS, RETENTION_PERIOD.key: RETENTION_PERIOD, SHARED_PHOTO_FOLDER.key: SHARED_PHOTO_FOLDER}


def run_list(args: argparse.Namespace) -> int:
    from kankei_desktop.services.settings_store import get

    CLI_SETTINGS = _settable()

    database = open_for_command(args)
    try:
        with database.session() as session:
            for key, declared in CLI_SETTINGS.items():
                value = get(session, declared)
                print(f"{key}\t{value if value not in (None, '') else '（未設定）'}\t{declared.label}")
    finally:
        database.close()
    return 0


def run_set(args: argparse.Namespace) -> int:
    from kankei_desktop.services.settings_store import save

    CLI_SETTINGS = _settable()

    declared = CLI_SETTINGS.get(args.key)
    if declared is None:
        raise ValidationError({"key": f"設定「{args.key}」はここでは変更できません（変更できるもの: "
                                      f"{'、'.join(CLI_SETTINGS)}）。"})
    database = open_for_command(args)
    try:
        with database.session() as session:
            try:
                stored = save(session, {declared: args.value})
            except ValidationError as refused:
                raise ValidationError({declared.key: refused.errors[declared.key]}) from None
    finally:
        database.close()
    value = stored[declared.key]
    print(f"「{declared.label}」を {value if value != '' else '（空）'} にしました。")
    return 0
