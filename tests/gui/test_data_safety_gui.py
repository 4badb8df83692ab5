"""The データの保護 area and the start-up dialogs, driven through real widgets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import plain_sql
import pytest

from kankei_desktop.services import backups
from kankei_desktop.services.participants import PersonInput, count_persons, create_person
from kankei_desktop.store import backup, create_database, lock
from kankei_desktop.ui.areas.backups.page import DataSafetyPage
from kankei_desktop.ui.areas.backups.startup import open_with_safety

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, app_ready, database, two_persons):
    page = DataSafetyPage(database, auto_backup=False)
    page.confirm = lambda question: True
    page.errors = []
    page.show_error = page.errors.append
    qtbot.addWidget(page)
    page.show()
    page.activate()
    return page


def _texts(model, column=0):
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _wait(qtbot, job) -> None:
    qtbot.waitUntil(lambda: not job.busy, timeout=30_000)


@pytest.mark.sqlite_only  # file backups and the -wal of the file
def test_back_up_now_lists_the_backup_with_persons(qtbot, page):
    assert page.backup_model.rowCount() == 0
    assert "まだ" in page.backup_message.text()
    page.backup_button.click()
    assert not page.backup_button.isEnabled() and page.backup_job.isVisible()  # running, with its bar
    _wait(qtbot, page.backup_job)
    assert page.backup_button.isEnabled() and not page.backup_job.isVisible()
    assert page.backup_model.rowCount() == 1
    assert _texts(page.backup_model, 1) == ["手動"] and _texts(page.backup_model, 3) == ["2"]
    from PySide6.QtCore import Qt
    assert page.backup_model.headerData(0, Qt.Orientation.Horizontal) == "日時"


@pytest.mark.sqlite_only  # file backups and the -wal of the file
def test_restore_selected_backup_brings_back_the_data(qtbot, page, database):
    page.backup_button.click()
    _wait(qtbot, page.backup_job)
    with database.session() as session:
        create_person(session, PersonInput(name="鈴木 一郎"))
    assert not page.restore_button.isEnabled()  # no backup chosen (issue 16)
    page.backup_view.selectRow(0)
    page.restore_button.click()
    _wait(qtbot, page.backup_job)
    assert page.errors == []
    with database.session() as session:
        assert count_persons(session) == 2
    assert sorted(_texts(page.backup_model, 1)) == sorted(["手動", "復元前"])
    assert "復元しました" in page.backup_message.text()

@pytest.mark.sqlite_only  # file backups and the -wal of the file
def test_missing_backup_folder_is_an_error_not_a_crash(page, tmp_path):
    page.choose_folder = lambda: str(tmp_path / "usb-stick")
    page.change_folder()
    assert page.errors and "ありません" in page.errors[0]


def test_history_tab_shows_changes_and_exports_csv(page, tmp_path):
    page.refresh_history()
    assert set(_texts(page.audit_model, 2)) == {"作成"}
    page.choose_csv = lambda: str(tmp_path / "history.csv")
    page.export_history()
    assert (tmp_path / "history.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    page.refresh_history()
    assert "出力" in _texts(page.audit_model, 2)


def test_privacy_tab_erases_a_dormant_person(qtbot, page, database, two_persons):
    from kankei_desktop.domain.tables import Person

    with database.session() as session:
        session.get(Person, two_persons["yamada"]).last_activity_on = __import__("datetime").date(2015, 4, 1)
    page.refresh_dormant()
    assert _texts(page.dormant_model) == ["山田 太郎"]
    assert not page.erase_button.isEnabled()  # nobody chosen (issue 16)
    page.dormant_view.selectRow(0)
    asked = []
    page.confirm = lambda question: asked.append(question) or True
    page.erase_button.click()
    qtbot.waitUntil(lambda: "消去しました" in page.privacy_note.text() or bool(page.errors), timeout=30_000)
    assert page.errors == [] and page.dormant_model.rowCount() == 0
    # The question says that older backups still hold the data, and for how long (the default rotation).
    assert "バックアップ" in asked[0] and "12 か月" in asked[0] and "14 日" in asked[0]
    assert not page.erase_button.isEnabled()
    assert "山田".encode() not in plain_sql.stored_bytes(database)


def test_window_shows_area_and_backup_status(qtbot, app_ready, database):
    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    page = window.pages["data_safety"]
    qtbot.waitUntil(lambda: page.auto.last_status is not None, timeout=20_000)
    if database.is_server:  # nothing is copied to this computer; the label says whose backups stand
        assert window.backup_label.text() == "バックアップはサーバー側で行います"
        window.show_area("data_safety")
        assert page.backup_model.rowCount() == 0
        return
    assert window.backup_label.text().startswith("最終バックアップ")
    window.show_area("data_safety")
    assert page.backup_model.rowCount() == 1

@pytest.mark.sqlite_only  # file backups and the -wal of the file
def test_failed_backup_is_shown_in_red(qtbot, app_ready, database, tmp_path):
    from kankei_desktop.ui.main_window import MainWindow

    gone = tmp_path / "usb"
    gone.mkdir()
    with database.session() as session:
        backups.set_backup_folder(session, gone)
    gone.rmdir()
    window = MainWindow(database)
    qtbot.addWidget(window)
    page = window.pages["data_safety"]
    qtbot.waitUntil(lambda: page.auto.last_status is not None, timeout=20_000)
    assert window.backup_label.text().startswith("バックアップ失敗")
    assert "c53030" in window.backup_label.styleSheet()


# ---------------------------------------------------------------- start-up


@pytest.fixture
def file_path(tmp_path) -> Path:
    path = tmp_path / "town.sqlite3"
    db = create_database(path)
    with db.session() as session:
        create_person(session, PersonInput(name="山田 太郎"))
    db.close()
    return path


def test_second_instance_is_told_who_holds_the_file(app_ready, file_path):
    lock.lock_path_for(file_path).write_text(json.dumps(
        {"user": "sato", "machine": "YAKUBA-PC02", "pid": 1, "since": "2026-11-27T09:15:00"}), encoding="utf-8")
    shown = []
    result = open_with_safety(file_path, ask=lambda title, text, yes: pytest.fail("nothing to choose"),
                              inform=lambda title, text: shown.append(text))
    assert result is None
    assert "sato さん" in shown[0] and "YAKUBA-PC02" in shown[0] and "2026/11/27 09:15" in shown[0]


def test_garbage_lock_can_be_broken_after_asking(app_ready, file_path):
    lock.lock_path_for(file_path).write_bytes(b"??")
    database = open_with_safety(file_path, ask=lambda title, text, yes: "壊れています" in text)
    assert database is not None and database.lock is not None
    database.close()


def test_damaged_file_offers_and_restores_the_newest_backup(app_ready, file_path):
    folder = backup.default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    backup.make_backup(file_path, folder, "close")
    file_path.write_bytes(b"")
    asked = []
    database = open_with_safety(file_path, ask=lambda title, text, yes: asked.append(yes) or True)
    assert asked == ["このバックアップを復元"]
    with database.session() as session:
        assert count_persons(session) == 1
    database.close()
    assert list(file_path.parent.glob("town.sqlite3.damaged-*"))


def test_network_file_is_copied_locally_when_the_user_agrees(app_ready, file_path, monkeypatch):
    from kankei_desktop.store import location

    real = location.check_location
    monkeypatch.setattr(location, "check_location",
                        lambda p, **kw: location.LocationReport(Path(p), network="ネットワークドライブ")
                        if Path(p) == file_path else real(p, **kw))
    database = open_with_safety(file_path, ask=lambda title, text, yes: True)
    assert database.path != file_path and database.path.parent.name == "local-copies"
    database.close()
    assert os.path.exists(file_path)

@pytest.mark.sqlite_only  # file backups and the -wal of the file
def test_an_erasure_that_could_not_finish_is_finished_by_pressing_again(qtbot, page, database, two_persons):
    from datetime import date

    from kankei_desktop.domain.tables import Person

    with database.session() as session:
        session.get(Person, two_persons["yamada"]).last_activity_on = date(2015, 4, 1)
    page.refresh_dormant()
    page.dormant_view.selectRow(0)
    reader = plain_sql.connect(database)  # another program reading: the log cannot be emptied
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM person").fetchone()
    page.erase_button.click()
    qtbot.waitUntil(lambda: page.erase_button.isEnabled(), timeout=30_000)
    assert len(page.errors) == 1 and "もう一度" in page.privacy_note.text()
    reader.rollback()
    reader.close()
    page.refresh_dormant()  # the person is already blanked: no longer in the list
    assert page.dormant_model.rowCount() == 0
    assert page.erase_button.isEnabled()  # the unfinished erasure can be pressed again
    page.erase_button.click()
    qtbot.waitUntil(lambda: page.erase_job.task is None, timeout=30_000)
    assert len(page.errors) == 1 and "山田 太郎" in page.privacy_note.text()
    assert not page.erase_button.isEnabled()  # done, and nobody chosen
    assert "山田".encode() not in plain_sql.stored_bytes(database)


def test_privacy_list_period_starts_at_the_retention_setting_in_months(qtbot, page, database, two_persons):
    """The list's period is the setting's (「18か月」), in years or months, and follows the setting."""
    from datetime import date

    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services import retention, settings_store

    with database.session() as session:
        for person_id in two_persons.values():  # both registered long ago
            person = session.get(Person, person_id)
            person.created_at = person.created_at.replace(year=2010)
        session.get(Person, two_persons["yamada"]).last_activity_on = retention.cutoff(date.today(), 20)
        session.get(Person, two_persons["sato"]).last_activity_on = date.today()
    page.refresh()
    assert (page.period_spin.value(), page.period_unit.currentData()) == (5, "年")  # the default setting
    assert _texts(page.dormant_model) == []
    with database.session() as session:
        settings_store.save(session, {retention.RETENTION_PERIOD: "18か月"})
    page.refresh()  # the area shown again: the setting changed, the list follows it
    assert (page.period_spin.value(), page.period_unit.currentData()) == (18, "か月")
    assert "18か月" in page.period_hint.text()
    assert _texts(page.dormant_model) == ["山田 太郎"]
    # Typed by the coordinator: 21 months leaves 山田 out, 1 year brings him back.
    page.period_spin.setValue(21)
    assert _texts(page.dormant_model) == []
    page.period_unit.setCurrentIndex(page.period_unit.findData("年"))
    page.period_spin.setValue(1)
    assert page.period() == "1年" and _texts(page.dormant_model) == ["山田 太郎"]
    page.period_spin.setValue(99)  # years stop at 30, as the setting does
    assert page.period_spin.value() == 30 and _texts(page.dormant_model) == []
    page.refresh()  # the setting unchanged: the coordinator's choice stays
    assert page.period() == "30年"
