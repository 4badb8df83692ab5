"""Carrier CSVs (B2クラウド, ゆうパックプリントR): gather the parcels and settings, check, write.

``io.carrier_csv`` knows the layouts and writes bytes; this module reads the database: which
shipments, both ends' addresses (the farmer, or the organisation when a shipment has no
farmer), the B2 contract values. Everything is checked before a byte is written; a refusal is
one ``ValidationError`` whose message is the whole summary (every row, field, limit and length),
so the window and ``carrier-csv`` show the same list and no file is left half-written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.enums import ShipmentStatus
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Host, Person, Shipment
from kankei_desktop.io import carrier_csv
from kankei_desktop.io.carrier_csv import Account, Options, Parcel, Party
from kankei_desktop.services.address_labels import (
    ORGANISATION_ADDRESS,
    ORGANISATION_BUILDING,
    ORGANISATION_PHONE,
    ORGANISATION_POSTAL_CODE,
)
from kankei_desktop.services.settings_store import ORGANISATION_NAME, Declared, digit_code, get
from kankei_desktop.store import audit

# B2クラウド 請求先: 半角数字12文字 (the contract phone number and a two-digit branch), 分類コード
# blank or 3 digits, 運賃管理番号 2 digits. The layout requires the first and the last for 宅急便.
YAMATO_CUSTOMER_CODE = Declared("yamato_b2_customer_code", "", "ヤマト B2クラウド 請求先顧客コード",
                                digit_code((12,), hint="（ハイフンなし。例: 046575112201）"))
YAMATO_CUSTOMER_CLASS = Declared("yamato_b2_customer_class", "", "ヤマト B2クラウド 請求先分類コード",
                                 digit_code((3,)))
YAMATO_FREIGHT_NUMBER = Declared("yamato_b2_freight_number", "01", "ヤマト B2クラウド 運賃管理番号",
                                 digit_code((2,), required=True))

# The sender used when a shipment has no farmer (and printed on sender labels).
SENDER_SETTINGS = (ORGANISATION_NAME, ORGANISATION_POSTAL_CODE, ORGANISATION_ADDRESS, ORGANISATION_BUILDING,
                   ORGANISATION_PHONE)
# What ``settings set`` in the CLI may change (key → setting).
CLI_SETTINGS: dict[str, Declared] = {
    d.key: d for d in (YAMATO_CUSTOMER_CODE, YAMATO_CUSTOMER_CLASS, YAMATO_FREIGHT_NUMBER, *SENDER_SETTINGS)
}

_SENDER_REQUIRED = (ORGANISATION_NAME, ORGANISATION_POSTAL_CODE, ORGANISATION_ADDRESS, ORGANISATION_PHONE)


@dataclass
class CarrierExport:
    rows: int
    path: Path
    adjusted: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self, fmt: str) -> str:
        lines = [f"送り状データ {self.rows} 件を書き出しました（{carrier_csv.FORMAT_NAMES[fmt]}、CP932）: {self.path}"]
        if self.adjusted:
            lines.append("長い住所を分けた行:")
            lines += [f"  {line}" for line in self.adjusted]
        if self.warnings:
            lines.append("注意: 次のセルは = + - @ で始まります。送り状ソフトには文字のまま取り込まれますが、"
                         "Excel で開くと数式として扱われるため、このファイルは Excel で開かずに取り込んでください。")
            lines += [f"  {line}" for line in self.warnings]
        return "\n".join(lines)


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


def _rows(session: Session, shipment_ids: list[str]):
    rows = []
    for start in range(0, len(shipment_ids), 500):
        chunk = shipment_ids[start:start + 500]
        rows += session.execute(
            select(Shipment, Person, Host).join(Person, Person.id == Shipment.person_id)
            .outerjoin(Host, Host.id == Shipment.host_id).where(Shipment.id.in_(chunk))
        ).all()
    order = {sid: i for i, sid in enumerate(shipment_ids)}
    rows.sort(key=lambda r: order[r[0].id])
    return rows


def _organisation(session: Session) -> Party:
    postal = str(get(session, ORGANISATION_POSTAL_CODE) or "")
    return Party(name=str(get(session, ORGANISATION_NAME) or ""), postal=postal,
                 address=str(get(session, ORGANISATION_ADDRESS) or ""),
                 building=str(get(session, ORGANISATION_BUILDING) or ""),
                 phone=str(get(session, ORGANISATION_PHONE) or ""))


def needs_organisation_sender(session: Session, shipment_ids: list[str]) -> bool:
    return any(host is None for _shipment, _person, host in _rows(session, shipment_ids))


def missing_settings(session: Session, fmt: str, *, organisation_sender: bool) -> list[Declared]:
    """The settings this export needs that are empty (or hold a value their rule refuses)."""
    carrier_csv.check_format(fmt)
    wanted: list[Declared] = []
    if fmt == "yamato-b2":
        wanted += [YAMATO_CUSTOMER_CODE, YAMATO_FREIGHT_NUMBER]
    if organisation_sender:
        wanted += list(_SENDER_REQUIRED)
    return [declared for declared in wanted if not get(session, declared)]


def missing_settings_message(missing: list[Declared]) -> str:
    names = "、".join(f"「{d.label}」（{d.key}）" for d in missing)
    return (f"設定{names}が空です。画面の「設定」で入力するか、"
            f"「kankei-desktop settings set --db ファイル {missing[0].key} 値」で設定してから、もう一度出力してください。")


def load_parcels(session: Session, shipment_ids: list[str], *, today: date,
                 require_complete: bool = True) -> tuple[list[Parcel], list[str]]:
    """Both ends of each shipment, and a line per shipment whose address or phone is missing."""
    organisation = _organisation(session)
    problems: list[str] = []
    parcels: list[Parcel] = []
    for number, (shipment, person, host) in enumerate(_rows(session, shipment_ids), start=1):
        missing = [label for label, value in (("郵便番号", person.postal_code), ("住所", person.city or person.address_line),
                                              ("電話番号", person.phone)) if not value]
        if host is not None:
            missing += [f"差出人（{host.name}）の{label}" for label, value in (
                ("郵便番号", host.postal_code), ("住所", host.city or host.address_line), ("電話番号", host.phone))
                if not value]
            sender = Party(host.name, host.postal_code, f"{host.prefecture}{host.city}{host.address_line}",
                           host.address_building, host.phone)
        else:
            sender = organisation
        if missing and require_complete:
            problems.append(f"{number}件目（「{person.name}」さん宛）: {'・'.join(missing)}がありません")
            continue
        recipient = Party(person.name, person.postal_code, f"{person.prefecture}{person.city}{person.address_line}",
                          person.address_building, person.phone)
        ship_on = shipment.shipped_on or max(shipment.prepared_on or today, today)
        parcels.append(Parcel(shipment.id, ship_on, shipment.contents, shipment.quantity, recipient, sender))
    return parcels, problems


def account(session: Session) -> Account:
    return Account(str(get(session, YAMATO_CUSTOMER_CODE) or ""), str(get(session, YAMATO_CUSTOMER_CLASS) or ""),
                   str(get(session, YAMATO_FREIGHT_NUMBER) or ""))


def export_carrier_csv(session: Session, fmt: str, out: Path, *, shipment_ids: Iterable[str] | None = None,
                       programme_id: str | None = None, only_prepared: bool = True,
                       options: Options = Options(), today: date | None = None) -> CarrierExport:
    """Check everything, then write the carrier CSV in one rename; refuse with the whole summary otherwise."""
    carrier_csv.check_format(fmt)
    carrier_csv.check_options(fmt, options)
    ids = select_shipments(session, shipment_ids=shipment_ids, programme_id=programme_id, only_prepared=only_prepared)
    if not ids:
        raise ValidationError({"shipments": "出力する発送がありません（準備中の発送がないか、選ばれていません）。"
                                            "ファイルは作っていません。"})
    missing = missing_settings(session, fmt, organisation_sender=needs_organisation_sender(session, ids))
    if missing:
        raise ValidationError({"settings": missing_settings_message(missing)})
    parcels, problems = load_parcels(session, ids, today=today or date.today())
    built = carrier_csv.build(fmt, parcels, options, account(session))
    refused = problems + [refusal.message() for refusal in built.refusals]
    if refused:
        rows = len({line.split("件目", 1)[0] for line in refused})
        raise ValidationError({"shipments": (
            f"送り状データを書き出せません: {len(ids)} 件中 {rows} 件に直す所があります（{len(refused)} か所）。"
            "ファイルは書き出していません。住所録を直してからもう一度出力してください。\n" + "\n".join(refused))})
    out = Path(out)
    carrier_csv.write_atomically(out, carrier_csv.render(built))
    audit.record(session, "export", "shipment", "", {"format": [None, fmt], "rows": [None, len(parcels)],
                                                     "file": [None, out.name]})
    return CarrierExport(len(parcels), out, built.adjusted, built.warnings)


def _delegate(fmt: str, session: Session, out_path: Path, args) -> str:
    result = export_carrier_csv(session, fmt, Path(out_path), programme_id=getattr(args, "programme_id", None))
    return result.summary(fmt)


def export_yamato_b2(session: Session, out_path: Path, args) -> str:
    """For ``export --what shipments --format yamato-b2`` (cli/exchange.py EXPORT_DELEGATES)."""
    return _delegate("yamato-b2", session, out_path, args)


def export_yupack(session: Session, out_path: Path, args) -> str:
    """For ``export --what shipments --format yupack`` (cli/exchange.py EXPORT_DELEGATES)."""
    return _delegate("yupack", session, out_path, args)
