"""The KPI computation against hand-worked answers and independent SQL counts."""

from __future__ import annotations


import plain_sql
import pytest
from kpi_known_data import EXPECTED, build

from kankei_desktop.domain.calendar import fiscal_year_period
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.services.kpis import SCHEMA_VERSION, compute_kpis
from kankei_desktop.services.kpis.comments import report_comment, save_report_comment
from kankei_desktop.services.stays import person_days as stays_person_days

PARTICIPATION = "('イベント参加','オンラインイベント参加','訪問','ボランティア','主催・講師')"


@pytest.fixture
def known(database):
    with database.session() as session:
        ids = build(session)
    return database, ids


def figures(database, year=2026, quarter=None, programme=None):
    with database.session() as session:
        return compute_kpis(session, year, quarter, programme)


def raw(database, sql, *params):
    """An independent count, straight through sqlite3, not through our code."""
    connection = plain_sql.connect(database)
    try:
        return connection.execute(sql, params).fetchone()
    finally:
        connection.close()


ACTIVITY_SQL = f"""
    SELECT count(*), count(DISTINCT person_id) FROM (
        SELECT i.person_id FROM interaction i JOIN person p ON p.id = i.person_id
        WHERE p.deleted_at IS NULL AND i.deleted_at IS NULL AND i.kind IN {PARTICIPATION}
          AND i.occurred_on BETWEEN ?1 AND ?2
        UNION ALL
        SELECT sp.person_id FROM stay s JOIN stay_participant sp ON sp.stay_id = s.id
        JOIN person p ON p.id = sp.person_id
        WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND sp.deleted_at IS NULL AND s.status = '実施済'
          AND s.start_on <= ?2 AND s.end_on >= ?1) AS activity
"""

DAYS_SQL = """
    SELECT coalesce(sum(julianday(min(s.end_on, ?2)) - julianday(max(s.start_on, ?1)) + 1), 0)
    FROM stay s JOIN stay_participant sp ON sp.stay_id = s.id JOIN person p ON p.id = sp.person_id
    WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND sp.deleted_at IS NULL AND s.status = ?3
      AND s.start_on <= ?2 AND s.end_on >= ?1
"""


def test_persons_match_hand_count_and_independent_sql(known):
    database, _ids = known
    result = figures(database)
    p = result.persons
    assert p.unique_persons == EXPECTED["unique_persons"]
    assert p.person_visits == EXPECTED["person_visits"]
    assert p.visits_from_stays == EXPECTED["visits_from_stays"]
    assert p.repeaters == EXPECTED["repeaters"]
    assert p.repeat_share == pytest.approx(1 / 4)
    assert (p.person_visits, p.unique_persons) == raw(database, ACTIVITY_SQL, "2026-04-01", "2027-03-31")
    assert p.previous_year_unique_persons == raw(database, ACTIVITY_SQL, "2025-04-01", "2026-03-31")[1]
    assert p.continuing == EXPECTED["continuing"]
    assert p.continuing_rate == pytest.approx(0.5)
    assert (p.sustained, p.sustained_base) == (EXPECTED["sustained"], EXPECTED["sustained_base"])
    assert result.has_data and result.schema_version == SCHEMA_VERSION


def test_figures_count_the_sessions_own_unsaved_changes(known):
    """Some figures are read on a second connection; a session that has written must not
    get figures without its own changes."""
    from datetime import date

    from kankei_desktop.domain.tables import Interaction, Letter

    database, ids = known
    before = figures(database)
    with database.session() as session:
        session.add(Interaction(person_id=ids["E"], kind="イベント参加", occurred_on=date(2026, 6, 1)))
        session.add(Letter(direction="地域→参加者", person_id=ids["E"], sent_on=date(2026, 6, 2)))
        session.flush()
        during = compute_kpis(session, 2026)
        session.rollback()
    assert during.persons.person_visits == before.persons.person_visits + 1
    assert during.mail.letters_sent == before.mail.letters_sent + 1
    assert figures(database).to_json_dict() == before.to_json_dict()


