"""The 滞在 calendar driven through its real widgets: select days, save, see the refusal; DB checked."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kankei_desktop.domain.tables import AuditEntry, Stay
from kankei_desktop.services import stays
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.stays import StayInput
from kankei_desktop.ui.areas.stays.page import StaysPage

pytestmark = pytest.mark.gui

MONTH = date(2030, 8, 1)  # in the future, so nothing else on the calendar is "today"


@pytest.fixture
def setup(database, two_persons):
    with database.session() as session:
        inn = create_host(session, HostInput(name="民宿やまびこ", kind="宿泊施設", capacity_per_night=1))
        farm = create_host(session, HostInput(name="棚田農園", kind="農家"))
    return {**two_persons, "inn": inn, "farm": farm}


@pytest.fixture
def page(qtbot, app_ready, database, setup):
    page = StaysPage(database)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.activate()
    page.show_month(MONTH)
    _loaded(qtbot, page)
    return page


def _loaded(qtbot, page) -> None:
    """The month is read in the background (ui.worker): wait for it to be shown."""
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def _stays(database):
    with database.session() as session:
        return session.execute(select(Stay.start_on, Stay.end_on, Stay.lodging_id).order_by(Stay.start_on)).all()


def _drag(qtbot, view, host_id, first, last):
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=view.cell_center(host_id, first))
    qtbot.mouseMove(view, view.cell_center(host_id, last))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=view.cell_center(host_id, last))


def _choose(editor, person_id):
    editor.search_persons("")
    for row in range(editor.found_list.count()):
        item = editor.found_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole + 1) == person_id:
            item.setSelected(True)
    editor.add_button.click()


def test_create_by_selecting_days_then_overlap_refused(qtbot, page, database, setup):
    assert page.timeline.row_ids()  # hosts are rows
    _drag(qtbot, page.timeline, setup["inn"], date(2030, 8, 3), date(2030, 8, 5))
    editor = page.last_editor
    assert editor.isVisible()
    assert editor.lodging_combo.currentData() == setup["inn"]  # prefilled from the row
    assert editor.start_edit.date().toPython() == date(2030, 8, 3)
    assert editor.end_edit.date().toPython() == date(2030, 8, 5)
    assert "短期滞在" in editor.kind_label.text()
    _choose(editor, setup["yamada"])
    editor.purpose_edit.setText("稲刈り")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert not editor.isVisible()
    assert _stays(database) == [(date(2030, 8, 3), date(2030, 8, 5), setup["inn"])]
    qtbot.waitUntil(lambda: len(page.timeline._bars) >= 1)

    # the same person on overlapping days: refused, message names the person, nothing saved
    _drag(qtbot, page.timeline, setup["farm"], date(2030, 8, 5), date(2030, 8, 6))
    editor = page.last_editor
    assert editor.host_combo.currentData() == setup["farm"]
    _choose(editor, setup["yamada"])
    with database.session() as session:
        audit_before = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible()
    assert editor.error_label.isVisible()
    assert "山田 太郎" in editor.error_label.text() and "重なります" in editor.error_label.text()
    assert len(_stays(database)) == 1
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == audit_before
    editor.reject()


def test_capacity_override_asks_for_reason(qtbot, page, database, setup, monkeypatch):
    with database.session() as session:
        stays.create_stay(session, StayInput(person_ids=[setup["yamada"]], lodging_id=setup["inn"],
                                             start_on=date(2030, 8, 10), end_on=date(2030, 8, 12)))
    page.reload()
    _loaded(qtbot, page)
    _drag(qtbot, page.timeline, setup["inn"], date(2030, 8, 11), date(2030, 8, 13))
    editor = page.last_editor
    _choose(editor, setup["sato"])
    asked = []
    monkeypatch.setattr(editor, "ask_override_reason", lambda error: asked.append(error.message) or None)
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert asked and "2030/08/11" in asked[0] and "民宿やまびこ" in asked[0]
    assert "定員" in editor.error_label.text()
    assert len(_stays(database)) == 1  # declined: nothing saved
    monkeypatch.setattr(editor, "ask_override_reason", lambda error: "親子で同室")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert not editor.isVisible()
    with database.session() as session:
        reasons = session.execute(select(Stay.capacity_override_reason).order_by(Stay.start_on)).scalars().all()
    assert reasons == ["", "親子で同室"]


def test_double_click_opens_and_today_and_month_view(qtbot, page, database, setup):
    with database.session() as session:
        stay_id = stays.create_stay(session, StayInput(person_ids=[setup["sato"]], host_id=setup["farm"],
                                                       start_on=date(2030, 8, 20), end_on=date(2030, 8, 20)))
    page.reload()
    _loaded(qtbot, page)
    qtbot.mouseDClick(page.timeline, Qt.MouseButton.LeftButton, pos=page.timeline.bar_center(stay_id))
    assert page.last_editor.stay_id == stay_id
    assert page.last_editor.chosen_ids() == [setup["sato"]]
    page.last_editor.reject()
    page.view_combo.setCurrentIndex(1)
    _loaded(qtbot, page)
    assert page.stack.currentWidget() is page.month_view
    page.month_view.grab()  # paints, which lays out the stay lines
    qtbot.mouseDClick(page.month_view, Qt.MouseButton.LeftButton, pos=page.month_view.line_center(stay_id))
    assert page.last_editor.stay_id == stay_id
    editor = page.last_editor
    editor.confirm_delete = lambda: True
    editor.delete_button.click()
    assert not editor.isVisible()
    with database.session() as session:
        assert session.get(Stay, stay_id).deleted_at is not None
    page.today_button.click()
    assert page.month_first == date.today().replace(day=1)


# ------------------------------------------------------------------ 受入先


def test_hosts_area_create_with_postal_lookup_and_delete_refused(qtbot, app_ready, database, setup, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kankei_desktop.domain.tables import Host
    from kankei_desktop.ui.areas.hosts.editor import HostEditor
    from kankei_desktop.ui.areas.hosts.page import HostsPage

    page = HostsPage(database)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.model.rowCount() == 2

    editor = HostEditor(database, parent=page)
    qtbot.addWidget(editor)
    editor.name_edit.setText("かもめ荘")
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("宿泊施設"))
    assert editor.lodging_check.isChecked()  # a 宿泊施設 sleeps guests
    editor.capacity_spin.setValue(6)
    qtbot.keyClicks(editor.postal_edit, "9494392")
    editor.lookup_button.click()
    assert editor.prefecture_edit.text() == "新潟県" and editor.postal_edit.text() == "949-4392"
    assert editor.save()
    with database.session() as session:
        host = session.get(Host, editor.saved_id)
        assert (host.name, host.capacity_per_night, host.postal_code) == ("かもめ荘", 6, "9494392")
    page.apply_filter()
    assert page.model.rowCount() == 3

    # a host with a stay cannot be deleted: the warning says to archive it, nothing changes
    with database.session() as session:
        stays.create_stay(session, StayInput(person_ids=[setup["yamada"]], lodging_id=setup["inn"],
                                             start_on=date(2030, 8, 1), end_on=date(2030, 8, 2)))
    page.apply_filter()
    page.select(setup["inn"])
    assert "民宿やまびこ" in page.detail_label.text() and page.timeline_list.count() == 1
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    page.delete_selected()
    assert warnings and "アーカイブ" in warnings[0]
    with database.session() as session:
        assert session.get(Host, setup["inn"]).deleted_at is None
    page.toggle_archive()
    with database.session() as session:
        assert session.get(Host, setup["inn"]).is_active is False
    assert page.model.row_of(setup["inn"]) == -1  # archived hosts are hidden unless asked for


def test_month_view_selects_days(qtbot, page):
    page.view_combo.setCurrentIndex(1)
    _loaded(qtbot, page)
    month = page.month_view
    first, last = month.cell_rect(date(2030, 8, 6)).center(), month.cell_rect(date(2030, 8, 8)).center()
    qtbot.mousePress(month, Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(month, last)
    qtbot.mouseRelease(month, Qt.MouseButton.LeftButton, pos=last)
    editor = page.last_editor
    assert (editor.start_edit.date().toPython(), editor.end_edit.date().toPython()) == (
        date(2030, 8, 6), date(2030, 8, 8))
    assert "短期滞在" in editor.kind_label.text()
    editor.reject()


def test_ics_dialog_writes_the_whole_set_or_one_file_per_host(qtbot, page, database, setup, two_persons, tmp_path):
    from icalendar import Calendar

    from kankei_desktop.ui.areas.stays.ics_dialog import IcsExportDialog

    with database.session() as session:
        stay_id = stays.create_stay(session, StayInput(
            person_ids=[two_persons["yamada"]], host_id=setup["farm"], start_on=date(2099, 5, 3),
            end_on=date(2099, 5, 4)), today=date(2026, 11, 1))
    assert page.ics_button.toolTip()
    dialog = IcsExportDialog(database, None, None, "", page)
    qtbot.addWidget(dialog)
    whole = tmp_path / "all.ics"
    dialog.path.setText(str(whole))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_label.text()
    (event,) = Calendar.from_ical(whole.read_bytes()).walk("VEVENT")
    assert str(event["UID"]) == f"stay-{stay_id}@kankei-desktop.local" and int(event["SEQUENCE"]) == 0

    folder = tmp_path / "hosts"
    folder.mkdir()
    dialog = IcsExportDialog(database, None, None, "", page)
    qtbot.addWidget(dialog)
    dialog.per_host.setChecked(True)
    dialog.path.setText(str(folder))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_label.text()
    assert [p.name for p in folder.iterdir()] == ["滞在_棚田農園.ics"]
    assert "1" in dialog.summary


# ---------------------------------------------------------------- two saves of the same stay (issue 20 item 3)


def _when_modal(kind, act):
    """Run ``act(widget)`` once a modal ``kind`` is up (the refusal and the choice block ``save()``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def look():
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, look)
            return
        act(widget)

    QTimer.singleShot(0, look)


