"""Photos on a server: the shared folder the server's settings name (issue 20 item 5).

Two "laptops" are two data folders (``KANKEI_DESKTOP_DATA_DIR``) with their own connection to
one server database. Server-only: run with ``pytest --pg``.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pg_support
import pytest
from PIL import Image
from sqlalchemy import func, select

from kankei_desktop import paths
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Attachment
from kankei_desktop.services import attachments, letters, settings_store
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.store import open_database

pytestmark = pytest.mark.skipif(not pg_support.active(), reason="needs a PostgreSQL server (pytest --pg)")


@pytest.fixture
def letter_id(database):
    with database.session() as session:
        person = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
        return letters.create_letter(session, LetterInput(direction="参加者→地域", person_id=person,
                                                          received_on=date(2026, 10, 22)), today=date(2026, 11, 27))


def _name_folder(database, folder) -> None:
    with database.session() as session:
        settings_store.save(session, {attachments.SHARED_PHOTO_FOLDER: str(folder)})


def _photo(path):
    Image.new("RGB", (320, 200), (90, 160, 60)).save(path, "JPEG")
    return path


def test_without_a_shared_folder_attaching_is_refused_and_nothing_written(database, letter_id, tmp_path):
    _name_folder(database, "")
    with database.session() as session:
        assert attachments.photos_folder(session) is None
        with pytest.raises(ValidationError) as refused:
            letters.attach_photo(session, letter_id, _photo(tmp_path / "rice.jpg"))
    assert refused.value.errors == {"file": attachments.NO_SHARED_FOLDER}
    assert "管理者" in refused.value.message and "写真の共有フォルダー" in refused.value.message
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Attachment)).scalar_one() == 0
    own = paths.user_data_dir() / "attachments"
    assert not own.exists() or not [path for path in own.rglob("*") if path.is_file()]


def test_a_shared_folder_that_cannot_be_reached_is_refused(database, letter_id, tmp_path):
    _name_folder(database, tmp_path / "not-mounted")
    with database.session() as session, pytest.raises(ValidationError) as refused:
        letters.attach_photo(session, letter_id, _photo(tmp_path / "rice.jpg"))
    assert "not-mounted" in refused.value.message and "見つかりません" in refused.value.message
    assert not (tmp_path / "not-mounted").exists()


def test_a_photo_attached_on_one_laptop_is_read_on_another(database, letter_id, tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    _name_folder(database, shared)
    photo = _photo(tmp_path / "onigiri.jpg")
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()

    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path / "laptop-a"))
    laptop_a = open_database(database.path)
    try:
        with laptop_a.session() as session:
            letters.attach_photo(session, letter_id, photo, "おにぎり")
    finally:
        laptop_a.close()
    assert (shared / sha[:2] / f"{sha}.jpg").read_bytes() == photo.read_bytes()
    assert not (tmp_path / "laptop-a" / "attachments").exists()  # nothing kept on the laptop

    monkeypatch.setenv("KANKEI_DESKTOP_DATA_DIR", str(tmp_path / "laptop-b"))
    laptop_b = open_database(database.path)
    try:
        with laptop_b.session() as session:
            [row] = attachments.list_attachments(session, "letter", letter_id)
            first = attachments.first_attachment_by_owner(session, "letter", [letter_id])[letter_id]
    finally:
        laptop_b.close()
    assert row.caption == "おにぎり" and row.stored_path == first.stored_path == shared / sha[:2] / f"{sha}.jpg"
    assert row.stored_path.read_bytes() == photo.read_bytes()
    thumb = attachments.thumbnail(row.sha256, row.mime_type, original=row.stored_path)
    assert thumb is not None and thumb.is_relative_to(tmp_path / "laptop-b")  # the cache stays per laptop
    with Image.open(thumb) as image:
        assert max(image.size) == attachments.THUMBNAIL_SIZE


def test_a_shared_folder_that_cannot_be_written_is_refused(database, letter_id, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    _name_folder(database, shared)
    photo = _photo(tmp_path / "rice.jpg")
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    (shared / sha[:2]).write_text("")  # where its sub-folder must go (a read-only share fails the same way)
    with database.session() as session, pytest.raises(ValidationError) as refused:
        letters.attach_photo(session, letter_id, photo)
    assert "書き込めません" in refused.value.message and "添付していません" in refused.value.message
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Attachment)).scalar_one() == 0