def test_person_days_split_at_31_march(known):
    database, _ids = known
    result = figures(database)
    assert result.person_days.achieved == EXPECTED["achieved_days"]
    assert result.person_days.planned == EXPECTED["planned_days"]
    assert result.person_days.achieved == raw(database, DAYS_SQL, "2026-04-01", "2027-03-31", "実施済")[0]
    # The other halves: A and B's 1–2 April 2027 go to FY2027, F's 30–31 March 2026 to FY2025.
    assert figures(database, 2027).person_days.achieved == 4
    assert figures(database, 2025).person_days.achieved == 2
    # The stays area counts 人日 on its own; the two must agree.
    with database.session() as session:
        theirs = stays_person_days(session, fiscal_year_period(2026))
    assert (theirs.achieved, theirs.planned) == (EXPECTED["achieved_days"], EXPECTED["planned_days"])


def test_programmes_targets_and_funnel(known):
    database, ids = known
    result = figures(database)
    by_name = {p.name: p for p in result.programmes}
    assert set(by_name) == {"おためし移住", "稲刈り体験"}  # the FY2025 programme is not listed
    trial = by_name["おためし移住"]
    assert (trial.unique_persons, trial.person_visits, trial.repeaters) == (2, 3, 1)
    assert (trial.person_days.achieved, trial.person_days.planned) == (4, 3)
    assert trial.enrollments == 3  # D's enrollment is gone with D
    funnel = {stage.name: stage for stage in trial.funnel}
    assert [funnel[n].reached for n in ("応募", "参加", "修了", "辞退")] == [3, 1, 1, 1]
    assert funnel["応募"].conversion == pytest.approx(1 / 3)
    assert funnel["参加"].conversion == pytest.approx(1.0)
    assert funnel["応募"].median_days == pytest.approx(25.5)  # A 21 days, B 30 days; C left after the end
    assert funnel["参加"].median_days == pytest.approx(92)
    assert (funnel["応募"].current, funnel["修了"].current, funnel["辞退"].current) == (1, 1, 1)
    targets = {t.key: t for t in trial.targets}
    assert (targets["participants"].actual, targets["participants"].progress) == (2, pytest.approx(0.2))
    assert (targets["person_days"].actual, targets["person_days"].progress) == (4, pytest.approx(0.2))
    rice = by_name["稲刈り体験"]
    assert (rice.unique_persons, rice.person_visits) == (1, 1)
    assert rice.targets[0].actual is None  # a named target is printed, never computed
    assert result.person_days.target == 20


def test_ladder_mail_hosts(known):
    database, _ids = known
    result = figures(database)
    assert {c.stage: c.persons for c in result.ladder.stages} == EXPECTED["ladder"]
    assert (result.ladder.moves_up, result.ladder.persons_moved_up) == (EXPECTED["moves_up"], 1)
    m = result.mail
    for key in ("letters_sent", "letters_received", "letters_replied", "median_days_to_reply", "shipped",
                "delivered", "returned", "median_days_in_transit"):
        assert getattr(m, key) == EXPECTED[key], key
    assert m.reply_rate == pytest.approx(0.5)
    sent = raw(database, """SELECT count(*) FROM letter l JOIN person p ON p.id = l.person_id
                            WHERE p.deleted_at IS NULL AND l.deleted_at IS NULL AND l.direction = '地域→参加者'
                              AND l.sent_on BETWEEN '2026-04-01' AND '2027-03-31'""")[0]
    assert m.letters_sent == sent
    h = result.hosts
    assert (h.active_hosts, h.side_job_companies, h.side_job_companies_registered) == (
        EXPECTED["active_hosts"], EXPECTED["side_job_companies"], EXPECTED["side_job_companies_registered"])


