"""設定 on real widgets: what is saved there is what the services use; a refusal saves nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox
from sqlalchemy import select

from kankei_desktop.domain.tables import Host, Setting
from kankei_desktop.io import carrier_csv
from kankei_desktop.services import address_labels, carrier_export, followups, letters, settings_store, stays
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.ui.areas.settings.page import SettingsPage

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def page(qtbot, app_ready, database):
    shown = SettingsPage(database)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    shown.refresh()
    return shown


def _stored(database):
    with database.session() as session:
        return dict(session.execute(select(Setting.key, Setting.value_json)).all())


def _field(page, declared):
    return page.fields[declared.key]


def test_page_shows_every_setting_with_its_default_in_japanese(page):
    assert _field(page, followups.SHIPMENT_DAYS).editor.value() == 7
    assert _field(page, followups.REPLY_DAYS).editor.value() == 30
    assert _field(page, followups.TOUR_DAYS).editor.value() == 60
    assert _field(page, followups.HORIZON_DAYS).editor.value() == 180
    assert _field(page, stays.SHORT_FROM_DAYS).editor.value() == 2
    assert _field(page, stays.LONG_FROM_DAYS).editor.value() == 7
    assert _field(page, carrier_export.YAMATO_FREIGHT_NUMBER).editor.text() == "01"
    assert _field(page, address_labels.ORGANISATION_POSTAL_CODE).editor.text() == ""
    titles = {box.title() for box in page.findChildren(QGroupBox)}
    assert {"フォローアップ（要対応）", "滞在", "差出人（宛名ラベル）", "宅配便（ヤマト B2クラウド）"} <= titles
    assert _field(page, followups.REPLY_DAYS).editor.suffix() == " 日"
    assert page.save_button.text() == "保存"


def test_first_visit_from_the_sidebar_loads_the_files_values(qtbot, app_ready, database):
    from kankei_desktop.ui.main_window import MainWindow

    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    shown = window.show_area("settings")
    assert _field(shown, followups.REPLY_DAYS).editor.value() == 30
    assert _field(shown, stays.LONG_FROM_DAYS).editor.value() == 7
    assert not shown.has_unsaved_changes()


def test_changed_reply_days_are_used_by_the_followup_list(page, database):
    with database.session() as session:
        session.add(Host(id="farm-1", name="佐藤農園", kind="農家"))
        session.flush()
        person = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
        letters.create_letter(session, LetterInput(person_id=person, host_id="farm-1",
                                                   sent_on=TODAY - timedelta(days=12)), today=TODAY)
        assert followups.list_followups(session, TODAY) == []  # 12 days: within the default 30
    _field(page, followups.REPLY_DAYS).editor.setValue(10)
    assert page.save() is True
    assert page.saved_label.text() == "保存しました。"
    with database.session() as session:
        assert [(item.kind, item.person_name) for item in followups.list_followups(session, TODAY)] == [
            ("no_reply", "山田 太郎")]
    _field(page, stays.LONG_FROM_DAYS).editor.setValue(5)
    page.save()
    with database.session() as session:
        assert stays.kind_thresholds(session) == (2, 5)
        assert stays.kind_for(session, date(2026, 5, 1), date(2026, 5, 5)) == "長期滞在"


def test_sender_address_goes_on_the_label_pdf(page, database, tmp_path):
    _field(page, settings_store.ORGANISATION_NAME).editor.setText("NPO法人 山北むらづくり")
    _field(page, address_labels.ORGANISATION_POSTAL_CODE).editor.setText("２５８－０１１３")
    page.lookup_address()  # offline, from Japan Post's data
    address = _field(page, address_labels.ORGANISATION_ADDRESS)
    assert address.editor.text() == "神奈川県足柄上郡山北町山北"
    address.editor.setText("神奈川県足柄上郡山北町山北1301")
    _field(page, address_labels.ORGANISATION_PHONE).editor.setText("0465-75-1122")
    assert page.save() is True
    assert _field(page, address_labels.ORGANISATION_POSTAL_CODE).editor.text() == "258-0113"
    out = tmp_path / "sender.pdf"
    with database.session() as session:
        address_labels.export_labels(session, out, sender_labels=1)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "〒258-0113" in text and "山北町山北1301" in text and "TEL 0465-75-1122" in text


def test_b2_contract_values_go_into_the_carrier_rows(page, database):
    _field(page, carrier_export.YAMATO_CUSTOMER_CODE).editor.setText("0465-75-1122 01")
    _field(page, carrier_export.YAMATO_CUSTOMER_CLASS).editor.setText("001")
    _field(page, carrier_export.YAMATO_FREIGHT_NUMBER).editor.setText("02")
    assert page.save() is True
    assert _field(page, carrier_export.YAMATO_CUSTOMER_CODE).editor.text() == "046575112201"
    with database.session() as session:
        account = carrier_export.account(session)
    recipient = carrier_csv.Party("山田 太郎", "9518000", "新潟県新潟市中央区旭町1-1", "", "090-1234-5678")
    sender = carrier_csv.Party("髙橋農園", "9583200", "新潟県村上市山北1-2", "", "0254-77-1234")
    built = carrier_csv.build("yamato-b2", [carrier_csv.Parcel("s-1", TODAY, "お米 5kg", 1, recipient, sender)],
                              account=account)
    row = dict(zip(carrier_csv.YAMATO_B2_COLUMNS, built.rows[0]))
    assert (row["請求先顧客コード"], row["請求先分類コード"], row["運賃管理番号"]) == ("046575112201", "001", "02")


def test_refused_values_are_shown_at_their_fields_and_nothing_is_saved(page, database):
    before = _stored(database)
    _field(page, settings_store.ORGANISATION_NAME).editor.setText("保存されないはずの名前")
    _field(page, followups.REPLY_DAYS).editor.setValue(12)
    _field(page, address_labels.ORGANISATION_POSTAL_CODE).editor.setText("25801")
    _field(page, carrier_export.YAMATO_CUSTOMER_CODE).editor.setText("12-ab")
    _field(page, stays.SHORT_FROM_DAYS).editor.setValue(9)  # not below 長期 (7)
    assert page.save() is False
    assert _stored(database) == before
    for declared, words in ((address_labels.ORGANISATION_POSTAL_CODE, "7桁"),
                            (carrier_export.YAMATO_CUSTOMER_CODE, "半角数字"),
                            (stays.LONG_FROM_DAYS, "短期滞在とする日数")):
        field = _field(page, declared)
        assert field.error_label.isVisible()
        assert f"「{declared.label}」" in field.error_label.text() and words in field.error_label.text()
    assert not _field(page, followups.REPLY_DAYS).error_label.isVisible()
    assert "保存していません" in page.saved_label.text()
    # Corrected, the same page saves and the messages go.
    _field(page, address_labels.ORGANISATION_POSTAL_CODE).editor.setText("258-0113")
    _field(page, carrier_export.YAMATO_CUSTOMER_CODE).editor.setText("046575112201")
    _field(page, stays.LONG_FROM_DAYS).editor.setValue(14)
    assert page.save() is True
    assert not any(field.error_label.isVisible() for field in page.fields.values())
    with database.session() as session:
        assert settings_store.get(session, settings_store.ORGANISATION_NAME) == "保存されないはずの名前"
        assert stays.kind_thresholds(session) == (9, 14)


def test_unknown_postal_code_says_so_at_the_field(page):
    _field(page, address_labels.ORGANISATION_POSTAL_CODE).editor.setText("000-0000")
    page.lookup_address()
    field = _field(page, address_labels.ORGANISATION_POSTAL_CODE)
    assert field.error_label.isVisible() and "見つかりません" in field.error_label.text()
    assert _field(page, address_labels.ORGANISATION_ADDRESS).editor.text() == ""


def test_ctrl_s_saves(page, database, qtbot):
    _field(page, followups.SHIPMENT_DAYS).editor.setValue(3)
    _field(page, followups.SHIPMENT_DAYS).editor.setFocus()
    qtbot.keyClick(_field(page, followups.SHIPMENT_DAYS).editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with database.session() as session:
        assert settings_store.get(session, followups.SHIPMENT_DAYS) == 3


def test_unsaved_edits_survive_leaving_and_coming_back(page, database):
    spin = _field(page, followups.TOUR_DAYS).editor
    spin.setValue(45)
    assert page.has_unsaved_changes()
    assert page.saved_label.text() == "まだ保存していない変更があります。"
    page.activate()  # the window shows the area again
    assert spin.value() == 45
    page.refresh()  # F5 reloads what is stored
    assert spin.value() == 60 and not page.has_unsaved_changes() and page.saved_label.text() == ""
    spin.setValue(45)
    page.save()
    page.activate()
    assert spin.value() == 45 and not page.has_unsaved_changes()


def test_the_shared_photo_folder_is_a_server_setting(page, database, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from kankei_desktop.services import attachments

    edit = page.findChild(QLineEdit, "shared_photo_folder_edit")
    if not database.is_server:  # a file keeps its photos in this computer's data folder: nothing to name
        assert edit is None and page.findChild(QPushButton, "shared_photo_folder_button") is None
        assert attachments.SHARED_PHOTO_FOLDER.key not in page.fields
        return
    assert edit.isVisible() and "サーバーの写真" in {box.title() for box in page.findChildren(QGroupBox)}
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setattr(page, "_choose_folder", lambda start: str(shared))
    button = page.findChild(QPushButton, "shared_photo_folder_button")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # the chooser is reachable from the keyboard
    assert edit.text() == str(shared) and page.saved_label.text() == "まだ保存していない変更があります。"
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.saved_label.text() == "保存しました。"
    with database.session() as session:
        assert settings_store.get(session, attachments.SHARED_PHOTO_FOLDER) == str(shared)
        assert attachments.photos_folder(session) == shared
