"""Hosts (受入先): farms, communities, NPOs, companies and lodgings.

A host that stays or letters point at is never deleted: it is archived
(``is_active`` False) so past figures and timelines keep their names.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import and_, case, func, literal, or_, select, union_all
from sqlmodel import Session

from kankei_desktop.domain.contact import contact_errors, normalised_contact
from kankei_desktop.domain.enums import HostKind
from kankei_desktop.domain.errors import ConflictError
from kankei_desktop.domain.limits import add_length_errors
from kankei_desktop.domain.tables import Host, Letter, Person, Stay, StayParticipant, utc_now
from kankei_desktop.domain.text import fold, like_pattern, normalise_spaces
from kankei_desktop.services import work
from kankei_desktop.services.addresses import PostalAddress, lookup_postal_code
from kankei_desktop.services.record_ops import assign, check_version, live, set_field, soft_delete, valid, values_of
from kankei_desktop.store import audit, versions
from kankei_desktop.store.dialect import joined_text, slash_date


@dataclass
class HostInput:
    name: str = ""
    kind: str = HostKind.FARM.value
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    postal_code: str = ""
    prefecture: str = ""
    city: str = ""
    address_line: str = ""
    address_building: str = ""
    capacity_per_night: int | None = None
    hosts_side_job_talent: bool = False
    small_business: bool = False  # 中小企業 (例1 counts 中小企業 hosting 副業・兼業 talent)
    notes: str = ""


_FIELDS = tuple(HostInput.__dataclass_fields__)


_SPACED = ("name", "contact_person", "prefecture", "city", "address_line", "address_building")


def normalise(data: HostInput) -> HostInput:
    return replace(
        data,
        **{name: normalise_spaces(getattr(data, name)) for name in _SPACED},
        **normalised_contact(data),
        notes=data.notes.strip(),
    )


def validate(data: HostInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name:
        errors["name"] = "受入先の名称を入力してください。"
    elif len(data.name) > 100:
        errors["name"] = "名称は100文字以内で入力してください。"
    if data.kind not in {kind.value for kind in HostKind}:
        errors["kind"] = f"種類「{data.kind}」はありません（{'・'.join(k.value for k in HostKind)}）。"
    errors.update(contact_errors(data, ("phone", "email", "postal_code"), email_example="info@example.jp"))
    if data.capacity_per_night is not None and not (0 < data.capacity_per_night <= 1000):
        errors["capacity_per_night"] = "1泊の定員は1〜1000名で入力してください（宿泊しない受入先は空欄）。"
    return add_length_errors(errors, Host, data, {"name": "名称"})


def _checked(data: HostInput) -> HostInput:
    data = normalise(data)
    return valid(data, validate(data))


def address_for(postal_code: str) -> PostalAddress | None:
    """The editor's 〒 lookup, offline."""
    return lookup_postal_code(postal_code)


def create_host(session: Session, data: HostInput) -> str:
    data = _checked(data)
    host = Host(**asdict(data))
    session.add(host)
    session.flush()
    audit.record(session, "create", "host", host.id, audit.diff({}, asdict(data)))
    return host.id


def _live_host(session: Session, host_id: str) -> Host:
    return live(session, Host, host_id, "受入先")


def host_version(session: Session, host_id: str) -> int | None:
    """The host's row version, for an editor to hand back at its save."""
    return versions.version_of(session, Host, host_id)


def load_host_input(session: Session, host_id: str) -> HostInput:
    host = _live_host(session, host_id)
    return HostInput(**values_of(host, _FIELDS))


def _fullest_night(session: Session, host_id: str, today: date) -> tuple[date, int] | None:
    """The night from today on with the most persons booked at this lodging (cancelled ones aside)."""
    from kankei_desktop.services.stays import night_occupancy

    last_end = session.execute(
        select(func.max(Stay.end_on)).where(
            Stay.lodging_id == host_id, Stay.deleted_at.is_(None), Stay.status != "中止", Stay.end_on > today
        )
    ).scalar_one()
    if last_end is None:
        return None
    occupancy = night_occupancy(session, host_id, today, last_end)
    night, persons = max(occupancy.items(), key=lambda item: (item[1], -item[0].toordinal()), default=(today, 0))
    return (night, persons) if persons else None