def test_quarters_months_and_programme_filter(known):
    database, ids = known
    q4 = figures(database, quarter=4)
    assert (q4.persons.unique_persons, q4.persons.person_visits, q4.person_days.achieved) == (2, 2, 4)
    assert (q4.period_start.isoformat(), q4.period_end.isoformat()) == ("2027-01-01", "2027-03-31")
    assert "第4四半期" in q4.period_label
    q1 = figures(database, quarter=1)
    assert (q1.persons.unique_persons, q1.persons.person_visits) == (2, 2)  # F (clipped to 1 April), A
    year = figures(database)
    months = {m.month: (m.person_visits, m.unique_persons) for m in year.monthly}
    assert len(months) == 12
    assert months["2026-04"] == (1, 1) and months["2026-09"] == (2, 1) and months["2027-03"] == (2, 2)
    assert sum(v for v, _u in months.values()) == year.persons.person_visits
    only = figures(database, programme=ids["P1"])
    assert (only.persons.unique_persons, only.persons.person_visits) == (2, 3)
    assert [p.name for p in only.programmes] == ["おためし移住"]
    assert [i.name for i in only.custom_indicators] == ["送り手と受け手の組数"]


def test_custom_indicators_printed_as_entered(known):
    database, _ids = known
    year = {i.name: i for i in figures(database).custom_indicators}
    assert (year["地域に誇りを持つ住民の割合"].value, year["地域に誇りを持つ住民の割合"].target) == (62.5, 70.0)
    assert year["送り手と受け手の組数"].value is None  # only a Q2 value was entered
    q2 = {i.name: i for i in figures(database, quarter=2).custom_indicators}
    assert q2["送り手と受け手の組数"].value == 4.0


def test_year_without_data_is_zero_with_flag(database):
    result = figures(database, 2030)
    assert not result.has_data
    assert (result.persons.unique_persons, result.persons.person_visits, result.person_days.achieved) == (0, 0, 0)
    assert result.persons.repeat_share is None and result.mail.reply_rate is None
    data = result.to_json_dict()
    assert data["has_data"] is False and data["schema_version"] == SCHEMA_VERSION


def test_bad_period_and_unknown_programme(database):
    with database.session() as session:
        with pytest.raises(ValidationError):
            compute_kpis(session, 2026, 5)
        with pytest.raises(NotFoundError):
            compute_kpis(session, 2026, None, "no-such-programme")


def test_json_is_plain_and_stable(known):
    database, _ids = known
    data = figures(database).to_json_dict()
    assert list(data)[:4] == ["fiscal_year", "quarter", "period_start", "period_end"]
    assert data["period_start"] == "2026-04-01"
    assert data["persons"]["unique_persons"] == 4
    assert data["programmes"][0]["funnel"][0]["name"] == "応募"
    import json

    json.dumps(data)  # nothing that is not JSON


def test_report_comment_saved_and_replaced_with_audit(known):
    database, ids = known
    with database.session() as session:
        save_report_comment(session, 2026, None, ids["P1"], "順調です。")
        save_report_comment(session, 2026, None, ids["P1"], "予定どおりです。")
    with database.session() as session:
        assert report_comment(session, 2026, None, ids["P1"]) == "予定どおりです。"
    assert raw(database, "SELECT count(*) FROM audit_log WHERE entity = 'report_comment'")[0] == 2
    with database.session() as session, pytest.raises(ValidationError):
        save_report_comment(session, 2026, None, None, "あ" * 5000)


