"""Photos on a server in the window: one laptop's photo shows on another, and without a shared
folder the letter editor says so and saves nothing. Needs ``pytest --pg``; a laptop is a data
folder (``KANKEI_DESKTOP_DATA_DIR``)."""

from __future__ import annotations

from datetime import date, timedelta

import pg_support
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kankei_desktop.domain.tables import Attachment
from kankei_desktop.services import attachments, letters, settings_store
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.store import open_database
from kankei_desktop.ui.areas.mail.editors import LetterEditor
from kankei_desktop.ui.areas.mail.page import MailPage

pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(not pg_support.active(), reason="needs a PostgreSQL server (pytest --pg)")]


@pytest.fixture
def letter(database, two_persons):
    with database.session() as session:
        return letters.create_letter(session, LetterInput(
            direction="参加者→地域", person_id=two_persons["yamada"], received_on=date.today() - timedelta(days=2),
            summary="お米のお礼"))


def _name_folder(database, folder) -> None:
    with database.session() as session:
        settings_store.save(session, {attachments.SHARED_PHOTO_FOLDER: str(folder)})


def _photo(path):
    Image.new("RGB", (800, 600), (220, 180, 90)).save(path, "JPEG")
    return path


def test_a_photo_attached_on_one_laptop_shows_in_the_others_mail_list(qtbot, app_ready, database, letter, tmp_path,
                                                                      monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    _name_folder(database, shared)
    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path / "laptop-a"))
    laptop_a = open_database(database.path)
    try:
        with laptop_a.session() as session:
            letters.attach_photo(session, letter, _photo(tmp_path / "dish.jpg"))
    finally:
        laptop_a.close()

    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path / "laptop-b"))
    page = MailPage(database)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    row = [page.letter_model.row_id(r) for r in range(page.letter_model.rowCount())].index(letter)
    thumb = page.letter_model.data(page.letter_model.index(row, 0), Qt.ItemDataRole.DecorationRole)
    assert thumb is not None and not thumb.isNull()
    assert page.letter_model.photo_path(row).is_relative_to(shared)


def test_without_a_shared_folder_the_letter_editor_says_so_and_saves_nothing(qtbot, app_ready, database, letter,
                                                                             tmp_path):
    _name_folder(database, "")
    editor = LetterEditor(database, letter)
    qtbot.addWidget(editor)
    editor.add_photo_path(_photo(tmp_path / "dish.jpg"))
    editor.summary.setPlainText("お米のお礼と写真")
    editor.save()
    assert editor.result() == 0
    assert editor.error_label.text() == attachments.NO_SHARED_FOLDER
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Attachment)).scalar_one() == 0
        assert letters.load_letter_input(session, letter).summary == "お米のお礼"
