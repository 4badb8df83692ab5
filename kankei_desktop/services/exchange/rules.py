"""The rules, checked again on what a package touched: the two offices' records together may
put a lodging over capacity, a person in two overlapping stays, or one person in twice."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from kankei_desktop.domain.enums import StayStatus
from kankei_desktop.services.duplicates import duplicate_key_sets


def _ids(touched: dict, table: str) -> list[str]:
    return sorted(touched.get(table, ()))


def _in(ids: list[str]) -> tuple[str, dict]:
    return ",".join(f":i{n}" for n in range(len(ids))), {f"i{n}": value for n, value in enumerate(ids)}


def findings_after(session, touched: dict, added_persons: set[str] = frozenset()) -> list[dict]:
    """Findings to resolve: {"rule", "message", "ids"} each; nothing is changed here.

    Likely duplicates are looked for among the persons the package added (registered at the
    other office): a person both offices already shared is not a new duplicate."""
    stays = set(_ids(touched, "stay"))
    participants = _ids(touched, "stay_participant")
    for start in range(0, len(participants), 500):
        marks, params = _in(participants[start:start + 500])
        stays.update(r[0] for r in session.execute(
            text(f"SELECT stay_id FROM stay_participant WHERE id IN ({marks})"), params))
    findings = _capacity(session, sorted(stays)) + _overlaps(session, sorted(stays))
    return findings + _duplicates(session, sorted(added_persons))


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


def _duplicates(session, person_ids: list[str]) -> list[dict]:
    """Pairs of live persons with the same folded フリガナ and one more key in common
    (``services.duplicates``), read by フリガナ group: each candidate's keys computed once."""
    found, pairs = [], set()
    rows: dict[str, tuple] = {}
    for start in range(0, len(person_ids), 500):
        marks, params = _in(person_ids[start:start + 500])
        for row in session.execute(text(
                "SELECT id, furigana_sort, name, furigana, birth_date, email, phone, postal_code FROM person"
                f" WHERE id IN ({marks}) AND deleted_at IS NULL"), params):
            rows[row[0]] = tuple(row)
    groups = sorted({row[1] for row in rows.values() if row[1]})
    for start in range(0, len(groups), 500):
        marks, params = _in(groups[start:start + 500])
        candidates: dict[str, list] = {}
        for row in session.execute(text(
                "SELECT id, furigana_sort, name, furigana, birth_date, email, phone, postal_code FROM person"
                f" WHERE furigana_sort IN ({marks}) AND deleted_at IS NULL ORDER BY created_at, id"), params):
            candidates.setdefault(row[1], []).append((row[0], row[2], duplicate_key_sets(*row[3:])))
        for group in candidates.values():
            for person_id, name, keys in group:
                if person_id not in rows or not keys:
                    continue
                for other_id, _other_name, other_keys in group:
                    key = tuple(sorted((person_id, other_id)))
                    if other_id == person_id or key in pairs or not keys & other_keys:
                        continue
                    pairs.add(key)
                    found.append({"rule": "duplicate", "ids": list(key),
                                  "message": f"{name} さんは両方の事務所で別々に登録されているようです。統合を検討してください。"})
    return found


def finding_persons(session, finding: dict) -> list[str]:
    """The names of the persons a finding is about, for the window to list it by (the
    enrollment finding's message names nobody; its ids are enrollments)."""
    ids = [str(i) for i in finding.get("ids") or []]
    if not ids:
        return []
    marks, params = _in(ids)
    if finding.get("rule") == "enrollment":
        sql = (f"SELECT DISTINCT p.name FROM enrollment e JOIN person p ON p.id = e.person_id WHERE e.id IN ({marks})"
               " ORDER BY p.name")
    else:
        sql = f"SELECT DISTINCT name FROM person WHERE id IN ({marks}) ORDER BY name"
    return [row[0] for row in session.execute(text(sql), params) if row[0]]
