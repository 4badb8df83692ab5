"""Hosts: normalised input, archive instead of delete, timeline, the list."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kankei_desktop.domain.errors import ConflictError, ValidationError
from kankei_desktop.domain.tables import AuditEntry, Host, Letter
from kankei_desktop.services import hosts, stays
from kankei_desktop.services.hosts import HostFilter, HostInput
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.stays import StayInput


def _counts(session):
    return tuple(
        session.execute(select(func.count()).select_from(t).where(*extra)).scalar_one()
        for t, extra in ((Host, (Host.deleted_at.is_(None),)), (AuditEntry, ()))
    )


def test_create_normalises_and_audits(session):
    host_id = hosts.create_host(session, HostInput(
        name=" 棚田　農園 ", kind="農家", phone="０２５８－７８－３３０９", postal_code="９４９－４３９２",
        contact_person="佐藤 一郎", hosts_side_job_talent=False,
    ))
    loaded = hosts.load_host_input(session, host_id)
    assert loaded.name == "棚田 農園"
    assert loaded.phone == "0258-78-3309"
    assert loaded.postal_code == "9494392"
    assert session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == host_id)).scalar_one() == "create"


@pytest.mark.parametrize(
    "data, field",
    [
        (HostInput(name=""), "name"),
        (HostInput(name="A", kind="ホテル"), "kind"),
        (HostInput(name="A", email="x@"), "email"),
        (HostInput(name="A", capacity_per_night=0), "capacity_per_night"),
        (HostInput(name="A", postal_code="123"), "postal_code"),
    ],
)
def test_bad_input_refused_nothing_written(session, data, field):
    before = _counts(session)
    with pytest.raises(ValidationError) as error:
        hosts.create_host(session, data)
    assert field in error.value.errors
    assert _counts(session) == before


def test_postal_lookup_offline():
    found = hosts.address_for("949-4392")
    assert found is not None and found.prefecture == "新潟県"


def test_delete_refused_when_stays_refer_archive_instead(session):
    person = create_person(session, PersonInput(name="山田太郎"))
    host_id = hosts.create_host(session, HostInput(name="民宿", kind="宿泊施設", capacity_per_night=4))
    stays.create_stay(session, StayInput(person_ids=[person], lodging_id=host_id, start_on=date(2026, 8, 1),
                                         end_on=date(2026, 8, 2)), today=date(2026, 7, 1))
    session.flush()
    before = _counts(session)
    with pytest.raises(ConflictError) as error:
        hosts.delete_host(session, host_id)
    assert "民宿" in error.value.message and "アーカイブ" in error.value.message
    assert _counts(session) == before
    hosts.archive_host(session, host_id)
    assert session.get(Host, host_id).is_active is False
    assert hosts.list_host_ids(session) == []
    assert hosts.list_host_ids(session, HostFilter(include_archived=True)) == [host_id]
    # an archived lodging takes no new stay
    with pytest.raises(ValidationError):
        stays.create_stay(session, StayInput(person_ids=[person], lodging_id=host_id, start_on=date(2026, 9, 1),
                                             end_on=date(2026, 9, 2)), today=date(2026, 7, 1))


def test_unused_host_can_be_deleted(session):
    host_id = hosts.create_host(session, HostInput(name="空き家"))
    hosts.delete_host(session, host_id)
    assert hosts.list_host_ids(session, HostFilter(include_archived=True)) == []


def test_timeline_has_stays_and_letters(session):
    person = create_person(session, PersonInput(name="山田太郎"))
    host_id = hosts.create_host(session, HostInput(name="棚田農園"))
    stays.create_stay(session, StayInput(person_ids=[person], host_id=host_id, start_on=date(2026, 8, 1),
                                         end_on=date(2026, 8, 3), purpose="稲刈り"), today=date(2026, 7, 1))
    session.add(Letter(direction="地域→参加者", person_id=person, host_id=host_id, sent_on=date(2026, 9, 1),
                       status="発送済", summary="お礼状"))
    session.flush()
    events = hosts.host_timeline(session, host_id)
    assert [(e.kind, e.on) for e in events] == [("手紙", date(2026, 9, 1)), ("滞在", date(2026, 8, 1))]
    assert "山田太郎" in events[1].summary and "稲刈り" in events[1].summary
    with pytest.raises(ConflictError):
        hosts.delete_host(session, host_id)


def test_list_filter_sort_and_rows(session):
    a = hosts.create_host(session, HostInput(name="あおば農園", kind="農家", city="長岡市"))
    b = hosts.create_host(session, HostInput(name="かもめ荘", kind="宿泊施設", capacity_per_night=6))
    assert hosts.list_host_ids(session) == [a, b]
    assert hosts.list_host_ids(session, sort="name", descending=True) == [b, a]
    assert hosts.list_host_ids(session, HostFilter(text="長岡")) == [a]
    assert hosts.list_host_ids(session, HostFilter(lodgings_only=True)) == [b]
    rows = hosts.fetch_list_rows(session, [b])
    assert rows[b][:2] == ("かもめ荘", "宿泊施設") and rows[b][5] == 6
    assert hosts.host_choices(session, lodgings_only=True) == [(b, "かもめ荘")]


def test_capacity_cannot_drop_below_booked_nights(session):
    a, b = (create_person(session, PersonInput(name=n)) for n in ("甲", "乙"))
    inn = hosts.create_host(session, HostInput(name="民宿", kind="宿泊施設", capacity_per_night=4))
    stays.create_stay(session, StayInput(person_ids=[a, b], lodging_id=inn, start_on=date(2026, 8, 1),
                                         end_on=date(2026, 8, 3)), today=date(2026, 7, 1))
    data = hosts.load_host_input(session, inn)
    data.capacity_per_night = 1
    with pytest.raises(ConflictError) as error:
        hosts.update_host(session, inn, data, today=date(2026, 7, 1))
    assert "2026/08/01" in error.value.message and "2 名" in error.value.message
    assert hosts.load_host_input(session, inn).capacity_per_night == 4
    data.capacity_per_night = 2
    assert hosts.update_host(session, inn, data, today=date(2026, 7, 1))
    # once those nights are past, the capacity may go down
    data.capacity_per_night = 1
    assert hosts.update_host(session, inn, data, today=date(2026, 8, 3))
