"""The window around the areas: menus, F1, dropping a file, other files, fit and keyboard (issues 14, 17).

Keyboard paths use QTest key clicks only; dialogs opened modally are answered from a timer.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTableView

from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.segments import SegmentCriteria, save_segment
from kankei_desktop.store import create_database
from kankei_desktop.ui.main_window import MINIMUM_SIZE, MainWindow
from kankei_desktop.ui.widgets import cell_tooltip

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, app_ready, database, two_persons):
    window = MainWindow(database, "テスト団体")
    qtbot.addWidget(window)
    window.show()
    return window


def on_next_modal(action, log: list):
    """Call ``action(dialog)`` on the next modal dialog as soon as it is shown."""
    def check():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, check)
            return
        log.append(dialog)
        action(dialog)
    QTimer.singleShot(0, check)


def press_ctrl_s(dialog) -> None:
    """Ctrl+S in a dialog opened modally from a key press. Offscreen, such a dialog never becomes
    the active window while its exec() runs, so QTest's Ctrl+S would reach the main window:
    the dialog's own Ctrl+S shortcut is fired instead (the real key press is tested on a dialog
    shown directly, in test_every_editor_dialog_saves_with_ctrl_s). Still open afterwards: closed,
    so a failure shows instead of hanging."""
    save = QKeySequence(QKeySequence.StandardKey.Save)
    (shortcut,) = [s for s in dialog.findChildren(QShortcut) if s.key() == save]
    shortcut.activated.emit()
    if dialog.isVisible():
        dialog.reject()


def press_enter_opening_a_dialog(widget) -> None:
    """Enter on ``widget`` when it opens a modal dialog: sent as a key event straight to the widget
    (QTest's key click holds back the window system's events, the dialog's activation among them,
    until the dialog closes, so its own Ctrl+S could not be pressed)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))


def roster_file(tmp_path: Path) -> Path:
    path = tmp_path / "名簿.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["氏名", "フリガナ", "メール"])
    sheet.append(["鈴木 一郎", "スズキ イチロウ", "ichiro@example.jp"])
    book.save(path)
    return path


def import_through(qtbot, wizard) -> None:
    wizard.next()
    wizard.next()
    wizard.next()
    wizard.next()
    qtbot.mouseClick(wizard.commit_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=30_000)
    wizard.commit_page.wait()


# ------------------------------------------------------------------ fit
def test_the_window_fits_a_small_laptop_screen(qtbot, window):
    assert window.minimumSize().width() <= 1000 and window.minimumSize().height() <= 560
    for key in window._area_keys:  # every area built: none may ask for more room than that
        window.show_area(key)
    hint = window.minimumSizeHint()
    assert hint.width() <= MINIMUM_SIZE.width() and hint.height() <= MINIMUM_SIZE.height()
    available = window.screen().availableGeometry()
    assert window.width() <= max(available.width(), MINIMUM_SIZE.width())
    assert window.height() <= max(available.height(), MINIMUM_SIZE.height())


def test_toolbar_buttons_overflow_into_a_menu_and_search_keeps_240px(qtbot, window):
    window.resize(MINIMUM_SIZE)
    page = window.show_area("mail")
    qtbot.waitUntil(lambda: page.toolbar.overflowed() != [])
    assert page.search_edit.width() >= 240
    hidden = page.toolbar.overflowed()
    assert all(not button.isVisible() for button in hidden) and page.toolbar.more_button.isVisible()
    page.toolbar._fill_menu()
    texts = [action.text() for action in page.toolbar.more_menu.actions()]
    assert texts == [button.text() for button in hidden]
    window.resize(1900, 900)
    qtbot.waitUntil(lambda: page.toolbar.overflowed() == [])
    assert not page.toolbar.more_button.isVisible()


def test_a_cut_short_cell_has_its_full_text_as_tooltip(qtbot, window):
    page = window.show_area("participants")
    table = page.table
    index = page.model.index(0, 0)
    name = index.data()
    assert name == "佐藤 花子"
    table.setColumnWidth(0, 300)
    assert cell_tooltip(table, index) is None  # it fits: no tooltip
    table.setColumnWidth(0, 30)
    assert cell_tooltip(table, index) == name  # cut short: the whole name
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    centre = table.visualRect(index).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre,
                                                        table.viewport().mapToGlobal(centre)))
    assert QToolTip.text() == name
    QToolTip.hideText()


