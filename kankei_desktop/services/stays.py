"""Stays (滞在): create, edit, change status, delete; the rules that keep the calendar honest.

Every path that writes a stay (GUI, CLI, import) comes through here, so the rules
hold everywhere: end ≥ start; nobody is in two stays whose dates overlap
(中止 stays are ignored); a lodging never sleeps more persons on a night than its
capacity unless the coordinator gives a reason, which is stored and audited.
The counting rules themselves are pure functions in ``stay_rules``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import and_, func, select
from sqlmodel import Session

from kankei_desktop.domain.calendar import Period, display_date
from kankei_desktop.domain.enums import StayStatus
from kankei_desktop.domain.errors import ConflictError, ValidationError
from kankei_desktop.domain.limits import add_length_errors
from kankei_desktop.domain.tables import Enrollment, Host, Person, Programme, Stay, StayParticipant, utc_now
from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.services import settings_store
from kankei_desktop.services.activity import refresh_last_activity
from kankei_desktop.services.stay_rules import (
    DEFAULT_LONG_FROM_DAYS,
    DEFAULT_SHORT_FROM_DAYS,
    PersonDays,
    count_person_days,
    stay_kind,
    stay_nights,
)
from kankei_desktop.services.record_ops import check_version, live, live_or_none, live_rows, soft_delete
from kankei_desktop.store import audit, versions
from kankei_desktop.store.dialect import fetch_marks

# A 日帰り is one day, so 短期 starts at 2 days at the earliest; 長期 must start after 短期.
SHORT_FROM_DAYS = settings_store.Declared("stay_short_from_days", DEFAULT_SHORT_FROM_DAYS, "短期滞在とする日数（以上）",
                                          settings_store.day_count(2, 30))
LONG_FROM_DAYS = settings_store.Declared("stay_long_from_days", DEFAULT_LONG_FROM_DAYS, "長期滞在とする日数（以上）",
                                         settings_store.day_count(3, 365), above=(SHORT_FROM_DAYS,))

# Which status may follow which. Going back one step corrects a mistake;
# a cancelled stay can be reopened as 予定 (and is then checked again).
STATUS_MOVES = {
    StayStatus.PLANNED.value: {StayStatus.CONFIRMED.value, StayStatus.DONE.value, StayStatus.CANCELLED.value},
    StayStatus.CONFIRMED.value: {StayStatus.PLANNED.value, StayStatus.DONE.value, StayStatus.CANCELLED.value},
    StayStatus.DONE.value: {StayStatus.CONFIRMED.value},
    StayStatus.CANCELLED.value: {StayStatus.PLANNED.value},
}

_ACTIVE_STATUSES = (StayStatus.PLANNED.value, StayStatus.CONFIRMED.value, StayStatus.DONE.value)


class CapacityError(ConflictError):
    """A lodging would be over capacity; the coordinator may save anyway with a reason."""

    def __init__(self, message: str, lodging_name: str, night: date, persons: int, capacity: int):
        super().__init__(message)
        self.lodging_name, self.night, self.persons, self.capacity = lodging_name, night, persons, capacity


@dataclass
class StayInput:
    person_ids: list[str] = field(default_factory=list)
    host_id: str | None = None
    lodging_id: str | None = None
    start_on: date | None = None
    end_on: date | None = None
    purpose: str = ""
    programme_id: str | None = None
    # person id → enrollment id, for persons whose stay belongs to their enrollment
    enrollments: dict[str, str] = field(default_factory=dict)
    status: str = StayStatus.PLANNED.value
    notes: str = ""
    # Given only when the coordinator knowingly exceeds the lodging's capacity.
    override_reason: str = ""


_STAY_FIELDS = ("host_id", "lodging_id", "start_on", "end_on", "purpose", "programme_id", "status", "notes")


def kind_thresholds(session: Session) -> tuple[int, int]:
    return int(settings_store.get(session, SHORT_FROM_DAYS)), int(settings_store.get(session, LONG_FROM_DAYS))


def kind_for(session: Session, start: date, end: date) -> str:
    short_from, long_from = kind_thresholds(session)
    return stay_kind(start, end, short_from, long_from)


# ------------------------------------------------------------------ checks


def _normalised(data: StayInput) -> StayInput:
    return StayInput(
        **{
            **asdict(data),
            "person_ids": list(dict.fromkeys(p for p in data.person_ids if p)),
            "host_id": data.host_id or None,
            "lodging_id": data.lodging_id or None,
            "programme_id": data.programme_id or None,
            "purpose": normalise_spaces(data.purpose),
            "notes": data.notes.strip(),
            "override_reason": normalise_spaces(data.override_reason),
        }
    )


# The rule check runs on every save and must stay fast at 200,000 stays (≤ 20 ms).
# The queries use ix_stay_participant_person and ix_stay_lodging_dates (lodging_id,
# start_on, end_on) and run on the session's own sqlite3 connection, inside its
# transaction: SQLAlchemy's per-statement cost was larger than the queries
# themselves (docs/performance.md). ``{ids}`` becomes one "?" per id.
_HOSTS_SQL = "SELECT id, name, deleted_at, is_active, capacity_per_night FROM host WHERE id IN ({ids})"
_PERSONS_SQL = "SELECT id, name, deleted_at FROM person WHERE id IN ({ids})"
_PERSON_CLASH_SQL = """
    SELECT p.name, s.start_on, s.end_on, coalesce(h.name, l.name, '')
    FROM stay_participant sp
    JOIN stay s ON s.id = sp.stay_id
    JOIN person p ON p.id = sp.person_id
    LEFT JOIN host h ON h.id = s.host_id
    LEFT JOIN host l ON l.id = s.lodging_id
    WHERE sp.person_id IN ({ids}) AND sp.deleted_at IS NULL AND s.deleted_at IS NULL
      AND s.status != ? AND s.start_on <= ? AND s.end_on >= ? AND s.id != ?
    ORDER BY s.start_on LIMIT 1
