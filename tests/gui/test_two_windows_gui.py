"""Two windows on one server database: a save in one shows in the other, the same person
edited in both gives the conflict dialog. Skipped without a server (pytest --pg)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

import pg_support
from kankei_desktop.services import participants
from kankei_desktop.store import open_database
from kankei_desktop.ui.areas.participants.editor import PersonEditor
from kankei_desktop.ui.main_window import MainWindow

pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(not pg_support.active(), reason="needs a PostgreSQL server (pytest --pg)")]


def _names(page):
    return [page.model.data(page.model.index(row, 0)) for row in range(page.model.rowCount())]


@pytest.fixture
def windows(qtbot, app_ready, database, two_persons):
    other = open_database(database.path)  # the second window's own connection, as a second app has
    made = []
    for db in (database, other):
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
    yield made
    for window in made:
        window.close()
    other.close()


def test_a_save_in_one_window_shows_in_the_other_keeping_the_selection(qtbot, windows, two_persons):
    first, second = (window.show_area("participants") for window in windows)
    qtbot.waitUntil(lambda: _names(second) == ["佐藤 花子", "山田 太郎"], timeout=10000)
    second.table.selectRow(1)
    assert second.selected_ids() == [two_persons["yamada"]]
    with first.database.session() as session:
        participants.create_person(session, participants.PersonInput(name="青木 一郎", furigana="アオキ イチロウ"))
    qtbot.waitUntil(lambda: _names(second) == ["青木 一郎", "佐藤 花子", "山田 太郎"], timeout=10000)
    assert second.selected_ids() == [two_persons["yamada"]]


def test_the_same_person_saved_in_both_windows_names_the_fields(qtbot, windows, two_persons):
    yamada = two_persons["yamada"]
    first = PersonEditor(windows[0].database, yamada, windows[0])
    second = PersonEditor(windows[1].database, yamada, windows[1])
    first.ui.phone_edit.setText("080-2222-3333")
    assert first.save()
    second.ui.city_edit.setText("高山市")
    seen = {}

    def press_reload():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_reload)
            return
        seen["message"] = box.text()
        box.reload_button.click()

    QTimer.singleShot(0, press_reload)
    assert not second.save()
    assert "電話" in seen["message"] and "さん" in seen["message"]
    assert second.ui.phone_edit.text() == "080-2222-3333"
    with windows[1].database.session() as session:
        assert session.execute(text("SELECT phone, city FROM person WHERE id = :id"), {"id": yamada}).one() == (
            "080-2222-3333", "")
