"""The programme editor and the contact dialog refuse a save after somebody else's (issue 20).

The other window is a service call between opening the editor and saving; the conflict box is
answered as the coordinator would, and the database is checked for whose values it holds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QRadioButton

from kankei_desktop.services import interactions, programmes, work
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput
from kankei_desktop.ui.areas.participants.person_dialogs import InteractionDialog
from kankei_desktop.ui.areas.programmes.page import ProgrammesPage

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


def _named_fields(message: str) -> list[str]:
    """The fields a refusal names: 「…保存しました（説明・プログラム名）。」."""
    return re.search(r"保存しました（(.+?)）。", message)[1].split("・")


def _stored_programme(database, programme_id):
    with work.unit(database) as session:
        return programmes.load_programme_input(session, programme_id)


def _stored_contact(database, interaction_id):
    with work.unit(database) as session:
        return interactions.load_interaction(session, interaction_id)


@pytest.fixture
def programme_page(qtbot, app_ready, database):
    with work.unit(database) as session:
        programme_id = programmes.create_programme(session, ProgrammeInput(name="おてつだいPlus", fiscal_year=2026))
    page = ProgrammesPage(database)
    qtbot.addWidget(page)
    page.activate()
    page.reload_programmes(select_id=programme_id)
    return page, programme_id


def _other_window_saves_programme(database, programme_id, **changes):
    with work.unit(database) as session:
        current = programmes.load_programme_input(session, programme_id)
        programmes.update_programme(session, programme_id, replace(current, **changes))


def test_programme_editor_refuses_a_save_after_another_and_reloads(qtbot, programme_page, database):
    page, programme_id = programme_page
    editor = page.programme_editor()
    qtbot.addWidget(editor)
    editor.region_edit.setText("周防大島町")
    _other_window_saves_programme(database, programme_id, description="夏の募集")
    seen = {}
    _answer_conflict("再読み込み", seen)
    editor.save()
    assert editor.result() == 0 and "プログラム" in seen["message"]
    stored = _stored_programme(database, programme_id)
    assert (stored.region, stored.description) == ("", "夏の募集")  # the other save stands
    assert (editor.region_edit.text(), editor.description_edit.toPlainText()) == ("", "夏の募集")
    assert not page.undo_stack.canUndo()  # nothing of mine was saved


def test_programme_editor_cancel_keeps_the_edit_and_the_other_save(qtbot, programme_page, database):
    page, programme_id = programme_page
    editor = page.programme_editor()
    qtbot.addWidget(editor)
    editor.region_edit.setText("周防大島町")
    _other_window_saves_programme(database, programme_id, description="夏の募集")
    _answer_conflict("キャンセル", {})
    editor.save()
    assert editor.result() == 0 and editor.region_edit.text() == "周防大島町"
    stored = _stored_programme(database, programme_id)
    assert (stored.region, stored.description) == ("", "夏の募集")


def test_programme_editor_merges_field_by_field_then_saves(qtbot, programme_page, database):
    page, programme_id = programme_page
    editor = page.programme_editor()
    qtbot.addWidget(editor)
    editor.region_edit.setText("周防大島町")
    editor.description_edit.setPlainText("私の説明")
    _other_window_saves_programme(database, programme_id, description="夏の募集")
    seen = {}

    def choose():
        seen["rows"] = sorted(editor.field_choice._groups)
        editor.field_choice.accept()  # their description (they changed it), my region

    _answer_conflict("項目ごとに選ぶ…", seen, then=lambda: QTimer.singleShot(50, choose))
    editor.save()
    assert seen["rows"] == ["description", "region"]
    assert editor.result() == editor.DialogCode.Accepted
    stored = _stored_programme(database, programme_id)
    assert (stored.region, stored.description) == ("周防大島町", "夏の募集")
    page.undo_stack.undo()  # the merged save is one undoable step, like any edit
    assert _stored_programme(database, programme_id).region == ""


@pytest.fixture
def contact(database):
    with work.unit(database) as session:
        person_id = create_person(session, PersonInput(name="新潟 一郎", furigana="ニイガタ イチロウ"))
        interaction_id = interactions.log_interaction(
            session, InteractionInput(person_id, "相談窓口", date(2026, 11, 2), None, "移住の相談"))
    return person_id, interaction_id


def _other_window_saves_contact(database, interaction_id, **changes):
    with work.unit(database) as session:
        current = interactions.load_interaction(session, interaction_id)
        interactions.update_interaction(session, interaction_id, replace(current, **changes))


def test_contact_dialog_refuses_a_save_after_another_and_reloads(qtbot, app_ready, database, contact):
    person_id, interaction_id = contact
    dialog = InteractionDialog(database, person_id, interaction_id=interaction_id)
    qtbot.addWidget(dialog)
    dialog.date_edit.setText("2026/11/03")
    _other_window_saves_contact(database, interaction_id, note="空き家も見たい")
    seen = {}
    _answer_conflict("再読み込み", seen)
    dialog.save()
    assert dialog.result() == 0 and "関わり" in seen["message"] and "備考" in seen["message"]
    stored = _stored_contact(database, interaction_id)
    assert (stored.occurred_on, stored.note) == (date(2026, 11, 2), "空き家も見たい")
    assert (dialog.date_edit.text(), dialog.note_edit.toPlainText()) == ("2026/11/02", "空き家も見たい")


def test_contact_dialog_merges_field_by_field_then_saves(qtbot, app_ready, database, contact):
    person_id, interaction_id = contact
    dialog = InteractionDialog(database, person_id, interaction_id=interaction_id)
    qtbot.addWidget(dialog)
    dialog.date_edit.setText("2026/11/03")
    dialog.note_edit.setPlainText("私のメモ")
    _other_window_saves_contact(database, interaction_id, note="空き家も見たい")
    seen = {}

    def choose():
        seen["rows"] = sorted(dialog.field_choice._groups)
        dialog.field_choice.choose("note", theirs=False)  # my note over theirs, my date
        dialog.field_choice.accept()

    _answer_conflict("項目ごとに選ぶ…", seen, then=lambda: QTimer.singleShot(50, choose))
    dialog.save()
    assert seen["rows"] == ["note", "occurred_on"]
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = _stored_contact(database, interaction_id)
    assert (stored.occurred_on, stored.note) == (date(2026, 11, 3), "私のメモ")


def test_contact_choice_dialog_names_fields_and_programmes_in_words(qtbot, app_ready, database, contact):
    person_id, interaction_id = contact
    with work.unit(database) as session:
        programme_id = programmes.create_programme(session, ProgrammeInput(name="おてつだいPlus", fiscal_year=2026))
    dialog = InteractionDialog(database, person_id, interaction_id=interaction_id)
    qtbot.addWidget(dialog)
    dialog.note_edit.setPlainText("私のメモ")
    _other_window_saves_contact(database, interaction_id, programme_id=programme_id, kind="物産購入", amount_yen=3000)
    seen = {}

    def choose():
        choice = dialog.field_choice
        seen["labels"] = [label.text() for label in choice.findChildren(QLabel)]
        seen["theirs_programme"] = choice.findChild(QRadioButton, "theirs_programme_id").text()
        choice.accept()

    _answer_conflict("項目ごとに選ぶ…", seen, then=lambda: QTimer.singleShot(50, choose))
    dialog.save()
    assert sorted(_named_fields(seen["message"])) == sorted(["種類", "プログラム", "金額（円）"])
    assert {"種類", "プログラム", "金額（円）", "備考"} <= set(seen["labels"])
    assert not any(re.fullmatch(r"[a-z_]{4,}", label) for label in seen["labels"])
    assert seen["theirs_programme"] == "おてつだいPlus（2026年度）"  # its name, not its id
    stored = _stored_contact(database, interaction_id)
    assert (stored.programme_id, stored.kind, stored.note) == (programme_id, "物産購入", "私のメモ")


def test_programme_refusal_and_choice_name_the_programme_fields(qtbot, programme_page, database):
    page, programme_id = programme_page
    editor = page.programme_editor()
    qtbot.addWidget(editor)
    editor.region_edit.setText("周防大島町")
    _other_window_saves_programme(database, programme_id, name="おてつだいPlus 夏", description="夏の募集")
    seen = {}

    def choose():
        seen["labels"] = [label.text() for label in editor.field_choice.findChildren(QLabel)]
        editor.field_choice.accept()

    _answer_conflict("項目ごとに選ぶ…", seen, then=lambda: QTimer.singleShot(50, choose))
    editor.save()
    assert sorted(_named_fields(seen["message"])) == ["プログラム名", "説明"]  # not 氏名
    assert {"プログラム名", "実施地域", "説明"} <= set(seen["labels"]) and "氏名" not in seen["labels"]
    stored = _stored_programme(database, programme_id)
    assert (stored.name, stored.region, stored.description) == ("おてつだいPlus 夏", "周防大島町", "夏の募集")
