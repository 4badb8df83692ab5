"""独自指標 and 段階の提案 from レポート, on real widgets (issue 16, items 5 and 6)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from sqlmodel import select

from kankei_desktop.domain.tables import CustomIndicator, CustomIndicatorValue, LadderStageChange, Person
from kankei_desktop.services import demo
from kankei_desktop.ui.areas.reports.page import ReportsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def demo_file(database):
    with database.session() as session:
        demo.load_demo_data(session)
    return database


def pdf_text(path) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


def stats(database, year=2026) -> dict:
    run = subprocess.run([sys.executable, "-m", "kankei_desktop", "stats", "--db", str(database.path),
                          "--fiscal-year", str(year), "--json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_survey_value_typed_in_the_window_appears_in_stats_and_pdf(qtbot, app_ready, demo_file, tmp_path):
    page = ReportsPage(demo_file)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    qtbot.waitUntil(lambda: not page.preview_count.busy, timeout=30000)
    dialog = page.open_indicators()
    qtbot.addWidget(dialog)
    dialog.period_picker.year_combo.setCurrentIndex(dialog.period_picker.year_combo.findData(2026))
    # Nothing chosen: nothing can be entered.
    assert not dialog.save_value_button.isEnabled() and not dialog.archive_button.isEnabled()

    # A new indicator through the editor.
    editor = dialog.edit(None)
    qtbot.addWidget(editor)
    editor.name_edit.setText("移住相談の満足度")
    editor.unit_edit.setText("%")
    editor.note_edit.setText("相談後アンケート")
    editor.first_spin.setValue(2025)
    editor.last_spin.setValue(2027)
    editor.save()
    assert editor.result() == editor.DialogCode.Accepted
    dialog.select("移住相談の満足度")

    # Bad input is refused naming the field, nothing written.
    dialog.value_edit.setText("とても高い")
    assert not dialog.save_value()
    assert "値" in dialog.message.text()
    with demo_file.session() as session:
        new = session.exec(select(CustomIndicator).where(CustomIndicator.name == "移住相談の満足度")).one()
        assert session.exec(select(CustomIndicatorValue).where(CustomIndicatorValue.indicator_id == new.id)).all() == []
    dialog.period_picker.year_combo.setCurrentIndex(dialog.period_picker.year_combo.findData(2024))
    dialog.select("移住相談の満足度")
    dialog.value_edit.setText("80")
    assert not dialog.save_value() and "期間" in dialog.message.text()  # outside 2025〜2027
    dialog.period_picker.year_combo.setCurrentIndex(dialog.period_picker.year_combo.findData(2026))

    # 例3: the survey result for 2026 typed in.
    dialog.select("地域に誇りを持つ住民の割合")
    dialog.value_edit.setText("68.5")
    dialog.target_edit.setText("70")
    assert dialog.save_value(), dialog.message.text()
    data = stats(demo_file)
    pride = next(i for i in data["custom_indicators"] if i["name"] == "地域に誇りを持つ住民の割合")
    assert (pride["value"], pride["target"]) == (68.5, 70.0)
    qtbot.waitUntil(lambda: not page.preview_count.busy, timeout=30000)  # the preview follows the change
    assert "地域に誇りを持つ住民の割合68.5%70%" in "".join(page.preview.toPlainText().split())
    assert "お米を届けた学生25名30名" in "".join(page.preview.toPlainText().split())

    # Archived: no value can be typed for it.
    dialog.select("移住相談の満足度")
    dialog.archive_button.click()
    dialog.show_archived.setChecked(True)
    dialog.select("移住相談の満足度")
    assert not dialog.save_value_button.isEnabled()

    out = tmp_path / "report.pdf"
    page.save_pdf(out)
    qtbot.waitUntil(lambda: page.last_saved == out, timeout=60000)
    text = pdf_text(out)
    assert "地域に誇りを持つ住民の割合68.5%70%" in text
    # 例4 pair side by side: 食育 beside the computed sales.
    assert "対になる指標" in text and "食育に関心を持つ参加者の割合" in text and "記録から計算" in text
    # 受入コーディネーター育成 compared with the indicator linked to it.
    assert "受入コーディネーター育成6人10人" in text
    import shutil
    shutil.copy(out, "/tmp/h8-report.pdf")


def test_values_imported_from_a_sheet_read_back(qtbot, app_ready, demo_file, tmp_path):
    from kankei_desktop.services.indicators import write_values_template
    from kankei_desktop.ui.areas.reports.indicators import IndicatorsDialog

    dialog = IndicatorsDialog(demo_file, 2026)
    qtbot.addWidget(dialog)
    sheet = tmp_path / "values.csv"
    sheet.write_text("指標,年度,四半期,値,目標\n地域に誇りを持つ住民の割合,2026,,71.2,70\n"
                     "副業・兼業人材を受け入れた地域の中小企業数,2026,3,4,5\n", encoding="utf-8-sig")
    assert dialog.import_file(sheet), dialog.message.text()
    data = stats(demo_file)
    assert next(i for i in data["custom_indicators"] if i["name"] == "地域に誇りを持つ住民の割合")["value"] == 71.2
    bad = tmp_path / "bad.csv"
    bad.write_text("指標,年度,四半期,値\n地域に誇りを持つ住民の割合,2026,,たくさん\n"
                   "副業・兼業人材を受け入れた地域の中小企業数,2026,7,1\n", encoding="utf-8-sig")
    assert not dialog.import_file(bad)
    assert "2 行目「値」" in dialog.message.text() and "3 行目「四半期」" in dialog.message.text()
    assert next(i for i in stats(demo_file)["custom_indicators"]
                if i["name"] == "地域に誇りを持つ住民の割合")["value"] == 71.2  # nothing of the bad sheet
    template = tmp_path / "template.xlsx"
    write_values_template(template)
    assert template.stat().st_size > 0


def test_pending_suggestions_accepted_for_the_selected_persons_only(qtbot, app_ready, demo_file, monkeypatch):
    page = ReportsPage(demo_file)
    qtbot.addWidget(page)
    dialog = page.open_ladder_suggestions()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.count.busy, timeout=30000)
    pending = len(dialog.pending)
    assert pending > 0 and dialog.model.rowCount() == pending
    assert not dialog.accept_button.isEnabled()  # nothing chosen
    questions = []
    monkeypatch.setattr(dialog, "confirm", lambda text: questions.append(text) or True)
    dialog.table.selectRow(0)
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    dialog.table.selectionModel().select(dialog.table.model().index(2, 0), flags)
    chosen = dialog.selected()
    assert len(chosen) == 2 and dialog.accept_button.isEnabled()

    # A date in the future is refused; nothing changes.
    dialog.date_edit.setMaximumDate(dialog.date_edit.date().addDays(30))
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(3))
    assert not dialog.accept_selected()
    assert "未来" in dialog.message.text()
    with demo_file.session() as session:
        assert [session.get(Person, c.person_id).ladder_stage for c in chosen] == [c.current for c in chosen]

    day = date.today() - timedelta(days=1)
    dialog.date_edit.setDate(day)
    assert dialog.accept_selected()
    assert "2" in questions[-1] and chosen[0].name in questions[-1]
    qtbot.waitUntil(lambda: not dialog.count.busy, timeout=30000)
    assert len(dialog.pending) == pending - 2
    with demo_file.session() as session:
        for item in chosen:
            assert session.get(Person, item.person_id).ladder_stage == item.stage
            change = session.exec(select(LadderStageChange).where(
                LadderStageChange.person_id == item.person_id, LadderStageChange.to_stage == item.stage,
                LadderStageChange.deleted_at.is_(None))).one()
            assert change.changed_on == day and change.reason == f"提案を承認: {item.reason}"


def test_indicator_editor_edits_and_pairs(qtbot, app_ready, demo_file):
    from kankei_desktop.services.indicators import list_indicators
    from kankei_desktop.ui.areas.reports.indicators import IndicatorsDialog

    dialog = IndicatorsDialog(demo_file, 2026)
    qtbot.addWidget(dialog)
    dialog.select("地域に誇りを持つ住民の割合")
    editor = dialog.edit(dialog.selected_id())
    qtbot.addWidget(editor)
    assert editor.name_edit.text() == "地域に誇りを持つ住民の割合" and editor.unit_edit.text() == "%"
    editor.pair_combo.setCurrentIndex(editor.pair_combo.findText("副業・兼業人材を受け入れた地域の中小企業数"))
    editor.name_edit.setText("")
    editor.save()
    assert "指標名" in editor.error_label.text()  # refused at the field, nothing written
    editor.name_edit.setText("地域に誇りを持つ住民の割合（住民アンケート）")
    editor.save()
    assert editor.result() == editor.DialogCode.Accepted
    with demo_file.session() as session:
        rows = {row.name: row for row in list_indicators(session)}
    assert rows["地域に誇りを持つ住民の割合（住民アンケート）"].pair == "副業・兼業人材を受け入れた地域の中小企業数"
    assert rows["副業・兼業人材を受け入れた地域の中小企業数"].pair == "地域に誇りを持つ住民の割合（住民アンケート）"
