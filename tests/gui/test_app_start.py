"""Start-up opens the coordinator's file the safe way: one writer at a time."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from kankei_desktop.store import create_database
from kankei_desktop.ui.app import open_for_gui

pytestmark = pytest.mark.gui


def test_a_second_window_on_the_same_file_is_refused_naming_who_holds_it(app_ready, tmp_path, monkeypatch):
    path = tmp_path / "office.sqlite3"
    create_database(path).close()
    first = open_for_gui(path, demo=False)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    try:
        assert open_for_gui(path, demo=False) is None
        assert shown and "開いています" in shown[0]
    finally:
        first.close()
    second = open_for_gui(path, demo=False)  # released on close: opens again
    assert second is not None
    second.close()


def test_first_start_creates_the_users_database(app_ready, tmp_path, monkeypatch):
    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    database = open_for_gui(None, demo=False)
    try:
        assert database.path == tmp_path / "data" / "kankei.sqlite3"
    finally:
        database.close()

@pytest.mark.sqlite_only  # the start-up backup is a file's; a server's are its operator's
def test_automatic_backups_start_with_the_window_whatever_area_is_open(qtbot, app_ready, database):
    from PySide6.QtCore import QThreadPool

    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    window.show_area("participants")
    QThreadPool.globalInstance().waitForDone(30000)
    qtbot.waitUntil(lambda: "バックアップ" in window.backup_label.text(), timeout=10000)
    from kankei_desktop.services import backups

    assert [info.path.name for info in backups.list_for(database)], "a start-up backup exists"
