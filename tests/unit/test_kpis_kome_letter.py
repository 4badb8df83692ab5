"""お米レター counts its parcels and letters as taking part (docs/kpi.md, issue 16 item 1).

A small set worked out by hand (fiscal year 2026, programme K = お米レター, O = おてつだいPlus):
- S1: rice shipped 2026/05/10, her thank-you letter received 2026/06/01 → 2 activities on 2 dates (リピーター).
- S2: rice and the farmer's letter both 2026/05/10 → 2 activities on 1 date (not a repeater).
- S3: rice shipped 2026/03/20 (FY2025), thank-you received 2026/04/15 → active in both years (継続者).
- S4: a parcel of おてつだいPlus → no activity (only お米レター's mail counts).
- S5: deleted; her parcel counts nowhere. S6: a parcel still 準備中 (no ship date) → nothing.
So FY2026: 実人数 3, のべ 5 (all from mail), リピーター 1, 継続者 1; K reaches 2 students, 2 お礼状.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timezone

import plain_sql

from kankei_desktop.domain.tables import Letter, Person, Programme, ProgrammeTarget, Shipment
from kankei_desktop.services.kpis import compute_kpis, persons_behind

D = date


def build(session) -> dict[str, str]:
    ids = {}
    for key in ("S1", "S2", "S3", "S4", "S5", "S6"):
        person = Person(name=f"学生{key}", furigana=f"ガクセイ{key}", furigana_sort=f"ガクセイ{key}")
        session.add(person)
        ids[key] = person.id
    k_2025 = Programme(name="お米レター", kind="お米レター", fiscal_year=2025)
    k = Programme(name="お米レター", kind="お米レター", fiscal_year=2026)
    o = Programme(name="おてつだいPlus", kind="おてつだいPlus", fiscal_year=2026)
    session.add_all([k_2025, k, o])
    session.flush()
    session.get(Person, ids["S5"]).deleted_at = datetime(2026, 9, 1, tzinfo=timezone.utc)
    session.add(ProgrammeTarget(programme_id=k.id, key="participants", name="お米を届けた学生", unit="名",
                                target_value=30))
    session.add(ProgrammeTarget(programme_id=k.id, key="replies", name="お礼状", unit="通", target_value=25))

    def parcel(person, shipped, programme=k):
        session.add(Shipment(person_id=ids[person], programme_id=programme.id, shipped_on=shipped,
                             status="発送済" if shipped else "準備中"))

    parcel("S1", D(2026, 5, 10))
    parcel("S2", D(2026, 5, 10))
    parcel("S3", D(2026, 3, 20), k_2025)
    parcel("S4", D(2026, 7, 1), o)
    parcel("S5", D(2026, 5, 10))
    parcel("S6", None)
    session.add(Letter(direction="参加者→地域", person_id=ids["S1"], programme_id=k.id, received_on=D(2026, 6, 1)))
    session.add(Letter(direction="地域→参加者", person_id=ids["S2"], programme_id=k.id, sent_on=D(2026, 5, 10)))
    session.add(Letter(direction="参加者→地域", person_id=ids["S3"], programme_id=k.id, received_on=D(2026, 4, 15)))
    session.flush()
    ids["K"], ids["O"] = k.id, o.id
    return ids


def test_hand_worked_kome_letter_figures(database):
    with database.session() as session:
        ids = build(session)
    with database.session() as session:
        figures = compute_kpis(session, 2026)
        listed = {key: [row[0] for row in persons_behind(session, key, 2026)]
                  for key in ("unique_persons", "repeaters", "continuing")}
    p = figures.persons
    assert (p.unique_persons, p.person_visits, p.visits_from_mail, p.repeaters, p.continuing) == (3, 5, 5, 1, 1)
    assert p.visits_from_stays == p.visits_from_interactions == 0
    kome = next(g for g in figures.programmes if g.programme_id == ids["K"])
    other = next(g for g in figures.programmes if g.programme_id == ids["O"])
    assert (kome.unique_persons, kome.person_visits, kome.reach, kome.letters_received) == (3, 5, 2, 2)
    assert (other.unique_persons, other.reach) == (0, None)
    targets = {t.key: (t.name, t.actual, t.target) for t in kome.targets}
    assert targets == {"participants": ("お米を届けた学生", 2, 30.0), "replies": ("お礼状", 2, 25.0)}
    assert set(listed["unique_persons"]) == {ids["S1"], ids["S2"], ids["S3"]}
    assert listed["repeaters"] == [ids["S1"]] and listed["continuing"] == [ids["S3"]]


def test_kome_letter_figures_recounted_in_sql_agree_with_stats_json(database):
    """The CLI's JSON against a plain SQL walk of the same file."""
    with database.session() as session:
        ids = build(session)
    run = subprocess.run([sys.executable, "-m", "kankei_desktop", "stats", "--db", str(database.path),
                          "--fiscal-year", "2026", "--json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    connection = plain_sql.connect(database)
    try:
        live = "person_id IN (SELECT id FROM person WHERE deleted_at IS NULL)"
        kome = "programme_id IN (SELECT id FROM programme WHERE kind = 'お米レター')"
        activities = connection.execute(f"""
            SELECT person_id, shipped_on FROM shipment WHERE deleted_at IS NULL AND {live} AND {kome}
              AND shipped_on BETWEEN '2026-04-01' AND '2027-03-31'
            UNION ALL SELECT person_id, sent_on FROM letter WHERE deleted_at IS NULL AND {live} AND {kome}
              AND direction = '地域→参加者' AND sent_on BETWEEN '2026-04-01' AND '2027-03-31'
            UNION ALL SELECT person_id, received_on FROM letter WHERE deleted_at IS NULL AND {live} AND {kome}
              AND direction = '参加者→地域' AND received_on BETWEEN '2026-04-01' AND '2027-03-31'
        """).fetchall()
        reach = connection.execute(f"""SELECT count(DISTINCT person_id) FROM shipment WHERE deleted_at IS NULL
            AND {live} AND programme_id = ? AND shipped_on BETWEEN '2026-04-01' AND '2027-03-31'""",
                                   (ids["K"],)).fetchone()[0]
        replies = connection.execute(f"""SELECT count(*) FROM letter WHERE deleted_at IS NULL AND {live}
            AND programme_id = ? AND direction = '参加者→地域' AND received_on BETWEEN '2026-04-01' AND '2027-03-31'""",
                                     (ids["K"],)).fetchone()[0]
    finally:
        connection.close()
    assert data["persons"]["person_visits"] == data["persons"]["visits_from_mail"] == len(activities)
    assert data["persons"]["unique_persons"] == len({person for person, _day in activities})
    programme = next(g for g in data["programmes"] if g["programme_id"] == ids["K"])
    assert (programme["reach"], programme["letters_received"]) == (reach, replies) == (2, 2)
    assert {t["key"]: t["actual"] for t in programme["targets"]} == {"participants": reach, "replies": replies}
