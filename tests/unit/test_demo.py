"""The demo data: deterministic, complete, and inside the rules the app enforces."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kankei_desktop.domain.enums import RESIDENCE_AREAS, LadderStage
from kankei_desktop.domain.text import is_katakana
from kankei_desktop.services import activity, demo
from kankei_desktop.services.addresses import lookup_postal_code
from kankei_desktop.store import create_database, open_database


def _load(path):
    database = create_database(path)
    with database.session() as session:
        summary = demo.load_demo_data(session)
    database.close()
    return summary


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    summary = _load(path)
    connection = sqlite3.connect(path)
    yield connection, summary
    connection.close()


def _content(connection: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every table's rows without ids and timestamps, which differ run to run by design."""
    tables = [r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
    content = {}
    for table in tables:
        columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})")
                   if r[1] not in ("id", "created_at", "updated_at", "at") and not r[1].endswith("_id")]
        rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        content[table] = sorted(rows, key=repr)
    return content


def test_two_loads_write_the_same_story(demo_db, tmp_path):
    first, summary = demo_db
    assert _load(tmp_path / "again.sqlite3") == summary
    second = sqlite3.connect(tmp_path / "again.sqlite3")
    try:
        names = "SELECT name, furigana FROM person ORDER BY furigana_sort, name"
        assert first.execute(names).fetchall() == second.execute(names).fetchall()
        assert _content(first) == _content(second)
    finally:
        second.close()


def test_summary_and_sizes(demo_db):
    connection, summary = demo_db
    assert summary.startswith("参加者 300 名、プログラム 8 件")
    count = lambda table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert count("person") == 300
    assert count("programme") == 8
    for table in ("enrollment", "enrollment_stage_change", "stay", "stay_participant", "shipment",
                  "letter", "interaction", "custom_indicator_value", "programme_target", "ladder_stage_change"):
        assert count(table) > 0, table
    value = connection.execute("SELECT value_json FROM setting WHERE key='organisation_name'").fetchone()[0]
    assert json.loads(value) == demo.ORGANISATION


def test_every_programme_stage_has_someone(demo_db):
    connection, _ = demo_db
    empty = connection.execute(
        """SELECT p.name, p.fiscal_year, s.name FROM programme_stage s JOIN programme p ON p.id = s.programme_id
           WHERE NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.stage_id = s.id AND e.deleted_at IS NULL)"""
    ).fetchall()
    assert empty == []
    kinds = {r[0] for r in connection.execute("SELECT DISTINCT kind FROM programme")}
    assert kinds == {"おてつだいPlus", "お米レター", "田舎暮らしクエスト", "その他"}
    assert {r[0] for r in connection.execute("SELECT DISTINCT fiscal_year FROM programme")} == {2025, 2026}


def test_enrollment_histories_move_forward_in_time(demo_db):
    connection, _ = demo_db
    rows = connection.execute(
        "SELECT enrollment_id, changed_on FROM enrollment_stage_change ORDER BY enrollment_id, rowid").fetchall()
    last: dict[str, str] = {}
    for enrollment_id, changed_on in rows:
        assert changed_on >= last.get(enrollment_id, ""), enrollment_id
        assert changed_on <= demo.DEMO_TODAY.isoformat()
        last[enrollment_id] = changed_on
    # The current stage is where the history ends.
    mismatched = connection.execute(
        """SELECT COUNT(*) FROM enrollment e WHERE e.stage_id != (
             SELECT c.to_stage_id FROM enrollment_stage_change c WHERE c.enrollment_id = e.id
             ORDER BY c.changed_on DESC, c.rowid DESC LIMIT 1)""").fetchone()[0]
    assert mismatched == 0