def _reference_activities(connection, first: str, last: str) -> list[tuple]:
    """(person, date, programme) of every activity overlapping [first, last], per docs/kpi.md, walked plainly."""
    rows = connection.execute(f"""
        SELECT i.person_id, i.occurred_on, i.occurred_on, i.programme_id FROM interaction i
        JOIN person p ON p.id = i.person_id
        WHERE p.deleted_at IS NULL AND i.deleted_at IS NULL AND i.kind IN {PARTICIPATION}
        UNION ALL
        SELECT sp.person_id, s.start_on, s.end_on, s.programme_id FROM stay s
        JOIN stay_participant sp ON sp.stay_id = s.id JOIN person p ON p.id = sp.person_id
        WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND sp.deleted_at IS NULL AND s.status = '実施済'
        UNION ALL
        SELECT sh.person_id, sh.shipped_on, sh.shipped_on, sh.programme_id FROM shipment sh
        JOIN person p ON p.id = sh.person_id JOIN programme g ON g.id = sh.programme_id
        WHERE p.deleted_at IS NULL AND sh.deleted_at IS NULL AND g.kind = 'お米レター' AND sh.shipped_on IS NOT NULL
        UNION ALL
        SELECT l.person_id, CASE l.direction WHEN '地域→参加者' THEN l.sent_on ELSE l.received_on END,
               CASE l.direction WHEN '地域→参加者' THEN l.sent_on ELSE l.received_on END, l.programme_id
        FROM letter l JOIN person p ON p.id = l.person_id JOIN programme g ON g.id = l.programme_id
        WHERE p.deleted_at IS NULL AND l.deleted_at IS NULL AND g.kind = 'お米レター'
          AND CASE l.direction WHEN '地域→参加者' THEN l.sent_on ELSE l.received_on END IS NOT NULL
    """).fetchall()
    return [(person, max(start, first), programme) for person, start, end, programme in rows
            if start <= last and end >= first]