# ------------------------------------------------------------------ menus
def test_menus_have_accelerators_and_f1_lists_every_shortcut(qtbot, window):
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "移動(&G)", "ヘルプ(&H)"]
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    for label in ("新しいファイル", "ファイルを開く", "取り込み", "書き出し", "入力用のひな形", "バックアップ"):
        assert any(text.startswith(label) for text in file_actions), label
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "shortcuts_dialog", None) is not None
                    and window.shortcuts_dialog.isVisible())
    rows = window.shortcuts_dialog.rows()
    listed = {keys for _where, keys, _what in rows}
    for menu_action in window.menuBar().actions():  # every menu shortcut is there, read from the action
        for action in menu_action.menu().actions():
            for key in action.shortcuts():
                assert key.toString() in listed, action.text()
    assert {"Ctrl+F", "Ctrl+N", "F5", "Ctrl+K", "F1", "Ctrl+I", "Ctrl+Z"} <= listed
    assert all(what for _where, _keys, what in rows)
    window.shortcuts_dialog.close()


@pytest.mark.sqlite_only  # the File menu's files: import, drop, new/open file
def test_import_from_the_menu_imports_a_file(qtbot, window, database, tmp_path):
    window.findChild(type(window.menuBar().actions()[0]), "import_action").trigger()
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    wizard.file_page.path_edit.setText(str(roster_file(tmp_path)))
    import_through(qtbot, wizard)
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM person WHERE name = '鈴木 一郎'").fetchone() == (1,)


