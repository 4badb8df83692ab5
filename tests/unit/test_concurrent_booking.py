"""Two processes race to book the last bed on a real server: exactly one gets it.

Each process books, for its own person, every one of several one-bed lodgings the moment a
shared start signal appears; both go at the same instant. Without the lodging held for the
check (services/stays.py → store/versions.lock_rows), both would read "one bed free" and
both would save. Skipped without a server (pytest --pg): a file has one writer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

import pg_support
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person

pytestmark = pytest.mark.skipif(not pg_support.active(), reason="needs a PostgreSQL server (pytest --pg)")

LODGINGS = 6

BOOKER = textwrap.dedent("""
    import json, sys, time
    from datetime import date
    from pathlib import Path
    from kankei_desktop.domain.errors import KankeiError
    from kankei_desktop.services import stays
    from kankei_desktop.store import open_database
    from kankei_desktop.store.server import ServerAddress

    url, person, lodgings, gate = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), Path(sys.argv[4])
    database = open_database(ServerAddress(url))
    with database.session() as session:  # connected and warm before the start
        session.execute(__import__("sqlalchemy").text("SELECT 1"))
    print("ready", flush=True)
    while not gate.exists():
        time.sleep(0.005)
    for number, lodging in enumerate(lodgings):  # a week each: a person's stays never overlap
        data = stays.StayInput(person_ids=[person], lodging_id=lodging,
                               start_on=date(2026, 8, 1 + 4 * number), end_on=date(2026, 8, 3 + 4 * number))
        try:
            with database.session() as session:
                stays.create_stay(session, data, today=date(2026, 7, 1))
            print(json.dumps(["ok", lodging]), flush=True)
        except KankeiError as error:
            print(json.dumps([type(error).__name__, lodging, error.message]), flush=True)
    database.close()
""")


def test_two_processes_racing_for_the_last_bed(database, tmp_path):
    with database.session() as session:
        persons = [create_person(session, PersonInput(name=name, furigana=kana))
                   for name, kana in (("山田 太郎", "ヤマダ タロウ"), ("佐藤 花子", "サトウ ハナコ"))]
        lodgings = [create_host(session, HostInput(name=f"民宿{n}", kind="宿泊施設", capacity_per_night=1))
                    for n in range(LODGINGS)]
    gate = tmp_path / "go"
    runs = [subprocess.Popen([sys.executable, "-c", BOOKER, str(database.path), person, json.dumps(lodgings),
                              str(gate)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for person in persons]
    for run in runs:
        assert run.stdout.readline().strip() == "ready"
    gate.touch()
    results = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        results += [json.loads(line) for line in out.splitlines()]
    for lodging in lodgings:
        outcomes = sorted(result[0] for result in results if result[1] == lodging)
        assert outcomes == ["CapacityError", "ok"]
        refused = next(r for r in results if r[1] == lodging and r[0] != "ok")
        assert "定員 1 名を超えます" in refused[2]
    with database.session() as session:
        booked = session.execute(text(
            "SELECT s.lodging_id, count(*) FROM stay s JOIN stay_participant p ON p.stay_id = s.id"
            " WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL GROUP BY s.lodging_id")).all()
    assert sorted(booked) == sorted((lodging, 1) for lodging in lodgings)
