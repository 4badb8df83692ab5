"""データの交換 driven through real widgets: two real files (the town hall and a copy made for the
island office), packages written and applied from the window, conflicts reviewed side by side."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kankei_desktop.services import exchange
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.letters import LetterInput, create_letter
from kankei_desktop.services.participants import PersonInput, create_person, load_person_input, update_person
from kankei_desktop.services.stays import StayInput, create_stay
from kankei_desktop.store import open_database
from kankei_desktop.ui.areas.exchange.page import ExchangePage

pytestmark = [pytest.mark.gui, pytest.mark.sqlite_only]  # offices exchange files; a server has no journal

PASSPHRASE = "しまのあいことば-2026"


@pytest.fixture
def offices(tmp_path, database):
    """(town hall, island, ids): the island's file is a copy of the town hall's, made by the service."""
    with database.session() as session:
        exchange.set_up_office(session, "本庁")
        ids = {"yamada": create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ",
                                                             phone="090-1111-2222")),
               "lodge": create_host(session, HostInput(name="民宿うみかぜ", kind="宿泊施設", capacity_per_night=4))}
    exchange.make_office_copy(database, tmp_path / "island.sqlite3", "島しょ支所")
    island = open_database(tmp_path / "island.sqlite3")
    yield database, island, ids
    island.close()


def _page(qtbot, database, answers: dict) -> ExchangePage:
    page = ExchangePage(database)
    page.errors, page.questions, page.results = [], [], []
    page.show_error = page.errors.append
    page.confirm = lambda question: page.questions.append(question) or True
    page.show_result = page.results.append
    page.ask_passphrase = lambda title, intro, twice: answers.get("passphrase", PASSPHRASE)
    page.ask_apply = lambda path, header: answers.setdefault("headers", []).append(header) or answers.get(
        "apply_passphrase", PASSPHRASE)
    page.choose_save = lambda title, default, pattern: answers["save"]
    page.choose_open = lambda title, pattern: answers["open"]
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    return page


def _wait(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.job.busy, timeout=60_000)


def _one(database, sql, *params):
    connection = sqlite3.connect(database.path)
    try:
        return connection.execute(sql, params).fetchone()
    finally:
        connection.close()


def _edit_phone(database, person_id, phone):
    with database.session() as session:
        update_person(session, person_id, replace(load_person_input(session, person_id), phone=phone))


def _send_from_island(qtbot, island, tmp_path, name="island-1"):
    answers = {"save": tmp_path / f"{name}{exchange.SUFFIX}"}
    page = _page(qtbot, island, answers)
    assert page.peers_view.rowCount() == 1 and page.peers_view.item(0, 0).text() == "本庁"
    page.peers_view.selectRow(0)
    page.write_button.click()
    assert page.job.isVisible() and not page.apply_button.isEnabled()  # running, with its bar
    _wait(qtbot, page)
    assert page.errors == []
    assert answers["save"].exists()
    assert page.history_view.rowCount() == 1 and page.history_view.item(0, 2).text() == "本庁"
    return answers["save"]


def test_island_stay_and_letter_reach_the_town_hall_through_the_window(qtbot, app_ready, tmp_path, offices):
    town, island, ids = offices
    with island.session() as session:
        stay = create_stay(session, StayInput(person_ids=[ids["yamada"]], lodging_id=ids["lodge"],
                                              start_on=date(2026, 12, 10), end_on=date(2026, 12, 12)))
        letter = create_letter(session, LetterInput(person_id=ids["yamada"], written_on=date(2026, 12, 1),
                                                    summary="お米のお礼"))
    package = _send_from_island(qtbot, island, tmp_path)
    assert _one(town, "SELECT count(*) FROM stay WHERE id = ?", stay) == (0,)

    answers = {"open": package}
    page = _page(qtbot, town, answers)
    page.apply_button.click()
    _wait(qtbot, page)
    assert page.errors == []
    header = answers["headers"][0]
    assert header["from_office"]["name"] == "島しょ支所" and header["number"] == 1
    assert _one(town, "SELECT lodging_id FROM stay WHERE id = ? AND deleted_at IS NULL", stay) == (ids["lodge"],)
    assert _one(town, "SELECT summary FROM letter WHERE id = ?", letter) == ("お米のお礼",)
    result = page.results[0]
    assert result.added >= 2 and result.backup_path is not None and result.backup_path.exists()
    assert page.history_view.rowCount() == 1 and page.history_view.item(0, 2).text() == "島しょ支所"
    assert "島しょ支所" in page.message.text()


def test_conflicting_phone_reviewed_side_by_side_and_resolved_with_the_other_office(qtbot, app_ready, tmp_path,
                                                                                    offices):
    town, island, ids = offices
    _edit_phone(town, ids["yamada"], "090-9999-0000")
    _edit_phone(island, ids["yamada"], "070-5555-6666")
    package = _send_from_island(qtbot, island, tmp_path)
    page = _page(qtbot, town, {"open": package})
    page.apply_button.click()
    _wait(qtbot, page)
    assert page.results[0].conflicts == 1
    assert _one(town, "SELECT phone FROM person WHERE id = ?", ids["yamada"]) == ("090-9999-0000",)  # kept
    assert page.tabs.tabText(2) == "競合 (1)"

    page.tabs.setCurrentIndex(2)
    assert page.records_list.count() == 1 and "山田 花子" in page.records_list.item(0).text()
    row = [page.fields_view.item(0, column).text() for column in range(page.fields_view.columnCount())]
    assert row[1] == "090-9999-0000" and row[2] == "本庁"
    assert row[4] == "070-5555-6666" and row[5] == "島しょ支所"
    page.fields_view.selectRow(0)
    page.take_remote_button.click()
    assert len(page.questions) == 1 and "山田 花子" in page.questions[0]  # names what it acts on
    assert _one(town, "SELECT phone FROM person WHERE id = ?", ids["yamada"]) == ("070-5555-6666",)
    with town.session() as session:
        assert exchange.list_conflicts(session) == []
    assert page.records_list.count() == 0 and page.tabs.tabText(2) == "競合"


def test_wrong_passphrase_is_refused_and_changes_nothing(qtbot, app_ready, tmp_path, offices):
    town, island, ids = offices
    with island.session() as session:
        stay = create_stay(session, StayInput(person_ids=[ids["yamada"]], lodging_id=ids["lodge"],
                                              start_on=date(2026, 12, 10), end_on=date(2026, 12, 12)))
    package = _send_from_island(qtbot, island, tmp_path)
    before = _one(town, "SELECT (SELECT count(*) FROM stay), (SELECT count(*) FROM exchange_history),"
                        " (SELECT received_number FROM exchange_office WHERE is_self = 0)")
    page = _page(qtbot, town, {"open": package, "apply_passphrase": "まちがった合言葉です"})
    page.apply_button.click()
    _wait(qtbot, page)
    assert len(page.errors) == 1 and "合言葉が違います" in page.errors[0]
    assert page.results == []
    assert _one(town, "SELECT count(*) FROM stay WHERE id = ?", stay) == (0,)
    assert _one(town, "SELECT (SELECT count(*) FROM stay), (SELECT count(*) FROM exchange_history),"
                      " (SELECT received_number FROM exchange_office WHERE is_self = 0)") == before
    assert page.history_view.rowCount() == 0


def test_reachable_from_the_sidebar_and_written_from_the_keyboard(qtbot, app_ready, tmp_path, offices):
    from kankei_desktop.ui.main_window import MainWindow

    town, _island, _ids = offices
    window = MainWindow(town)
    qtbot.addWidget(window)
    window.show()
    titles = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert titles.index("データの交換") == titles.index("レポート") + 1
    assert titles.index("データの保護") == titles.index("データの交換") + 1
    window.sidebar.setFocus()
    window.sidebar.setCurrentRow(titles.index("データの交換"))
    page = window.current_page()
    assert isinstance(page, ExchangePage)
    assert "本庁" in page.own_label.text()
    target = tmp_path / f"keyboard{exchange.SUFFIX}"
    page.ask_passphrase = lambda title, intro, twice: PASSPHRASE if twice else None  # the first file: twice
    page.choose_save = lambda title, default, pattern: target
    page.show_error = lambda text: pytest.fail(text)
    page.peers_view.setFocus()
    page.peers_view.setCurrentCell(0, 0)
    qtbot.keyClick(page.peers_view, Qt.Key.Key_Return)  # Enter on the office writes its file
    _wait(qtbot, page)
    assert target.exists()
    assert exchange.read_header(target)["to_office"]["name"] == "島しょ支所"
    assert page.peers_view.item(0, 3).text() == "No. 1"
    asked = []
    page.ask_passphrase = lambda title, intro, twice: asked.append(twice)  # then once; cancelled here
    page.peers_view.setFocus()
    qtbot.keyClick(page.peers_view, Qt.Key.Key_Return)
    assert asked == [False] and not page.job.busy and page.peers_view.item(0, 3).text() == "No. 1"


def test_encrypted_backup_to_removable_media_and_its_restore(qtbot, app_ready, tmp_path, offices):
    town, _island, ids = offices
    stick = tmp_path / "usb"
    stick.mkdir()
    page = _page(qtbot, town, {})
    page.choose_folder = lambda title, default: stick
    page.sealed_backup_button.click()
    _wait(qtbot, page)
    assert page.errors == []
    sealed = next(stick.glob("*.kankei-backup"))
    assert sealed.name in page.message.text()
    _edit_phone(town, ids["yamada"], "090-8888-7777")

    page.choose_open = lambda title, pattern: sealed
    page.ask_passphrase = lambda title, intro, twice: "まちがった合言葉です"
    page.sealed_restore_button.click()
    _wait(qtbot, page)
    assert len(page.errors) == 1 and "合言葉が違います" in page.errors[0]
    assert _one(town, "SELECT phone FROM person WHERE id = ?", ids["yamada"]) == ("090-8888-7777",)

    page.ask_passphrase = lambda title, intro, twice: PASSPHRASE
    page.sealed_restore_button.click()
    _wait(qtbot, page)
    assert len(page.errors) == 1 and sealed.name in page.questions[-1]
    assert _one(town, "SELECT phone FROM person WHERE id = ?", ids["yamada"]) == ("090-1111-2222",)


def test_an_edited_value_and_resolve_all_act_only_on_what_was_chosen(qtbot, app_ready, tmp_path, offices):
    town, island, ids = offices
    for database, phone, email in ((town, "090-9999-0000", "town@example.jp"),
                                   (island, "070-5555-6666", "island@example.jp")):
        with database.session() as session:
            update_person(session, ids["yamada"], replace(load_person_input(session, ids["yamada"]),
                                                          phone=phone, email=email))
    package = _send_from_island(qtbot, island, tmp_path)
    page = _page(qtbot, town, {"open": package})
    page.apply_button.click()
    _wait(qtbot, page)
    page.tabs.setCurrentIndex(2)
    fields = [page.fields_view.item(row, 0).text() for row in range(page.fields_view.rowCount())]
    assert sorted(fields) == ["メールアドレス", "電話番号"]
    page.fields_view.selectRow(fields.index("メールアドレス"))
    page.ask_text = lambda title, label, text: "hanako@example.jp" if text == "town@example.jp" else None
    page.edit_button.click()
    assert _one(town, "SELECT email, phone FROM person WHERE id = ?", ids["yamada"]) == (
        "hanako@example.jp", "090-9999-0000")
    assert page.fields_view.rowCount() == 1 and page.fields_view.item(0, 0).text() == "電話番号"

    page.confirm = lambda question: page.questions.append(question) or False  # 「いいえ」: nothing changes
    page.all_remote_button.click()
    assert "1" in page.questions[-1]
    assert _one(town, "SELECT phone FROM person WHERE id = ?", ids["yamada"]) == ("090-9999-0000",)
    page.confirm = lambda question: page.questions.append(question) or True
    page.all_local_button.click()
    assert _one(town, "SELECT phone FROM person WHERE id = ?", ids["yamada"]) == ("090-9999-0000",)
    with town.session() as session:
        assert exchange.list_conflicts(session) == []
        assert exchange.open_conflict_count(session) == 0
    assert page.conflicts_label.text() == "未解決の競合: 0 件"


def test_the_passphrase_twice_must_match_and_the_header_names_the_sender(qtbot, app_ready, tmp_path, offices):
    from kankei_desktop.ui.areas.exchange.dialogs import HeaderDialog, PassphraseDialog

    _town, island, _ids = offices
    dialog = PassphraseDialog("本庁", "", True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, "shima-2026")  # QTest types Latin-1 only
    qtbot.keyClicks(dialog.again_edit, "shima-2025")
    qtbot.keyClick(dialog.again_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "違います" in dialog.error_label.text()
    dialog.again_edit.setText("shima-2026")
    qtbot.keyClick(dialog.again_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == 1 and dialog.passphrase() == "shima-2026"

    package = _send_from_island(qtbot, island, tmp_path)
    header = HeaderDialog(package.name, exchange.read_header(package))
    qtbot.addWidget(header)
    assert header.sender_label.text().startswith("島しょ支所") and header.number_label.text() == "1"


def test_a_duplicate_finding_opens_the_merge_dialog_on_that_pair(qtbot, app_ready, tmp_path, offices):
    from kankei_desktop.ui.areas.exchange.dialogs import ApplyResultDialog
    from kankei_desktop.ui.main_window import MainWindow

    town, island, ids = offices
    with island.session() as session:  # the island registers 山田 again, not knowing the town hall has her
        twin = create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ", phone="090-1111-2222"))
    package = _send_from_island(qtbot, island, tmp_path)
    window = MainWindow(town)
    qtbot.addWidget(window)
    window.show()
    page = window.show_area("exchange")
    page.choose_open = lambda title, pattern: package
    page.ask_apply = lambda path, header: PASSPHRASE
    results = []
    page.show_result = results.append
    page.apply_button.click()
    _wait(qtbot, page)
    result = results[0]
    assert [f["rule"] for f in result.findings] == ["duplicate"]
    assert sorted(result.findings[0]["ids"]) == sorted([ids["yamada"], twin])
    dialog = ApplyResultDialog(result, page, review_duplicates=page.review_duplicates, persons=[["山田 花子"]])
    qtbot.addWidget(dialog)
    assert "山田 花子" in dialog.findings_list.item(0).text()
    opened = []
    page.open_duplicates = opened.append
    dialog.findChild(QPushButton, "review_duplicates_button").click()
    merge = opened[0]
    qtbot.addWidget(merge)
    assert set(merge.groups[merge.group_list.currentRow()]) >= {ids["yamada"], twin}
