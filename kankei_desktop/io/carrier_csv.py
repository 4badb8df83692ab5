"""Shipments as the import CSV of the carriers' label software.

- ヤマト運輸 B2クラウド, 外部データから発行 → 基本レイアウト (``yamato-b2``)
- 日本郵便 ゆうパックプリントR, 外部データ取込 with a registered filter (``yupack``)

Both: CP932, CRLF, one header row. Column orders, codes and sources are in
``docs/carriers.md``. A character CP932 cannot hold is never replaced: the whole
export is refused with every such cell listed by row, so a label never goes
out with a wrong name.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.enums import ShipmentStatus
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Host, Person, Shipment
from kankei_desktop.services.settings_store import ORGANISATION_NAME, Declared, digit_code, get, short_code
from kankei_desktop.store import audit

# Formats as B2クラウド takes them: the customer code is digits only (often the contract phone
# number plus a two-digit branch), the class code up to 3 letters or digits, the freight number 2 digits.
YAMATO_CUSTOMER_CODE = Declared("yamato_b2_customer_code", "", "ヤマト B2クラウド 請求先顧客コード",
                                digit_code((10, 11, 12), hint="（ハイフンなし）"))
YAMATO_CUSTOMER_CLASS = Declared("yamato_b2_customer_class", "", "ヤマト B2クラウド 請求先分類コード", short_code(3))
YAMATO_FREIGHT_NUMBER = Declared("yamato_b2_freight_number", "01", "ヤマト B2クラウド 運賃管理番号",
                                 digit_code((2,), required=True))

FORMATS = ("yamato-b2", "yupack")

# B2クラウド 基本レイアウト: 95 columns. Names as printed in ヤマト's layout sheet.
YAMATO_B2_COLUMNS = (
    "お客様管理番号", "送り状種類", "クール区分", "伝票番号", "出荷予定日", "お届け予定日", "配達時間帯",
    "お届け先コード", "お届け先電話番号", "お届け先電話番号枝番", "お届け先郵便番号", "お届け先住所",
    "お届け先アパートマンション名", "お届け先会社・部門１", "お届け先会社・部門２", "お届け先名", "お届け先名(ｶﾅ)",
    "敬称", "ご依頼主コード", "ご依頼主電話番号", "ご依頼主電話番号枝番", "ご依頼主郵便番号", "ご依頼主住所",
    "ご依頼主アパートマンション", "ご依頼主名", "ご依頼主名(ｶﾅ)", "品名コード１", "品名１", "品名コード２", "品名２",
    "荷扱い１", "荷扱い２", "記事", "ｺﾚｸﾄ代金引換額（税込)", "内消費税額等", "止置き", "営業所コード", "発行枚数",
    "個数口表示フラグ", "請求先顧客コード", "請求先分類コード", "運賃管理番号",
    "クロネコwebコレクトデータ登録", "クロネコwebコレクト加盟店番号", "クロネコwebコレクト申込受付番号１",
    "クロネコwebコレクト申込受付番号２", "クロネコwebコレクト申込受付番号３", "お届け予定ｅメール利用区分",
    "お届け予定ｅメールe-mailアドレス", "入力機種", "お届け予定ｅメールメッセージ", "お届け完了ｅメール利用区分",
    "お届け完了ｅメールe-mailアドレス", "お届け完了ｅメールメッセージ", "クロネコ収納代行利用区分", "予備",
    "収納代行請求金額(税込)", "収納代行内消費税額等", "収納代行請求先郵便番号", "収納代行請求先住所",
    "収納代行請求先住所（アパートマンション名）", "収納代行請求先会社・部門名１", "収納代行請求先会社・部門名２",
    "収納代行請求先名(漢字)", "収納代行請求先名(カナ)", "収納代行問合せ先名(漢字)", "収納代行問合せ先郵便番号",
    "収納代行問合せ先住所", "収納代行問合せ先住所（アパートマンション名）", "収納代行問合せ先電話番号",
    "収納代行管理番号", "収納代行品名", "収納代行備考", "複数口くくりキー",
    "検索キータイトル1", "検索キー1", "検索キータイトル2", "検索キー2", "検索キータイトル3", "検索キー3",
    "検索キータイトル4", "検索キー4", "検索キータイトル5", "検索キー5", "予備", "予備",
    "投函予定メール利用区分", "投函予定メールe-mailアドレス", "投函予定メールメッセージ",
    "投函完了メール（お届け先宛）利用区分", "投函完了メール（お届け先宛）e-mailアドレス",
    "投函完了メール（お届け先宛）メールメッセージ", "投函完了メール（ご依頼主宛）利用区分",
    "投函完了メール（ご依頼主宛）e-mailアドレス", "投函完了メール（ご依頼主宛）メールメッセージ",
)

# ゆうパックプリントR: read through a 取込フィルタ registered once (docs/carriers.md).
YUPACK_COLUMNS = (
    "お客様側管理番号", "発送予定日", "発送予定時間区分", "郵便種別", "保冷種別", "元/着払/代引",
    "書留/セキュリティ/特定記録種別", "配達時間帯指定", "送り状種別",
    "お届け先 コード", "お届け先 郵便番号", "お届け先 住所1", "お届け先 住所2", "お届け先 住所3",
    "お届け先 名称1", "お届け先 名称2", "お届け先 敬称", "お届け先 電話番号",
    "ご依頼主 郵便番号", "ご依頼主 住所1", "ご依頼主 住所2", "ご依頼主 住所3", "ご依頼主 名称1", "ご依頼主 名称2",
    "ご依頼主 電話番号", "品名", "個数", "記事",
)


@dataclass(frozen=True)
class ShipmentAddress:
    """One parcel with both ends' addresses, as the carrier needs them."""

    shipment_id: str
    ship_on: date
    contents: str
    quantity: int
    person_name: str
    person_kana: str
    person_phone: str
    person_postal: str
    person_address: str  # prefecture + city + street
    person_building: str
    host_name: str
    host_phone: str
    host_postal: str
    host_address: str
    host_building: str


