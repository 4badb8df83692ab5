"""Letter and shipment editors: a save after somebody else's is refused with the conflict box.

Two editors in one process stand in for two windows (as in test_concurrent_edit_gui.py):
the record is changed underneath through the service, then the open editor saves.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from kankei_desktop.domain.tables import Host
from kankei_desktop.services import letters, shipments
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.shipments import ShipmentInput
from kankei_desktop.ui.areas.mail.editors import LetterEditor, ShipmentEditor

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


@pytest.fixture
def parcel(database, two_persons):
    with database.session() as session:
        host = Host(name="佐藤農園", kind="農家")
        session.add(host)
        session.flush()
        return shipments.create_shipment(session, ShipmentInput(
            person_id=two_persons["yamada"], host_id=host.id, contents="お米 5kg", carrier="ヤマト運輸",
            tracking_number="401234567890", prepared_on=date.today() - timedelta(days=3)))


@pytest.fixture
def letter(database, two_persons):
    with database.session() as session:
        return letters.create_letter(session, LetterInput(
            direction="地域→参加者", person_id=two_persons["yamada"], written_on=date.today() - timedelta(days=2),
            summary="お米のお礼"))


def _changed_underneath_shipment(database, shipment_id, **changes):
    with database.session() as session:
        data = shipments.load_shipment_input(session, shipment_id)
        for name, value in changes.items():
            setattr(data, name, value)
        shipments.update_shipment(session, shipment_id, data)


def _shipment_row(database, shipment_id):
    with database.session() as session:
        return tuple(session.execute(text("SELECT contents, notes, row_version FROM shipment WHERE id = :id"),
                                     {"id": shipment_id}).one())


def _letter_row(database, letter_id):
    with database.session() as session:
        return tuple(session.execute(text("SELECT summary, row_version FROM letter WHERE id = :id"),
                                     {"id": letter_id}).one())


def test_shipment_save_after_another_is_refused_and_reload_keeps_theirs(qtbot, app_ready, database, parcel):
    editor = ShipmentEditor(database, parcel)
    qtbot.addWidget(editor)
    _changed_underneath_shipment(database, parcel, notes="玄関前に置き配")
    editor.contents.setText("お米 10kg")
    seen = {}
    _answer_conflict("再読み込み", seen)
    editor.save()
    assert "発送" in seen["message"] and "備考" in seen["message"]
    assert editor.result() == 0  # refused: the editor stays open
    assert _shipment_row(database, parcel) == ("お米 5kg", "玄関前に置き配", 2)
    assert editor.notes.text() == "玄関前に置き配" and editor.contents.text() == "お米 5kg"


def test_shipment_conflict_chosen_field_by_field_saves_both(qtbot, app_ready, database, parcel):
    editor = ShipmentEditor(database, parcel)
    qtbot.addWidget(editor)
    _changed_underneath_shipment(database, parcel, notes="玄関前に置き配")
    editor.contents.setText("お米 10kg")
    seen = {}

    def choose():
        seen["rows"] = sorted(editor.field_choice._groups)
        editor.field_choice.accept()  # their notes (they changed them), my contents

    _answer_conflict("項目ごとに選ぶ…", seen, then=lambda: QTimer.singleShot(50, choose))
    editor.save()
    assert seen["rows"] == ["contents", "notes"]
    assert editor.result() == 1
    assert _shipment_row(database, parcel) == ("お米 10kg", "玄関前に置き配", 3)


def test_letter_save_after_another_is_refused(qtbot, app_ready, database, letter):
    editor = LetterEditor(database, letter)
    qtbot.addWidget(editor)
    with database.session() as session:
        data = letters.load_letter_input(session, letter)
        data.summary = "新米のお礼（同僚が修正）"
        letters.update_letter(session, letter, data)
    editor.summary.setPlainText("お米のお礼と写真")
    seen = {}
    _answer_conflict("キャンセル", seen)
    editor.save()
    assert "手紙" in seen["message"]
    assert editor.result() == 0
    assert editor.summary.toPlainText() == "お米のお礼と写真"  # cancelled: the editor keeps what was typed
    assert _letter_row(database, letter) == ("新米のお礼（同僚が修正）", 2)


def test_letter_second_save_in_a_row_is_not_refused_when_nobody_else_saved(qtbot, app_ready, database, letter):
    editor = LetterEditor(database, letter)
    qtbot.addWidget(editor)
    editor.summary.setPlainText("お米のお礼と写真")
    editor.save()
    assert editor.result() == 1
    assert _letter_row(database, letter) == ("お米のお礼と写真", 2)