@pytest.mark.sqlite_only  # the File menu's files: import, drop, new/open file
def test_dropping_a_spreadsheet_opens_the_wizard_on_it(qtbot, window, database, tmp_path):
    path = roster_file(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(300, 300).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wizard = window.import_wizard
    assert wizard.isVisible() and wizard.file_page.path_edit.text() == str(path)
    import_through(qtbot, wizard)
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM person WHERE name = '鈴木 一郎'").fetchone() == (1,)
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.jpg"))])
    assert window._dropped_file(other) is None


def test_export_from_the_menu_starts_on_the_areas_kind(qtbot, window):
    window.show_area("stays")
    dialog = window.open_export()
    assert dialog.what.currentData() == "stays"
    dialog.close()


def test_template_from_the_menu(qtbot, window, tmp_path):
    saved = window.save_template("persons", tmp_path / "参加者.xlsx")
    headers = [cell.value for cell in openpyxl.load_workbook(saved).worksheets[0][1]]
    assert "氏名" in headers


def test_new_file_works_on_it_and_frees_the_old_one(qtbot, app_ready, tmp_path):
    from kankei_desktop.ui.app import open_for_gui

    old_path = tmp_path / "first.sqlite3"
    create_database(old_path).close()
    window = MainWindow(open_for_gui(old_path, demo=False))  # closed (and deleted) when the other opens
    window.owns_database = True
    window.show()
    new_window = window.new_file(tmp_path / "second")
    qtbot.addWidget(new_window)
    assert new_window.database.path == tmp_path / "second.sqlite3"
    assert "second.sqlite3" in new_window.windowTitle()
    reopened = open_for_gui(old_path, demo=False)  # the old file's lock was released
    assert reopened is not None
    reopened.close()
    shown = []
    from PySide6.QtWidgets import QMessageBox

    original = QMessageBox.warning
    QMessageBox.warning = lambda *args: shown.append(args[2])
    try:
        assert new_window.new_file(tmp_path / "second.sqlite3") is None  # never over an existing file
    finally:
        QMessageBox.warning = original
    assert shown and "すでにあります" in shown[0]
    new_window.close()


# ------------------------------------------------------------------ keyboard
def test_enter_opens_a_row_and_tab_leaves_the_table(qtbot, window, database):
    page = window.show_area("participants")
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()
    opened = []
    on_next_modal(lambda dialog: dialog.reject(), opened)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert opened and type(opened[0]).__name__ == "PersonEditor"


@pytest.mark.sqlite_only  # the File menu's files: import, drop, new/open file
def test_participants_without_the_mouse_search_down_enter_ctrl_s(qtbot, window, database):
    page = window.show_area("participants")
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    page.search_edit.setText("サトウ")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    QTest.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.table.hasFocus()

    def edit(dialog):
        dialog.ui.name_edit.setText("佐藤 花子（旧姓 高橋）")
        press_ctrl_s(dialog)

    opened = []
    on_next_modal(edit, opened)
    press_enter_opening_a_dialog(page.table)
    assert opened
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM person WHERE name = '佐藤 花子（旧姓 高橋）'").fetchone() == (1,)


@pytest.mark.sqlite_only  # the File menu's files: import, drop, new/open file
def test_hosts_without_the_mouse_enter_opens_and_notes_let_tab_go(qtbot, window, database):
    with database.session() as session:
        create_host(session, HostInput(name="田中農園"))
    page = window.show_area("hosts")
    page.refresh()
    page.focus_search()
    QTest.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.selected_id()

    def edit(dialog):
        notes = dialog.findChild(QPlainTextEdit)
        notes.setFocus()
        QTest.keyClick(notes, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert notes.toPlainText() == "\t"
        QTest.keyClick(notes, Qt.Key.Key_Tab)
        assert not notes.hasFocus()
        notes.setPlainText("朝は7時から")
        press_ctrl_s(dialog)

    opened = []
    on_next_modal(edit, opened)
    press_enter_opening_a_dialog(page.table)
    assert opened
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT notes FROM host WHERE name = '田中農園'").fetchone() == ("朝は7時から",)


def test_mail_without_the_mouse_enter_opens_the_letter(qtbot, window, database, two_persons):
    from kankei_desktop.services.letters import LetterInput, create_letter

    with database.session() as session:
        create_letter(session, LetterInput(direction="参加者→地域", person_id=two_persons["yamada"],
                                           received_on=date(2026, 11, 1), summary="お礼"))
    page = window.show_area("mail")
    page.refresh()
    page.focus_search()
    QTest.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.letter_table.hasFocus()
    opened = []
    on_next_modal(lambda dialog: dialog.reject(), opened)
    QTest.keyClick(page.letter_table, Qt.Key.Key_Return)
    assert opened and type(opened[0]).__name__ == "LetterEditor"


@pytest.mark.parametrize("view_name", ["timeline", "month"])
def test_stays_open_and_create_from_the_keyboard(qtbot, window, database, two_persons, view_name):
    from kankei_desktop.services.stays import StayInput, create_stay

    today = date.today()
    with database.session() as session:
        host = create_host(session, HostInput(name="田中農園"))
        stay_id = create_stay(session, StayInput(host_id=host, start_on=today, end_on=today,
                                                 person_ids=[two_persons["yamada"]]))
    page = window.show_area("stays")
    page.view_combo.setCurrentIndex(0 if view_name == "timeline" else 1)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the month is read in the background
    view = page.timeline if view_name == "timeline" else page.month_view
    opened = []
    page.open_stay = lambda sid: opened.append(sid)  # the editor itself is tested elsewhere
    view.stay_activated.disconnect()
    view.stay_activated.connect(page.open_stay)
    view.setFocus()
    assert view.hasFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)  # the cursor starts on today, where the stay is
    assert opened == [stay_id]
    created = []
    view.days_selected.disconnect()
    view.days_selected.connect(lambda host_id, first, last: created.append((host_id, first, last)))
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert len(created) == 1
    host_id, first, last = created[0]
    if view_name == "timeline":
        assert host_id == host
    assert (last - first).days == 1
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus()


@pytest.mark.sqlite_only  # the File menu's files: import, drop, new/open file
def test_stays_keyboard_reaches_the_real_editor(qtbot, window, database):
    with database.session() as session:
        create_host(session, HostInput(name="田中農園"))
    page = window.show_area("stays")
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    page.timeline.setFocus()
    QTest.keyClick(page.timeline, Qt.Key.Key_Return)  # today, at the first host: a new one-day stay
    editor = page.last_editor
    assert editor.isVisible()
    editor.search_edit.setFocus()
    editor.search_edit.setText("ヤマダ")
    qtbot.waitUntil(lambda: editor.found_list.count() == 1)
    QTest.keyClick(editor.search_edit, Qt.Key.Key_Down)
    assert editor.focusWidget() is editor.found_list  # (offscreen, the editor is not the active window)
    QTest.keyClick(editor.found_list, Qt.Key.Key_Return)
    assert editor.chosen_list.count() == 1 and editor.isVisible()  # Enter added the person, did not save
    press_ctrl_s(editor)
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM stay_participant").fetchone() == (1,)


def test_segment_export_and_roster_from_the_segments_dialog(qtbot, app_ready, database, two_persons, tmp_path):
    from kankei_desktop.ui.areas.programmes.segments_dialog import SegmentsDialog

    with database.session() as session:
        save_segment(session, "みんな", SegmentCriteria())
    dialog = SegmentsDialog(database)
    qtbot.addWidget(dialog)
    out = dialog.export_persons(str(tmp_path / "みんな.xlsx"))
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert sheet.max_row == 3  # headers and the two persons
    pdf = dialog.print_roster(str(tmp_path / "みんな.pdf"))
    assert Path(pdf).read_bytes().startswith(b"%PDF") and "2 ページ" not in dialog.count_label.text()
    assert "名簿" in dialog.count_label.text() or "Roster" in dialog.count_label.text()


@pytest.mark.sqlite_only  # the File menu's files: import, drop, new/open file
def test_every_editor_dialog_saves_with_ctrl_s(qtbot, app_ready, database):
    from kankei_desktop.ui.areas.hosts.editor import HostEditor
    from kankei_desktop.ui.areas.mail.editors import LetterEditor, ShipmentEditor
    from kankei_desktop.ui.areas.participants.editor import PersonEditor
    from kankei_desktop.ui.areas.stays.editor import StayEditor

    for dialog in (HostEditor(database), LetterEditor(database), ShipmentEditor(database), PersonEditor(database, None),
                   StayEditor(database)):
        qtbot.addWidget(dialog)
        keys = [s.key() for s in dialog.findChildren(QShortcut)]
        assert keys.count(QKeySequence(QKeySequence.StandardKey.Save)) == 1, type(dialog).__name__
        for notes in dialog.findChildren(QPlainTextEdit):
            assert notes.tabChangesFocus(), type(dialog).__name__
    editor = HostEditor(database)
    qtbot.addWidget(editor)
    editor.name_edit.setText("鈴木果樹園")
    editor.show()
    assert QTest.qWaitForWindowActive(editor)
    QTest.keyClick(editor.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM host WHERE name = '鈴木果樹園'").fetchone() == (1,)


def test_tables_let_tab_go_everywhere(qtbot, window):
    for key in window._area_keys:
        window.show_area(key)
    for table in window.findChildren(QTableView):
        if table.objectName() in ("participant_table", "letter_table", "shipment_table", "followup_table",
                                  "host_table", "enrollment_table"):
            assert not table.tabKeyNavigation(), table.objectName()
    assert window.findChildren(QLineEdit)


def test_programmes_without_the_mouse_table_enter_opens_the_card(qtbot, window, database, two_persons):
    from kankei_desktop.services import enrollments, programmes
    from kankei_desktop.services.programmes import ProgrammeInput

    with database.session() as session:
        programme_id = programmes.create_programme(session, ProgrammeInput(name="農業体験", fiscal_year=2026))
        enrollments.enroll_persons(session, programme_id, [two_persons["yamada"]])
    page = window.show_area("programmes")
    page.programme_list.setFocus()
    QTest.keyClick(page.programme_list, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: page.programme_id == programme_id)
    page.table_toggle.setFocus()
    QTest.keyClick(page.table_toggle, Qt.Key.Key_Space)
    assert page.view_stack.currentWidget() is page.table
    page.table.setFocus()
    page.table.setCurrentIndex(page.table_model.index(0, 0))
    opened = []
    on_next_modal(lambda dialog: dialog.reject(), opened)
    press_enter_opening_a_dialog(page.table)
    assert opened and type(opened[0]).__name__ == "CardDialog"
    assert not page.table.tabKeyNavigation()


def test_settings_without_the_mouse_go_menu_then_ctrl_s(qtbot, window, database):
    from kankei_desktop.services import followups, settings_store

    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # 移動 → 設定
    page = window.current_page()
    assert page.AREA_KEY == "settings"
    editor = page.fields[followups.REPLY_DAYS.key].editor
    editor.setFocus()
    editor.setValue(12)
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with database.session() as session:
        assert settings_store.get(session, followups.REPLY_DAYS) == 12
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 移動 → 参加者
    assert window.current_page().AREA_KEY == "participants"


def test_an_empty_file_points_to_import_and_its_button_opens_the_wizard(qtbot, app_ready, database):
    from PySide6.QtWidgets import QPushButton

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("participants")
    assert page.list_stack.currentWidget() is page.empty_label
    assert "取り込み" in page.empty_label.text() and "Ctrl+I" in page.empty_label.text()
    button = page.findChild(QPushButton, "empty_import_button")
    assert button.isVisible()
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert window.import_wizard is not None and window.import_wizard.isVisible()
    window.import_wizard.reject()