def _postal(code: str) -> str:
    return f"{code[:3]}-{code[3:]}" if len(code) == 7 else code


def select_shipments(session: Session, *, shipment_ids: Iterable[str] | None = None,
                     programme_id: str | None = None, only_prepared: bool = True) -> list[str]:
    """The shipments to export: the ids given, or a programme's (by default those still 準備中)."""
    query = select(Shipment.id, Shipment.deleted_at).join(Person, Person.id == Shipment.person_id)
    if shipment_ids is not None:
        # Tombstones filtered in Python: with deleted_at in the query SQLite walks every shipment.
        query = query.where(Shipment.id.in_(list(dict.fromkeys(shipment_ids))))
    else:
        query = query.where(Shipment.deleted_at.is_(None))
        if programme_id:
            query = query.where(Shipment.programme_id == programme_id)
        if only_prepared:
            query = query.where(Shipment.status == ShipmentStatus.PREPARED.value)
    rows = session.execute(query.order_by(Person.furigana_sort, Person.name)).all()
    return [shipment_id for shipment_id, deleted_at in rows if deleted_at is None]


def load_addresses(session: Session, shipment_ids: list[str], *, today: date,
                   require_complete: bool = True) -> list[ShipmentAddress]:
    """Both ends of each shipment; refuses (naming every one) when an address or phone is missing.

    ``require_complete=False`` leaves missing values empty instead (previews and benchmarks).
    """
    rows = []
    for start in range(0, len(shipment_ids), 500):
        chunk = shipment_ids[start:start + 500]
        rows += session.execute(
            select(Shipment, Person, Host).join(Person, Person.id == Shipment.person_id)
            .outerjoin(Host, Host.id == Shipment.host_id).where(Shipment.id.in_(chunk))
        ).all()
    order = {sid: i for i, sid in enumerate(shipment_ids)}
    rows.sort(key=lambda r: order[r[0].id])
    organisation = get(session, ORGANISATION_NAME)
    problems = []
    found = []
    for number, (shipment, person, host) in enumerate(rows, start=1):
        missing = [label for label, value in (("郵便番号", person.postal_code), ("住所", person.city or person.address_line),
                                              ("電話番号", person.phone)) if not value]
        if host is None:
            missing.append("差出人（農家）")
        else:
            missing += [f"差出人の{label}" for label, value in (("郵便番号", host.postal_code),
                                                              ("住所", host.city or host.address_line),
                                                              ("電話番号", host.phone)) if not value]
        if missing and require_complete:
            problems.append(f"{number}件目「{person.name}」さん宛: {'・'.join(missing)}がありません")
            continue
        host = host or Host(name=organisation)
        found.append(ShipmentAddress(
            shipment.id, shipment.shipped_on or max(shipment.prepared_on or today, today), shipment.contents,
            shipment.quantity, person.name, person.furigana, person.phone, _postal(person.postal_code),
            f"{person.prefecture}{person.city}{person.address_line}", person.address_building,
            host.name, host.phone, _postal(host.postal_code),
            f"{host.prefecture}{host.city}{host.address_line}", host.address_building,
        ))
    if problems:
        raise ValidationError({"shipments": "送り状データを作れません。住所録を直してからもう一度出力してください。\n"
                                            + "\n".join(problems)})
    return found


