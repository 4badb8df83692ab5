"""Shipments (発送): rice and other parcels from a host to a person.

The status is derived from the dates (返送 > 配達済 > 発送済 > 準備中), so a
shipment can never say 配達済 without a delivery date. Marking many shipments
shipped or delivered is one call; the letter a shipment carries follows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.domain.carriers import normalise_tracking_number, tracking_number_problem
from kankei_desktop.domain.enums import Carrier, LetterStatus, ShipmentStatus
from kankei_desktop.domain.limits import add_length_errors
from kankei_desktop.domain.tables import Host, Letter, Person, Programme, Shipment, utc_now
from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.services.activity import refresh_last_activity
from kankei_desktop.services.record_ops import (
    assign,
    check_version,
    live,
    live_or_none,
    live_rows,
    soft_delete,
    valid,
    values_of,
)
from kankei_desktop.store import audit


@dataclass
class ShipmentInput:
    person_id: str = ""
    host_id: str | None = None
    programme_id: str | None = None
    contents: str = ""
    quantity: int = 1
    carrier: str = Carrier.YUPACK.value
    tracking_number: str = ""
    prepared_on: date | None = None
    shipped_on: date | None = None
    delivered_on: date | None = None
    returned_on: date | None = None
    cost_yen: int | None = None
    notes: str = ""


_FIELDS = tuple(ShipmentInput.__dataclass_fields__)


def derive_status(data: ShipmentInput | Shipment) -> str:
    if data.returned_on:
        return ShipmentStatus.RETURNED.value
    if data.delivered_on:
        return ShipmentStatus.DELIVERED.value
    if data.shipped_on:
        return ShipmentStatus.SHIPPED.value
    return ShipmentStatus.PREPARED.value


def shipment_label(session: Session, shipment_id: str | None, data: ShipmentInput) -> str:
    """How a message names a shipment: 「山田 太郎」さん宛の発送（お米 5kg）."""
    person = session.get(Person, data.person_id) if data.person_id else None
    who = f"「{person.name}」さん宛" if person else "宛先未定"
    what = f"（{data.contents}）" if data.contents else ""
    return f"{who}の発送{what}" if shipment_id or person else "新しい発送"


def _normalise(data: ShipmentInput) -> ShipmentInput:
    values = asdict(data)
    values["contents"] = normalise_spaces(data.contents)
    values["notes"] = (data.notes or "").strip()
    if data.carrier in {c.value for c in Carrier}:
        values["tracking_number"] = normalise_tracking_number(data.tracking_number, data.carrier)
    else:
        values["tracking_number"] = (data.tracking_number or "").strip()
    return ShipmentInput(**values)


def validate(session: Session, data: ShipmentInput, *, label: str, today: date,
             stored_tracking: str | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if live_or_none(session, Person, data.person_id) is None:
        errors["person_id"] = f"{label}: 宛先の参加者を選んでください。"
    if data.host_id and live_or_none(session, Host, data.host_id) is None:
        errors["host_id"] = f"{label}: 差出人の受入先が見つかりません。"
    if data.programme_id and live_or_none(session, Programme, data.programme_id) is None:
        errors["programme_id"] = f"{label}: プログラムが見つかりません。"
    if not data.contents:
        errors["contents"] = f"{label}: 内容を入力してください（例: お米 5kg）。"
    elif len(data.contents) > 200:
        errors["contents"] = f"{label}: 内容は200文字以内で入力してください。"
    if not isinstance(data.quantity, int) or data.quantity < 1:
        errors["quantity"] = f"{label}: 数量は1以上の整数で入力してください。"
    if data.carrier not in {c.value for c in Carrier}:
        errors["carrier"] = f"{label}: 運送会社「{data.carrier}」は選択肢にありません。"
    elif data.tracking_number != stored_tracking:  # numbers stored before a rule changed stay editable
        problem = tracking_number_problem(data.tracking_number, data.carrier)
        if problem:
            errors["tracking_number"] = f"{label}: {problem}"
    if data.cost_yen is not None and data.cost_yen < 0:
        errors["cost_yen"] = f"{label}: 送料は0円以上で入力してください。"
    errors.update(_date_errors(data, label, today))
    return add_length_errors(errors, Shipment, data)


def _date_errors(data: ShipmentInput, label: str, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    names = {"shipped_on": "発送日", "delivered_on": "配達日", "returned_on": "返送日"}
    for field, name in names.items():
        value = getattr(data, field)
        if value and value > today:
            errors[field] = f"{label}: {name} {display_date(value)} は未来の日付です。"
    if data.prepared_on and data.shipped_on and data.shipped_on < data.prepared_on:
        errors["shipped_on"] = (f"{label}: 発送日 {display_date(data.shipped_on)} が"
                                f"準備日 {display_date(data.prepared_on)} より前です。")
    for field in ("delivered_on", "returned_on"):
        value = getattr(data, field)
        if value and not data.shipped_on:
            errors.setdefault(field, f"{label}: {names[field]}を入れる前に発送日を入力してください。")
        elif value and value < data.shipped_on:
            errors.setdefault(field, f"{label}: {names[field]} {display_date(value)} が"
                                     f"発送日 {display_date(data.shipped_on)} より前です。")
    return errors


def _checked(session: Session, data: ShipmentInput, shipment_id: str | None, today: date | None,
             stored_tracking: str | None = None) -> ShipmentInput:
    data = _normalise(data)
    return valid(data, validate(session, data, label=shipment_label(session, shipment_id, data),
                                today=today or date.today(), stored_tracking=stored_tracking))


def live_shipment(session: Session, shipment_id: str) -> Shipment:
    return live(session, Shipment, shipment_id, "発送の記録")


def load_shipment_input(session: Session, shipment_id: str) -> ShipmentInput:
    shipment = live_shipment(session, shipment_id)
    return ShipmentInput(**values_of(shipment, _FIELDS))


def create_shipment(session: Session, data: ShipmentInput, *, today: date | None = None) -> str:
    data = _checked(session, data, None, today)
    shipment = Shipment(**asdict(data), status=derive_status(data))
    session.add(shipment)
    session.flush()
    audit.record(session, "create", "shipment", shipment.id, audit.diff({}, asdict(data)))
    refresh_last_activity(session, [data.person_id])
    return shipment.id


def update_shipment(session: Session, shipment_id: str, data: ShipmentInput, *, today: date | None = None, expected_version: int | None = None) -> bool:
    """Save an edit; False when nothing differed. The carried letter follows the dates."""
    check_version(session, Shipment, shipment_id, expected_version, "shipment", "発送")
    shipment = live_shipment(session, shipment_id)
    before = values_of(shipment, _FIELDS)
    data = _checked(session, data, shipment_id, today, stored_tracking=shipment.tracking_number)
    changes = audit.diff(before, asdict(data))
    if not changes:
        return False
    assign(shipment, data, _FIELDS)
    shipment.status = derive_status(data)
    shipment.updated_at = utc_now()
    _follow_with_letters(session, [shipment])
    audit.record(session, "update", "shipment", shipment_id, changes)
    refresh_last_activity(session, {before["person_id"], data.person_id})
    return True


def delete_shipment(session: Session, shipment_id: str) -> None:
    shipment = live_shipment(session, shipment_id)
    now = utc_now()
    for letter in session.execute(live_rows(Letter).where(Letter.shipment_id == shipment_id)).scalars():
        letter.shipment_id, letter.updated_at = None, now  # the letter itself stays
    soft_delete(session, shipment, "shipment", {"contents": [shipment.contents, None]}, now=now)
    refresh_last_activity(session, [shipment.person_id])


def _follow_with_letters(session: Session, shipments: Iterable[Shipment]) -> None:
    """A letter riding in a parcel is sent and received with it (unless already dated)."""
    by_id = {s.id: s for s in shipments}
    if not by_id:
        return
    ids = list(by_id)
    letters = []
    for start in range(0, len(ids), 500):
        # Tombstones filtered in Python: with deleted_at in the query SQLite walks every letter.
        letters += [letter for letter in session.execute(
            select(Letter).where(Letter.shipment_id.in_(ids[start:start + 500]))).scalars() if letter.deleted_at is None]
    for letter in letters:
        shipment = by_id[letter.shipment_id]
        changed = False
        if shipment.shipped_on and not letter.sent_on:
            letter.sent_on, changed = shipment.shipped_on, True
        if shipment.delivered_on and not letter.received_on and (
                not letter.sent_on or shipment.delivered_on >= letter.sent_on):
            letter.received_on, changed = shipment.delivered_on, True
        if shipment.returned_on and letter.status != LetterStatus.RETURNED.value:
            letter.status, changed = LetterStatus.RETURNED.value, True
        elif changed:
            letter.status = (LetterStatus.RECEIVED if letter.received_on else LetterStatus.SENT).value
        if changed:
            letter.updated_at = utc_now()
            audit.record(session, "update", "letter", letter.id,
                         {"sent_on": [None, letter.sent_on], "received_on": [None, letter.received_on],
                          "status": [None, letter.status], "reason": [None, "同梱の発送に合わせて更新"]})


_MARKS = {
    "shipped": ("shipped_on", "発送済"),
    "delivered": ("delivered_on", "配達済"),
    "returned": ("returned_on", "返送"),
}


def mark_shipments(session: Session, shipment_ids: Iterable[str], what: str, on: date, *,
                   tracking_numbers: dict[str, str] | None = None, today: date | None = None) -> list[str]:
    """Set the shipped / delivered / returned date of many shipments at once.

    ``what`` is "shipped", "delivered" or "returned". Refused as a whole
    (naming the shipment) when any would break the date order. Returns the ids
    that changed; shipments already carrying that date are left alone.
    """
    field, word = _MARKS[what]
    tracking_numbers = tracking_numbers or {}
    ids = list(dict.fromkeys(shipment_ids))
    shipments = [live_shipment(session, shipment_id) for shipment_id in ids]
    changed: list[Shipment] = []
    audits = []
    for shipment in shipments:
        data = load_shipment_input(session, shipment.id)
        stored_tracking = data.tracking_number
        if shipment.id in tracking_numbers:
            data.tracking_number = tracking_numbers[shipment.id]
        if getattr(data, field) == on and data.tracking_number == stored_tracking:
            continue
        setattr(data, field, on)
        if what == "delivered" and data.returned_on:
            data.returned_on = None  # delivered after all: the return is undone
        data = _checked(session, data, shipment.id, today, stored_tracking=stored_tracking)
        before = values_of(shipment, _FIELDS)
        changed.append((shipment, data))
        audits.append(audit.diff(before, asdict(data)))
    for (shipment, data), changes in zip(changed, audits):
        assign(shipment, data, _FIELDS)
        shipment.status = derive_status(data)
        shipment.updated_at = utc_now()
        audit.record(session, "update", "shipment", shipment.id, {**changes, "action": [None, word]})
    _follow_with_letters(session, [s for s, _ in changed])
    refresh_last_activity(session, {s.person_id for s, _ in changed})
    return [s.id for s, _ in changed]


def list_shipment_rows(session: Session, *, programme_id: str | None = None, person_id: str | None = None,
                       status: str | None = None, search: str = "", limit: int | None = None) -> list[tuple]:
    """(id, person name, host name, contents, carrier, tracking, prepared, shipped, delivered, status, cost, person_id)
    newest first."""
    query = (
        select(Shipment.id, Person.name, Host.name, Shipment.contents, Shipment.carrier, Shipment.tracking_number,
               Shipment.prepared_on, Shipment.shipped_on, Shipment.delivered_on, Shipment.status, Shipment.cost_yen,
               Shipment.person_id)
        .join(Person, Person.id == Shipment.person_id)
        .outerjoin(Host, Host.id == Shipment.host_id)
        .where(Shipment.deleted_at.is_(None))
    )
    if programme_id:
        query = query.where(Shipment.programme_id == programme_id)
    if person_id:
        query = query.where(Shipment.person_id == person_id)
    if status:
        query = query.where(Shipment.status == status)
    if search:
        from kankei_desktop.domain.text import like_pattern

        pattern = like_pattern(search.strip())
        query = query.where(Person.name.like(pattern, escape="\\") | Shipment.contents.like(pattern, escape="\\")
                            | Shipment.tracking_number.like(pattern, escape="\\"))
    query = query.order_by(Shipment.prepared_on.desc().nulls_last(), Shipment.created_at.desc())
    if limit:
        query = query.limit(limit)
    return [tuple(row) for row in session.execute(query).all()]