def _reference_ladder(connection, first: str, last: str) -> tuple[dict, int, int]:
    from kankei_desktop.domain.enums import LadderStage

    rank = {stage.value: stage.rank for stage in LadderStage}
    changes: dict[str, list[tuple]] = {}
    for person, before, after, on, created, stored in connection.execute("""
            SELECT c.person_id, c.from_stage, c.to_stage, c.changed_on, c.created_at, c.rowid
            FROM ladder_stage_change c
            JOIN person p ON p.id = c.person_id WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL"""):
        changes.setdefault(person, []).append((on, created, stored, before or "関心", after))
    counts: dict[str, int] = {}
    moves, movers = 0, set()
    for person, current, registered in connection.execute(
            "SELECT id, ladder_stage, substr(created_at, 1, 10) FROM person WHERE deleted_at IS NULL"):
        history = sorted(changes.get(person, []))
        done = [change for change in history if change[0] <= last]
        if done:
            stage = done[-1][4]
        elif registered <= last:
            stage = history[0][3] if history else current
        else:
            continue
        counts[stage] = counts.get(stage, 0) + 1
        for on, _created, _stored, before, after in history:
            if first <= on <= last and rank[after] > rank[before]:
                moves += 1
                movers.add(person)
    return counts, moves, len(movers)


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    from kankei_desktop.services import demo
    import pg_support

    database = pg_support.create(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    with database.session() as session:
        demo.load_demo_data(session)
    yield database
    database.close()


@pytest.mark.parametrize("year, quarter", [(2025, None), (2026, None), (2026, 2), (2026, 1)])
def test_demo_figures_equal_a_plain_walk_of_the_records(demo_database, year, quarter):
    """The figures that compute_kpis counts with integer columns and SQL aggregates, recounted
    here the obvious way from the raw rows of the demo file."""
    database = demo_database
    with database.session() as session:
        result = compute_kpis(session, year, quarter)
    period = fiscal_year_period(year, quarter)
    first, last = period.start.isoformat(), period.end.isoformat()
    previous = fiscal_year_period(year - 1)
    window = fiscal_year_period(year).start if (quarter or 4) == 4 else fiscal_year_period(year - 1, quarter + 1).start
    connection = plain_sql.connect(database)
    try:
        activities = _reference_activities(connection, first, last)
        earlier = {a[0] for a in _reference_activities(connection, previous.start.isoformat(),
                                                       previous.end.isoformat())}
        in_window = _reference_activities(connection, window.isoformat(), last)
        ladder = _reference_ladder(connection, first, last)
    finally:
        connection.close()

    dates: dict[str, set] = {}
    for person, day, _programme in activities:
        dates.setdefault(person, set()).add(day)
    quarters: dict[str, set] = {}
    for person, day, _programme in in_window:
        quarters.setdefault(person, set()).add((int(day[:4]) * 12 + int(day[5:7]) - 4) // 3)
    figures = result.persons
    assert figures.person_visits == len(activities) > 0
    assert figures.unique_persons == len(dates)
    assert figures.repeaters == sum(1 for days in dates.values() if len(days) >= 2)
    assert figures.continuing == len(set(dates) & earlier)
    assert figures.previous_year_unique_persons == len(earlier)
    assert (figures.sustained, figures.sustained_base) == (
        sum(1 for q in quarters.values() if len(q) >= 2), len(quarters))
    for month in result.monthly:
        of_month = [a for a in activities if a[1][:7] == month.month]
        assert (month.person_visits, month.unique_persons) == (len(of_month), len({a[0] for a in of_month}))
    for programme in result.programmes:
        mine = [a for a in activities if a[2] == programme.programme_id]
        per_person: dict[str, set] = {}
        for person, day, _p in mine:
            per_person.setdefault(person, set()).add(day)
        assert (programme.person_visits, programme.unique_persons, programme.repeaters) == (
            len(mine), len(per_person), sum(1 for days in per_person.values() if len(days) >= 2))
    counts, moves, movers = ladder
    assert {c.stage: c.persons for c in result.ladder.stages} == {
        c.stage: counts.get(c.stage, 0) for c in result.ladder.stages}
    assert (result.ladder.moves_up, result.ladder.persons_moved_up) == (moves, movers)


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028, 2029, 2030])
@pytest.mark.parametrize("quarter", [None, 1, 2, 3, 4])
def test_tally_equals_plain_counting_for_any_year_and_quarter(year, quarter):
    """The integer-column counting against plain loops, on random activities around the period
    (the numbering of days and quarters must hold for every year, not only the demo's)."""
    import random
    from datetime import timedelta

    from kankei_desktop.services.kpis.compute import _sustained_window_start
    from kankei_desktop.services.kpis.persons import tally

    rng = random.Random(year * 10 + (quarter or 0))
    period = fiscal_year_period(year, quarter)
    window = _sustained_window_start(year, quarter)
    days = (period.end - window).days
    persons, programmes = [f"p{n}" for n in range(40)], ["A", "B", None]
    interactions, stays = [], []  # as activity_rows gives them: days counted from the window's first
    for _ in range(300):
        interactions.append((rng.choice(persons), rng.randrange(days + 1), rng.choice(programmes)))
    for _ in range(120):
        first = rng.randrange(-30, days + 1)
        last = first + rng.randrange(0, 40)
        if last >= 0:
            stays.append((rng.choice(persons), first, last, rng.choice(programmes), rng.random() < 0.7))
    result_rows = (interactions, stays)
    result = tally(result_rows, (period.start, period.end), window)

    def iso(number):
        return (window + timedelta(days=number)).isoformat()

    interactions = [(p, iso(d), g) for p, d, g in interactions]
    stays = [(p, iso(first), iso(last), g, "実施済" if done else "予定",
              (min(window + timedelta(days=last), period.end) - max(window + timedelta(days=first), period.start)).days
              + 1) for p, first, last, g, done in stays]
    stays = [(*row[:5], row[5] if row[5] > 0 else None) for row in stays]
    s, ws = period.start.isoformat(), window.isoformat()
    activities = [(p, d, g) for p, d, g in interactions if d >= s]
    activities += [(p, max(first, s), g) for p, first, _l, g, status, inside in stays
                   if status == "実施済" and inside is not None]
    in_window = [(p, d) for p, d, _g in interactions] + [
        (p, max(first, ws)) for p, first, _l, _g, status, _i in stays if status == "実施済"]
    dates: dict[str, set] = {}
    for p, d, _g in activities:
        dates.setdefault(p, set()).add(d)
    quarters: dict[str, set] = {}
    for p, d in in_window:
        quarters.setdefault(p, set()).add((int(d[:4]) * 12 + int(d[5:7]) - 4) // 3)
    assert (result.total.visits, result.total.unique) == (len(activities), len(dates))
    assert result.total.repeaters == sum(1 for found in dates.values() if len(found) >= 2)
    assert result.persons == set(dates)
    assert (result.sustained, result.sustained_base) == (
        sum(1 for found in quarters.values() if len(found) >= 2), len(quarters))
    for programme in ("A", "B"):
        mine: dict[str, set] = {}
        for p, d, g in activities:
            if g == programme:
                mine.setdefault(p, set()).add(d)
        counted = result.by_programme.get(programme)
        assert (counted.visits if counted else 0) == sum(1 for a in activities if a[2] == programme)
        assert (counted.unique if counted else 0) == len(mine)
        assert (counted.repeaters if counted else 0) == sum(1 for found in mine.values() if len(found) >= 2)
    for month, (visits, unique) in result.monthly.items():
        of_month = [a for a in activities if a[1][:7] == month]
        assert (visits, unique) == (len(of_month), len({a[0] for a in of_month}))
    assert sum(visits for visits, _unique in result.monthly.values()) == len(activities)
    for programme in ("A", "B", None):
        mine = [(status, inside) for _p, _f, _l, g, status, inside in stays if g == programme and inside]
        assert result.person_days.get(programme, (0, 0)) == (
            sum(inside for status, inside in mine if status == "実施済"),
            sum(inside for status, inside in mine if status != "実施済"))
    only_a = tally(result_rows, (period.start, period.end), window, "A")
    assert (only_a.total.visits, only_a.total.unique, only_a.total.repeaters) == (
        result.by_programme["A"].visits, result.by_programme["A"].unique, result.by_programme["A"].repeaters)


def test_numbering_survives_ids_that_share_a_hash():
    from kankei_desktop.services.kpis.persons import number_ids

    ids = ["b", "a", "b", "c", "a"]
    for key in (hash, lambda _id: 7):  # the second puts every id on one hash
        numbers, names = number_ids(ids, key)
        assert [names[n] for n in numbers.tolist()] == ids
        assert sorted(names) == ["a", "b", "c"]


def test_second_connection_and_single_session_give_the_same_figures(known, monkeypatch):
    """A fresh session counts the record figures on a second connection in a thread; one that
    has begun counts them itself. Both must give every figure alike."""
    import threading

    from sqlalchemy import text

    from kankei_desktop.services.kpis import compute

    database, _ids = known
    threads = []
    counted_by = compute._record_figures

    def record_figures(*args):
        threads.append(threading.current_thread().name)
        return counted_by(*args)

    monkeypatch.setattr(compute, "_record_figures", record_figures)
    for quarter in (None, 1):
        paired = figures(database, 2026, quarter)
        with database.session() as session:
            session.execute(text("SELECT count(*) FROM programme"))  # begun: no second connection
            single = compute_kpis(session, 2026, quarter)
        assert paired.to_json_dict() == single.to_json_dict()
    # A server session has no paired second reader (store.snapshot): it counts on its own.
    paired_first = [False, False, False, False] if database.is_server else [True, False, True, False]
    assert [name.startswith("kpi-records") for name in threads] == paired_first


def test_ladder_changes_recorded_in_one_instant_count_in_stored_order(database):
    """A bulk load can store two changes of one person with the same date and timestamp: the
    one stored later is the person's stage (the history reads リピート → 参加 → 担い手; sorted by
    their starting stage the two would come the other way round)."""
    from datetime import date, datetime, timezone

    from kankei_desktop.domain.tables import LadderStageChange, Person

    instant = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)
    with database.session() as session:
        person = Person(name="同時 記録", furigana="ドウジ キロク", furigana_sort="ドウジキロク", ladder_stage="担い手",
                        created_at=instant, updated_at=instant)
        session.add(person)
        session.flush()
        for before, after in (("リピート", "参加"), ("参加", "担い手")):
            session.add(LadderStageChange(person_id=person.id, from_stage=before, to_stage=after,
                                          changed_on=date(2026, 5, 1), changed_by="test", reason="",
                                          created_at=instant, updated_at=instant))
            session.flush()
    stages = {c.stage: c.persons for c in figures(database).ladder.stages}
    assert stages["担い手"] == 1 and stages["参加"] == 0


