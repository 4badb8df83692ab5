"""The participants list's 「N 件中 M 件を表示」: the total is counted only when the list is narrowed.

Without search words or filters the list is every person (or every deleted one), so its length is the
total; the count is a query of its own (≈50 ms on a 100,000-person server) asked on every reload before.
"""

from __future__ import annotations

import pytest

from kankei_desktop.services import participants
from kankei_desktop.ui.areas.participants.page import ParticipantsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def counted(monkeypatch):
    """The real count, with a note of each time the page asks for it."""
    calls = []
    real = participants.count_persons

    def count_persons(session, deleted=False):
        calls.append(deleted)
        return real(session, deleted=deleted)

    monkeypatch.setattr(participants, "count_persons", count_persons)
    return calls


@pytest.fixture
def page(qtbot, app_ready, database, two_persons, counted):
    page = ParticipantsPage(database)
    qtbot.addWidget(page)
    page.messages = []
    page.status_message.connect(page.messages.append)
    page.show()
    page.activate()
    return page


def test_the_whole_list_is_its_own_total(qtbot, page, counted):
    assert page.messages[-1] == "2 件中 2 件を表示"
    page.refresh()
    assert page.messages[-1] == "2 件中 2 件を表示"
    assert counted == []


def test_a_narrowed_list_counts_the_total(qtbot, page, counted):
    page.search_edit.setText("ﾔﾏﾀﾞ")
    qtbot.waitUntil(lambda: page.messages[-1] == "2 件中 1 件を表示")
    page.search_edit.setText("該当なし")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty_label)
    assert page.messages[-1] == "2 件中 0 件を表示"
    assert "該当する参加者がいません" in page.empty_label.text()
    assert counted and set(counted) == {False}


def test_the_deleted_list_and_its_empty_text(qtbot, page, database, two_persons, counted):
    page.deleted_check.setChecked(True)
    assert page.list_stack.currentWidget() is page.empty_label
    assert page.messages[-1] == "0 件中 0 件を表示"
    assert page.empty_label.text() == page.tr("There are no deleted participants.")
    with database.session() as session:
        participants.delete_person(session, two_persons["sato"])
    page.refresh()
    assert page.messages[-1] == "1 件中 1 件を表示"
    page.deleted_check.setChecked(False)
    assert page.messages[-1] == "1 件中 1 件を表示"
    assert counted == []
