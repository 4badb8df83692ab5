"""個人情報の消去, the retention reminder and consent helpers."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import plain_sql
import pytest
from sqlalchemy import func, select

from kankei_desktop import paths
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import Attachment, AuditEntry, Interaction, Letter, Person, PersonTag
from kankei_desktop.services import privacy
from kankei_desktop.services.participants import PersonInput, create_person, load_person_input, update_person

SECRET = dict(
    name="雲雀丘 澄礼", furigana="ヒバリガオカ スミレ", email="sumire.hibari@example.jp",
    phone="090-7788-4411", postal_code="9494392", city="糸魚川市", address_line="大字夢見 2468-13",
    notes="娘さんの名前は 雲雀丘 小鈴", interests=["稲作"], skills=["写真撮影"], ties=["ふるさと納税寄附者"],
)
NEEDLES = ["雲雀丘", "ヒバリガオカ", "sumire.hibari", "090-7788-4411", "09077884411", "夢見 2468"]


def _make_person(database) -> str:
    with database.session() as session:
        for i in range(200):  # neighbours on the same pages
            create_person(session, PersonInput(name=f"隣人 {i:03d}", email=f"n{i}@example.jp"))
        person_id = create_person(session, PersonInput(**SECRET))
    with database.session() as session:
        edited = load_person_input(session, person_id)
        edited.phone = "090-7788-4411"
        edited.affiliation = "雲雀丘商店"
        update_person(session, person_id, edited)
        session.add(Interaction(person_id=person_id, kind="オンラインイベント", occurred_on=date(2026, 5, 1),
                                note="雲雀丘さんから電話 090-7788-4411"))
        session.add(Letter(direction="参加者→地域", person_id=person_id, summary="雲雀丘さんのお礼状"))
        session.add(Attachment(owner_kind="person", owner_id=person_id, sha256="ab" * 32,
                               file_name="雲雀丘.jpg", mime_type="image/jpeg"))
    stored = paths.user_data_dir() / "attachments" / "ab" / f"{'ab' * 32}.jpg"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(b"\xff\xd8 photo")
    return person_id


def _file_bytes(database) -> bytes:
    return plain_sql.stored_bytes(database)


def test_anonymise_removes_personal_data_from_the_file_bytes(database):
    person_id = _make_person(database)
    assert all(needle.encode() in _file_bytes(database) for needle in NEEDLES[:4])
    result = privacy.anonymise_and_purge(database, person_id)
    assert result.files_removed == 1 and result.audit_entries_scrubbed >= 2
    data = _file_bytes(database)
    found = [needle for needle in NEEDLES if needle.encode() in data]
    assert found == []
    with database.session() as session:
        person = session.get(Person, person_id)
        assert person.name == "（消去済み）" and person.anonymised_at == date.today()
        assert (person.email, person.phone, person.notes, person.birth_date) == ("", "", "", None)
        assert not person.contact_ok
        # Aggregates keep counting: the person, the interaction and the letter are still there.
        assert session.execute(select(func.count()).select_from(Interaction)
                               .where(Interaction.person_id == person_id)).scalar_one() == 1
        assert session.execute(select(func.count()).select_from(Letter)
                               .where(Letter.person_id == person_id)).scalar_one() == 1
        assert load_person_input(session, person_id).ties == ["ふるさと納税寄附者"]
        assert session.execute(select(PersonTag).where(PersonTag.person_id == person_id,
                                                       PersonTag.deleted_at.is_(None))).first() is None
        entry = session.execute(select(AuditEntry).where(AuditEntry.action == "anonymise")).scalar_one()
        assert entry.entity_id == person_id and "name" in json.loads(entry.changes_json)["fields"]
    assert not list((paths.user_data_dir() / "attachments").rglob("*.jpg"))


def test_anonymise_twice_completes_again_and_unknown_is_refused(database):
    person_id = _make_person(database)
    privacy.anonymise_and_purge(database, person_id)
    # Running it again on an erased person is no refusal: it blanks again and rebuilds the file.
    again = privacy.anonymise_and_purge(database, person_id)
    assert again.vacuumed
    with database.session() as session:
        assert session.get(Person, person_id).name == "（消去済み）"
    before = _file_bytes(database)
    with pytest.raises(NotFoundError):
        privacy.anonymise_and_purge(database, "no-such-id")
    assert _file_bytes(database) == before


def test_shared_photo_file_is_kept_for_the_other_owner(database):
    person_id = _make_person(database)
    with database.session() as session:
        session.add(Attachment(owner_kind="host", owner_id="h1", sha256="ab" * 32, file_name="田んぼ.jpg"))
    result = privacy.anonymise_and_purge(database, person_id)
    assert result.files_removed == 0
    assert list((paths.user_data_dir() / "attachments").rglob("*.jpg"))


def test_dormant_persons_after_n_years(session):
    old = create_person(session, PersonInput(name="古い 人"))
    recent = create_person(session, PersonInput(name="最近 人"))
    never = create_person(session, PersonInput(name="未接触 人"))
    session.get(Person, old).last_activity_on = date(2019, 3, 31)
    session.get(Person, recent).last_activity_on = date(2025, 8, 1)
    session.get(Person, never).created_at = datetime(2018, 1, 1, tzinfo=timezone.utc)
    session.flush()
    found = privacy.dormant_persons(session, 5, today=date(2026, 11, 27))
    assert [p.person_id for p in found] == [old, never]
    assert found[0].last_activity_on == date(2019, 3, 31) and found[1].registered_on == date(2018, 1, 1)


def test_contactable_condition_and_logged_override(session):
    yes = create_person(session, PersonInput(name="連絡 可"))
    no = create_person(session, PersonInput(name="連絡 不可", contact_ok=False))
    ids = lambda cond: set(session.execute(select(Person.id).where(cond)).scalars())  # noqa: E731
    assert ids(privacy.contactable_condition()) == {yes}
    assert ids(privacy.contactable_condition(include_refused=True)) == {yes, no}
    with pytest.raises(ValidationError):
        privacy.record_consent_override(session, "labels", [no], " ")
    privacy.record_consent_override(session, "labels", [no], "災害時の安否確認")
    entry = session.execute(select(AuditEntry).where(AuditEntry.action == "consent_override")).scalar_one()
    assert json.loads(entry.changes_json)["person_ids"] == [no]


def test_file_search_finds_values_across_chunk_boundaries(tmp_path):
    path = tmp_path / "bytes.bin"
    needle = "雲雀丘 澄礼"
    encoded = needle.encode("utf-8")
    path.write_bytes(b"x" * 10 + encoded + b"y" * 10)
    for chunk in (3, 7, 11, 16, 1024):
        assert privacy.file_contains(path, [needle], chunk_size=chunk)
    assert not privacy.file_contains(path, ["山田"], chunk_size=5)
    assert not privacy.file_contains(tmp_path / "missing", [needle])


@pytest.mark.sqlite_only  # searching the file's bytes decides the VACUUM; a server always vacuums
def test_purge_without_known_values_always_rebuilds(database):
    assert privacy.purge_freed_space(database) is True
    assert privacy.purge_freed_space(database, ["どこにもない文字列"]) is False


def test_a_name_shared_with_another_person_stays_for_that_person(database):
    with database.session() as session:
        first = create_person(session, PersonInput(name="佐藤 花子", email="hanako.one@example.jp"))
        create_person(session, PersonInput(name="佐藤 花子", email="hanako.two@example.jp"))
    privacy.anonymise_and_purge(database, first)
    data = _file_bytes(database)
    assert "佐藤 花子".encode() in data  # the other 佐藤 花子
    assert b"hanako.one@example.jp" not in data and b"hanako.two@example.jp" in data
