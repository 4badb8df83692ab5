"""Merging two records of one person: every related row moves; undo restores exactly."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from kankei_desktop.domain.errors import ConflictError, ValidationError
from kankei_desktop.domain.tables import (
    Attachment,
    AuditEntry,
    Enrollment,
    EnrollmentStageChange,
    Host,
    Interaction,
    LadderStageChange,
    Letter,
    Person,
    PersonTag,
    PersonTie,
    Shipment,
    Stay,
    StayParticipant,
)
from kankei_desktop.services import enrollments, merge, programmes
from kankei_desktop.services.activity import refresh_last_activity
from kankei_desktop.services.ladder import ladder_history
from kankei_desktop.store import audit
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput

_TABLES = (Enrollment, EnrollmentStageChange, StayParticipant, Letter, Shipment, Interaction, PersonTie,
           PersonTag, LadderStageChange, Attachment, Person)


def _world(session):
    """Every row of every table a merge touches, without the timestamps and row versions a merge bumps."""
    state = {}
    for table in _TABLES:
        columns = [c for c in table.__table__.columns if c.name not in ("updated_at", "row_version")]
        state[table.__tablename__] = sorted(tuple(map(str, row)) for row in session.execute(select(*columns)))
    return state


@pytest.fixture
def pair(session):
    survivor = create_person(session, PersonInput(
        name="山田 太郎", furigana="ヤマダ タロウ", email="taro@example.jp", ties=["出身者"], interests=["農業"]))
    other = create_person(session, PersonInput(
        name="山田 太朗", furigana="やまだ たろう", email="taro@example.jp", phone="090-1234-5678",
        postal_code="9494392", ladder_stage="リピート", ties=["出身者", "大学・ゼミ"], interests=["農業", "写真"]))
    host = Host(name="棚田農家")
    session.add(host)
    session.flush()
    shared_stay = Stay(host_id=host.id, start_on=date(2026, 5, 1), end_on=date(2026, 5, 2), status="実施済")
    own_stay = Stay(host_id=host.id, start_on=date(2026, 8, 1), end_on=date(2026, 8, 1), status="実施済")
    session.add_all([shared_stay, own_stay])
    session.flush()
    session.add_all([
        StayParticipant(stay_id=shared_stay.id, person_id=survivor),
        StayParticipant(stay_id=shared_stay.id, person_id=other),
        StayParticipant(stay_id=own_stay.id, person_id=other),
        Letter(direction="地域→参加者", person_id=other, host_id=host.id, sent_on=date(2026, 6, 1), status="発送済"),
        Shipment(person_id=other, host_id=host.id, contents="お米 5kg", shipped_on=date(2026, 6, 1), status="発送済"),
        Interaction(person_id=other, kind="訪問", occurred_on=date(2026, 9, 9)),
        Attachment(owner_kind="person", owner_id=other, sha256="0" * 64, file_name="photo.jpg"),
    ])
    quest = programmes.create_programme(session, ProgrammeInput(name="クエスト", kind="田舎暮らしクエスト", fiscal_year=2026))
    letter = programmes.create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
    q_stages = [s.id for s in programmes.programme_stages(session, quest)]
    enrollments.enroll_persons(session, quest, [survivor], on=date(2026, 5, 1))
    further = enrollments.enroll_persons(session, quest, [other], on=date(2026, 5, 1))
    enrollments.move_enrollments(session, further, q_stages[3], on=date(2026, 6, 1))
    enrollments.enroll_persons(session, letter, [other], on=date(2026, 5, 1))
    session.flush()
    refresh_last_activity(session, [survivor, other])  # the rows above were added by hand
    return survivor, other, further[0], quest


def test_merge_moves_every_related_row_and_keeps_the_further_enrollment(session, pair):
    survivor, other, further, quest = pair
    entry_id = merge.merge_persons(session, survivor, other, {"phone": "other", "postal_code": "other", "ladder_stage": "other"})
    session.expire_all()
    kept = session.get(Person, survivor)
    assert (kept.name, kept.phone, kept.postal_code, kept.ladder_stage) == ("山田 太郎", "090-1234-5678", "9494392", "リピート")
    assert "09012345678" in kept.search_text
    assert session.get(Person, other).deleted_at is not None
    live = lambda table: session.execute(  # noqa: E731
        select(table.id).where(table.person_id == other, table.deleted_at.is_(None))).all()
    for table in (Enrollment, StayParticipant, Letter, Shipment, Interaction, PersonTie, PersonTag):
        assert live(table) == [], table.__tablename__
    # the other's ladder history stays with the other record; the survivor gets one entry for the merge
    assert len(live(LadderStageChange)) == 1
    assert ladder_history(session, survivor)[-1][2:] == ("リピート", audit.current_user(), "統合（山田 太朗）")
    assert enrollments.enrollment_id_for(session, quest, survivor) == further
    assert [row[2] for row in enrollments.enrollments_of_person(session, survivor)] == ["お米レター", "クエスト"]
    stays = session.execute(select(StayParticipant.stay_id).where(
        StayParticipant.person_id == survivor, StayParticipant.deleted_at.is_(None))).scalars().all()
    assert len(stays) == len(set(stays)) == 2
    ties = session.execute(select(PersonTie.tie).where(PersonTie.person_id == survivor, PersonTie.deleted_at.is_(None))).scalars()
    assert sorted(ties) == ["出身者", "大学・ゼミ"]
    assert session.execute(select(Attachment.owner_id)).scalar_one() == survivor
    assert kept.last_activity_on == date(2026, 9, 9)
    entry = session.get(AuditEntry, entry_id)
    data = json.loads(entry.changes_json)
    assert entry.action == "merge" and data["other_id"] == other
    assert data["kept_enrollments"][0][1] == further


def test_undo_merge_restores_exactly(session, pair):
    survivor, other, _further, _quest = pair
    before = _world(session)
    entry_id = merge.merge_persons(session, survivor, other, {f: "other" for f in merge.MERGE_FIELDS})
    session.flush()
    assert _world(session) != before
    merge.undo_merge(session, entry_id)
    session.flush()
    session.expire_all()
    after = _world(session)
    # the merge's own ladder history row stays as a tombstone; everything else is as before
    after["ladder_stage_change"] = [row for row in after["ladder_stage_change"] if "統合" not in "".join(row)]
    assert after == before
    with pytest.raises(ConflictError):
        merge.undo_merge(session, entry_id)


def test_merging_a_person_with_itself_is_refused(session, pair):
    survivor, _other, _further, _quest = pair
    before = _world(session)
    with pytest.raises(ValidationError, match="同じ参加者"):
        merge.merge_persons(session, survivor, survivor, {})
    with pytest.raises(ValidationError):
        merge.merge_persons(session, survivor, _other, {"shoe_size": "other"})
    assert _world(session) == before


def test_undo_after_the_survivor_was_edited_is_refused_naming_the_change(session, pair):
    """Merge, edit the survivor's 備考, undo: refused with what changed, and the edit stays."""
    from kankei_desktop.services.participants import load_person_input, update_person

    survivor, other, _further, _quest = pair
    entry_id = merge.merge_persons(session, survivor, other, {})
    session.flush()
    data = load_person_input(session, survivor)
    data.notes = "統合後に電話で確認：米の量は 5kg で良い"
    update_person(session, survivor, data)
    session.flush()
    with pytest.raises(ConflictError) as refused:
        merge.undo_merge(session, entry_id)
    assert "山田 太郎 の備考" in refused.value.message and "失われます" in refused.value.message
    session.expire_all()
    assert session.get(Person, survivor).notes == "統合後に電話で確認：米の量は 5kg で良い"
    assert session.get(Person, other).deleted_at is not None  # still merged


def test_undo_after_a_moved_record_was_edited_is_refused(session, pair):
    survivor, other, _further, _quest = pair
    entry_id = merge.merge_persons(session, survivor, other, {})
    session.flush()
    letter = session.execute(select(Letter).where(Letter.person_id == survivor)).scalar_one()
    letter.summary = "お礼状に写真あり"
    letter.updated_at = datetime.now(timezone.utc)
    session.flush()
    with pytest.raises(ConflictError, match="手紙 1 件"):
        merge.undo_merge(session, entry_id)
