"""ホーム and レポート on real widgets: the dashboard, the JSON and the PDF say the same numbers."""

from __future__ import annotations

import re

import pytest
from kpi_known_data import EXPECTED, build
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from kankei_desktop.reports.summary import summary_rows
from kankei_desktop.services.kpis import compute_kpis
from kankei_desktop.ui.areas.home.page import HomePage
from kankei_desktop.ui.areas.reports.page import ReportsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def known(database):
    with database.session() as session:
        build(session)
    return database


def pick_year(combo, year):
    combo.setCurrentIndex(combo.findData(year))


def test_dashboard_tiles_equal_json_and_pdf(qtbot, app_ready, known, tmp_path):
    page = HomePage(known)
    qtbot.addWidget(page)
    page.show()
    pick_year(page.year_combo, 2026)
    page.refresh()
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.fiscal_year == 2026
                    and not page.figures_count.busy, timeout=20000)
    with known.session() as session:
        figures = compute_kpis(session, 2026)
    data = figures.to_json_dict()
    rows = {row.key: row for row in summary_rows(figures)}
    assert page.tiles["unique_persons"].value.text() == rows["unique_persons"].value == \
        f"{data['persons']['unique_persons']}名" == f"{EXPECTED['unique_persons']}名"
    assert page.tiles["person_visits"].value.text() == f"{data['persons']['person_visits']}人"
    assert page.tiles["person_days"].value.text() == f"{data['person_days']['achieved']}人日"
    assert page.tiles["person_days"].bar.isVisible()  # 人日 has a target
    tile = page.tiles["shipped"]
    tile.note.resize(120, tile.note.height())  # narrow: the note must wrap, only between phrases
    note = tile.note.text()
    assert note.replace("\n", "") == rows["shipped"].note and "\u2060" not in note
    assert "\n" in note and {line[-1] for line in note.split("\n")[:-1]} <= {"・", " "}

    reports = ReportsPage(known)
    qtbot.addWidget(reports)
    reports.show()
    reports.activate()
    pick_year(reports.year_combo, 2026)
    out = tmp_path / "out.pdf"
    reports.save_pdf(out)
    qtbot.waitUntil(lambda: reports.last_saved == out, timeout=60000)
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    for key in ("unique_persons", "person_visits", "person_days", "repeaters"):
        tile = page.tiles[key]
        assert re.sub(r"\s+", "", tile.label.text() + tile.value.text()) in text, key
    assert "PDF" in reports.message.text() or "保存" in reports.message.text()

    page.grab().save(str(tmp_path / "home.png"))
    reports.grab().save(str(tmp_path / "reports.png"))


def test_tile_click_lists_the_persons_behind_it(qtbot, app_ready, known):
    page = HomePage(known)
    qtbot.addWidget(page)
    page.show()
    pick_year(page.year_combo, 2026)
    page.refresh()
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.fiscal_year == 2026
                    and not page.figures_count.busy, timeout=20000)
    dialog = page.open_records("unique_persons")
    qtbot.addWidget(dialog)
    names = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert names == {"参加者A", "参加者B", "参加者C", "参加者F"}
    stage = page.open_stage("リピート")
    qtbot.addWidget(stage)
    assert [stage.table.item(r, 0).text() for r in range(stage.table.rowCount())] == ["参加者A"]


def wait_counted(qtbot, page):
    qtbot.waitUntil(lambda: not page.preview_count.busy, timeout=30000)


def test_reports_page_preview_comment_print_and_bad_path(qtbot, app_ready, known, tmp_path, monkeypatch):
    page = ReportsPage(known)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    pick_year(page.year_combo, 2026)
    # The count runs in the thread pool: the page says so and holds back printing meanwhile.
    assert page.message.text() == "集計中…" and not page.print_button.isEnabled()
    wait_counted(qtbot, page)
    assert page.print_button.isEnabled() and page.message.text() == ""
    assert "今年度は稲刈り体験が好評でした。" in page.comment_edit.toPlainText()
    assert "実人数" in page.preview.toPlainText() and "4名" in page.preview.toPlainText()
    assert "参加 <3" in page.preview.toPlainText()  # one person at 参加: suppressed in the breakdown
    page.comment_edit.setPlainText("秋の受け入れが増えました。")
    page.save_comment()
    page.refresh()
    wait_counted(qtbot, page)
    assert page.comment_edit.toPlainText() == "秋の受け入れが増えました。"

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    page.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 0

    warnings = []
    monkeypatch.setattr("kankei_desktop.ui.areas.reports.page.QMessageBox.warning",
                        lambda *args: warnings.append(args[-1]))
    target = tmp_path / "missing" / "x.pdf"
    page.save_pdf(target)
    qtbot.waitUntil(lambda: page._task is None, timeout=30000)
    assert warnings and "フォルダー" in warnings[0]
    assert not target.exists()

    empty_year = page.year_combo.itemData(page.year_combo.count() - 1)  # the oldest offered: no data here
    pick_year(page.year_combo, empty_year)
    wait_counted(qtbot, page)
    assert page.figures.fiscal_year == empty_year
    assert "データはありません" in page.preview.toPlainText()


def test_period_change_recounts_the_figures_not_the_follow_ups(qtbot, app_ready, known, monkeypatch):
    """The 要対応 list does not depend on the period: it is counted on its own and not again
    when only the period changes (each is about a second on a very large file)."""
    from kankei_desktop.services import followups

    counted = []
    list_followups = followups.list_followups
    monkeypatch.setattr(followups, "list_followups", lambda *args: counted.append(1) or list_followups(*args))
    page = HomePage(known)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.figures_count.busy and not page.followups_count.busy and page.figures is not None,
                    timeout=20000)
    assert counted == [1] and page.followups.count() >= 1
    pick_year(page.year_combo, 2025)
    qtbot.waitUntil(lambda: not page.figures_count.busy and page.figures.fiscal_year == 2025, timeout=20000)
    assert counted == [1]