def update_host(session: Session, host_id: str, data: HostInput, *, today: date | None = None, expected_version: int | None = None) -> bool:
    """Save an edit. Lowering a lodging's capacity below nights already booked is refused."""
    check_version(session, Host, host_id, expected_version, "host", "受入先")
    versions.lock_rows(session, Host, [host_id])  # a booking waits while the capacity changes
    data = _checked(data)
    host = _live_host(session, host_id)
    if host.capacity_per_night is not None and (
        data.capacity_per_night is None or data.capacity_per_night < host.capacity_per_night
    ):
        fullest = _fullest_night(session, host_id, today or date.today())
        if fullest and (data.capacity_per_night is None or fullest[1] > data.capacity_per_night):
            night, persons = fullest
            wanted = "宿泊なし" if data.capacity_per_night is None else f"{data.capacity_per_night} 名"
            raise ConflictError(
                f"{night:%Y/%m/%d} の夜、{host.name} には既に {persons} 名の宿泊予定があるため、"
                f"定員を{wanted}にできません。先に滞在を調整してください。"
            )
    changes = audit.diff(values_of(host, _FIELDS), asdict(data))
    if not changes:
        return False
    assign(host, data, _FIELDS)
    host.updated_at = utc_now()
    audit.record(session, "update", "host", host_id, changes)
    return True


def set_active(session: Session, host_id: str, active: bool) -> None:
    """Archive (False) or bring back (True); archived hosts take no new stays."""
    set_field(session, _live_host(session, host_id), "host", "is_active", active)


def archive_host(session: Session, host_id: str) -> None:
    set_active(session, host_id, False)


def references(session: Session, host_id: str) -> tuple[int, int]:
    """(live stays, live letters) that name this host."""
    stays = session.execute(
        select(func.count()).select_from(Stay).where(
            or_(Stay.host_id == host_id, Stay.lodging_id == host_id), Stay.deleted_at.is_(None)
        )
    ).scalar_one()
    letters = session.execute(
        select(func.count()).select_from(Letter).where(Letter.host_id == host_id, Letter.deleted_at.is_(None))
    ).scalar_one()
    return stays, letters


def delete_host(session: Session, host_id: str) -> None:
    """Soft delete, refused while any stay or letter refers to the host."""
    host = _live_host(session, host_id)
    stays, letters = references(session, host_id)
    if stays or letters:
        used = "、".join(
            text for count, text in ((stays, f"滞在 {stays} 件"), (letters, f"手紙 {letters} 件")) if count
        )
        raise ConflictError(
            f"受入先「{host.name}」は{used}で使われているため削除できません。アーカイブしてください。"
        )
    soft_delete(session, host, "host", {"name": [host.name, None]})


# ---------------------------------------------------------------- timeline


@dataclass(frozen=True)
class HostEvent:
    on: date
    kind: str  # 滞在 / 手紙
    summary: str
    status: str
    record_id: str


def host_timeline(session: Session, host_id: str, limit: int = 500) -> list[HostEvent]:
    """Stays (as host or lodging) and letters involving the host, newest first."""
    _live_host(session, host_id)
    names = (
        select(joined_text(Person.name, "、"))
        .select_from(StayParticipant)
        .join(Person, Person.id == StayParticipant.person_id)
        .where(StayParticipant.stay_id == Stay.id, StayParticipant.deleted_at.is_(None))
        .scalar_subquery()
    )
    stays = select(
        Stay.start_on.label("on"),
        literal("滞在").label("kind"),
        (
            slash_date(Stay.start_on) + "〜" + slash_date(Stay.end_on)
            + " " + Stay.kind + " " + func.coalesce(names, "") + " " + Stay.purpose
        ).label("summary"),
        Stay.status.label("status"),
        Stay.id.label("record_id"),
    ).where(or_(Stay.host_id == host_id, Stay.lodging_id == host_id), Stay.deleted_at.is_(None))
    letters = (
        select(
            func.coalesce(Letter.sent_on, Letter.received_on, Letter.written_on).label("on"),
            literal("手紙").label("kind"),
            (Letter.direction + " " + Person.name + " " + Letter.summary).label("summary"),
            Letter.status.label("status"),
            Letter.id.label("record_id"),
        )
        .join(Person, Person.id == Letter.person_id)
        .where(Letter.host_id == host_id, Letter.deleted_at.is_(None))
    )
    union = union_all(stays, letters).subquery()
    rows = session.execute(
        select(union).order_by(union.c.on.is_(None), union.c.on.desc()).limit(limit)
    ).all()
    return [HostEvent(on, kind, summary.strip(), status, record_id) for on, kind, summary, status, record_id in rows]