def _stay_row(database, stay_id):
    """(purpose, notes, persons, row version) as stored."""
    from kankei_desktop.domain.tables import StayParticipant

    with database.session() as session:
        purpose, notes, version = session.execute(
            select(Stay.purpose, Stay.notes, Stay.row_version).where(Stay.id == stay_id)).one()
        persons = session.execute(select(func.count()).select_from(StayParticipant).where(
            StayParticipant.stay_id == stay_id, StayParticipant.deleted_at.is_(None))).scalar_one()
    return purpose, notes, persons, version


@pytest.fixture
def changed_underneath(page, database, setup):
    """A stay open in the editor, then saved by somebody else (another window) through the service:
    山田 joined by 佐藤, and a new purpose."""
    with database.session() as session:
        stay_id = stays.create_stay(session, StayInput(person_ids=[setup["yamada"]], host_id=setup["farm"],
                                                       start_on=date(2030, 8, 20), end_on=date(2030, 8, 22),
                                                       purpose="稲刈り"))
    page.open_stay(stay_id)
    editor = page.last_editor
    assert editor.purpose_edit.text() == "稲刈り"
    with database.session() as session:
        theirs = stays.load_stay_input(session, stay_id)
        theirs.person_ids.append(setup["sato"])
        theirs.purpose = "稲刈りと脱穀"
        stays.update_stay(session, stay_id, theirs)
    *stored, version = _stay_row(database, stay_id)
    assert stored == ["稲刈りと脱穀", "", 2]
    return stay_id, editor, version


