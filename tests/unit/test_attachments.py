"""Photo storage: by content hash, stored once, originals untouched, thumbnails, refusals."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import func, select

import pg_support
from kankei_desktop import paths
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Attachment
from kankei_desktop.services import attachments, letters
from kankei_desktop.services.letters import LetterInput
from kankei_desktop.services.participants import PersonInput, create_person


def _photo(path, colour=(200, 120, 40), size=(640, 480), kind="JPEG"):
    Image.new("RGB", size, colour).save(path, kind)
    return path


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def letter_id(session):
    person = create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
    return letters.create_letter(session, LetterInput(direction="参加者→地域", person_id=person,
                                                      received_on=date(2026, 10, 22)), today=date(2026, 11, 27))


def test_same_file_twice_is_stored_once_and_original_untouched(session, letter_id, tmp_path):
    photo = _photo(tmp_path / "onigiri.jpg")
    copy = tmp_path / "same-again.jpg"
    copy.write_bytes(photo.read_bytes())
    original_bytes, original_mtime = photo.read_bytes(), photo.stat().st_mtime_ns

    first = letters.attach_photo(session, letter_id, photo, "おにぎり")
    again = letters.attach_photo(session, letter_id, copy)
    assert first == again  # the same content on the same letter is one attachment
    other = create_person(session, PersonInput(name="佐藤 花子"))
    attachments.add_attachment(session, "person", other, copy)

    sha = _sha(photo)
    stored = paths.user_data_dir() / "attachments" / sha[:2] / f"{sha}.jpg"
    assert stored.read_bytes() == original_bytes
    assert len(list((paths.user_data_dir() / "attachments").rglob("*.jpg"))) == 1
    assert photo.read_bytes() == original_bytes and photo.stat().st_mtime_ns == original_mtime
    assert session.execute(select(func.count()).select_from(Attachment)).scalar_one() == 2

    rows = attachments.list_attachments(session, "letter", letter_id)
    assert [(r.file_name, r.caption, r.mime_type) for r in rows] == [("onigiri.jpg", "おにぎり", "image/jpeg")]
    thumb = attachments.thumbnail(rows[0].sha256, rows[0].mime_type)
    with Image.open(thumb) as image:
        assert max(image.size) == attachments.THUMBNAIL_SIZE
    assert stored.read_bytes() == original_bytes  # the thumbnail never touches the original
    assert attachments.first_attachment_by_owner(session, "letter", [letter_id])[letter_id].id == first


def test_png_keeps_its_type(session, letter_id, tmp_path):
    photo = _photo(tmp_path / "dish.png", kind="PNG")
    attachment_id = letters.attach_photo(session, letter_id, photo)
    assert session.get(Attachment, attachment_id).mime_type == "image/png"
    assert attachments.stored_path(_sha(photo), "image/png").suffix == ".png"


def test_not_an_image_and_too_large_are_refused(session, letter_id, tmp_path, monkeypatch):
    text = tmp_path / "letter.jpg"
    text.write_text("これは写真ではありません", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        letters.attach_photo(session, letter_id, text)
    assert "「letter.jpg」は画像として読めません" in error.value.message

    big = tmp_path / "huge.jpg"
    with big.open("wb") as handle:
        handle.truncate(attachments.MAX_BYTES + 1)
    with pytest.raises(ValidationError) as error:
        letters.attach_photo(session, letter_id, big)
    assert "「huge.jpg」" in error.value.message and "50 MB まで" in error.value.message

    assert session.execute(select(func.count()).select_from(Attachment)).scalar_one() == 0
    assert not (paths.user_data_dir() / "attachments").exists() or not list(
        (paths.user_data_dir() / "attachments").rglob("*.*"))


def test_a_file_keeps_its_photos_in_this_computers_folder_whatever_the_server_setting(session, letter_id, tmp_path):
    if pg_support.active():
        pytest.skip("about a file store")
    from kankei_desktop.services import settings_store

    settings_store.save(session, {attachments.SHARED_PHOTO_FOLDER: str(tmp_path / "shared")})  # only a server reads it
    assert attachments.photos_folder(session) == paths.user_data_dir() / "attachments"
    photo = _photo(tmp_path / "rice.jpg")
    letters.attach_photo(session, letter_id, photo)
    [row] = attachments.list_attachments(session, "letter", letter_id)
    assert row.stored_path == paths.user_data_dir() / "attachments" / row.sha256[:2] / f"{row.sha256}.jpg"
    assert row.stored_path.read_bytes() == photo.read_bytes() and not (tmp_path / "shared").exists()


@pytest.mark.parametrize("typed", [r"\\fileserver\kankei\photos", r"Z:\写真", "/mnt/kankei/photos", ""])
def test_the_shared_folder_setting_takes_an_absolute_folder_or_nothing(session, typed):
    from kankei_desktop.services import settings_store

    assert settings_store.save(session, {attachments.SHARED_PHOTO_FOLDER: f"  {typed} "}) == {"shared_photo_folder": typed}


def test_a_relative_shared_folder_is_refused(session):
    from kankei_desktop.services import settings_store

    before = settings_store.get(session, attachments.SHARED_PHOTO_FOLDER)
    with pytest.raises(ValidationError) as refused:
        settings_store.save(session, {attachments.SHARED_PHOTO_FOLDER: "photos"})
    assert "「写真の共有フォルダー」" in refused.value.errors["shared_photo_folder"]
    assert settings_store.get(session, attachments.SHARED_PHOTO_FOLDER) == before
