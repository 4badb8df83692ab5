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
    assert errors and "山田 太郎 のメモ" in errors[-1]
    with database.session() as session:
        assert session.get(Person, survivor).notes == "統合のあとで電話: 5kg で良い"
        assert session.get(Person, other).deleted_at is not None
