"""Generate a large coordinator file for the speed benchmarks.

    python benchmarks/generate.py [--persons 100000] [--out benchmarks/data/bench.sqlite3] [--seed 1]

The schema comes from ``store.create_database`` (the real migrations); rows
are bulk-inserted with sqlite3 ``executemany`` on one connection, with the
secondary indexes dropped during the load and rebuilt after it (sorting once is
far quicker than updating them row by row). Search keys use the same domain
functions as the app. ``last_activity_on`` is set by one UPDATE from the data.

Proportions per 100,000 persons: ~190,000 ties, 1,000,000 interactions,
20 programmes (one of 5,000 enrollments, ~30,000 in all), 500 hosts (50
lodgings), 200,000 stays with ~300,000 participants, 50,000 shipments and
100,000 letters. Stays are not checked against lodging capacity: the file
measures speed, not the rules.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

import jaconv  # noqa: E402

from kankei_desktop.domain.enums import (  # noqa: E402
    RESIDENCE_AREAS, InteractionKind, LadderStage, ProgrammeKind, Tie,
)
from kankei_desktop.domain.programme_templates import TEMPLATES  # noqa: E402
from kankei_desktop.domain.text import person_search_columns  # noqa: E402
from kankei_desktop.services.demo import names as N  # noqa: E402
from kankei_desktop.services.addresses import lookup_postal_code  # noqa: E402
from kankei_desktop.store import create_database  # noqa: E402

TODAY = date(2026, 11, 26)
FIRST_DAY = date(2022, 4, 1)
CHUNK = 50_000


class Loader:
    """One sqlite3 connection, one transaction per table, a timing line per table."""

    def __init__(self, path: Path, rng: random.Random):
        self.connection = sqlite3.connect(path, isolation_level=None)
        for pragma in ("synchronous=OFF", "cache_size=-200000", "temp_store=MEMORY", "foreign_keys=OFF"):
            self.connection.execute(f"PRAGMA {pragma}")
        self.rng = rng
        self.now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
        self.timings: list[tuple[str, int, float, float]] = []
        self.counter = 0x0193_56A0_0000  # looks like a 2024 UUIDv7 millisecond prefix

    def new_id(self) -> str:
        # A counter in the first 48 bits (as in UUIDv7, time-ordered) and random bits after it:
        # a valid version-4 UUID string, but primary keys arrive in order, so the id indexes
        # are appended to instead of split at random. Formatted by hand: uuid.UUID is 2x slower.
        self.counter += 1
        bits = self.rng.getrandbits(76)
        h = f"{self.counter:012x}{bits:019x}"
        return f"{h[:8]}-{h[8:12]}-4{h[12:15]}-{'89ab'[bits & 3]}{h[16:19]}-{h[19:31]}"

    def insert(self, table: str, columns: tuple[str, ...], rows) -> list[str]:
        """Insert (id-less) value tuples; returns the new ids in order."""
        started, cpu = time.perf_counter(), time.process_time()
        names = ("id", "created_at", "updated_at", "deleted_at") + columns
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        ids: list[str] = []
        now = self.now

        def with_ids():
            for row in rows:
                new = self.new_id()
                ids.append(new)
                yield (new, now, now, None) + row

        self.connection.execute("BEGIN")
        self.connection.executemany(sql, with_ids())
        self.connection.execute("COMMIT")
        self._report(table, len(ids), started, cpu)
        return ids

    def _report(self, label: str, count: int, started: float, cpu: float) -> None:
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        self.timings.append((label, count, elapsed, cpu))
        rows = f"{count:>10,} rows" if count else " " * 15
        print(f"  {label:<26} {rows}  {elapsed:6.1f} s wall {cpu:6.1f} s CPU", flush=True)

    def step(self, label: str, sql: str) -> None:
        started, cpu = time.perf_counter(), time.process_time()
        self.connection.execute("BEGIN")
        for statement in sql.split(";\n"):
            if statement.strip():
                self.connection.execute(statement)
        self.connection.execute("COMMIT")
        self._report(label, 0, started, cpu)


def _dates(start: date, end: date) -> list[str]:
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def persons(loader: Loader, count: int) -> list[str]:
    rng = loader.rng
    given = [name for names in N.GIVEN_NAMES.values() for name in names]
    by_area = {area: [(code, lookup_postal_code(code)) for code in codes] for area, codes in N.POSTAL_CODES.items()}
    area_weights = (40, 6, 12, 22, 10, 8, 2)  # in RESIDENCE_AREAS order
    stages = [stage.value for stage in LadderStage]
    births = _dates(date(1950, 1, 1), date(2008, 3, 31))
    consents = _dates(date(2022, 4, 1), TODAY)
    romaji: dict[str, str] = {}

    def rows():
        for i in range(count):
            family, family_kana = rng.choice(N.FAMILY_NAMES)
            first, first_kana = rng.choice(given)
            name, furigana = f"{family} {first}", f"{family_kana}　{first_kana}"
            key = first_kana + family_kana
            if key not in romaji:
                romaji[key] = jaconv.kana2alphabet(jaconv.kata2hira(f"{first_kana}.{family_kana}")).lower()
            email = f"{romaji[key]}{i}@example.jp" if rng.random() < 0.85 else ""
            phone = f"0{rng.choice('987')}0-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}" if rng.random() < 0.85 else ""
            area = rng.choices(RESIDENCE_AREAS, area_weights)[0]
            code, found = rng.choice(by_area[area]) if by_area[area] else ("", None)
            kana_key, search_text = person_search_columns(name, furigana, email, phone)
            yield (
                name, furigana, kana_key, rng.choice(births), rng.choice(("男性", "女性")),
                email, phone, code, found.prefecture if found else "", found.city if found else "",
                f"{found.town}1-2-3" if found else "", "", area, "",
                rng.choices(stages, (40, 25, 15, 10, 6, 4))[0], int(rng.random() < 0.92), int(rng.random() < 0.6),
                rng.choice(consents), "", "", search_text,
            )

    return loader.insert("person", (
        "name", "furigana", "furigana_sort", "birth_date", "gender", "email", "phone", "postal_code",
        "prefecture", "city", "address_line", "address_building", "residence_area", "affiliation",
        "ladder_stage", "contact_ok", "photo_ok", "consent_date", "found_via", "notes", "search_text",
    ), rows())


def person_children(loader: Loader, person_ids: list[str]) -> None:
    rng = loader.rng
    ties = [tie.value for tie in Tie]
    loader.insert("person_tie", ("person_id", "tie"), (
        (pid, tie) for pid in person_ids for tie in rng.sample(ties, rng.choice((1, 1, 2, 2, 3)))))
    loader.insert("person_tag", ("person_id", "kind", "name"), (
        (pid, kind, rng.choice(N.INTERESTS if kind == "関心" else N.SKILLS))
        for pid in person_ids for kind in rng.choice(((), ("関心",), ("関心", "スキル")))))
    days = _dates(FIRST_DAY, TODAY)
    stages = loader.connection.execute("SELECT id, ladder_stage, consent_date FROM person").fetchall()

    def changes():
        for pid, stage, registered in stages:
            yield (pid, None, "関心", registered, "bench", "登録")
            if stage != "関心":
                yield (pid, "関心", stage, max(registered, rng.choice(days)), "bench", "")

    loader.insert("ladder_stage_change", ("person_id", "from_stage", "to_stage", "changed_on", "changed_by", "reason"),
                  changes())


def interactions(loader: Loader, person_ids: list[str], programme_ids: list[str], count: int) -> None:
    rng = loader.rng
    kinds = [kind.value for kind in InteractionKind]
    days = _dates(FIRST_DAY, TODAY)
    # A few people account for many touches, as in a real CRM: skew the person choice.
    n = len(person_ids)
    loader.insert("interaction", ("person_id", "kind", "occurred_on", "programme_id", "note"), (
        (person_ids[min(n - 1, int(n * rng.random() ** 1.6))], rng.choice(kinds),
         days[int(len(days) * (1 - rng.random() ** 2))],
         rng.choice(programme_ids) if rng.random() < 0.2 else None, "")
        for _ in range(count)))


def programmes(loader: Loader, person_ids: list[str], total_enrollments: int) -> list[str]:
    rng = loader.rng
    plan = [(kind, fy) for fy in range(2022, 2027) for kind in (
        ProgrammeKind.OTETSUDAI, ProgrammeKind.KOME_LETTER, ProgrammeKind.QUEST, ProgrammeKind.CUSTOM)]
    programme_ids = loader.insert("programme", ("name", "kind", "fiscal_year", "region", "description", "archived"), (
        (f"{kind.value if kind != ProgrammeKind.CUSTOM else 'ふるさとみつけ塾'} {fy}", kind.value, fy,
         rng.choice(("三島郡出雲崎町", "村上市 山北", "新潟市南区", "長岡市 山古志")), "", int(fy < 2025))
        for kind, fy in plan))
    stage_rows = [(pid, stage.name, position, int(stage.is_final), int(stage.is_dropout))
                  for pid, (kind, _fy) in zip(programme_ids, plan)
                  for position, stage in enumerate(TEMPLATES[kind].stages, start=1)]
    stage_ids = loader.insert("programme_stage", ("programme_id", "name", "position", "is_final", "is_dropout"),
                              iter(stage_rows))
    stages_of: dict[str, list[str]] = {}
    for stage_id, (pid, *_rest) in zip(stage_ids, stage_rows):
        stages_of.setdefault(pid, []).append(stage_id)
    loader.insert("programme_target", ("programme_id", "key", "name", "unit", "target_value"), (
        (pid, "participants", "参加者数", "名", 50.0) for pid in programme_ids))
    big = programme_ids[-4]  # おてつだいPlus 2026: the 5,000-enrollment board
    board = min(5_000, len(person_ids))  # small test files have fewer persons than that
    rest = max(1, (total_enrollments - board) // (len(programme_ids) - 1))
    sizes = {pid: min(rest, len(person_ids)) for pid in programme_ids}
    sizes[big] = board
    days = _dates(FIRST_DAY, TODAY)
    enrollment_rows, paths = [], []
    for pid, size in sizes.items():
        stages = stages_of[pid]
        for person in rng.sample(person_ids, size):
            reached = rng.randrange(len(stages))
            start = rng.randrange(len(days) - 60)
            path = [(stages[s], days[start + 10 * s]) for s in range(reached + 1)]
            enrollment_rows.append((pid, person, path[-1][0], path[0][1], path[0][1], path[-1][1], ""))
            paths.append(path)
    enrollment_ids = loader.insert("enrollment", (
        "programme_id", "person_id", "stage_id", "applied_on", "joined_on", "stage_since", "notes"), iter(enrollment_rows))
    loader.insert("enrollment_stage_change", ("enrollment_id", "from_stage_id", "to_stage_id", "changed_on", "changed_by"), (
        (eid, path[i - 1][0] if i else None, stage, on, "bench")
        for eid, path in zip(enrollment_ids, paths) for i, (stage, on) in enumerate(path)))
    return programme_ids


def hosts_and_stays(loader: Loader, person_ids: list[str], programme_ids: list[str], stays: int) -> tuple[list[str], list[str]]:
    rng = loader.rng
    kinds = ["農家"] * 300 + ["集落・公民館"] * 80 + ["NPO・団体"] * 30 + ["企業"] * 40 + ["宿泊施設"] * 50
    host_ids = loader.insert("host", (
        "name", "kind", "contact_person", "phone", "email", "postal_code", "prefecture", "city", "address_line",
        "address_building", "capacity_per_night", "hosts_side_job_talent", "is_active", "notes"), (
        (f"受入先 {i}", kind, "", "", "", "9494308", "新潟県", "三島郡出雲崎町", "", "",
         rng.randint(4, 30) if kind == "宿泊施設" else None, int(kind == "企業" and i % 2 == 0), 1, "")
        for i, kind in enumerate(kinds)))
    lodgings = [hid for hid, kind in zip(host_ids, kinds) if kind == "宿泊施設"]
    others = [hid for hid, kind in zip(host_ids, kinds) if kind != "宿泊施設"]
    stay_programmes = programme_ids[0::4] + programme_ids[2::4]  # おてつだいPlus and クエスト
    days = _dates(FIRST_DAY, date(2027, 3, 31))
    today = TODAY.isoformat()
    stay_rows = []
    for _ in range(stays):
        start = rng.randrange(len(days) - 12)
        length = rng.choices((1, 2, 3, 4, 7, 10), (40, 25, 15, 10, 6, 4))[0]
        start_on, end_on = days[start], days[start + length - 1]
        status = ("中止" if rng.random() < 0.05 else "実施済") if end_on < today else rng.choice(("予定", "確定"))
        kind = "日帰り" if length == 1 else "短期滞在" if length < 7 else "長期滞在"
        stay_rows.append((rng.choice(others), rng.choice(lodgings) if length > 1 else None, start_on, end_on,
                          kind, "", rng.choice(stay_programmes) if rng.random() < 0.7 else None, status, "", ""))
    stay_ids = loader.insert("stay", ("host_id", "lodging_id", "start_on", "end_on", "kind", "purpose",
                                      "programme_id", "status", "capacity_override_reason", "notes"), iter(stay_rows))
    loader.insert("stay_participant", ("stay_id", "person_id", "enrollment_id"), (
        (sid, person, None) for sid in stay_ids
        for person in rng.sample(person_ids, rng.choices((1, 2, 3), (65, 20, 15))[0])))
    return host_ids, others


def mail(loader: Loader, person_ids: list[str], host_ids: list[str], programme_ids: list[str],
         shipments: int, letters: int) -> None:
    rng = loader.rng
    farms = host_ids[:300]
    days = _dates(FIRST_DAY, TODAY - timedelta(days=10))
    rice = programme_ids[1::4]
    shipment_rows = []
    for _ in range(shipments):
        shipped = rng.randrange(len(days))
        carrier = rng.choice(("ゆうパック", "ヤマト運輸"))
        shipment_rows.append((rng.choice(person_ids), rng.choice(farms), rng.choice(rice), N.SHIPMENT_CONTENTS, 1,
                              carrier, str(rng.randrange(10**11, 10**12)), days[shipped], days[shipped],
                              days[min(shipped + 2, len(days) - 1)], None, "配達済", 1500, ""))
    shipment_ids = loader.insert("shipment", (
        "person_id", "host_id", "programme_id", "contents", "quantity", "carrier", "tracking_number", "prepared_on",
        "shipped_on", "delivered_on", "returned_on", "status", "cost_yen", "notes"), iter(shipment_rows))
    columns = ("direction", "person_id", "host_id", "programme_id", "written_on", "sent_on", "received_on",
               "status", "summary", "reply_to_id", "shipment_id")
    # One region letter with each shipment, the rest plain letters; then replies to 40%.
    outgoing = [("地域→参加者", row[0], row[1], row[2], row[8], row[8], row[9], "受取済", "", None, sid)
                for sid, row in zip(shipment_ids, shipment_rows)]
    plain = letters - shipments - int(letters * 0.4)
    for _ in range(plain):
        on = rng.choice(days)
        outgoing.append(("地域→参加者", rng.choice(person_ids), rng.choice(farms), None, on, on, None, "発送済", "", None, None))
    outgoing_ids = loader.insert("letter", columns, iter(outgoing))
    answered = rng.sample(range(len(outgoing)), int(letters * 0.4))
    loader.insert("letter", columns, (
        ("参加者→地域", outgoing[i][1], outgoing[i][2], outgoing[i][3], outgoing[i][5], outgoing[i][5],
         outgoing[i][5], "受取済", "", outgoing_ids[i], None) for i in answered))


# The same touches as services.activity, aggregated once per table rather than per person.
_LAST_ACTIVITY = """
UPDATE person SET last_activity_on = latest.on_day
  FROM (SELECT person_id, MAX(d) AS on_day FROM (
          SELECT person_id, MAX(occurred_on) AS d FROM interaction WHERE deleted_at IS NULL GROUP BY person_id
          UNION ALL
          SELECT sp.person_id, MAX(s.end_on) FROM stay_participant sp JOIN stay s ON s.id = sp.stay_id
           WHERE sp.deleted_at IS NULL AND s.deleted_at IS NULL AND s.status = '実施済' GROUP BY sp.person_id
          UNION ALL
          SELECT person_id, MAX(COALESCE(received_on, sent_on)) FROM letter WHERE deleted_at IS NULL GROUP BY person_id
          UNION ALL
          SELECT person_id, MAX(delivered_on) FROM shipment WHERE deleted_at IS NULL GROUP BY person_id)
        GROUP BY person_id) AS latest
 WHERE latest.person_id = person.id