"""
# A stay's nights are start … end − 1, so two stays share a night when each
# starts before the other ends.
_LODGING_NIGHTS_SQL = """
    SELECT s.start_on, s.end_on,
           (SELECT count(*) FROM stay_participant sp WHERE sp.stay_id = s.id AND sp.deleted_at IS NULL)
    FROM stay s
    WHERE s.lodging_id = ? AND s.start_on < ? AND s.end_on > ?
      AND s.deleted_at IS NULL AND s.status != ? AND s.id != ?
"""


def _raw(session: Session, sql: str, ids: list[str] = (), params: tuple = ()) -> list[tuple]:
    """Rows of a fixed query on the session's connection (pending ORM changes flushed first)."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    statement = sql.format(ids=", ".join("?" * len(ids))) if ids else sql
    return fetch_marks(session, statement, (*ids, *params))


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _validate(session: Session, data: StayInput, today: date, hosts: dict | None = None) -> dict[str, str]:
    """Field → message; fills ``hosts`` (id → row) for the capacity check that follows."""
    errors: dict[str, str] = {}
    hosts = {} if hosts is None else hosts
    if data.start_on is None:
        errors["start_on"] = "開始日を入力してください。"
    if data.end_on is None:
        errors["end_on"] = "終了日を入力してください。"
    if data.start_on and data.end_on and data.end_on < data.start_on:
        errors["end_on"] = (
            f"終了日 {display_date(data.end_on)} が開始日 {display_date(data.start_on)} より前です。"
        )
    if not data.person_ids:
        errors["person_ids"] = "滞在する参加者を1人以上選んでください。"
    if not data.host_id and not data.lodging_id:
        errors["host_id"] = "受入先か宿泊先のどちらかを選んでください。"
    if data.status not in STATUS_MOVES:
        errors["status"] = f"状態「{data.status}」はありません（予定・確定・実施済・中止）。"
    elif data.status == StayStatus.DONE.value and data.start_on and data.start_on > today:
        errors["status"] = f"開始日 {display_date(data.start_on)} が未来の滞在は「実施済」にできません。"
    if len(data.purpose) > 200:
        errors["purpose"] = "目的は200文字以内で入力してください。"
    host_ids = [h for h in (data.host_id, data.lodging_id) if h]
    if host_ids:
        hosts.update((row[0], row) for row in _raw(session, _HOSTS_SQL, host_ids))
    for key, label in (("host_id", "受入先"), ("lodging_id", "宿泊先")):
        host_id = getattr(data, key)
        if host_id:
            row = hosts.get(host_id)
            if row is None or row[2] is not None:
                errors[key] = f"{label}が見つかりません（削除された可能性があります）。"
            elif not row[3]:
                errors[key] = f"{label}「{row[1]}」はアーカイブ済みです。先に有効に戻してください。"
    if data.programme_id and live_or_none(session, Programme, data.programme_id) is None:
        errors["programme_id"] = "プログラムが見つかりません（削除された可能性があります）。"
    if data.person_ids:
        found = {pid: (name, deleted) for pid, name, deleted in _raw(session, _PERSONS_SQL, data.person_ids)}
        missing = [p for p in data.person_ids if p not in found]
        deleted = [found[p][0] for p in data.person_ids if p in found and found[p][1] is not None]
        if deleted:
            errors["person_ids"] = f"参加者「{'、'.join(deleted)}」は削除されています。滞在を登録できません。"
        elif missing:
            errors["person_ids"] = f"参加者が見つかりません（ID: {', '.join(missing)}）。"
    for person_id, enrollment_id in data.enrollments.items():
        enrollment = session.get(Enrollment, enrollment_id)
        if (
            person_id not in data.person_ids
            or enrollment is None
            or enrollment.deleted_at is not None
            or enrollment.person_id != person_id
        ):
            errors["enrollments"] = "プログラム参加（エンロール）の指定が参加者と合いません。"
    return add_length_errors(errors, Stay, data)


