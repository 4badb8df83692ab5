"""The 手紙・発送 area through its real widgets; the database is checked after."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kankei_desktop.domain.tables import Host, Letter, Shipment
from kankei_desktop.services import letters, shipments
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.shipments import ShipmentInput
from kankei_desktop.ui.areas.mail.dialogs import BatchDialog, PhotoViewer
from kankei_desktop.ui.areas.mail.editors import ShipmentEditor
from kankei_desktop.ui.areas.mail.page import FOLLOWUPS_TAB, SHIPMENTS_TAB, MailPage

pytestmark = pytest.mark.gui


@pytest.fixture
def parcel(database, two_persons):
    with database.session() as session:
        host = Host(name="佐藤農園", kind="農家")
        session.add(host)
        session.flush()
        shipment_id = shipments.create_shipment(session, ShipmentInput(
            person_id=two_persons["yamada"], host_id=host.id, contents="お米 5kg", carrier="ヤマト運輸",
            tracking_number="401234567890", prepared_on=date.today() - timedelta(days=12),
            shipped_on=date.today() - timedelta(days=10)))
    return shipment_id


def counted(qtbot, page):
    """The 要対応 list is counted in the thread pool: wait for it."""
    qtbot.waitUntil(lambda: not page.followups_count.busy, timeout=20000)


@pytest.fixture
def page(qtbot, app_ready, database, parcel):
    page = MailPage(database)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert not page.action_button.isEnabled()  # until the list is counted
    counted(qtbot, page)
    return page


def test_marking_the_shipment_delivered_clears_the_follow_up(qtbot, page, database, parcel):
    page.tabs.setCurrentIndex(FOLLOWUPS_TAB)
    assert page.followup_model.rowCount() == 1
    item = page.followup_model.item(0)
    assert (item.kind, item.record_id, item.person_name) == ("not_delivered", parcel, "山田 太郎")
    assert page.tabs.tabText(FOLLOWUPS_TAB) == "要対応 (1)"  # translated

    questions = []
    page.confirm = lambda text: questions.append(text) or True
    page.followup_table.selectRow(0)
    qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
    counted(qtbot, page)

    assert questions == ["1 名（山田 太郎）について「配達済にする」を実行します。よろしいですか？"]
    assert page.followup_model.rowCount() == 0 and page.followup_empty.isVisible()
    with database.session() as session:
        shipment = session.get(Shipment, parcel)
        assert (shipment.status, shipment.delivered_on) == ("配達済", date.today())
    page.tabs.setCurrentIndex(SHIPMENTS_TAB)
    statuses = [page.shipment_model.data(page.shipment_model.index(r, 8)) for r in range(page.shipment_model.rowCount())]
    assert statuses == ["配達済"]


def test_shipment_editor_refuses_a_bad_tracking_number_at_the_field(qtbot, app_ready, database, parcel):
    editor = ShipmentEditor(database, parcel)
    qtbot.addWidget(editor)
    editor.tracking.setText("12345")
    editor.save()
    assert editor.result() == 0 and "ヤマト運輸の伝票番号「12345」は5桁" in editor.error_label.text()
    assert "border" in editor.tracking.styleSheet()
    with database.session() as session:
        assert session.get(Shipment, parcel).tracking_number == "401234567890"


def test_letter_photo_thumbnail_and_full_view(qtbot, page, database, two_persons, tmp_path, monkeypatch):
    photo = tmp_path / "dish.jpg"
    Image.new("RGB", (800, 600), (220, 180, 90)).save(photo, "JPEG")
    with database.session() as session:
        letter_id = letters.create_letter(session, LetterInput(direction="参加者→地域", person_id=two_persons["yamada"],
                                                               received_on=date.today()), photos=[photo])
    page.refresh()
    row = [page.letter_model.row_id(r) for r in range(page.letter_model.rowCount())].index(letter_id)
    thumb = page.letter_model.data(page.letter_model.index(row, 0), Qt.ItemDataRole.DecorationRole)
    assert thumb is not None and not thumb.isNull() and thumb.width() <= 48

    shown = []
    monkeypatch.setattr(PhotoViewer, "exec", lambda self: shown.append(self.pixmap.size().toTuple()) or 0)
    page._letter_double_clicked(page.letter_model.index(row, 0))
    assert shown == [(800, 600)]


def test_batch_dialog_preview_and_create(qtbot, app_ready, database, two_persons):
    from kankei_desktop.services import enrollments, programmes
    from kankei_desktop.services.programmes import ProgrammeInput

    with database.session() as session:
        pid = programmes.create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
        enrollments.enroll_persons(session, pid, list(two_persons.values()))
        session.add(Host(name="佐藤農園", kind="農家"))
    dialog = BatchDialog(database)
    qtbot.addWidget(dialog)
    dialog.programme.setCurrentIndex(dialog.programme.findData(pid))
    assert "2" in dialog.message.text() and "佐藤農園 2" in dialog.message.text()
    dialog.run()
    with database.session() as session:
        counts = [session.execute(select(func.count()).select_from(t)).scalar_one() for t in (Shipment, Letter)]
    assert counts == [2, 2]


def test_reply_follow_up_opens_a_prefilled_reply(qtbot, page, database, two_persons, monkeypatch):
    from kankei_desktop.ui.areas.mail import page as page_module

    with database.session() as session:
        original = letters.create_letter(session, LetterInput(person_id=two_persons["sato"],
                                                              sent_on=date.today() - timedelta(days=40)))
    page.refresh()
    counted(qtbot, page)
    row = [page.followup_model.item(r).record_id for r in range(page.followup_model.rowCount())].index(original)
    opened = []

    def fake_exec(editor):
        opened.append((editor.direction.currentData(), editor.reply_to.currentData(), editor.received.value()))
        editor.summary.setPlainText("お米でおにぎりを作りました")
        editor.save()
        return editor.result()

    monkeypatch.setattr(page_module.LetterEditor, "exec", fake_exec)
    page.followup_table.selectRow(row)
    qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
    assert opened == [("参加者→地域", original, date.today())]
    counted(qtbot, page)
    assert original not in [page.followup_model.item(r).record_id for r in range(page.followup_model.rowCount())]
    with database.session() as session:
        reply = session.execute(select(Letter).where(Letter.reply_to_id == original)).scalar_one()
        assert (reply.summary, reply.status) == ("お米でおにぎりを作りました", "受取済")


def test_search_narrows_letters_and_parcels_after_typing_without_recounting_follow_ups(
        qtbot, page, database, two_persons, monkeypatch):
    """Typing searches once the typist pauses; the 要対応 list (a second on a large file) does
    not depend on the search and is not counted again."""
    from kankei_desktop.services import followups

    with database.session() as session:
        for person in ("yamada", "sato"):
            letters.create_letter(session, LetterInput(direction="地域→参加者", person_id=two_persons[person],
                                                       sent_on=date.today() - timedelta(days=3)),
                                  today=date.today())
    page.refresh()
    counted(qtbot, page)
    assert page.letter_model.rowCount() == 2
    counts = []
    list_followups = followups.list_followups
    monkeypatch.setattr(followups, "list_followups", lambda *args: counts.append(1) or list_followups(*args))
    for character in "佐藤":  # typed (QTest's key clicks know only ASCII)
        page.search_edit.insert(character)
    assert page.letter_model.rowCount() == 2  # nothing yet: the search waits for a pause
    qtbot.waitUntil(lambda: page.letter_model.rowCount() == 1, timeout=5000)
    assert page.letter_model.data(page.letter_model.index(0, 2)) == "佐藤 花子"
    assert page.shipment_model.rowCount() == 0  # the parcel is 山田 太郎's
    assert counts == [] and page.followup_model.rowCount() == 1


def test_carrier_dialog_asks_for_the_customer_code_lists_refusals_and_writes_only_when_all_fits(
        qtbot, page, database, parcel, two_persons, tmp_path):
    from kankei_desktop.domain.tables import Person, Setting
    from kankei_desktop.ui.areas.mail.carrier_dialog import CarrierExportDialog

    assert page.yamato_action.text() and page.yupack_action.text()  # 出力 menu entries
    out = tmp_path / "out" / "b2.csv"
    out.parent.mkdir()
    dialog = CarrierExportDialog(database, "yamato-b2", [parcel], page)
    qtbot.addWidget(dialog)
    assert dialog.settings_group.isVisibleTo(dialog)
    code = dialog.findChild(type(dialog.path), "yamato_b2_customer_code")
    dialog.path.setText(str(out))
    dialog.service.setCurrentIndex(dialog.service.findData("compact"))
    code.setText("0465-75-1122 01")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    # The person has no address and the farmer none either: every gap listed, nothing written.
    report = dialog.report.toPlainText()
    assert "1件目（「山田 太郎」さん宛）" in report and "郵便番号" in report and "差出人（佐藤農園）" in report
    assert dialog.report.isVisibleTo(dialog) and list(out.parent.iterdir()) == []
    with database.session() as session:
        stored = session.execute(select(Setting.value_json).where(Setting.key == "yamato_b2_customer_code")).scalar()
        assert stored == '"046575112201"'  # the value asked for is kept
        person = session.get(Person, two_persons["yamada"])
        person.postal_code, person.prefecture, person.city, person.address_line = "9518000", "新潟県", "新潟市中央区", "旭町1-1"
        host = session.execute(select(Host).where(Host.name == "佐藤農園")).scalar_one()
        host.postal_code, host.prefecture, host.city, host.address_line, host.phone = (
            "9583200", "新潟県", "村上市", "山北1-2", "0254-77-1234")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.report.toPlainText()
    assert "送り状データ 1 件を書き出しました" in dialog.result_summary
    header, row = [line.split('","') for line in out.read_bytes().decode("cp932").strip().split("\r\n")]
    values = dict(zip(header, row))
    assert (values["送り状種類"], values["請求先顧客コード"]) == ("8", "046575112201")


def test_the_menu_entry_opens_the_carrier_dialog_on_the_selected_shipments(qtbot, page, database, parcel, tmp_path):
    from PySide6.QtCore import QTimer

    page.tabs.setCurrentIndex(SHIPMENTS_TAB)
    qtbot.waitUntil(lambda: page.shipment_model.rowCount() == 1, timeout=20000)
    page.shipment_table.selectRow(0)
    seen = {}

    def answer():
        dialog = page.last_carrier_dialog
        seen["ids"], seen["title"] = dialog.shipment_ids, dialog.windowTitle()
        seen["asks"] = sorted(dialog.setting_edits)
        dialog.reject()

    QTimer.singleShot(0, answer)
    page.yupack_action.trigger()
    assert seen["ids"] == [parcel] and seen["title"] == "ゆうパックプリントR用 CSV"
    assert seen["asks"] == []  # the farmer sends it: ゆうプリR needs no setting
def test_actions_act_only_on_chosen_rows(qtbot, page, database, two_persons):
    """Nothing selected: the follow-up action and every selection button are disabled, and a
    follow-up with nothing chosen does nothing (it once acted on the first row). With rows
    chosen, the confirmation names the persons and the action, and only they are touched."""
    from kankei_desktop.domain.tables import Interaction
    from kankei_desktop.ui.areas.mail.page import LETTERS_TAB

    with database.session() as session:
        for person in ("yamada", "sato"):  # two replies received long ago, no お礼ツアー yet
            original = letters.create_letter(session, LetterInput(person_id=two_persons[person],
                                                                  sent_on=date.today() - timedelta(days=120)))
            letters.create_letter(session, LetterInput(direction="参加者→地域", person_id=two_persons[person],
                                                       received_on=date.today() - timedelta(days=90),
                                                       reply_to_id=original))
    page.refresh()
    counted(qtbot, page)
    for tab in (LETTERS_TAB, SHIPMENTS_TAB, FOLLOWUPS_TAB):
        page.tabs.setCurrentIndex(tab)
        page._current_table().clearSelection()
        for button in (page.edit_button, page.delete_button, page.shipped_button, page.delivered_button,
                       page.action_button):
            assert not button.isEnabled(), (tab, button.text())
        assert not page.yamato_action.isEnabled() and not page.yupack_action.isEnabled()
    assert page.run_followup_action() is False  # called anyway (double-click, shortcut): nothing happens
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Interaction)).scalar_one() == 0

    tours = [r for r in range(page.followup_model.rowCount()) if page.followup_model.item(r).action == "record_tour"]
    assert len(tours) == 2
    chosen = page.followup_model.item(tours[1])
    page.followup_table.selectRow(tours[1])
    assert page.action_button.isEnabled()
    questions = []
    page.confirm = lambda text: questions.append(text) or False  # the coordinator says no
    assert page.run_followup_action() is False
    page.confirm = lambda text: questions.append(text) or True
    assert page.run_followup_action() is True
    assert questions[-1] == f"1 名（{chosen.person_name}）について「お礼ツアーを記録」を実行します。よろしいですか？"
    counted(qtbot, page)
    with database.session() as session:
        persons = session.execute(select(Interaction.person_id)).scalars().all()
    assert persons == [chosen.person_id]

    page.tabs.setCurrentIndex(SHIPMENTS_TAB)
    page.shipment_table.selectRow(0)
    assert page.shipped_button.isEnabled() and page.delete_button.isEnabled() and page.yamato_action.isEnabled()
