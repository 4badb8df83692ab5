"""Segments: saved filters, re-run by id or name, and used for bulk enrollment."""

from __future__ import annotations

from datetime import date

import pytest

from kankei_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kankei_desktop.services import enrollments, interactions, programmes, segments
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput
from kankei_desktop.services.segments import SegmentCriteria


@pytest.fixture
def people(session):
    def make(name, kana, **fields):
        return create_person(session, PersonInput(name=name, furigana=kana, **fields))
    a = make("青木 誠", "アオキ マコト", ladder_stage="参加", ties=["出身者"], residence_area="東京圏",
             interests=["農業"], contact_ok=True)
    b = make("井上 愛", "イノウエ アイ", ladder_stage="リピート", ties=["大学・ゼミ"], residence_area="東京圏",
             skills=["写真"], contact_ok=False)
    c = make("上田 翔", "ウエダ ショウ", ladder_stage="参加", ties=["出身者", "親族が在住"], residence_area="関西圏")
    return a, b, c


def test_criteria_round_trip_through_json():
    criteria = SegmentCriteria(ladder_stages=["参加"], last_touch_after=date(2026, 4, 1), contact_ok=False)
    assert SegmentCriteria.from_json(criteria.to_json()) == criteria
    assert SegmentCriteria.from_json('{"ties": "出身者"}').ties == ["出身者"]


def test_filters_combine(session, people):
    a, b, c = people
    run = lambda **kw: segments.person_ids_for_criteria(session, SegmentCriteria(**kw))  # noqa: E731
    assert run(ladder_stages=["参加"]) == [a, c]
    assert run(ties=["出身者"], residence_areas=["東京圏"]) == [a]
    assert run(tags=["写真"]) == [b]
    assert run(contact_ok=False) == [b]
    assert run(text="うえだ") == [c]
    interactions.log_interaction(session, InteractionInput(c, "訪問", date(2026, 6, 1)))
    interactions.log_interaction(session, InteractionInput(a, "訪問", date(2025, 6, 1)))
    assert run(last_touch_after=date(2026, 1, 1)) == [c]
    assert run(last_touch_before=date(2026, 1, 1)) == [a]
    pid = programmes.create_programme(session, ProgrammeInput(name="クエスト", kind="田舎暮らしクエスト", fiscal_year=2026))
    stages = programmes.programme_stages(session, pid)
    eids = enrollments.enroll_persons(session, pid, [a, b], on=date(2026, 5, 1))
    enrollments.move_enrollments(session, [eids[1]], stages[2].id, on=date(2026, 5, 2))
    assert run(programme_id=pid) == [a, b]
    assert run(programme_id=pid, programme_stage_ids=[stages[2].id]) == [b]


def test_save_run_rename_delete_and_bulk_enroll(session, people):
    a, _b, c = people
    sid = segments.save_segment(session, "出身者", SegmentCriteria(ties=["出身者"]))
    assert segments.segment_person_ids(session, sid) == [a, c]
    with pytest.raises(ConflictError):
        segments.save_segment(session, "出身者", SegmentCriteria())
    with pytest.raises(ValidationError):
        segments.save_segment(session, " ", SegmentCriteria())
    assert segments.rename_segment(session, sid, "Uターン候補") == "出身者"
    assert segments.person_ids_for_segment_name(session, "Uターン候補") == [a, c]
    old = segments.update_segment_criteria(session, sid, SegmentCriteria(ties=["出身者"], residence_areas=["関西圏"]))
    assert old == SegmentCriteria(ties=["出身者"])
    assert [row[1] for row in segments.list_segments(session)] == ["Uターン候補"]
    pid = programmes.create_programme(session, ProgrammeInput(name="帰省ツアー", fiscal_year=2026))
    enrollments.enroll_persons(session, pid, segments.person_ids_for_segment_name(session, "Uターン候補"))
    assert [row[1] for row in enrollments.table_rows(session, pid)] == ["上田 翔"]
    segments.delete_segment(session, sid)
    with pytest.raises(NotFoundError):
        segments.person_ids_for_segment_name(session, "Uターン候補")


def test_never_contacted_persons_in_or_out_by_explicit_choice(session, people):
    """「No contact since X」: persons with no contact at all are in only when asked for, the
    choice is required with a date and shown in the description (issue 16, item 7)."""
    a, b, c = people
    interactions.log_interaction(session, InteractionInput(a, "訪問", date(2025, 6, 1)))
    interactions.log_interaction(session, InteractionInput(c, "訪問", date(2026, 6, 1)))
    since = date(2026, 1, 1)
    run = lambda **kw: segments.person_ids_for_criteria(session, SegmentCriteria(**kw))  # noqa: E731
    assert run(last_touch_before=since, never_contacted="exclude") == [a]
    assert run(last_touch_before=since, never_contacted="include") == [a, b]  # b: never contacted
    assert run(last_touch_after=since, never_contacted="include") == [b, c]
    with pytest.raises(ValidationError) as refused:
        segments.save_segment(session, "しばらく連絡なし", SegmentCriteria(last_touch_before=since))
    assert "never_contacted" in refused.value.errors and "含めるか" in refused.value.errors["never_contacted"]
    sid = segments.save_segment(session, "しばらく連絡なし",
                                SegmentCriteria(last_touch_before=since, never_contacted="include"))
    assert segments.segment_person_ids(session, sid) == [a, b]
    (_id, _name, saved), = segments.list_segments(session)
    assert segments.describe(saved) == "最終関わり日 2026/01/01 以前（関わりの記録がない人を含む）"
    assert "含まない" in segments.describe(SegmentCriteria(last_touch_before=since, never_contacted="exclude"))