def _management_number(shipment_id: str, width: int) -> str:
    return shipment_id.replace("-", "")[:width]


def yamato_b2_rows(session: Session, addresses: list[ShipmentAddress]) -> list[list[str]]:
    customer = str(get(session, YAMATO_CUSTOMER_CODE) or "")
    customer_class = str(get(session, YAMATO_CUSTOMER_CLASS) or "")
    freight = str(get(session, YAMATO_FREIGHT_NUMBER) or "")
    rows = []
    for a in addresses:
        values = {
            "お客様管理番号": _management_number(a.shipment_id, 20),
            "送り状種類": "0",  # 発払い: the sender pays
            "クール区分": "0",  # 通常: rice travels unchilled
            "出荷予定日": a.ship_on.strftime("%Y/%m/%d"),
            "お届け先電話番号": a.person_phone,
            "お届け先郵便番号": a.person_postal,
            "お届け先住所": a.person_address,
            "お届け先アパートマンション名": a.person_building,
            "お届け先名": a.person_name,
            "敬称": "様",
            "ご依頼主電話番号": a.host_phone,
            "ご依頼主郵便番号": a.host_postal,
            "ご依頼主住所": a.host_address,
            "ご依頼主アパートマンション": a.host_building,
            "ご依頼主名": a.host_name,
            "品名１": a.contents,
            "発行枚数": "1",
            "個数口表示フラグ": "1" if a.quantity > 1 else "",
            "請求先顧客コード": customer,
            "請求先分類コード": customer_class,
            "運賃管理番号": freight,
        }
        row = [""] * len(YAMATO_B2_COLUMNS)
        for name, value in values.items():
            row[YAMATO_B2_COLUMNS.index(name)] = value
        if a.quantity > 1:
            row[YAMATO_B2_COLUMNS.index("発行枚数")] = str(a.quantity)
        rows.append(row)
    return rows


