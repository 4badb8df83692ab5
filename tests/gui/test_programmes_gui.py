"""The programme area driven through its real widgets; the database is checked after."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from kankei_desktop.domain.tables import Enrollment, EnrollmentStageChange, Interaction, Person
from kankei_desktop.services import enrollments, interactions, programmes
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput
from kankei_desktop.ui.areas.programmes.board import encode_ids
from kankei_desktop.ui.areas.programmes.card_dialog import CardDialog
from kankei_desktop.ui.areas.programmes.merge_dialog import DuplicatesDialog
from kankei_desktop.ui.areas.programmes.page import ProgrammesPage
from kankei_desktop.ui.areas.participants.person_dialogs import AddToProgrammeDialog, InteractionDialog, LadderDialog
from kankei_desktop.ui.areas.programmes.programme_dialog import ProgrammeDialog
from kankei_desktop.ui.areas.programmes.segments_dialog import SegmentsDialog
from kankei_desktop.ui.areas.programmes.stages_dialog import StagesDialog
from kankei_desktop.ui.areas.programmes.table_model import EnrollmentTableModel

pytestmark = pytest.mark.gui


@pytest.fixture
def quest(database):
    with database.session() as session:
        pid = programmes.create_programme(session, ProgrammeInput(name="田舎暮らしクエスト", kind="田舎暮らしクエスト", fiscal_year=2026))
        people = [create_person(session, PersonInput(name=name, furigana=kana)) for name, kana in
                  (("青木 誠", "アオキ マコト"), ("井上 愛", "イノウエ アイ"), ("上田 翔", "ウエダ ショウ"))]
        eids = enrollments.enroll_persons(session, pid, people, on=date(2026, 10, 1))
        stages = [s.id for s in programmes.programme_stages(session, pid)]
    return pid, stages, eids, people


@pytest.fixture
def page(qtbot, app_ready, database, quest):
    page = ProgrammesPage(database)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    page.questions = []
    page.confirm = lambda text: page.questions.append(text) or True  # the coordinator answers yes
    return page


def stage_of(database, enrollment_id):
    with database.session() as session:
        return session.get(Enrollment, enrollment_id).stage_id


def interaction_count(session, person_id):
    return session.execute(select(func.count()).select_from(Interaction).where(
        Interaction.person_id == person_id, Interaction.deleted_at.is_(None))).scalar_one()


def card_names(page, column):
    stage_list = page.board.lists[column]
    return [stage_list.item(row).text().split("\n")[0] for row in range(stage_list.count())]


def test_board_shows_columns_and_cards(page, quest):
    assert page.title_label.text().startswith("田舎暮らしクエスト")
    assert len(page.board.lists) == 7
    assert card_names(page, 0) == ["青木 誠", "井上 愛", "上田 翔"]
    assert "アオキ" in page.board.lists[0].item(0).text()


def test_drop_a_card_on_another_column_moves_it_and_undo_redo(qtbot, page, database, quest):
    _pid, stages, eids, _people = quest
    target = page.board.lists[2]
    mime = encode_ids([eids[0]])  # kept alive: the event does not own it
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target.dropEvent(event)
    qtbot.waitUntil(lambda: stage_of(database, eids[0]) == stages[2])
    assert card_names(page, 2) == ["青木 誠"]
    with database.session() as session:
        history = enrollments.stage_history(session, eids[0])
    assert [(src, dst) for _on, src, dst, _by in history] == [(None, "応募"), ("応募", "面談済")]
    page.undo_stack.undo()
    assert stage_of(database, eids[0]) == stages[0]
    assert card_names(page, 0) == ["青木 誠", "井上 愛", "上田 翔"]
    page.undo_stack.redo()
    assert stage_of(database, eids[0]) == stages[2]


def test_keyboard_moves_the_selected_card_to_the_next_stage(qtbot, page, database, quest):
    _pid, stages, eids, _people = quest
    page.board.focus_card(eids[1])
    qtbot.keyClick(page.board.lists[0], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert stage_of(database, eids[1]) == stages[1]
    # Ctrl+Z on the page takes it back
    qtbot.keyClick(page.board.list_for_stage(stages[1]), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stage_of(database, eids[1]) == stages[0]


def test_bulk_move_from_the_table(qtbot, page, database, quest):
    _pid, stages, eids, _people = quest
    qtbot.mouseClick(page.table_toggle, Qt.MouseButton.LeftButton)
    assert page.view_stack.currentWidget() is page.table
    page.table.clearSelection()
    assert not page.move_button.isEnabled() and not page.unenroll_button.isEnabled()  # nothing chosen
    page.table.selectAll()
    assert page.move_button.isEnabled() and page.unenroll_button.isEnabled()
    page.move_combo.setCurrentIndex(page.move_combo.findData(stages[3]))
    page.move_date.setText("2026/11/01")
    stage_name = page.move_combo.currentText()
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    assert page.questions[-1] == f"3 名を「{stage_name}」へ移します（青木 誠、井上 愛、上田 翔）。よろしいですか？"
    assert {stage_of(database, eid) for eid in eids} == {stages[3]}
    with database.session() as session:
        changes = session.execute(select(EnrollmentStageChange.changed_on)
                                  .where(EnrollmentStageChange.to_stage_id == stages[3])).scalars().all()
    assert changes == [date(2026, 11, 1)] * 3


def test_a_future_date_is_refused_and_nothing_moves(qtbot, page, database, quest, monkeypatch):
    _pid, stages, eids, _people = quest
    shown = []
    monkeypatch.setattr(page, "show_error", shown.append)
    page.board.focus_card(eids[0])
    page.move_combo.setCurrentIndex(page.move_combo.findData(stages[5]))
    page.move_date.setText("2099/01/01")
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    assert shown and "未来の日付" in shown[0]
    assert stage_of(database, eids[0]) == stages[0]
    assert page.undo_stack.count() == 0


def test_create_programme_through_the_dialog_and_empty_name_refused(qtbot, page, database):
    dialog = ProgrammeDialog(None, page._create_programme, page)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "プログラム名" in dialog.error_label.text() and dialog.result() == 0
    dialog.name_edit.setText("お米レター")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("お米レター"))
    dialog.targets.item(0, 1).setText("30")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    with database.session() as session:
        data = programmes.load_programme_input(session, dialog.result_value)
        names = [s.name for s in programmes.programme_stages(session, dialog.result_value)]
    assert data.name == "お米レター" and data.targets[0].target_value == 30
    assert names[0] == "対象者登録"


def test_merge_through_the_dialog_then_undo(qtbot, page, database):
    with database.session() as session:
        keep = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ", phone="090-1111-2222"))
        other = create_person(session, PersonInput(name="山田 太朗", furigana="やまだたろう", phone="09011112222",
                                                   email="taro@example.jp"))
        session.add(Interaction(person_id=other, kind="訪問", occurred_on=date(2026, 9, 1)))
    dialog = DuplicatesDialog(database, page.merge_persons, page, confirm=False)
    qtbot.addWidget(dialog)
    assert dialog.group_list.count() == 1
    assert dialog.pair() == (keep, other)
    assert "電話番号" in dialog.reason_label.text()
    dialog.choose("name", "other")
    assert dialog.choices()["email"] == "other"  # only the right side has one
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        survivor = session.get(Person, keep)
        assert (survivor.name, survivor.email) == ("山田 太朗", "taro@example.jp")
        assert session.get(Person, other).deleted_at is not None
        assert interaction_count(session, keep) == 1
    assert dialog.group_list.count() == 0
    page.undo_stack.undo()
    with database.session() as session:
        assert session.get(Person, keep).name == "山田 太郎"
        assert session.get(Person, other).deleted_at is None
        assert interaction_count(session, other) == 1


def test_interaction_and_add_to_programme_dialogs(qtbot, app_ready, database, quest):
    pid, _stages, _eids, people = quest
    with database.session() as session:
        newcomer = create_person(session, PersonInput(name="新潟 一郎", furigana="ニイガタ イチロウ"))
    dialog = InteractionDialog(database, newcomer)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("相談窓口"))
    dialog.date_edit.setText("R8.11.2")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with database.session() as session:
        assert session.get(Person, newcomer).last_activity_on == date(2026, 11, 2)
    adding = AddToProgrammeDialog(database, [newcomer, people[0]])
    qtbot.addWidget(adding)
    adding.programme_combo.setCurrentIndex(adding.programme_combo.findData(pid))
    adding.save()
    assert "「青木 誠」" in adding.error_label.text() and adding.result() == 0
    adding.person_ids = [newcomer]
    adding.save()
    assert adding.result() == adding.DialogCode.Accepted
    with database.session() as session:
        assert enrollments.enrollment_id_for(session, pid, newcomer)


def test_table_model_passes_the_model_tester(qtmodeltester, app_ready, database, quest):
    pid = quest[0]
    model = EnrollmentTableModel()
    with database.session() as session:
        model.set_rows(enrollments.table_rows(session, pid))
    qtmodeltester.check(model)


def test_figures_against_targets_from_the_kpi_service(qtbot, page, database, quest):
    pid, _stages, _eids, people = quest
    with database.session() as session:
        data = programmes.load_programme_input(session, pid)
        data.targets = [programmes.TargetInput("participants", "参加者数", 10, "名")]
        programmes.update_programme(session, pid, data)
        session.add(Interaction(person_id=people[0], kind="イベント参加", occurred_on=date(2026, 10, 5), programme_id=pid))
    page.refresh()
    qtbot.mouseClick(page.figures_button, Qt.MouseButton.LeftButton)
    assert page.figures_label.text() == "集計中…"  # counted in the thread pool
    qtbot.waitUntil(lambda: "実人数" in page.figures_label.text(), timeout=20000)
    assert "実人数 1 名（のべ 1 人）" in page.figures_label.text()
    assert "参加者数: 実績 1名／目標 10名（10%）" in page.figures_label.text()


def test_save_a_segment_and_enroll_it_then_undo(qtbot, page, database, quest):
    _pid, _stages, _eids, _people = quest
    with database.session() as session:
        create_person(session, PersonInput(name="江藤 光", furigana="エトウ ヒカル", ties=["出身者"]))
        create_person(session, PersonInput(name="大野 海", furigana="オオノ カイ", ties=["出身者"], contact_ok=False))
        other = programmes.create_programme(session, ProgrammeInput(name="帰省ツアー", fiscal_year=2026))
    dialog = SegmentsDialog(database, page)
    qtbot.addWidget(dialog)
    for row in range(dialog.ties.count()):
        if dialog.ties.item(row).text() == "出身者":
            dialog.ties.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.contact_combo.setCurrentIndex(dialog.contact_combo.findData(True))
    assert dialog.preview() == 1
    segment_id = dialog.new_segment("連絡できる出身者")
    assert segment_id and dialog.segment_list.count() == 1 and "1" in dialog.count_label.text()
    dialog.after_edit.setText("2026/13/45")
    dialog.save_criteria()
    assert "日付" in dialog.error_label.text()
    page.reload_programmes(select_id=other)
    enrolled = page.enroll_segment("連絡できる出身者")
    assert len(enrolled) == 1 and card_names(page, 0) == ["江藤 光"]
    page.undo_stack.undo()
    with database.session() as session:
        assert enrollments.enrollment_count(session, other) == 0
    page.undo_stack.redo()
    with database.session() as session:
        assert enrollments.enrollment_count(session, other) == 1


def test_ladder_dialog_shows_the_suggestion_and_applies_it_only_on_click(qtbot, app_ready, database, quest):
    person = quest[3][0]
    with database.session() as session:
        session.add(Interaction(person_id=person, kind="主催・講師", occurred_on=date(2026, 9, 1)))
    dialog = LadderDialog(database, person)
    qtbot.addWidget(dialog)
    assert dialog.suggestion_label.text().startswith("担い手")
    with database.session() as session:
        assert session.get(Person, person).ladder_stage == "関心"
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    with database.session() as session:
        assert session.get(Person, person).ladder_stage == "担い手"
    assert dialog.changed and dialog.history.topLevelItemCount() == 2


def test_stages_dialog_refuses_deleting_a_stage_in_use_and_undoes_a_rename(qtbot, page, database, quest, monkeypatch):
    pid, stages, _eids, _people = quest
    shown = []
    monkeypatch.setattr(page, "show_error", shown.append)
    dialog = StagesDialog(database, pid, page.run_undoable, page)
    qtbot.addWidget(dialog)
    dialog.stage_list.setCurrentRow(0)
    dialog.delete_stage()
    assert shown and "3 名" in shown[0] and "応募" in shown[0]
    with database.session() as session:
        assert [s.name for s in programmes.programme_stages(session, pid)][0] == "応募"
    dialog.rename_stage("エントリー")
    dialog.stage_list.setCurrentRow(1)
    dialog.move_stage(1)
    with database.session() as session:
        assert [s.name for s in programmes.programme_stages(session, pid)][:3] == ["エントリー", "面談済", "説明会参加"]
    page.undo_stack.undo()
    page.undo_stack.undo()
    with database.session() as session:
        assert [s.name for s in programmes.programme_stages(session, pid)][:3] == ["応募", "説明会参加", "面談済"]


def test_edit_then_delete_an_interaction(qtbot, app_ready, database, quest):
    person = quest[3][1]
    with database.session() as session:
        interaction_id = interactions.log_interaction(session, interactions.InteractionInput(person, "訪問", date(2026, 6, 1)))
    dialog = InteractionDialog(database, person, None, interaction_id)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.text() == "2026/06/01"
    dialog.date_edit.setText("2026/07/01")
    dialog.note_edit.setPlainText("収穫祭")
    dialog.save()
    with database.session() as session:
        assert interactions.load_interaction(session, interaction_id).note == "収穫祭"
        assert session.get(Person, person).last_activity_on == date(2026, 7, 1)
    again = InteractionDialog(database, person, None, interaction_id)
    qtbot.addWidget(again)
    again.delete()
    with database.session() as session:
        assert interactions.interactions_of_person(session, person) == []
        assert session.get(Person, person).last_activity_on is None


def test_card_dialog_shows_the_stage_history(qtbot, app_ready, database, quest):
    _pid, stages, eids, people = quest
    with database.session() as session:
        enrollments.move_enrollments(session, [eids[0]], stages[1], on=date(2026, 10, 10))
    dialog = CardDialog(database, eids[0], people[0])
    qtbot.addWidget(dialog)
    assert dialog.history.topLevelItemCount() == 2
    assert dialog.history.topLevelItem(0).text(1) == "応募 → 説明会参加"
    assert dialog.history.topLevelItem(0).text(0) == "2026/10/10"


def test_edit_programme_dialog_saves_and_undo_restores(qtbot, page, database, quest):
    pid = quest[0]
    with database.session() as session:
        current = programmes.load_programme_input(session, pid)
    saved = []

    def save(data):
        saved.append(data)
        return page.run_undoable(
            "edit", lambda s: programmes.update_programme(s, pid, data),
            lambda s, before: programmes.update_programme(s, pid, before), field_errors=True) and pid

    dialog = ProgrammeDialog(current, save, page)
    qtbot.addWidget(dialog)
    dialog.region_edit.setText("周防大島町")
    dialog.targets.item(1, 1).setText("100")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with database.session() as session:
        data = programmes.load_programme_input(session, pid)
    assert data.region == "周防大島町" and [(t.key, t.target_value) for t in data.targets] == [("person_days", 100)]
    page.undo_stack.undo()
    with database.session() as session:
        data = programmes.load_programme_input(session, pid)
    assert data.region == "" and data.targets == []
