"""The one 年度/期間 picker that ホーム and レポート share."""

from __future__ import annotations

from datetime import date

import pytest

from kankei_desktop.ui.areas.home.page import HomePage
from kankei_desktop.ui.areas.reports.page import ReportsPage
from kankei_desktop.ui.widgets import PeriodPicker

pytestmark = pytest.mark.gui


def test_picker_offers_next_year_back_six_with_this_year_chosen(qtbot, app_ready):
    picker = PeriodPicker(today=date(2026, 11, 27))
    qtbot.addWidget(picker.year_combo)
    qtbot.addWidget(picker.quarter_combo)
    years = [picker.year_combo.itemData(i) for i in range(picker.year_combo.count())]
    assert years == [2027, 2026, 2025, 2024, 2023, 2022, 2021]
    assert picker.period() == (2026, None)
    assert picker.year_combo.currentText() == "令和8年度（2026年度）"
    # Japanese from the shared translation context, as before the move.
    assert [picker.quarter_combo.itemText(i) for i in range(5)] == [
        "年度全体", "第1四半期", "第2四半期", "第3四半期", "第4四半期"]
    seen = []
    picker.changed.connect(lambda: seen.append(picker.period()))
    picker.quarter_combo.setCurrentIndex(picker.quarter_combo.findData(3))
    picker.year_combo.setCurrentIndex(picker.year_combo.findData(2025))
    assert seen == [(2026, 3), (2025, 3)]


def test_home_and_reports_use_the_shared_picker(qtbot, app_ready, database):
    home, reports = HomePage(database), ReportsPage(database)
    qtbot.addWidget(home)
    qtbot.addWidget(reports)
    for page in (home, reports):
        assert isinstance(page.period_picker, PeriodPicker)
        assert page.year_combo is page.period_picker.year_combo
        assert page.quarter_combo.itemText(0) == "年度全体"
    home.quarter_combo.setCurrentIndex(2)
    assert home.period() == (home.year_combo.currentData(), 2)
    qtbot.waitUntil(lambda: not home.figures_count.busy, timeout=20000)  # the refresh it started has ended
