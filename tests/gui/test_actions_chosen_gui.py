"""Actions act only on what was chosen (issue 16 item 4), in the areas beyond 手紙・発送 and プログラム
(those have their own tests): 受入先 and the host editor's 中小企業 flag."""

from __future__ import annotations

import pytest

from kankei_desktop.domain.tables import Host
from kankei_desktop.services import hosts

pytestmark = pytest.mark.gui


def test_host_actions_need_a_chosen_host_and_the_small_business_flag_saves(qtbot, app_ready, database):
    from kankei_desktop.ui.areas.hosts.editor import HostEditor
    from kankei_desktop.ui.areas.hosts.page import HostsPage

    with database.session() as session:
        host_id = hosts.create_host(session, hosts.HostInput(name="越後ものづくり工房", kind="企業",
                                                             hosts_side_job_talent=True))
    page = HostsPage(database)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    page.table.clearSelection()
    for button in (page.edit_button, page.archive_button, page.delete_button, page.schedule_button):
        assert not button.isEnabled(), button.text()
    assert page.new_button.isEnabled()
    page.select(host_id)
    for button in (page.edit_button, page.archive_button, page.delete_button, page.schedule_button):
        assert button.isEnabled(), button.text()

    editor = HostEditor(database, host_id, parent=page)
    qtbot.addWidget(editor)
    assert not editor.small_business_check.isChecked()
    editor.small_business_check.setChecked(True)
    assert editor.save()
    with database.session() as session:
        assert session.get(Host, host_id).small_business
    page.show_detail()
    assert "中小企業" in page.detail_label.text()


def test_merge_then_edit_then_undo_in_the_window_is_refused_and_keeps_the_edit(qtbot, app_ready, database,
                                                                                 two_persons):
    """プログラム → 重複: merge, edit the survivor's メモ, Ctrl+Z: the window says what changed since
    the merge and undoes nothing (issue 16 item 3)."""
    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services.participants import load_person_input, update_person
    from kankei_desktop.ui.areas.programmes.page import ProgrammesPage

    page = ProgrammesPage(database)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    errors = []
    page.show_error = errors.append
    survivor, other = two_persons["yamada"], two_persons["sato"]
    assert page.merge_persons(survivor, other, {}) is not None
    with database.session() as session:
        data = load_person_input(session, survivor)
        data.notes = "統合のあとで電話: 5kg で良い"
        update_person(session, survivor, data)
    page.undo_stack.undo()
    assert errors and "山田 太郎 の備考" in errors[-1]
    with database.session() as session:
        assert session.get(Person, survivor).notes == "統合のあとで電話: 5kg で良い"
        assert session.get(Person, other).deleted_at is not None


def test_ladder_change_dated_by_the_coordinator_and_refused_before_the_last_change(qtbot, app_ready, database,
                                                                                   two_persons):
    """Issue 16 item 6: the person's 段階 dialog takes a date; before the last change it is refused."""
    from datetime import date

    from PySide6.QtCore import QDate

    from kankei_desktop.services import ladder
    from kankei_desktop.ui.areas.participants.person_dialogs import LadderDialog

    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services.participants import PersonInput, create_person

    with database.session() as session:  # registered on paper in April, first took part in June
        person = create_person(session, PersonInput(name="紙 台帳", furigana="カミ ダイチョウ"), on=date(2026, 4, 1))
        ladder.set_ladder_stage(session, person, "参加", on=date(2026, 6, 1))
        assert session.get(Person, person).ladder_stage == "参加"
    dialog = LadderDialog(database, person)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.maximumDate() == QDate.currentDate()  # no future day can be picked
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("リピート"))
    dialog.date_edit.setDate(QDate(2026, 5, 1))
    dialog.set_stage()
    assert "前回の変更（2026/06/01）" in dialog.error_label.text()
    dialog.date_edit.setDate(QDate(2026, 7, 15))
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("リピート"))
    dialog.set_stage()
    assert dialog.error_label.text() == ""
    with database.session() as session:
        assert ladder.ladder_history(session, person)[-1][:3] == (date(2026, 7, 15), "参加", "リピート")


def test_segment_by_last_contact_asks_about_never_contacted_persons(qtbot, app_ready, database, two_persons):
    """Issue 16 item 7: the choice is required with a date and shown in the segment's description."""
    from kankei_desktop.ui.areas.programmes.segments_dialog import SegmentsDialog

    dialog = SegmentsDialog(database)
    qtbot.addWidget(dialog)
    dialog.before_edit.setText("2026/01/01")
    assert dialog.preview() == 0  # nobody has a contact before it; the two were never contacted
    assert dialog.new_segment("しばらく連絡なし") is None
    assert "含めるか" in dialog.error_label.text()
    dialog.never_combo.setCurrentIndex(dialog.never_combo.findData("include"))
    assert dialog.preview() == 2
    assert dialog.description_label.text() == "最終関わり日 2026/01/01 以前（関わりの記録がない人を含む）"
    assert dialog.new_segment("しばらく連絡なし")
    dialog.never_combo.setCurrentIndex(dialog.never_combo.findData("exclude"))
    assert dialog.preview() == 0 and "含まない" in dialog.description_label.text()