@pytest.mark.parametrize("year, quarter", [(2026, None), (2025, 4)])
def test_persons_behind_the_figure_equal_a_plain_walk(demo_database, year, quarter):
    """The list a click on 実人数 opens (and the PDF's named list): every active person once,
    with their のべ and last day, in the participants list's order; a limit cuts that order."""
    from kankei_desktop.services.kpis.queries import active_persons

    period = fiscal_year_period(year, quarter)
    connection = plain_sql.connect(demo_database.path)
    try:
        activities = _reference_activities(connection, period.start.isoformat(), period.end.isoformat())
        order = [row[0] for row in connection.execute(
            "SELECT id FROM person WHERE deleted_at IS NULL ORDER BY furigana_sort, id")]
        names = dict(connection.execute("SELECT id, name FROM person"))
        programme = connection.execute("SELECT id FROM programme ORDER BY name LIMIT 1").fetchone()[0]
    finally:
        connection.close()
    for programme_id in (None, programme):
        mine = [a for a in activities if programme_id is None or a[2] == programme_id]
        expected = [(person, names[person], sum(1 for a in mine if a[0] == person),
                     max(a[1] for a in mine if a[0] == person))
                    for person in order if any(a[0] == person for a in mine)]
        with demo_database.session() as session:
            found = active_persons(session, period.start, period.end, programme_id)
            first_five = active_persons(session, period.start, period.end, programme_id, 5)
        assert [tuple(row) for row in found] == expected and len(expected) > 0
        assert [tuple(row) for row in first_five] == expected[:5]