def test_second_save_of_a_stay_is_refused_then_merged_field_by_field(qtbot, database, changed_underneath):
    from kankei_desktop.ui.conflict import ConflictBox, FieldChoiceDialog

    stay_id, editor, theirs = changed_underneath
    editor.notes_edit.setPlainText("雨天は順延")
    seen = {}

    def choose(dialog):
        seen["choosing"] = _stay_row(database, stay_id)
        seen["rows"] = {field: (mine.text(), theirs.text(), theirs.isChecked())
                        for field, (mine, theirs) in dialog._groups.items()}
        dialog.accept()  # their persons and purpose (they changed those), my notes

    def refused(box):
        seen["message"] = box.text()
        seen["asking"] = _stay_row(database, stay_id)
        _when_modal(FieldChoiceDialog, choose)
        box.choose_button.click()

    _when_modal(ConflictBox, refused)
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert "滞在" in seen["message"] and "目的" in seen["message"] and "参加者" in seen["message"]
    # Until the coordinator has chosen, the database holds the other person's save only.
    assert seen["asking"] == seen["choosing"] == ("稲刈りと脱穀", "", 2, theirs)
    # Only the fields that differ, as names and words (not ids); theirs preset where they changed it.
    assert seen["rows"] == {
        "person_ids": ("山田 太郎", "山田 太郎、佐藤 花子", True),
        "purpose": ("稲刈り", "稲刈りと脱穀", True),
        "notes": ("雨天は順延", "（空欄）", False),
    }
    assert not editor.isVisible()
    assert _stay_row(database, stay_id) == ("稲刈りと脱穀", "雨天は順延", 2, theirs + 1)