def test_no_lodging_is_over_capacity_on_any_night(demo_db):
    connection, _ = demo_db
    over = connection.execute(
        """WITH RECURSIVE nights(stay_id, lodging_id, night, end_on) AS (
             SELECT id, lodging_id, start_on, end_on FROM stay
              WHERE lodging_id IS NOT NULL AND deleted_at IS NULL AND start_on < end_on
             UNION ALL
             SELECT stay_id, lodging_id, date(night, '+1 day'), end_on FROM nights
              WHERE date(night, '+1 day') < end_on)
           SELECT h.name, n.night, COUNT(sp.id) AS guests, h.capacity_per_night
             FROM nights n
             JOIN stay_participant sp ON sp.stay_id = n.stay_id AND sp.deleted_at IS NULL
             JOIN host h ON h.id = n.lodging_id
            GROUP BY n.lodging_id, n.night
           HAVING guests > h.capacity_per_night""").fetchall()
    assert over == []
    used = connection.execute("SELECT COUNT(DISTINCT lodging_id) FROM stay WHERE lodging_id IS NOT NULL").fetchone()[0]
    assert used >= 2
    not_lodgings = connection.execute(
        "SELECT COUNT(*) FROM stay s JOIN host h ON h.id = s.lodging_id WHERE h.capacity_per_night IS NULL").fetchone()[0]
    assert not_lodgings == 0


def test_nobody_is_in_two_places_at_once(demo_db):
    connection, _ = demo_db
    clashes = connection.execute(
        """SELECT a.person_id, sa.start_on, sa.end_on, sb.start_on, sb.end_on
             FROM stay_participant a
             JOIN stay_participant b ON b.person_id = a.person_id AND b.stay_id > a.stay_id
             JOIN stay sa ON sa.id = a.stay_id
             JOIN stay sb ON sb.id = b.stay_id
            WHERE sa.start_on <= sb.end_on AND sb.start_on <= sa.end_on""").fetchall()
    assert clashes == []


def test_stays_have_consistent_kinds_statuses_and_cross_the_year_end(demo_db):
    connection, _ = demo_db
    for start, end, kind, status in connection.execute("SELECT start_on, end_on, kind, status FROM stay"):
        days = connection.execute("SELECT julianday(?) - julianday(?) + 1", (end, start)).fetchone()[0]
        expected = "日帰り" if days == 1 else "短期滞在" if days <= 6 else "長期滞在"
        assert kind == expected, (start, end, kind)
        if status == "実施済":
            assert end < demo.DEMO_TODAY.isoformat()
    statuses = {r[0] for r in connection.execute("SELECT DISTINCT status FROM stay")}
    assert statuses == {"予定", "確定", "実施済", "中止"}
    kinds = {r[0] for r in connection.execute("SELECT DISTINCT kind FROM stay")}
    assert kinds == {"日帰り", "短期滞在", "長期滞在"}
    crossing = connection.execute(
        "SELECT COUNT(*) FROM stay WHERE start_on <= '2026-03-31' AND end_on >= '2026-04-01'").fetchone()[0]
    assert crossing >= 1
    programmes = {r[0] for r in connection.execute(
        "SELECT DISTINCT p.kind || p.fiscal_year FROM stay s JOIN programme p ON p.id = s.programme_id")}
    assert {"おてつだいPlus2025", "おてつだいPlus2026", "田舎暮らしクエスト2025", "田舎暮らしクエスト2026"} <= programmes


def test_persons_look_real(demo_db):
    connection, _ = demo_db
    rows = connection.execute(
        "SELECT name, furigana, postal_code, prefecture, city, residence_area, phone, ladder_stage FROM person").fetchall()
    for name, furigana, code, prefecture, city, area, phone, _stage in rows:
        assert " " in name and furigana and is_katakana(furigana) and "　" in furigana, (name, furigana)
        assert area in RESIDENCE_AREAS
        if code:
            assert len(code) == 7 and code.isdigit() and prefecture, (name, code)
            found = lookup_postal_code(code)
            assert found and (found.prefecture, found.city) == (prefecture, city)
        if phone:
            assert phone.isascii() and "-" in phone
    with_code = sum(1 for row in rows if row[2])
    assert with_code >= 290
    assert {row[7] for row in rows} == {stage.value for stage in LadderStage}
    assert {row[5] for row in rows} >= {"東京圏", "県内都市部", "関西圏", "県内その他"}
    wrong_ladder = connection.execute(
        """SELECT COUNT(*) FROM person p WHERE p.ladder_stage != (
             SELECT c.to_stage FROM ladder_stage_change c WHERE c.person_id = p.id
             ORDER BY c.changed_on DESC, c.rowid DESC LIMIT 1)""").fetchone()[0]
    assert wrong_ladder == 0
    assert connection.execute("SELECT COUNT(*) FROM person WHERE last_activity_on IS NULL").fetchone()[0] < 30


