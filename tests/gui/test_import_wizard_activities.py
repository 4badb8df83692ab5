"""The import wizard with a stays sheet: kind recognised, stay columns offered, stays written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import plain_sql
import pytest
from PySide6.QtCore import Qt

from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.ui.import_wizard.wizard import ImportWizard

pytestmark = pytest.mark.gui


def test_stays_sheet_through_the_wizard(qtbot, app_ready, database, tmp_path):
    with database.session() as session:
        create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
        create_host(session, HostInput(name="田中農園"))
    book = openpyxl.Workbook()
    for row in (["氏名", "受入先", "開始日", "終了日", "目的"],
                ["山田 花子", "田中農園", date(2026, 8, 10), date(2026, 8, 12), "稲刈り"]):
        book.active.append(row)
    book.save(tmp_path / "stays.xlsx")
    wizard = ImportWizard(database, backup=lambda db: Path("/backup/made"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(tmp_path / "stays.xlsx"))
    wizard.next()
    assert wizard.source_page.kind.currentData() is None  # detected from the headers
    wizard.next()
    assert wizard.kind == "stays"
    assert [c.currentData() for c in wizard.mapping_page.combos] == ["person_name", "host", "start_on", "end_on",
                                                                      "purpose"]
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.plan.kind == "stays" and [r.status for r in wizard.plan.rows] == ["new"]
    wizard.grab().save(str(tmp_path / "stays_preview.png"))
    wizard.next()
    qtbot.mouseClick(wizard.commit_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=30_000)
    wizard.commit_page.wait()
    assert wizard.commit_page.result.created == 1
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT purpose, kind FROM stay").fetchall() == [("稲刈り", "短期滞在")]


def test_an_attendance_list_through_the_wizard(qtbot, app_ready, database, tmp_path):
    """Interactions chosen from the wizard's kind list (read from services/records.py); a newcomer registered."""
    with database.session() as session:
        create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
    book = openpyxl.Workbook()
    for row in (["交流会 出席表"], ["氏名", "フリガナ", "メール", "日付", "種類", "メモ"],
                ["山田 花子", "", "", date(2026, 7, 20), "イベント参加", "2回目\n友人を連れて"],
                ["鈴木 一花", "スズキ イチカ", "ichika@example.jp", date(2026, 7, 20), "イベント参加", ""]):
        book.active.append(row)
    book.save(tmp_path / "attendance.xlsx")
    wizard = ImportWizard(database, backup=lambda db: Path("/backup/made"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(tmp_path / "attendance.xlsx"))
    wizard.next()
    kinds = wizard.source_page.kind
    kinds.setCurrentIndex(kinds.findData("interactions"))
    assert kinds.currentText() == "関わり（出欠表）"
    wizard.next()
    assert wizard.kind == "interactions"
    assert [c.currentData() for c in wizard.mapping_page.combos] == ["person_name", "furigana", "email",
                                                                      "occurred_on", "interaction_kind", "note"]
    wizard.next()
    assert [r.status for r in wizard.plan.rows] == ["new", "new"]
    wizard.next()
    qtbot.mouseClick(wizard.commit_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=30_000)
    wizard.commit_page.wait()
    assert wizard.commit_page.result.created == 2
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT p.name, i.kind, i.note FROM interaction i JOIN person p ON p.id = i.person_id "
                         "ORDER BY p.furigana_sort").fetchall() == [
            ("鈴木 一花", "イベント参加", ""), ("山田 花子", "イベント参加", "2回目\n友人を連れて")]


def test_indicator_values_through_the_wizard(qtbot, app_ready, database, tmp_path):
    """独自指標の値 chosen from the kind list: a new period and an entered one (updated), then unchanged."""
    from kankei_desktop.services import indicators

    with database.session() as session:
        pride = indicators.create_indicator(session, indicators.IndicatorInput(name="地域に誇りを持つ住民の割合", unit="%"))
        indicators.set_value(session, pride, 2025, None, 60, 65)
    book = openpyxl.Workbook()
    for row in (["指標名", "年度", "四半期", "実績", "目標"],
                ["地域に誇りを持つ住民の割合", "令和7年度", None, 62.4, None],  # entered: the value changes
                ["地域に誇りを持つ住民の割合", 2026, "第1四半期", "５８％", 70]):
        book.active.append(row)
    book.save(tmp_path / "values.xlsx")

    def through_wizard() -> object:
        wizard = ImportWizard(database, backup=lambda db: Path("/backup/made"))
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.file_page.path_edit.setText(str(tmp_path / "values.xlsx"))
        wizard.next()
        kinds = wizard.source_page.kind
        kinds.setCurrentIndex(kinds.findData("indicator_values"))
        assert kinds.currentText() == "独自指標の値"
        wizard.next()
        assert [c.currentData() for c in wizard.mapping_page.combos] == ["indicator", "fiscal_year", "quarter",
                                                                          "value", "target"]
        wizard.next()
        return wizard

    wizard = through_wizard()
    assert [r.status for r in wizard.plan.rows] == ["update", "new"]
    wizard.next()
    qtbot.mouseClick(wizard.commit_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=30_000)
    wizard.commit_page.wait()
    assert (wizard.commit_page.result.created, wizard.commit_page.result.updated) == (1, 1)
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT fiscal_year, quarter, value, target FROM custom_indicator_value "
                         "ORDER BY fiscal_year").fetchall() == [(2025, None, 62.4, 65.0), (2026, 1, 58.0, 70.0)]
    again = through_wizard()  # the same sheet once more: nothing to do
    assert [r.status for r in again.plan.rows] == ["unchanged", "unchanged"]