def yupack_rows(session: Session, addresses: list[ShipmentAddress]) -> list[list[str]]:
    rows = []
    for a in addresses:
        values = {
            "お客様側管理番号": _management_number(a.shipment_id, 15),
            "発送予定日": a.ship_on.strftime("%Y%m%d"),
            "郵便種別": "0",  # ゆうパック
            "保冷種別": "0",  # 保冷なし
            "元/着払/代引": "0",  # 元払い
            "お届け先 郵便番号": a.person_postal,
            "お届け先 住所1": a.person_address,
            "お届け先 住所3": a.person_building,
            "お届け先 名称1": a.person_name,
            "お届け先 敬称": "様",
            "お届け先 電話番号": a.person_phone,
            "ご依頼主 郵便番号": a.host_postal,
            "ご依頼主 住所1": a.host_address,
            "ご依頼主 住所3": a.host_building,
            "ご依頼主 名称1": a.host_name,
            "ご依頼主 電話番号": a.host_phone,
            "品名": a.contents,
            "個数": str(a.quantity),
        }
        rows.append([values.get(name, "") for name in YUPACK_COLUMNS])
    return rows


def cp932_problems(header: list[str], rows: list[list[str]], names: list[str]) -> list[str]:
    """「2件目「髙橋 𠮷子」さん: お届け先名 の「𠮷」」 for every character CP932 cannot hold."""
    problems = []
    for number, (row, name) in enumerate(zip(rows, names), start=1):
        for column, value in zip(header, row):
            bad = "".join(dict.fromkeys(ch for ch in value if not _encodable(ch)))
            if bad:
                problems.append(f"{number}件目「{name}」さん: {column} の「{bad}」")
    return problems


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def render(fmt: str, session: Session, addresses: list[ShipmentAddress]) -> bytes:
    if fmt not in FORMATS:
        raise ValidationError({"format": f"形式「{fmt}」はありません（{' / '.join(FORMATS)}）。"})
    header = list(YAMATO_B2_COLUMNS if fmt == "yamato-b2" else YUPACK_COLUMNS)
    rows = yamato_b2_rows(session, addresses) if fmt == "yamato-b2" else yupack_rows(session, addresses)
    problems = cp932_problems(header, rows, [a.person_name for a in addresses])
    if problems:
        raise ValidationError({"encoding": "Shift_JIS（CP932）で表せない文字があるため出力できません。"
                                           "住所録で置き換えてください（例: 𠮷→吉、髙はそのまま使えます）。\n"
                               + "\n".join(problems)})
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("cp932")


def export_carrier_csv(session: Session, fmt: str, out: Path, *, shipment_ids: Iterable[str] | None = None,
                       programme_id: str | None = None, only_prepared: bool = True,
                       today: date | None = None) -> int:
    """Write the carrier CSV for the chosen shipments; returns the number of rows.

    Nothing is written when anything is wrong (missing address, a character
    CP932 cannot hold): the file appears complete or not at all.
    """
    ids = select_shipments(session, shipment_ids=shipment_ids, programme_id=programme_id, only_prepared=only_prepared)
    if not ids:
        raise ValidationError({"shipments": "出力する発送がありません（準備中の発送がないか、選ばれていません）。"})
    addresses = load_addresses(session, ids, today=today or date.today())
    data = render(fmt, session, addresses)
    out = Path(out)
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    audit.record(session, "export", "shipment", "", {"format": [None, fmt], "rows": [None, len(addresses)],
                                                     "file": [None, out.name]})
    return len(addresses)


def _delegate(fmt: str, session: Session, out_path: Path, args) -> str:
    programme_id = getattr(args, "programme_id", None)
    count = export_carrier_csv(session, fmt, Path(out_path), programme_id=programme_id)
    return f"送り状データ {count} 件（準備中の発送）を書き出しました（{fmt}、CP932）: {out_path}"


def export_yamato_b2(session: Session, out_path: Path, args) -> str:
    """For ``export --what shipments --format yamato-b2`` (cli/exchange.py EXPORT_DELEGATES)."""
    return _delegate("yamato-b2", session, out_path, args)


def export_yupack(session: Session, out_path: Path, args) -> str:
    """For ``export --what shipments --format yupack`` (cli/exchange.py EXPORT_DELEGATES)."""
    return _delegate("yupack", session, out_path, args)
