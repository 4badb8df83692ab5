"""The rules, checked again on what a package touched: the two offices' records together may
put a lodging over capacity, a person in two overlapping stays, or one person in twice."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from kankei_desktop.domain.enums import StayStatus
from kankei_desktop.services.duplicates import find_duplicates_of


def _ids(touched: dict, table: str) -> list[str]:
    return sorted(touched.get(table, ()))


def _in(ids: list[str]) -> tuple[str, dict]:
    return ",".join(f":i{n}" for n in range(len(ids))), {f"i{n}": value for n, value in enumerate(ids)}


def findings_after(session, touched: dict) -> list[dict]:
    """Findings to resolve: {"rule", "message", "ids"} each; nothing is changed here."""
    stays = set(_ids(touched, "stay"))
    participants = _ids(touched, "stay_participant")
    for start in range(0, len(participants), 500):
        marks, params = _in(participants[start:start + 500])
        stays.update(r[0] for r in session.execute(
            text(f"SELECT stay_id FROM stay_participant WHERE id IN ({marks})"), params))
    findings = _capacity(session, sorted(stays)) + _overlaps(session, sorted(stays))
    return findings + _duplicates(session, _ids(touched, "person"))


def _capacity(session, stay_ids: list[str]) -> list[dict]:
    found, seen = [], set()
    for start in range(0, len(stay_ids), 500):
        marks, params = _in(stay_ids[start:start + 500])
        rows = session.execute(text(
            f"SELECT DISTINCT s.lodging_id, h.name, h.capacity_per_night FROM stay s JOIN host h ON h.id = s.lodging_id"
            f" WHERE s.id IN ({marks}) AND s.deleted_at IS NULL AND h.capacity_per_night IS NOT NULL"), params).all()
        for lodging_id, name, capacity in rows:
            if lodging_id in seen:
                continue
            seen.add(lodging_id)
            nights: dict[str, int] = {}
            stays_there = session.execute(text(
                "SELECT s.id, s.start_on, s.end_on, s.capacity_override_reason,"
                " (SELECT count(*) FROM stay_participant p WHERE p.stay_id = s.id AND p.deleted_at IS NULL)"
                " FROM stay s WHERE s.lodging_id = :l AND s.deleted_at IS NULL AND s.status != :cancelled"),
                {"l": lodging_id, "cancelled": StayStatus.CANCELLED.value}).all()
            reasons = any(r[3] for r in stays_there)
            for _id, begin, end, _reason, persons in stays_there:
                day, last = date.fromisoformat(str(begin)[:10]), date.fromisoformat(str(end)[:10])
                while day < last:
                    nights[day.isoformat()] = nights.get(day.isoformat(), 0) + persons
                    day += timedelta(days=1)
            over = sorted(night for night, persons in nights.items() if persons > capacity)
            if over and not reasons:
                found.append({"rule": "capacity", "ids": [lodging_id],
                              "message": f"{name} の定員 {capacity} 名を {over[0].replace('-', '/')} の夜に超えています"
                                         f"（{nights[over[0]]} 名、ほか {len(over) - 1} 夜）。両方の事務所の滞在を合わせた結果です。"})
    return found


def _overlaps(session, stay_ids: list[str]) -> list[dict]:
    found, pairs = [], set()
    for start in range(0, len(stay_ids), 500):
        marks, params = _in(stay_ids[start:start + 500])
        rows = session.execute(text(
            "SELECT pe.name, a.id, b.id, a.start_on, a.end_on, b.start_on, b.end_on, pe.id"
            " FROM stay a JOIN stay_participant pa ON pa.stay_id = a.id AND pa.deleted_at IS NULL"
            " JOIN stay_participant pb ON pb.person_id = pa.person_id AND pb.deleted_at IS NULL AND pb.stay_id != a.id"
            " JOIN stay b ON b.id = pb.stay_id AND b.deleted_at IS NULL AND b.status != :cancelled"
            " JOIN person pe ON pe.id = pa.person_id"
            f" WHERE a.id IN ({marks}) AND a.deleted_at IS NULL AND a.status != :cancelled"
            " AND a.start_on <= b.end_on AND b.start_on <= a.end_on"),
            {**params, "cancelled": StayStatus.CANCELLED.value}).all()
        for name, a, b, a_start, a_end, b_start, b_end, person_id in rows:
            key = (person_id, *sorted((a, b)))
            if key in pairs:
                continue
            pairs.add(key)
            found.append({"rule": "overlap", "ids": [person_id, a, b],
                          "message": f"{name} さんの滞在 {str(a_start)[:10]}〜{str(a_end)[:10]} と "
                                     f"{str(b_start)[:10]}〜{str(b_end)[:10]} の日付が重なっています。"})
    return found


class _Keys:
    def __init__(self, row):
        self.furigana, self.birth_date, self.email, self.phone, self.postal_code = row


def _duplicates(session, person_ids: list[str]) -> list[dict]:
    found, pairs = [], set()
    for person_id in person_ids:
        row = session.execute(text("SELECT furigana, birth_date, email, phone, postal_code, name, deleted_at"
                                   " FROM person WHERE id = :id"), {"id": person_id}).first()
        if row is None or row[6] is not None:
            continue
        for other in find_duplicates_of(session, _Keys(row[:5]), exclude_id=person_id):
            key = tuple(sorted((person_id, other)))
            if key in pairs:
                continue
            pairs.add(key)
            found.append({"rule": "duplicate", "ids": list(key),
                          "message": f"{row[5]} さんは両方の事務所で別々に登録されているようです。統合を検討してください。"})
    return found
