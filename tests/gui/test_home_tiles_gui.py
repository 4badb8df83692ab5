"""Every ホーム tile that opens a list lists exactly the persons it counts (issue 16, item 2)."""

from __future__ import annotations

import plain_sql
import pytest

from kankei_desktop.services import demo
from kankei_desktop.ui.areas.home.page import AREA_OF_TILE, PERSON_TILES, TILE_KEYS, HomePage

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    import pg_support

    database = pg_support.create(tmp_path_factory.mktemp("home") / "demo.sqlite3")
    with database.session() as session:
        demo.load_demo_data(session)
    yield database
    database.close()


def counted_page(qtbot, database, year, quarter=None):
    page = HomePage(database)
    qtbot.addWidget(page)
    page.show()
    page.year_combo.setCurrentIndex(page.year_combo.findData(year))
    page.quarter_combo.setCurrentIndex(page.quarter_combo.findData(quarter))
    page.refresh()
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.fiscal_year == year
                    and page.figures.quarter == quarter and not page.figures_count.busy, timeout=30000)
    qtbot.waitUntil(lambda: page.retention is not None and not page.retention_count.busy, timeout=30000)
    return page


def test_every_tile_either_lists_persons_or_opens_its_area():
    assert set(TILE_KEYS) == PERSON_TILES | set(AREA_OF_TILE)


@pytest.mark.parametrize("key, figure", [
    ("unique_persons", lambda f: f.persons.unique_persons),
    ("person_visits", lambda f: f.persons.unique_persons),  # のべ lists its persons, their のべ add up to it
    ("repeaters", lambda f: f.persons.repeaters),
    ("continuing", lambda f: f.persons.continuing),
    ("sustained", lambda f: f.persons.sustained),
])
@pytest.mark.parametrize("year, quarter", [(2026, None), (2026, 2)])
def test_tile_list_is_as_long_as_its_figure(qtbot, app_ready, demo_file, key, figure, year, quarter):
    page = counted_page(qtbot, demo_file, year, quarter)
    dialog = page.open_records(key)
    qtbot.addWidget(dialog)
    rows = dialog.table.rowCount()
    assert rows == figure(page.figures) > 0
    assert dialog.windowTitle() == page.tiles[key].label.text()
    if key == "person_visits":
        visits = sum(int(dialog.table.item(r, 1).text().replace(",", "")) for r in range(rows))
        assert visits == page.figures.persons.person_visits
    if key in ("repeaters", "continuing", "sustained"):
        assert rows < page.figures.persons.unique_persons + page.figures.persons.sustained_base


def test_repeaters_listed_are_the_persons_with_two_dates(qtbot, app_ready, demo_file):
    """Recounted in plain SQL: the persons with participation on two different dates in FY2026."""
    page = counted_page(qtbot, demo_file, 2026)
    dialog = page.open_records("repeaters")
    qtbot.addWidget(dialog)
    from PySide6.QtCore import Qt
    listed = {dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(dialog.table.rowCount())}
    connection = plain_sql.connect(demo_file.path)
    try:
        expected = {row[0] for row in connection.execute("""
            WITH a(person, day) AS (
                SELECT i.person_id, i.occurred_on FROM interaction i WHERE i.deleted_at IS NULL
                  AND i.kind IN ('イベント参加','オンラインイベント参加','訪問','ボランティア','主催・講師')
                UNION ALL SELECT sp.person_id, max(s.start_on, '2026-04-01') FROM stay s
                  JOIN stay_participant sp ON sp.stay_id = s.id
                  WHERE s.deleted_at IS NULL AND sp.deleted_at IS NULL AND s.status = '実施済'
                    AND s.end_on >= '2026-04-01'
                UNION ALL SELECT sh.person_id, sh.shipped_on FROM shipment sh JOIN programme g ON g.id = sh.programme_id
                  WHERE sh.deleted_at IS NULL AND g.kind = 'お米レター'
                UNION ALL SELECT l.person_id, CASE l.direction WHEN '地域→参加者' THEN l.sent_on ELSE l.received_on END
                  FROM letter l JOIN programme g ON g.id = l.programme_id
                  WHERE l.deleted_at IS NULL AND g.kind = 'お米レター')
            SELECT person FROM a JOIN person p ON p.id = a.person AND p.deleted_at IS NULL
            WHERE day BETWEEN '2026-04-01' AND '2027-03-31'
            GROUP BY person HAVING count(DISTINCT day) >= 2""")}
    finally:
        connection.close()
    assert listed == expected and len(listed) == page.figures.persons.repeaters


def test_retention_reminder_on_home_until_postponed(qtbot, app_ready, database):
    """Persons past the retention period: ホーム says how many with a link to exactly them, until
    the coordinator postpones (issue 16, item 8)."""
    from datetime import date, datetime, timezone

    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services import retention, settings_store

    with database.session() as session:
        old = datetime(2020, 1, 1, tzinfo=timezone.utc)
        session.add_all([Person(name="静か 一郎", furigana="シズカ", last_activity_on=date(2021, 5, 1), created_at=old),
                         Person(name="未接触 次郎", furigana="ミセッショク", created_at=old),
                         Person(name="最近 花子", furigana="サイキン", last_activity_on=date.today(), created_at=old)])
        settings_store.save(session, {retention.RETENTION_PERIOD: "24か月"})
    page = counted_page(qtbot, database, 2026)
    qtbot.waitUntil(lambda: page.retention is not None and not page.retention_count.busy, timeout=30000)
    assert page.retention_bar.isVisible()
    assert page.retention_label.text() == "保存期間（2年）を過ぎた参加者が 2 名います。"
    dialog = page.open_retention()
    qtbot.addWidget(dialog)
    assert sorted(dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())) == ["未接触 次郎", "静か 一郎"]
    page.retention_later_button.click()
    assert not page.retention_bar.isVisible()
    page.refresh()
    qtbot.waitUntil(lambda: not page.figures_count.busy and not page.followups_count.busy
                    and not page.retention_count.busy, timeout=30000)
    assert not page.retention_bar.isVisible()  # postponed: stays away


@pytest.mark.parametrize("year", [2025, 2026])
def test_ladder_bar_lists_the_persons_it_counts(qtbot, app_ready, demo_file, year):
    """A click on a ladder bar lists the persons at that stage on the period's last day."""
    page = counted_page(qtbot, demo_file, year)
    for count in page.figures.ladder.stages:
        dialog = page.open_stage(count.stage)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == count.persons, count.stage