def test_rice_letters_and_replies(demo_db):
    connection, _ = demo_db
    for carrier, number, status in connection.execute("SELECT carrier, tracking_number, status FROM shipment"):
        if status == "準備中":
            assert number == ""
        elif carrier == "ヤマト運輸":
            assert number.isdigit() and len(number) == 12 and int(number[:11]) % 7 == int(number[11])
        else:
            assert number.isdigit() and len(number) in (11, 12)
    statuses = {r[0] for r in connection.execute("SELECT DISTINCT status FROM shipment")}
    assert statuses == {"準備中", "発送済", "配達済", "返送"}
    bad_replies = connection.execute(
        """SELECT COUNT(*) FROM letter r JOIN letter l ON l.id = r.reply_to_id
            WHERE r.direction != '参加者→地域' OR l.direction != '地域→参加者'
               OR l.shipment_id IS NULL OR r.sent_on < l.received_on""").fetchone()[0]
    assert bad_replies == 0
    replies = connection.execute("SELECT COUNT(*) FROM letter WHERE reply_to_id IS NOT NULL").fetchone()[0]
    unanswered = connection.execute(
        """SELECT COUNT(*) FROM letter l WHERE l.direction = '地域→参加者' AND l.status = '受取済'
             AND NOT EXISTS (SELECT 1 FROM letter r WHERE r.reply_to_id = l.id)""").fetchone()[0]
    assert replies > 0 and unanswered > 0


def test_hosts_include_every_kind_and_side_job_companies(demo_db):
    connection, _ = demo_db
    kinds = {r[0] for r in connection.execute("SELECT DISTINCT kind FROM host")}
    assert {"農家", "集落・公民館", "NPO・団体", "企業", "宿泊施設"} <= kinds
    assert connection.execute("SELECT COUNT(*) FROM host WHERE hosts_side_job_talent").fetchone()[0] >= 1
    assert connection.execute(
        "SELECT COUNT(*) FROM host WHERE kind = '宿泊施設' AND capacity_per_night > 0").fetchone()[0] >= 2


def test_cli_init_demo_then_check(tmp_path):
    path = tmp_path / "demo.db"
    init = subprocess.run([sys.executable, "-m", "kankei_desktop", "init", "--db", str(path), "--demo"],
                          capture_output=True, text=True, encoding="utf-8")
    assert init.returncode == 0, init.stderr
    assert "参加者 300 名" in init.stdout
    check = subprocess.run([sys.executable, "-m", "kankei_desktop", "check", "--db", str(path)],
                           capture_output=True, text=True, encoding="utf-8")
    assert check.returncode == 0, check.stderr
    assert "300" in check.stdout


def test_benchmark_generator_makes_a_sound_file(tmp_path):
    """benchmarks/generate.py at a small scale: the real schema, consistent rows, `check` passes."""
    path = tmp_path / "bench.sqlite3"
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
    run = subprocess.run([sys.executable, str(script), "--persons", "500", "--out", str(path)],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    check = subprocess.run([sys.executable, "-m", "kankei_desktop", "check", "--db", str(path), "--full"],
                           capture_output=True, text=True, encoding="utf-8")
    assert check.returncode == 0, check.stderr
    connection = sqlite3.connect(path)
    try:
        count = lambda sql: connection.execute(sql).fetchone()[0]  # noqa: E731
        assert count("SELECT COUNT(*) FROM person") == 500
        assert count("SELECT COUNT(*) FROM interaction") == 5_000
        assert count("SELECT COUNT(*) FROM stay") == 1_000
        assert count("SELECT COUNT(*) FROM programme") == 20
        # The indexes dropped for the load are all back.
        assert count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_interaction_person_date'") == 1
        # last_activity_on, set by one UPDATE, agrees with what services.activity computes.
        everyone = "SELECT id, last_activity_on FROM person ORDER BY id"
        before = connection.execute(everyone).fetchall()
        database = open_database(path)
        with database.session() as session:
            activity.refresh_last_activity(session, [person_id for person_id, _ in before])
        database.close()
        assert connection.execute(everyone).fetchall() == before
        assert sum(1 for _, last in before if last) > 450
        assert count("SELECT COUNT(*) FROM person WHERE search_text = '' OR furigana_sort = ''") == 0
    finally:
        connection.close()