def test_reload_after_a_refused_stay_save_shows_the_other_save_and_writes_nothing(qtbot, database, setup,
                                                                                     changed_underneath):
    from kankei_desktop.ui.conflict import ConflictBox

    stay_id, editor, theirs = changed_underneath
    editor.notes_edit.setPlainText("雨天は順延")
    _when_modal(ConflictBox, lambda box: box.reload_button.click())
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible()  # still open, now on the stored version
    assert editor.purpose_edit.text() == "稲刈りと脱穀" and editor.notes_edit.toPlainText() == ""
    assert editor.chosen_ids() == [setup["yamada"], setup["sato"]]
    assert _stay_row(database, stay_id) == ("稲刈りと脱穀", "", 2, theirs)
    editor.notes_edit.setPlainText("雨天は順延")  # a save on the reloaded version goes through
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert not editor.isVisible()
    assert _stay_row(database, stay_id) == ("稲刈りと脱穀", "雨天は順延", 2, theirs + 1)


# ---------------------------------------------------------------- the calendars' keyboard (stays/day_cursor.py)


@pytest.mark.parametrize("view_name", ["timeline", "month"])
def test_space_steps_through_a_days_stays_and_escape_drops_the_range(qtbot, page, database, setup, view_name):
    from PySide6.QtTest import QTest

    with database.session() as session:
        long_stay = stays.create_stay(session, StayInput(person_ids=[setup["yamada"]], host_id=setup["inn"],
                                                         start_on=date(2030, 8, 1), end_on=date(2030, 8, 2)))
        short_stay = stays.create_stay(session, StayInput(person_ids=[setup["sato"]], host_id=setup["inn"],
                                                          start_on=date(2030, 8, 1), end_on=date(2030, 8, 1)))
    page.view_combo.setCurrentIndex(0 if view_name == "timeline" else 1)
    page.reload()
    _loaded(qtbot, page)
    view = page.timeline if view_name == "timeline" else page.month_view
    opened, created = [], []
    view.stay_activated.disconnect()
    view.days_selected.disconnect()
    view.stay_activated.connect(opened.append)
    view.days_selected.connect(lambda host_id, first, last: created.append((host_id, first, last)))
    view.setFocus()
    # The cursor starts on the month's first day (today is not shown), where both stays are.
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Return):
        QTest.keyClick(view, key)
    assert sorted(opened[:2]) == sorted([long_stay, short_stay]) and opened[2] == opened[0]
    # Shift+→ starts a range; Esc drops it, so Enter opens the stay on 8/2 instead of making one.
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened[3:] == [long_stay] and created == []
    # Shift+Enter: always a new one-day stay, even on a day with a stay.
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    # Let Shift go: Qt takes the held modifiers from the last key event, and a Shift left held
    # would turn a later test's selectRow into a range selection.
    QTest.keyRelease(view, Qt.Key.Key_Shift)
    host_id = setup["inn"] if view_name == "timeline" else ""
    assert created == [(host_id, date(2030, 8, 2), date(2030, 8, 2))]
    assert len(opened) == 4


def test_saving_a_stay_deleted_meanwhile_says_so_and_writes_nothing(qtbot, database, changed_underneath):
    stay_id, editor, _theirs = changed_underneath
    with database.session() as session:
        stays.delete_stay(session, stay_id)
    editor.notes_edit.setPlainText("雨天は順延")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert editor.isVisible() and "見つかりません" in editor.error_label.text()
    with database.session() as session:
        assert session.execute(select(Stay.notes).where(Stay.id == stay_id)).scalar_one() == ""


def test_saving_a_host_deleted_meanwhile_says_so(qtbot, app_ready, database):
    from kankei_desktop.services.hosts import delete_host
    from kankei_desktop.ui.areas.hosts.editor import HostEditor

    with database.session() as session:
        host_id = create_host(session, HostInput(name="棚田農園", kind="農家"))
    editor = HostEditor(database, host_id)
    qtbot.addWidget(editor)
    with database.session() as session:
        delete_host(session, host_id)  # another window
    editor.phone_edit.setText("0577-12-3456")
    assert not editor.save()
    assert "見つかりません" in editor.error_label.text()
