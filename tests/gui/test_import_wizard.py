"""The import wizard on real widgets: file → mapping → preview → commit in a thread → report."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kankei_desktop.domain.tables import Person
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.ui.import_wizard import open_import_wizard
from kankei_desktop.ui.import_wizard.models import FIXED, PlanModel
from kankei_desktop.ui.import_wizard.wizard import ImportWizard

pytestmark = pytest.mark.gui


def workbook(path, rows):
    book = openpyxl.Workbook()
    book.active.title = "名簿"
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def person_count(database) -> int:
    with database.session() as session:
        return session.execute(select(func.count()).select_from(Person)).scalar_one()


@pytest.fixture
def wizard(qtbot, app_ready, database):
    backups = []
    w = ImportWizard(database, backup=lambda db: backups.append(db.path) or Path("/backup/made"))
    w.backups = backups
    qtbot.addWidget(w)
    w.show()
    return w


def test_import_with_title_rows_duplicates_and_errors(qtbot, wizard, database, tmp_path):
    with database.session() as session:
        create_person(session, PersonInput(name="佐藤 次郎", furigana="サトウ ジロウ", phone="080-1111-2222"))
    path = workbook(tmp_path / "list.xlsx", [
        ["令和7年度 参加者名簿"], [],
        ["お名前", "ふりがな", "携帯", "〒"],
        ["山田 花子", "やまだ はなこ", 9012345678, 123456],
        ["佐藤 次郎", "サトウ ジロウ", "080-1111-2222", ""],
        ["鈴木 一郎", "スズキ イチロウ", "12", ""],
    ])
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    assert wizard.source_page.sheet.currentText() == "名簿"
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    combos = wizard.mapping_page.combos
    assert [c.currentData() for c in combos] == ["name", "furigana", "phone", "postal_code"]
    wizard.next()
    page = wizard.preview_page
    assert wizard.currentPage() is page
    model: PlanModel = page.view.model()
    assert [model.index(r, 1).data() for r in range(3)] == ["新規", "重複", "エラー"]
    assert "新規 1" in page.counts.text() and "エラー 1" in page.counts.text()
    # The bad phone cell carries its own message.
    phone = model.index(2, FIXED + 2)
    assert phone.data() == "12" and "桁数" in phone.data(Qt.ItemDataRole.ToolTipRole)
    wizard.grab().save(str(tmp_path / "preview.png"))

    page.duplicates.setCurrentIndex(page.duplicates.findData("update"))
    assert model.index(1, 2).data() == "更新"
    wizard.next()
    commit = wizard.commit_page
    assert "新規: 1" in commit.summary.text() or "1" in commit.summary.text()
    qtbot.mouseClick(commit.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: commit.result is not None, timeout=30_000)
    commit.wait()
    assert commit.result.created == 1 and commit.result.updated == 0 and commit.result.unchanged == 1
    assert wizard.backups == [database.path]
    assert "6 行目「携帯」" in commit.report.toPlainText()
    assert commit.save.isEnabled() and commit.isComplete()
    assert person_count(database) == 2


def test_mapping_fixed_by_hand(qtbot, wizard, database, tmp_path):
    path = workbook(tmp_path / "odd.xlsx", [["会員名", "よみ2"], ["森 花", "モリ ハナ"]])
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    combos = wizard.mapping_page.combos
    assert [c.currentData() for c in combos] == [None, None]
    wizard.next()  # no 氏名 yet: refused with a message
    assert wizard.currentPage() is wizard.mapping_page and "氏名" in wizard.mapping_page.error.text()
    combos[0].setCurrentIndex(combos[0].findData("name"))
    combos[1].setCurrentIndex(combos[1].findData("furigana"))
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    wizard.next()
    qtbot.mouseClick(wizard.commit_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=30_000)
    wizard.commit_page.wait()
    assert person_count(database) == 1


def test_bad_file_stays_on_the_first_page_with_a_message(qtbot, wizard, database, tmp_path):
    (tmp_path / "fake.xlsx").write_bytes(b"%PDF-1.4 not a workbook")
    wizard.file_page.path_edit.setText(str(tmp_path / "fake.xlsx"))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "PDF" in wizard.file_page.error.text()


def test_cancel_leaves_nothing(qtbot, app_ready, database, tmp_path):
    rows = [["氏名", "フリガナ"]] + [[f"参加者{i}", "サンカシャ" + "アイウエオカキクケコ"[i % 10] * (i % 7 + 1)] for i in range(5000)]
    path = workbook(tmp_path / "big.xlsx", rows)

    def press_cancel_during_backup(_database):
        # The user presses キャンセル while the backup runs: the worker stops at its next check.
        wizard.commit_page.thread.cancel()

    wizard = ImportWizard(database, backup=press_cancel_during_backup)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    for _ in range(4):
        wizard.next()
    commit = wizard.commit_page
    assert wizard.currentPage() is commit
    qtbot.mouseClick(commit.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "取り消しました" in commit.report.toPlainText(), timeout=60_000)
    commit.wait()
    assert commit.result is None and commit.start.isEnabled() and not commit.isComplete()
    assert person_count(database) == 0


def test_open_import_wizard_non_modal(qtbot, app_ready, database):
    wizard = open_import_wizard(None, database, modal=False)
    qtbot.addWidget(wizard)
    assert wizard.isVisible() and wizard.currentPage() is wizard.file_page


def test_export_dialog_writes_the_chosen_list(qtbot, app_ready, database, tmp_path):
    from kankei_desktop.ui.import_wizard.export_dialog import ExportDialog

    with database.session() as session:
        create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ", postal_code="0123456"))
        create_person(session, PersonInput(name="連絡 不可子", contact_ok=False))
    dialog = ExportDialog(database, None, "persons")
    qtbot.addWidget(dialog)
    assert "個人情報" in "".join(label.text() for label in dialog.findChildren(type(dialog.message)))
    dialog.path.setText(str(tmp_path / "persons.xlsx"))
    dialog.exclude.setChecked(True)
    dialog.export()
    assert dialog.written == tmp_path / "persons.xlsx" and "1" in dialog.message.text()
    rows = list(openpyxl.load_workbook(tmp_path / "persons.xlsx").active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["山田 花子"] and rows[1][7] == "0123456"
    dialog.path.setText(str(tmp_path / "all.csv"))
    dialog.what.setCurrentIndex(dialog.what.findData("all"))
    dialog.export()
    assert "CSV" in dialog.message.text() and not (tmp_path / "all.csv").exists()


def test_hostile_workbooks_get_a_message_and_the_window_stays(qtbot, wizard, database, tmp_path):
    from tests.unit.test_hostile_sheets import HEADER_ROW, inline, xlsx

    far = xlsx(tmp_path / "far.xlsx", HEADER_ROW + '<row r="1048576">' + inline("XFD1048576", "x") + "</row>")
    wizard.file_page.path_edit.setText(str(far))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    wizard.next()  # reading the sheet is where calamine would have aborted the whole program
    assert wizard.currentPage() is wizard.source_page and wizard.isVisible()
    assert "A1:XFD1048576" in wizard.source_page.error.text() and "セル" in wizard.source_page.error.text()

    wizard.back()
    shared = xlsx(tmp_path / "shared.xlsx", HEADER_ROW, shared=["z" * 300_000])
    wizard.file_page.path_edit.setText(str(shared))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "32,767 文字" in wizard.file_page.error.text()
    assert person_count(database) == 0


def test_export_dialog_refuses_cp932_loss_unless_substitution_is_chosen(qtbot, app_ready, database, tmp_path):
    from kankei_desktop.ui.import_wizard.export_dialog import ExportDialog

    with database.session() as session:
        create_person(session, PersonInput(name="髙橋 𠮷郎", furigana="タカハシ キチロウ"))
    dialog = ExportDialog(database, None, "persons")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "sjis.csv"))
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp932"))
    dialog.export()
    assert "「氏名」: 「𠮷」" in dialog.message.text() and not (tmp_path / "sjis.csv").exists()
    dialog.substitute.setChecked(True)
    dialog.export()
    assert dialog.written == tmp_path / "sjis.csv"
    assert "「𠮷」は Shift_JIS（CP932）で表せないため ? に置き換えました" in dialog.message.text()


def test_messy_roster_in_the_wizard_shows_the_summary_rows(qtbot, wizard, database, tmp_path):
    from tests.unit.test_real_sheets import messy_roster

    wizard.file_page.path_edit.setText(str(messy_roster(tmp_path / "名簿.xlsx")))
    for _ in range(3):
        wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    note = wizard.preview_page.note.text()
    assert "集計行（取り込みません）: 9 行目「小計」、12 行目「合計 / 33名」" in note
    assert sorted(row.number for row in wizard.plan.rows) == [5, 6, 8, 10]
def test_reading_and_checking_run_off_the_gui_thread_with_progress(qtbot, wizard, database, tmp_path, monkeypatch):
    import threading

    from kankei_desktop.io import readers
    from kankei_desktop.ui import worker

    path = workbook(tmp_path / "roster.xlsx", [["氏名", "フリガナ"], ["森 花", "モリ ハナ"]])
    threads, texts = [], []
    real_read = readers.read_table
    monkeypatch.setattr(readers, "read_table",
                        lambda *a, **k: threads.append(threading.current_thread()) or real_read(*a, **k))
    monkeypatch.setattr(worker, "dialog_shown", lambda dialog: (
        texts.append(dialog.label.text())))
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert threads and threads[0] is not threading.main_thread()
    assert any("roster.xlsx を読み込んでいます" in text for text in texts)
    assert len(wizard.plan.rows) == 1


def test_cancel_while_reading_stays_on_the_page_and_writes_nothing(qtbot, wizard, database, tmp_path, monkeypatch):
    from kankei_desktop.ui import worker

    path = workbook(tmp_path / "roster.xlsx", [["氏名", "フリガナ"], ["森 花", "モリ ハナ"]])
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    monkeypatch.setattr(worker, "dialog_shown", lambda dialog: dialog.cancel_button.click())
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    assert "取り消しました" in wizard.source_page.error.text()
    assert wizard.table is None and wizard.plan is None and person_count(database) == 0
