"""The ladder: stage history, suggestions that never write, and interactions feeding them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Host, Person, Stay, StayParticipant
from kankei_desktop.services import interactions, ladder
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.services.participants import PersonInput, create_person


@pytest.fixture
def person(session):
    return create_person(session, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))


def _stage(session, person_id):
    return session.execute(select(Person.ladder_stage).where(Person.id == person_id)).scalar_one()


def _touch(session, person_id, kind, on):
    return interactions.log_interaction(session, InteractionInput(person_id, kind, on))


def test_set_stage_records_history_and_undo(session, person):
    move = ladder.set_ladder_stage(session, person, "担い手", reason="集落行事を主催")
    assert _stage(session, person) == "担い手"
    history = ladder.ladder_history(session, person)
    assert [(h[1], h[2], h[4]) for h in history] == [(None, "関心", "登録"), ("関心", "担い手", "集落行事を主催")]
    assert ladder.set_ladder_stage(session, person, "担い手") is None
    ladder.undo_ladder_move(session, move)
    assert _stage(session, person) == "関心"
    assert len(ladder.ladder_history(session, person)) == 1
    with pytest.raises(ValidationError):
        ladder.set_ladder_stage(session, person, "大ファン")


def test_no_record_no_suggestion(session, person):
    suggestion = ladder.suggest_stage(session, person)
    assert suggestion.stage is None and suggestion.current == "関心"


def test_a_touch_that_is_not_participation_suggests_nothing(session, person):
    _touch(session, person, "寄附（ふるさと納税）", date(2026, 5, 1))
    assert ladder.suggest_stage(session, person).stage is None


def test_one_participation_suggests_sanka_and_never_writes(session, person):
    _touch(session, person, "オンラインイベント参加", date(2026, 5, 1))
    suggestion = ladder.suggest_stage(session, person)
    assert suggestion.stage == "参加" and "2026/05/01" in suggestion.reason
    assert _stage(session, person) == "関心"


def test_two_dates_within_twelve_months_suggest_repeat(session, person):
    _touch(session, person, "イベント参加", date(2024, 1, 10))
    _touch(session, person, "イベント参加", date(2025, 6, 1))  # more than 12 months later: not yet
    assert ladder.suggest_stage(session, person).stage == "参加"
    host = Host(name="棚田農家")
    stay = Stay(host_id=host.id, start_on=date(2026, 5, 30), end_on=date(2026, 5, 31), status="実施済")
    session.add_all([host, stay, StayParticipant(stay_id=stay.id, person_id=person)])
    session.flush()
    suggestion = ladder.suggest_stage(session, person)
    assert suggestion.stage == "リピート" and "2025/06/01" in suggestion.reason and "2026/05/30" in suggestion.reason


def test_the_same_day_twice_is_not_a_repeat(session, person):
    _touch(session, person, "イベント参加", date(2026, 5, 1))
    _touch(session, person, "訪問", date(2026, 5, 1))
    assert ladder.suggest_stage(session, person).stage == "参加"


def test_hosting_suggests_carrier_and_apply_records_the_reason(session, person):
    _touch(session, person, "主催・講師", date(2026, 9, 1))
    suggestion = ladder.suggest_stage(session, person)
    assert suggestion.stage == "担い手"
    ladder.apply_suggestion(session, person)
    assert _stage(session, person) == "担い手"
    assert ladder.ladder_history(session, person)[-1][4].startswith("提案を承認")


def test_suggestions_never_go_down(session, person):
    ladder.set_ladder_stage(session, person, "移住検討")
    _touch(session, person, "イベント参加", date(2026, 5, 1))
    _touch(session, person, "主催・講師", date(2026, 6, 1))
    assert ladder.suggest_stage(session, person).stage is None


def test_interactions_keep_last_activity_and_undo(session, person):
    first = _touch(session, person, "相談窓口", date(2026, 4, 1))
    second = _touch(session, person, "物産購入", date(2026, 8, 1))
    last = lambda: session.get(Person, person).last_activity_on  # noqa: E731
    session.expire_all()
    assert last() == date(2026, 8, 1)
    before = interactions.update_interaction(session, second, InteractionInput(person, "物産購入", date(2026, 3, 1), note="米 10kg"))
    session.expire_all()
    assert before.occurred_on == date(2026, 8, 1) and last() == date(2026, 4, 1)
    interactions.delete_interaction(session, first)
    session.expire_all()
    assert last() == date(2026, 3, 1)
    interactions.restore_interaction(session, first)
    session.expire_all()
    assert last() == date(2026, 4, 1)
    assert [row[2] for row in interactions.interactions_of_person(session, person)] == ["相談窓口", "物産購入"]


def test_bad_interactions_refused(session, person):
    with pytest.raises(ValidationError, match="未来"):
        _touch(session, person, "訪問", date.today() + timedelta(days=1))
    with pytest.raises(ValidationError, match="選択肢"):
        _touch(session, person, "電報", date(2026, 5, 1))
    assert interactions.interactions_of_person(session, person) == []


def test_stage_change_dated_before_the_previous_change_is_refused(database):
    """Catching up on paper notes: the date is the coordinator's, but never before the last change."""
    from kankei_desktop.domain.tables import LadderStageChange
    from kankei_desktop.services.ladder import ladder_history, set_ladder_stage

    with database.session() as session:
        person = Person(name="山本 一", furigana="ヤマモト ハジメ")
        session.add(person)
        session.flush()
        set_ladder_stage(session, person.id, "参加", on=date(2026, 5, 1))
    with database.session() as session:
        for day in (date(2026, 4, 30), date.today() + timedelta(days=1)):
            with pytest.raises(ValidationError) as refused:
                set_ladder_stage(session, person.id, "リピート", on=day)
            assert "on" in refused.value.errors
        assert "前回の変更（2026/05/01）" in str(pytest.raises(ValidationError, set_ladder_stage, session,
                                                             person.id, "リピート", on=date(2026, 4, 1)).value)
        assert session.get(Person, person.id).ladder_stage == "参加"
        set_ladder_stage(session, person.id, "リピート", on=date(2026, 5, 1))  # the same day is fine
    with database.session() as session:
        assert [row[0] for row in ladder_history(session, person.id)] == [date(2026, 5, 1), date(2026, 5, 1)]
        assert len(session.execute(select(LadderStageChange)).all()) == 2