@pytest.mark.parametrize("year", [2025, 2026])
def test_demo_kome_letter_reach_and_thank_you_letters_recounted(demo_database, year):
    """お米レター on the demo file: persons sent rice and thank-you letters received, in plain SQL
    (the issue's 25 students and 14 letters of FY2026), compared with the targets they feed."""
    period = fiscal_year_period(year)
    with demo_database.session() as session:
        figures = compute_kpis(session, year)
    connection = plain_sql.connect(demo_database.path)
    try:
        kome = [row for row in connection.execute(
            "SELECT id FROM programme WHERE kind = 'お米レター' AND fiscal_year = ? AND deleted_at IS NULL", (year,))]
        assert kome
        for (programme_id,) in kome:
            params = (programme_id, period.start.isoformat(), period.end.isoformat())
            reach = connection.execute("""SELECT count(DISTINCT s.person_id) FROM shipment s JOIN person p
                ON p.id = s.person_id WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND s.programme_id = ?
                AND s.shipped_on BETWEEN ? AND ?""", params).fetchone()[0]
            replies = connection.execute("""SELECT count(*) FROM letter l JOIN person p ON p.id = l.person_id
                WHERE p.deleted_at IS NULL AND l.deleted_at IS NULL AND l.programme_id = ?
                AND l.direction = '参加者→地域' AND l.received_on BETWEEN ? AND ?""", params).fetchone()[0]
            found = next(g for g in figures.programmes if g.programme_id == programme_id)
            assert (found.reach, found.letters_received) == (reach, replies) and reach > 0
            targets = {t.key: t.actual for t in found.targets}
            assert targets["participants"] == reach and targets["replies"] == replies
            if year == 2026:
                assert (reach, replies) == (25, 14)
    finally:
        connection.close()