"""


def generate(out: Path, person_count: int, seed: int) -> float:
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    create_database(out, overwrite=True).close()
    loader = Loader(out, random.Random(seed))
    scale = person_count / 100_000
    indexes = loader.connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    loader.step("drop indexes", ";\n".join(f"DROP INDEX {name}" for name, _sql in indexes))
    person_ids = persons(loader, person_count)
    person_children(loader, person_ids)
    programme_ids = programmes(loader, person_ids, int(30_000 * scale))
    host_ids, _ = hosts_and_stays(loader, person_ids, programme_ids, int(200_000 * scale))
    mail(loader, person_ids, host_ids, programme_ids, int(50_000 * scale), int(100_000 * scale))
    interactions(loader, person_ids, programme_ids, int(1_000_000 * scale))
    loader.step("rebuild indexes", ";\n".join(sql for _name, sql in indexes))
    loader.step("last_activity_on", _LAST_ACTIVITY)
    loader.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    loader.connection.close()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the benchmark database.")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "bench.sqlite3")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"Generating {args.persons:,} persons into {args.out}")
    cpu_started = time.process_time()
    total = generate(args.out, args.persons, args.seed)
    cpu = time.process_time() - cpu_started
    size = args.out.stat().st_size / 1e6
    # CPU time too: on a shared machine the wall time also counts other people's work.
    print(f"Done in {total:.1f} s wall, {cpu:.1f} s CPU ({size:,.0f} MB). "
          "Target: under 120 s for 100,000 persons.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
