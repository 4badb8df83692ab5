"""The stay editor keeps a stay's links to its persons' programme enrollments (参加登録) when it saves.

The editor does not show the links; it used to save the stay without them, so changing the purpose
cut every person's stay loose from their enrollment.
"""

from __future__ import annotations

import json
from datetime import date

import plain_sql
import pytest

from kankei_desktop.services import enrollments, stays
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.programmes import ProgrammeInput, create_programme
from kankei_desktop.services.stays import StayInput
from kankei_desktop.ui.areas.stays.page import StaysPage

pytestmark = pytest.mark.gui


def _links(database, stay_id):
    connection = plain_sql.connect(database)
    try:
        return sorted(connection.execute(
            "SELECT person_id, enrollment_id FROM stay_participant WHERE stay_id = ? AND deleted_at IS NULL",
            [stay_id]).fetchall())
    finally:
        connection.close()


def _stay_audit(database, stay_id):
    connection = plain_sql.connect(database)
    try:
        rows = connection.execute("SELECT action, changes_json FROM audit_log WHERE entity = 'stay' AND entity_id = ?"
                                  " ORDER BY at, id", [stay_id]).fetchall()
    finally:
        connection.close()
    return [(action, json.loads(changes)) for action, changes in rows]


@pytest.fixture
def linked_stay(database, two_persons):
    """A stay of two persons, each linked to their enrollment in the programme the stay belongs to."""
    persons = [two_persons["yamada"], two_persons["sato"]]
    with database.session() as session:
        farm = create_host(session, HostInput(name="棚田農園", kind="農家"))
        programme = create_programme(session, ProgrammeInput(name="おてつだい", fiscal_year=2030))
        enrolled = enrollments.enroll_persons(session, programme, persons)
        links = dict(zip(persons, enrolled))
        stay_id = stays.create_stay(session, StayInput(
            person_ids=persons, host_id=farm, start_on=date(2030, 8, 20), end_on=date(2030, 8, 22),
            purpose="稲刈り", programme_id=programme, enrollments=links))
    assert _links(database, stay_id) == sorted(links.items())
    return stay_id, links


def test_saving_a_new_purpose_keeps_the_enrollment_links(qtbot, app_ready, database, linked_stay):
    stay_id, links = linked_stay
    page = StaysPage(database)
    qtbot.addWidget(page)
    page.open_stay(stay_id)
    editor = page.last_editor
    assert editor.purpose_edit.text() == "稲刈り"

    editor.purpose_edit.setText("稲刈りと脱穀")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()

    assert not editor.isVisible(), editor.error_label.text()
    assert _links(database, stay_id) == sorted(links.items())
    (_created, _), (action, changes) = _stay_audit(database, stay_id)
    assert action == "update" and changes == {"purpose": ["稲刈り", "稲刈りと脱穀"]}


def test_a_person_taken_off_the_stay_takes_only_their_link_along(qtbot, app_ready, database, linked_stay,
                                                                    two_persons):
    stay_id, links = linked_stay
    page = StaysPage(database)
    qtbot.addWidget(page)
    page.open_stay(stay_id)
    editor = page.last_editor
    sato = two_persons["sato"]
    row = editor.chosen_ids().index(sato)
    editor.chosen_list.item(row).setSelected(True)
    editor.remove_button.click()
    editor.buttons.button(editor.buttons.StandardButton.Save).click()

    assert not editor.isVisible(), editor.error_label.text()
    yamada = two_persons["yamada"]
    assert _links(database, stay_id) == [(yamada, links[yamada])]
    _action, changes = _stay_audit(database, stay_id)[-1]
    assert changes["person_ids"][1] == [yamada] and changes["enrollments"][1] == {yamada: links[yamada]}
