"""The wizard's first page saves a blank template of the chosen kind; filled in, it goes through the wizard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import plain_sql
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from kankei_desktop.services import records
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.ui.import_wizard import pages
from kankei_desktop.ui.import_wizard.wizard import ImportWizard

pytestmark = pytest.mark.gui


def test_stays_template_from_the_wizard_round_trips(qtbot, app_ready, database, tmp_path, monkeypatch):
    with database.session() as session:
        create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
        create_person(session, PersonInput(name="佐藤 太郎", furigana="サトウ タロウ"))
        create_host(session, HostInput(name="田中農園"))
    wizard = ImportWizard(database, backup=lambda db: Path("/backup/made"))
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    kinds = page.findChild(QComboBox, "template_kind_combo")
    # The kinds services/records.py declares with a template, in its order.
    assert [kinds.itemData(i) for i in range(kinds.count())] == records.kinds(template=True)
    assert {"interactions", "hosts"} <= set(records.kinds(template=True))
    kinds.setCurrentIndex(kinds.findData("stays"))
    offered = []

    def save_dialog(_parent, _title, suggested, _filter):
        offered.append(suggested)
        return str(tmp_path / "my_stays"), ""  # no suffix typed: .xlsx is added

    monkeypatch.setattr(pages.QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(page.findChild(QPushButton, "template_button"), Qt.MouseButton.LeftButton)
    saved = tmp_path / "my_stays.xlsx"
    assert offered == ["滞在_取り込み用.xlsx"] and saved.exists()
    assert str(saved) in page.saved.text() and not page.error.text()
    wizard.grab().save(str(tmp_path / "template_page.png"))

    book = openpyxl.load_workbook(saved)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    for name in ("山田 花子", "佐藤 太郎"):
        values = {"氏名": name, "受入先": "田中農園", "開始日": date(2026, 8, 10), "終了日": date(2026, 8, 12)}
        sheet.append([values.get(h) for h in headers])
    book.save(saved)
    page.path_edit.setText(str(saved))
    wizard.next()
    wizard.next()
    assert wizard.kind == "stays"
    # every header of the template is mapped without a hand
    assert all(c.currentData() for c in wizard.mapping_page.combos)
    wizard.next()
    assert [r.status for r in wizard.plan.rows] == ["new", "new"] and wizard.plan.rows[0].group == [2, 3]
    wizard.next()
    qtbot.mouseClick(wizard.commit_page.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=30_000)
    wizard.commit_page.wait()
    with plain_sql.connect(database) as c:
        assert c.execute("SELECT count(*) FROM stay").fetchone() == (1,)
        assert c.execute("SELECT count(*) FROM stay_participant").fetchone() == (2,)


def test_a_template_that_cannot_be_written_shows_why(qtbot, app_ready, database, tmp_path, monkeypatch):
    wizard = ImportWizard(database, backup=lambda db: Path("/backup/made"))
    qtbot.addWidget(wizard)
    monkeypatch.setattr(pages.QFileDialog, "getSaveFileName",
                        lambda *_args: (str(tmp_path / "no such folder" / "t.xlsx"), ""))
    qtbot.mouseClick(wizard.file_page.findChild(QPushButton, "template_button"), Qt.MouseButton.LeftButton)
    assert "no such folder" in wizard.file_page.error.text() and not wizard.file_page.saved.text()
