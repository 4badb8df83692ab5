"""Enrollments: enroll, stage moves with history, refusals, undo, the board."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from kankei_desktop.domain.errors import ConflictError, ValidationError
from kankei_desktop.domain.tables import Enrollment, EnrollmentStageChange
from kankei_desktop.services import enrollments, programmes
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput
from kankei_desktop.store import audit


@pytest.fixture
def quest(session):
    pid = programmes.create_programme(session, ProgrammeInput(name="田舎暮らしクエスト", kind="田舎暮らしクエスト", fiscal_year=2026))
    return pid, [s.id for s in programmes.programme_stages(session, pid)]


def _people(session, *names):
    return [create_person(session, PersonInput(name=name, furigana=kana)) for name, kana in names]


def _state(session):
    return (
        session.execute(select(Enrollment.id, Enrollment.stage_id, Enrollment.stage_since, Enrollment.deleted_at)
                        .order_by(Enrollment.id)).all(),
        session.execute(select(func.count()).select_from(EnrollmentStageChange)).scalar_one(),
    )


def test_enroll_many_and_refuse_the_same_person_twice(session, quest):
    pid, stages = quest
    a, b, c = _people(session, ("山田 太郎", "ヤマダ タロウ"), ("佐藤 花子", "サトウ ハナコ"), ("鈴木 一郎", "スズキ イチロウ"))
    eids = enrollments.enroll_persons(session, pid, [a, b, a], on=date(2026, 5, 1))
    assert len(eids) == 2
    assert enrollments.stage_history(session, eids[0]) == [(date(2026, 5, 1), None, "応募", audit.current_user())]
    before = _state(session)
    with pytest.raises(ConflictError) as error:
        enrollments.enroll_persons(session, pid, [c, b])
    assert "「佐藤 花子」" in error.value.message and "田舎暮らしクエスト" in error.value.message
    assert _state(session) == before


def test_move_single_and_bulk_records_history(session, quest):
    pid, stages = quest
    people = _people(session, ("山田 太郎", "ヤマダ タロウ"), ("佐藤 花子", "サトウ ハナコ"))
    eids = enrollments.enroll_persons(session, pid, people, on=date(2026, 5, 1))
    moves = enrollments.move_enrollments(session, eids[:1], stages[1], on=date(2026, 5, 10))
    assert [(m.from_stage_id, m.to_stage_id) for m in moves] == [(stages[0], stages[1])]
    moves = enrollments.move_enrollments(session, eids, stages[2], on=date(2026, 6, 1))
    assert len(moves) == 2
    history = enrollments.stage_history(session, eids[0])
    assert [(on, src, dst) for on, src, dst, _by in history] == [
        (date(2026, 5, 1), None, "応募"), (date(2026, 5, 10), "応募", "説明会参加"), (date(2026, 6, 1), "説明会参加", "面談済")]
    assert all(by == audit.current_user() for *_x, by in history)
    # moving to the stage it is already at changes nothing
    assert enrollments.move_enrollments(session, eids, stages[2], on=date(2026, 6, 2)) == []


def test_undo_and_redo_a_bulk_move(session, quest):
    pid, stages = quest
    eids = enrollments.enroll_persons(session, pid, _people(session, ("山田 太郎", "ヤマダ"), ("佐藤 花子", "サトウ")),
                                      on=date(2026, 5, 1))
    before = enrollments.table_rows(session, pid, today=date(2026, 7, 1))
    moves = enrollments.move_enrollments(session, eids, stages[3], on=date(2026, 6, 1))
    enrollments.undo_moves(session, moves)
    assert enrollments.table_rows(session, pid, today=date(2026, 7, 1)) == before
    assert len(enrollments.stage_history(session, eids[0])) == 1
    enrollments.redo_moves(session, moves)
    assert {row[3] for row in enrollments.table_rows(session, pid)} == {"参加決定"}
    assert len(enrollments.stage_history(session, eids[0])) == 2


def test_bad_moves_refused_and_nothing_changes(session, quest):
    pid, stages = quest
    other = programmes.create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
    other_stage = programmes.programme_stages(session, other)[1].id
    eids = enrollments.enroll_persons(session, pid, _people(session, ("山田 太郎", "ヤマダ")), on=date(2026, 5, 1))
    before = _state(session)
    with pytest.raises(ValidationError) as error:
        enrollments.move_enrollments(session, eids, other_stage)
    assert "別のプログラム" in error.value.message and "お米レター" in error.value.message
    final = stages[5]  # 修了
    with pytest.raises(ValidationError, match="未来の日付"):
        enrollments.move_enrollments(session, eids, final, on=date.today() + timedelta(days=3))
    with pytest.raises(ValidationError, match="より前の日付"):
        enrollments.move_enrollments(session, eids, stages[1], on=date(2026, 4, 1))
    assert _state(session) == before


def test_board_groups_cards_by_stage_with_days_in_stage(session, quest):
    pid, stages = quest
    a, b = _people(session, ("山田 太郎", "ヤマダ タロウ"), ("青木 誠", "アオキ マコト"))
    eids = enrollments.enroll_persons(session, pid, [a, b], on=date(2026, 5, 1))
    enrollments.move_enrollments(session, [eids[0]], stages[2], on=date(2026, 5, 21))
    columns = enrollments.board(session, pid, today=date(2026, 6, 1))
    assert [c.name for c in columns] == ["応募", "説明会参加", "面談済", "参加決定", "クエスト実施中", "修了", "辞退"]
    assert [(card.name, card.furigana, card.days_in_stage) for card in columns[0].cards] == [("青木 誠", "アオキ　マコト", 31)]
    assert [(card.name, card.days_in_stage) for card in columns[2].cards] == [("山田 太郎", 11)]
    assert columns[5].is_final and columns[6].is_dropout


def test_unenroll_and_restore(session, quest):
    pid, _stages = quest
    (person,) = _people(session, ("山田 太郎", "ヤマダ"))
    eids = enrollments.enroll_persons(session, pid, [person])
    enrollments.unenroll(session, eids)
    assert enrollments.enrollment_count(session, pid) == 0
    assert enrollments.enrollments_of_person(session, person) == []
    enrollments.restore_enrollments(session, eids)
    assert enrollments.enrollment_id_for(session, pid, person) == eids[0]