def _person_conflicts(session: Session, data: StayInput, exclude_stay_id: str | None) -> None:
    """Refuse when a person already has a live, not cancelled stay on any of these days."""
    found = _raw(session, _PERSON_CLASH_SQL, data.person_ids, (
        StayStatus.CANCELLED.value, data.end_on.isoformat(), data.start_on.isoformat(), exclude_stay_id or "",
    ))
    clash = found[0] if found else None
    if clash:
        name, start, end, host_name = clash
        where = f"（{host_name}）" if host_name else ""
        raise ConflictError(
            f"{name} さんは {display_date(_as_date(start))}〜{display_date(_as_date(end))} に別の滞在{where}があり、"
            "日付が重なります。日付を変えるか、先の滞在を中止にしてください。"
        )


def night_occupancy(
    session: Session, lodging_id: str, start: date, end: date, exclude_stay_id: str | None = None
) -> dict[date, int]:
    """Persons already sleeping at the lodging on each night of start … end − 1."""
    nights = stay_nights(start, end)
    if not nights:
        return {}
    occupancy = dict.fromkeys(nights, 0)
    for other_start, other_end, count in _raw(session, _LODGING_NIGHTS_SQL, params=(
        lodging_id, end.isoformat(), start.isoformat(), StayStatus.CANCELLED.value, exclude_stay_id or "",
    )):
        for night in stay_nights(max(_as_date(other_start), start), min(_as_date(other_end), end)):
            occupancy[night] += count
    return occupancy


def _capacity_overflow(
    session: Session, data: StayInput, exclude_stay_id: str | None, hosts: dict | None = None
) -> tuple[str, int, date, int] | None:
    """(lodging name, capacity, first night over capacity, persons that night) or None."""
    if not data.lodging_id:
        return None
    row = (hosts or {}).get(data.lodging_id)
    if row is None:
        found = _raw(session, _HOSTS_SQL, [data.lodging_id])
        row = found[0] if found else None
    if row is None or row[4] is None:
        return None  # not a place with a counted number of beds
    occupancy = night_occupancy(session, data.lodging_id, data.start_on, data.end_on, exclude_stay_id)
    for night, already in sorted(occupancy.items()):
        if already + len(data.person_ids) > row[4]:
            return row[1], row[4], night, already + len(data.person_ids)
    return None


