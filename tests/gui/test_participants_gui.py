"""The participants area driven through its real widgets; the database is checked after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kankei_desktop.domain.tables import Interaction
from kankei_desktop.services import participants
from kankei_desktop.ui.areas.participants.editor import PersonEditor
from kankei_desktop.ui.areas.participants.list_model import PersonListModel
from kankei_desktop.ui.areas.participants.page import ParticipantsPage
from kankei_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def shown_names(page):
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


@pytest.fixture
def page(qtbot, app_ready, database, two_persons):
    page = ParticipantsPage(database)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def test_list_shows_persons_in_furigana_order_with_japanese_headers(page):
    assert shown_names(page) == ["佐藤 花子", "山田 太郎"]
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "フリガナ"


def test_search_as_you_type_folds_kana(qtbot, page):
    page.search_edit.setText("ﾔﾏﾀﾞ")
    qtbot.waitUntil(lambda: shown_names(page) == ["山田 太郎"])
    page.search_edit.setText("０９０")
    qtbot.waitUntil(lambda: shown_names(page) == ["山田 太郎"])
    page.search_edit.setText("該当なし")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty_label)
    assert "該当する参加者がいません" in page.empty_label.text()


def test_sorting_by_a_header_reorders_in_sql(page):
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown_names(page) == ["山田 太郎", "佐藤 花子"]


def test_opening_reads_the_list_once_and_a_header_click_once_more(qtbot, app_ready, database, two_persons,
                                                                   monkeypatch):
    """At 100,000 persons each read of the ordered ids takes ~0.15 s: building the view must
    not read them for every sort order it sets on the way."""
    reads = []
    list_ids = participants.list_person_ids
    monkeypatch.setattr(participants, "list_person_ids", lambda *args: reads.append(args[2:]) or list_ids(*args))
    page = ParticipantsPage(database)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert reads == [("furigana", False)] and shown_names(page) == ["佐藤 花子", "山田 太郎"]
    header = page.table.horizontalHeader()
    for _click in range(2):  # 氏名: ascending, then descending
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2))
    assert reads[1:] == [("name", False), ("name", True)]
    assert shown_names(page) == ["山田 太郎", "佐藤 花子"]


def test_create_through_the_editor(qtbot, app_ready, database):
    editor = PersonEditor(database)
    qtbot.addWidget(editor)
    editor.ui.name_edit.setText("新潟 一郎")
    editor.ui.furigana_edit.setText("にいがた いちろう")
    editor.ui.phone_edit.setText("０２５８７８３３０９")
    editor.ui.postal_code_edit.setText("9494392")
    qtbot.mouseClick(editor.ui.postal_lookup_button, Qt.MouseButton.LeftButton)
    assert editor.ui.prefecture_edit.text() == "新潟県"
    assert editor.ui.city_edit.text() == "三島郡出雲崎町"
    editor.ui.ties_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(editor.ui.button_box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted
    with database.session() as session:
        stored = participants.load_person_input(session, editor.person_id)
    assert stored.name == "新潟 一郎"
    assert stored.furigana == "ニイガタ　イチロウ"
    assert stored.phone == "0258-78-3309"
    assert stored.postal_code == "9494392" and stored.prefecture == "新潟県"
    assert stored.ties == ["出身者"]


def test_invalid_form_shows_the_message_at_the_field_and_saves_nothing(qtbot, app_ready, database):
    editor = PersonEditor(database)
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.email_edit.setText("taro@")
    editor.ui.birth_date_edit.setText("2025/04/31")
    assert editor.save() is False
    assert "2025/04/31" in editor.error_text("birth_date")
    editor.ui.birth_date_edit.setText("")
    assert editor.save() is False
    assert "氏名" in editor.error_text("name")
    assert "メールアドレス" in editor.error_text("email")
    assert editor.isVisible()
    with database.session() as session:
        assert participants.count_persons(session) == 0


def test_edit_and_unsaved_changes_prompt(qtbot, app_ready, database, two_persons, monkeypatch):
    editor = PersonEditor(database, two_persons["yamada"])
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.notes_edit.setPlainText("稲刈りに毎年参加")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    editor.reject()
    assert asked and editor.isVisible()  # Cancel in the prompt keeps the editor open
    assert editor.save()
    with database.session() as session:
        assert participants.load_person_input(session, two_persons["yamada"]).notes == "稲刈りに毎年参加"


def test_delete_asks_naming_the_person_then_soft_deletes_and_restores(qtbot, page, database, monkeypatch):
    page.table.selectRow(1)
    questions = []

    def answer_yes(parent, title, text, *rest):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "「山田 太郎」" in questions[0]
    assert shown_names(page) == ["佐藤 花子"]
    page.deleted_check.setChecked(True)
    assert shown_names(page) == ["山田 太郎"]
    page.table.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    page.deleted_check.setChecked(False)
    assert shown_names(page) == ["佐藤 花子", "山田 太郎"]


def test_detail_shows_the_timeline(qtbot, page, database, two_persons):
    from datetime import date

    with database.session() as session:
        session.add(Interaction(person_id=two_persons["yamada"], kind="相談窓口", occurred_on=date(2026, 6, 1), note="移住相談"))
    page.refresh()
    page.table.selectRow(1)
    rows = page.detail.timeline_rows()
    assert ("2026/06/01", "関わり", "相談窓口") in rows


def test_list_model_passes_the_model_tester(qtmodeltester, app_ready, database, two_persons):
    model = PersonListModel(database)
    model.reload()
    qtmodeltester.check(model)


def test_main_window_has_japanese_sidebar_and_status(qtbot, app_ready, database, two_persons):
    window = MainWindow(database, "テスト団体")
    qtbot.addWidget(window)
    window.show()
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels == ["ホーム", "参加者", "プログラム", "滞在", "手紙・発送", "受入先", "レポート", "データの交換", "データの保護", "設定"]
    window.show_area("participants")
    assert "関係人口デスク" in window.windowTitle()
    qtbot.waitUntil(lambda: window.count_label.text() == "2 件中 2 件を表示")


def test_log_a_contact_from_the_detail_reaches_the_timeline_and_the_list(qtbot, page, database, two_persons, monkeypatch):
    from kankei_desktop.ui.areas.participants import person_dialogs

    def fill_and_save(dialog):
        # What the coordinator would pick in the dialog: the kind, the date, a note.
        dialog.kind_combo.setCurrentText("相談窓口")
        dialog.date_edit.setText("2026/10/01")
        dialog.note_edit.setPlainText("移住の相談")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(person_dialogs.InteractionDialog, "exec", fill_and_save)
    page.table.selectRow(1)  # 山田 太郎
    qtbot.mouseClick(page.detail.log_button, Qt.MouseButton.LeftButton)
    assert ("2026/10/01", "関わり", "相談窓口") in page.detail.timeline_rows()
    row = page.model.row_of(two_persons["yamada"])
    assert page.model.data(page.model.index(row, 5)) == "2026/10/01"  # 最終関わり日 refreshed


def test_a_purchase_shows_its_amount_on_the_timeline_row(qtbot, page, database, two_persons, monkeypatch):
    """金額（円） typed in the contact dialog is on the person's timeline row (issue 16 → h10)."""
    from kankei_desktop.ui.areas.participants import person_dialogs

    def fill_and_save(dialog):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("物産購入"))
        dialog.date_edit.setText("2026/10/02")
        dialog.amount_edit.setText("１２,０００円")
        dialog.note_edit.setPlainText("新米 10kg")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(person_dialogs.InteractionDialog, "exec", fill_and_save)
    page.table.selectRow(1)  # 山田 太郎
    qtbot.mouseClick(page.detail.log_button, Qt.MouseButton.LeftButton)
    assert ("2026/10/02", "関わり", "物産購入 12,000円") in page.detail.timeline_rows()
    with database.session() as session:
        from sqlalchemy import text

        assert session.execute(text("SELECT amount_yen FROM interaction")).scalars().all() == [12000]