# ---------------------------------------------------------------- the list


@dataclass(frozen=True)
class HostFilter:
    text: str = ""
    kind: str | None = None
    include_archived: bool = False
    lodgings_only: bool = False


LIST_COLUMNS = ("name", "kind", "contact_person", "phone", "city", "capacity_per_night", "is_active")

_SORT_COLUMNS = {
    "name": Host.name,
    "kind": Host.kind,
    "contact_person": Host.contact_person,
    "phone": Host.phone,
    "city": Host.city,
    "capacity_per_night": Host.capacity_per_night,
    "is_active": Host.is_active,
}


def _conditions(flt: HostFilter) -> list:
    conditions = [Host.deleted_at.is_(None)]
    if not flt.include_archived:
        conditions.append(Host.is_active.is_(True))
    if flt.kind:
        conditions.append(Host.kind == flt.kind)
    if flt.lodgings_only:
        conditions.append(Host.capacity_per_night.is_not(None))
    term = flt.text.strip()
    if term:
        pattern = like_pattern(fold(term))
        raw = like_pattern(term)
        conditions.append(
            or_(
                Host.name.like(raw, escape="\\"),
                Host.contact_person.like(raw, escape="\\"),
                Host.city.like(raw, escape="\\"),
                Host.phone.like(pattern, escape="\\"),
            )
        )
    return conditions


def list_host_ids(session: Session, flt: HostFilter = HostFilter(), sort: str = "name", descending: bool = False) -> list[str]:
    key = _SORT_COLUMNS[sort]
    primary = key.desc() if descending else key.asc()
    statement = select(Host.id).where(and_(*_conditions(flt))).order_by(key.is_(None), primary, Host.name, Host.id)
    return list(session.execute(statement).scalars())


def fetch_list_rows(session: Session, host_ids: list[str]) -> dict[str, tuple]:
    if not host_ids:
        return {}
    rows = session.execute(
        select(Host.id, *(_SORT_COLUMNS[name] for name in LIST_COLUMNS)).where(Host.id.in_(host_ids))
    ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def host_choices(session: Session, lodgings_only: bool = False, include_id: str | None = None) -> list[tuple[str, str]]:
    """(id, name) of active hosts for a picker; ``include_id`` keeps a stay's archived host shown."""
    condition = Host.is_active.is_(True)
    if include_id:
        condition = or_(condition, Host.id == include_id)
    conditions = [Host.deleted_at.is_(None), condition]
    if lodgings_only:
        conditions.append(Host.capacity_per_night.is_not(None))
    order = case((Host.kind == HostKind.LODGING.value, 0), else_=1) if lodgings_only else Host.kind
    return [tuple(row) for row in session.execute(select(Host.id, Host.name).where(*conditions).order_by(order, Host.name))]


def kind_choices() -> list[str]:
    return [kind.value for kind in HostKind]



# ---------------------------------------------------------------- for the window
# Each read below opens its own unit of work and returns plain data: the window asks, it
# never holds a session for a read.


def host_list(database, flt: HostFilter, sort: str = "name",
              descending: bool = False) -> tuple[list[str], dict[str, tuple]]:
    """The list's ids in order and their rows (hundreds of hosts, not 100,000: one fetch)."""
    with work.unit(database) as session:
        ids = list_host_ids(session, flt, sort, descending)
        return ids, fetch_list_rows(session, ids)


def host_ids(database, flt: HostFilter, sort: str = "name", descending: bool = False) -> list[str]:
    """The list's ids in a new order (the rows are already known)."""
    with work.unit(database) as session:
        return list_host_ids(session, flt, sort, descending)


@dataclass(frozen=True)
class HostDetails:
    data: HostInput
    events: list[HostEvent]
    stays: int
    letters: int


def host_details(database, host_id: str) -> HostDetails:
    """What the hosts area shows beside the list for one host."""
    with work.unit(database) as session:
        data = load_host_input(session, host_id)
        events = host_timeline(session, host_id)
        stays, letters = references(session, host_id)
    return HostDetails(data, events, stays, letters)


def host_to_edit(database, host_id: str) -> tuple[HostInput, int | None]:
    """The host's fields and the row version an editor hands back at its save."""
    with work.unit(database) as session:
        return load_host_input(session, host_id), host_version(session, host_id)