def check_stay(
    session: Session, data: StayInput, exclude_stay_id: str | None = None, today: date | None = None
) -> StayInput:
    """Normalise and check; raises ValidationError or ConflictError, changes nothing."""
    data = _normalised(data)
    hosts: dict = {}
    errors = _validate(session, data, today or date.today(), hosts)
    if errors:
        raise ValidationError(errors)
    if data.status == StayStatus.CANCELLED.value:
        return data  # a cancelled stay takes no bed and no day
    # On a server, two coordinators booking at once: the persons and the lodging are held until
    # the commit, so the overlap and capacity reads below see whatever the other one saved.
    versions.lock_rows(session, Person, data.person_ids)
    versions.lock_rows(session, Host, [data.lodging_id])
    _person_conflicts(session, data, exclude_stay_id)
    overflow = _capacity_overflow(session, data, exclude_stay_id, hosts)
    if overflow is None:
        data.override_reason = ""
    elif not data.override_reason:
        lodging_name, capacity, night, persons = overflow
        raise CapacityError(
            f"{display_date(night)} の夜、{lodging_name} の定員 {capacity} 名を超えます"
            f"（この滞在を含めて {persons} 名）。定員を超えて登録するには理由を入力してください。",
            lodging_name, night, persons, capacity,
        )
    return data


# ------------------------------------------------------------------ writes


def _participants(session: Session, stay_id: str) -> dict[str, StayParticipant]:
    rows = session.execute(
        live_rows(StayParticipant).where(StayParticipant.stay_id == stay_id)
    ).scalars()
    return {row.person_id: row for row in rows}


def _snapshot(session: Session, stay: Stay) -> dict:
    values = {name: getattr(stay, name) for name in _STAY_FIELDS}
    values["kind"] = stay.kind
    values["capacity_override_reason"] = stay.capacity_override_reason
    parts = _participants(session, stay.id)
    values["person_ids"] = sorted(parts)
    values["enrollments"] = {p: row.enrollment_id for p, row in sorted(parts.items()) if row.enrollment_id}
    return values


def _apply(session: Session, stay: Stay, data: StayInput) -> None:
    for name in _STAY_FIELDS:
        setattr(stay, name, getattr(data, name))
    stay.kind = kind_for(session, data.start_on, data.end_on)
    stay.capacity_override_reason = data.override_reason


def _audit_override(session: Session, stay_id: str, data: StayInput, before_reason: str = "") -> None:
    if data.override_reason and data.override_reason != before_reason:
        audit.record(
            session, "capacity_override", "stay", stay_id,
            {"lodging_id": [None, data.lodging_id], "reason": [before_reason or None, data.override_reason]},
        )


def create_stay(session: Session, data: StayInput, *, today: date | None = None) -> str:
    data = check_stay(session, data, today=today)
    stay = Stay(start_on=data.start_on, end_on=data.end_on)
    _apply(session, stay, data)
    session.add(stay)
    session.flush()
    session.add_all(
        StayParticipant(stay_id=stay.id, person_id=p, enrollment_id=data.enrollments.get(p))
        for p in data.person_ids
    )
    session.flush()
    audit.record(session, "create", "stay", stay.id, audit.diff({}, _snapshot(session, stay)))
    _audit_override(session, stay.id, data)
    if stay.status == StayStatus.DONE.value:
        refresh_last_activity(session, data.person_ids)
    return stay.id


def _live_stay(session: Session, stay_id: str) -> Stay:
    return live(session, Stay, stay_id, "滞在")