def test_pending_suggestions_equal_one_person_at_a_time_on_the_demo_file(database):
    """The list of every pending suggestion (counted in SQL for everybody) against
    ``suggest_stage`` person by person: the same persons, stages and reasons."""
    from kankei_desktop.domain.tables import Person
    from kankei_desktop.services import demo

    with database.session() as session:
        demo.load_demo_data(session)
    with database.session() as session:
        pending = {p.person_id: (p.stage, p.reason) for p in ladder.pending_suggestions(session)}
        expected = {}
        for person_id in session.execute(select(Person.id).where(Person.deleted_at.is_(None))).scalars():
            one = ladder.suggest_stage(session, person_id)
            if one.stage is not None:
                expected[person_id] = (one.stage, one.reason)
    assert pending == expected and len(pending) > 50


def test_repeat_pair_across_29_february(session):
    """A year after 2024/02/29 is 2025/02/28 in both ways of counting."""
    from kankei_desktop.domain.tables import Interaction

    near = create_person(session, PersonInput(name="閏 一", furigana="ウルウ ハジメ"))
    far = create_person(session, PersonInput(name="閏 二", furigana="ウルウ ニ"))
    for person, days in ((near, (date(2024, 2, 29), date(2025, 2, 28))), (far, (date(2024, 2, 29), date(2025, 3, 1)))):
        for day in days:
            session.add(Interaction(person_id=person, kind="訪問", occurred_on=day))
    session.flush()
    pending = {p.person_id: p.stage for p in ladder.pending_suggestions(session)}
    assert pending == {near: "リピート", far: "参加"}
    assert ladder.suggest_stage(session, near).stage == "リピート" and ladder.suggest_stage(session, far).stage == "参加"
