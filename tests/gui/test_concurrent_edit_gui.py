"""Two editors on one person: the second save shows who changed which fields, then reload or merge.

Runs on either store (two editors in one process stand in for two windows); the two-window
version on a real server, with the changes seen across windows, is test_two_windows_gui.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from kankei_desktop.ui.areas.participants.editor import PersonEditor

pytestmark = pytest.mark.gui


def _answer_conflict(button_text: str, seen: dict, then=None):
    """Press ``button_text`` in the conflict box once it is up (and run ``then`` on what follows)."""

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen["message"] = box.text()
        button = next((b for b in box.buttons() if b.text() == button_text), box.escapeButton())
        if then is not None:
            QTimer.singleShot(0, then)
        button.click()

    QTimer.singleShot(0, press)


def _row(database, person_id):
    with database.session() as session:
        return tuple(session.execute(text("SELECT phone, city, notes, row_version FROM person WHERE id = :id"),
                                     {"id": person_id}).one())


def test_second_save_names_the_fields_and_merges_field_by_field(qtbot, app_ready, database, two_persons):
    yamada = two_persons["yamada"]
    first, second = PersonEditor(database, yamada), PersonEditor(database, yamada)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.ui.phone_edit.setText("080-2222-3333")
    first.ui.notes_edit.setPlainText("電話番号が変わった")
    assert first.save()
    second.ui.city_edit.setText("高山市")
    second.ui.notes_edit.setPlainText("夏に再訪")
    seen = {}

    def choose():
        dialog = second.field_choice
        seen["rows"] = sorted(dialog._groups)
        dialog.choose("notes", theirs=False)  # my note over theirs; their phone, my city
        dialog.accept()

    _answer_conflict("項目ごとに選ぶ…", seen, then=lambda: QTimer.singleShot(50, choose))
    assert second.save()
    assert "電話" in seen["message"] and "備考" in seen["message"] and "さん" in seen["message"]
    assert seen["rows"] == ["city", "notes", "phone"]
    assert _row(database, yamada) == ("080-2222-3333", "高山市", "夏に再訪", 3)


def test_reload_takes_the_stored_values_and_saves_nothing(qtbot, app_ready, database, two_persons):
    yamada = two_persons["yamada"]
    first, second = PersonEditor(database, yamada), PersonEditor(database, yamada)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.ui.phone_edit.setText("080-2222-3333")
    assert first.save()
    second.ui.city_edit.setText("高山市")
    seen = {}
    _answer_conflict("再読み込み", seen)
    assert not second.save()
    assert second.ui.phone_edit.text() == "080-2222-3333" and second.ui.city_edit.text() == ""
    assert _row(database, yamada) == ("080-2222-3333", "", "", 2)


def test_two_host_editors_second_save_merges_field_by_field(qtbot, app_ready, database):
    from kankei_desktop.services.hosts import HostInput, create_host
    from kankei_desktop.ui.areas.hosts.editor import HostEditor

    with database.session() as session:
        host_id = create_host(session, HostInput(name="民宿やまびこ", kind="宿泊施設", capacity_per_night=4))
    first, second = HostEditor(database, host_id), HostEditor(database, host_id)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.phone_edit.setText("0577-12-3456")
    assert first.save()
    second.notes_edit.setPlainText("冬季休業")
    seen = {}

    def choose():
        seen["rows"] = sorted(second.field_choice._groups)
        second.field_choice.accept()  # their phone (they changed it), my note

    _answer_conflict("項目ごとに選ぶ…", seen, then=lambda: QTimer.singleShot(50, choose))
    assert second.save()
    assert "電話" in seen["message"] and "受入先" in seen["message"]
    assert seen["rows"] == ["notes", "phone"]
    with database.session() as session:
        row = session.execute(text("SELECT phone, notes, row_version FROM host WHERE id = :id"), {"id": host_id}).one()
    assert tuple(row) == ("0577-12-3456", "冬季休業", 3)