def update_stay(session: Session, stay_id: str, data: StayInput, *, today: date | None = None, expected_version: int | None = None) -> bool:
    """Save an edit; returns False when nothing differed."""
    check_version(session, Stay, stay_id, expected_version, "stay", "滞在")
    stay = _live_stay(session, stay_id)
    if data.status != stay.status and data.status not in STATUS_MOVES.get(stay.status, ()):
        raise ValidationError({"status": f"状態を「{stay.status}」から「{data.status}」には変更できません。"})
    data = check_stay(session, data, exclude_stay_id=stay_id, today=today)
    before = _snapshot(session, stay)
    was_done = stay.status == StayStatus.DONE.value
    now = utc_now()
    # Every change goes out in the one flush below, so a save raises the row version by one
    # (store/versions.py): "who changed which fields" reads that many audit entries.
    with session.no_autoflush:
        _apply(session, stay, data)
        parts = _participants(session, stay_id)
        persons_changed = False
        for person_id, row in parts.items():
            if person_id not in data.person_ids:
                row.deleted_at = row.updated_at = now
                persons_changed = True
            elif row.enrollment_id != data.enrollments.get(person_id):
                row.enrollment_id, row.updated_at = data.enrollments.get(person_id), now
                persons_changed = True
        added = [StayParticipant(stay_id=stay_id, person_id=p, enrollment_id=data.enrollments.get(p))
                 for p in data.person_ids if p not in parts]
        session.add_all(added)
        if persons_changed or added or session.is_modified(stay):
            stay.updated_at = now
    session.flush()
    changes = audit.diff(before, _snapshot(session, stay))
    if not changes:
        return False
    audit.record(session, "update", "stay", stay_id, changes)
    _audit_override(session, stay_id, data, before["capacity_override_reason"])
    if was_done or stay.status == StayStatus.DONE.value:
        refresh_last_activity(session, set(parts) | set(data.person_ids))
    return True


def load_stay_input(session: Session, stay_id: str) -> StayInput:
    stay = _live_stay(session, stay_id)
    parts = _participants(session, stay_id)
    ordered = session.execute(
        select(StayParticipant.person_id)
        .where(StayParticipant.stay_id == stay_id, StayParticipant.deleted_at.is_(None))
        .order_by(StayParticipant.created_at, StayParticipant.id)
    ).scalars()
    return StayInput(
        person_ids=list(ordered),
        enrollments={p: row.enrollment_id for p, row in parts.items() if row.enrollment_id},
        override_reason=stay.capacity_override_reason,
        **{name: getattr(stay, name) for name in _STAY_FIELDS},
    )


def set_status(
    session: Session, stay_id: str, status: str, *, override_reason: str | None = None, today: date | None = None
) -> bool:
    data = load_stay_input(session, stay_id)
    data.status = status
    if override_reason is not None:
        data.override_reason = override_reason
    return update_stay(session, stay_id, data, today=today)


def delete_stay(session: Session, stay_id: str) -> None:
    """Soft delete of a stay entered by mistake (a stay that did not happen is 中止 instead)."""
    stay = _live_stay(session, stay_id)
    persons = list(_participants(session, stay_id))
    soft_delete(session, stay, "stay", {"start_on": [stay.start_on.isoformat(), None]})
    if stay.status == StayStatus.DONE.value:
        refresh_last_activity(session, persons)


# ------------------------------------------------------------------ person-days


def person_day_rows(session: Session, period: Period, programme_id: str | None = None):
    """(start, end, live persons, status) of the live stays that touch the period."""
    persons = (
        select(func.count())
        .select_from(StayParticipant)
        .join(Person, Person.id == StayParticipant.person_id)
        .where(
            StayParticipant.stay_id == Stay.id,
            StayParticipant.deleted_at.is_(None),
            Person.deleted_at.is_(None),
        )
        .scalar_subquery()
    )
    conditions = [Stay.deleted_at.is_(None), Stay.start_on <= period.end, Stay.end_on >= period.start]
    if programme_id:
        conditions.append(Stay.programme_id == programme_id)
    return session.execute(select(Stay.start_on, Stay.end_on, persons, Stay.status).where(and_(*conditions))).all()


def person_days(session: Session, period: Period, programme_id: str | None = None) -> PersonDays:
    """人日 in the period (docs/stays.md): achieved from 実施済, planned from 予定・確定."""
    return count_person_days(person_day_rows(session, period, programme_id), period)
