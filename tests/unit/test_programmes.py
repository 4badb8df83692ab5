"""Programmes: templates, custom stages, targets, archive, copy to the next 年度."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kankei_desktop.domain.errors import ConflictError, ValidationError
from kankei_desktop.domain.tables import AuditEntry, Programme, ProgrammeStage
from kankei_desktop.services import enrollments, programmes
from kankei_desktop.services.participants import PersonInput, create_person
from kankei_desktop.services.programmes import ProgrammeInput, StageInput, TargetInput


def _count(session, table):
    return session.execute(select(func.count()).select_from(table)).scalar_one()


def _names(session, programme_id):
    return [s.name for s in programmes.programme_stages(session, programme_id)]


def test_create_from_template_with_targets(session):
    pid = programmes.create_programme(session, ProgrammeInput(
        name="おてつだいPlus 2026", kind="おてつだいPlus", fiscal_year=2026, region="長岡市",
        targets=[TargetInput("participants", "参加者数", 50, "名"), TargetInput("person_days", "人日", 100, "人日"),
                 TargetInput("coordinators", "育成コーディネーター", 10, "名")],
    ))
    assert _names(session, pid) == ["申込", "マッチング済", "実施済", "お礼済", "キャンセル"]
    stages = programmes.programme_stages(session, pid)
    assert [s.is_final for s in stages] == [False, False, False, True, False]
    assert stages[-1].is_dropout
    loaded = programmes.load_programme_input(session, pid)
    assert [(t.key, t.target_value, t.unit) for t in loaded.targets] == [
        ("participants", 50, "名"), ("person_days", 100, "人日"), ("coordinators", 10, "名")]
    assert loaded.description  # the template's description
    assert programmes.list_programmes(session, 2026)[0][:4] == (pid, "おてつだいPlus 2026", "おてつだいPlus", 2026)


def test_empty_name_refused_and_nothing_written(session):
    with pytest.raises(ValidationError) as error:
        programmes.create_programme(session, ProgrammeInput(name="  　", kind="その他"))
    assert "プログラム名" in error.value.message
    assert _count(session, Programme) == 0 and _count(session, ProgrammeStage) == 0


def test_custom_stages_add_rename_reorder_flags(session):
    pid = programmes.create_programme(session, ProgrammeInput(name="ふるさとみつけ塾", fiscal_year=2026),
                                      [StageInput("STEP1 オンライン"), StageInput("STEP2 入塾")])
    visit = programmes.add_stage(session, pid, "STEP3 訪問", is_final=True)
    first = programmes.add_stage(session, pid, "説明会", position=0)
    assert _names(session, pid) == ["説明会", "STEP1 オンライン", "STEP2 入塾", "STEP3 訪問"]
    assert programmes.rename_stage(session, first, "オンライン説明会") == "説明会"
    ids = [s.id for s in programmes.programme_stages(session, pid)]
    old = programmes.reorder_stages(session, pid, list(reversed(ids)))
    assert old == ids
    assert _names(session, pid)[0] == "STEP3 訪問"
    programmes.set_stage_flags(session, visit, is_final=False, is_dropout=True)
    assert programmes.programme_stages(session, pid)[0].is_dropout
    with pytest.raises(ValidationError, match="すでにあります"):
        programmes.add_stage(session, pid, "STEP2 入塾")
    with pytest.raises(ValidationError):
        programmes.reorder_stages(session, pid, ids[:2])


def test_stage_in_use_cannot_be_deleted_until_moved(session):
    pid = programmes.create_programme(session, ProgrammeInput(name="クエスト", kind="田舎暮らしクエスト", fiscal_year=2026))
    stages = programmes.programme_stages(session, pid)
    people = [create_person(session, PersonInput(name=f"参加 {i}", furigana="サンカ")) for i in range(2)]
    eids = enrollments.enroll_persons(session, pid, people)
    with pytest.raises(ConflictError, match="2 名"):
        programmes.delete_stage(session, stages[0].id)
    assert _names(session, pid)[0] == "応募"
    enrollments.move_enrollments(session, eids, stages[1].id)
    programmes.delete_stage(session, stages[0].id)
    assert "応募" not in _names(session, pid)
    assert [s.position for s in programmes.programme_stages(session, pid)] == list(range(6))
    programmes.restore_stage(session, stages[0].id, position=0)
    assert _names(session, pid)[0] == "応募"


def test_edit_returns_before_and_archive(session):
    pid = programmes.create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
    data = programmes.load_programme_input(session, pid)
    data.region = "南魚沼市"
    data.targets = [TargetInput("participants", "参加者数", 30, "名")]
    before = programmes.update_programme(session, pid, data)
    assert before.region == "" and before.targets == []
    assert programmes.update_programme(session, pid, data) is None
    assert programmes.load_programme_input(session, pid).targets[0].target_value == 30
    programmes.update_programme(session, pid, before)  # undo
    assert programmes.load_programme_input(session, pid).region == ""
    assert programmes.set_archived(session, pid) is False
    assert programmes.list_programmes(session) == []
    assert len(programmes.list_programmes(session, include_archived=True)) == 1
    assert session.execute(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "programme")).scalar_one() >= 4


def test_copy_to_next_year_takes_stages_and_targets_not_enrollments(session):
    pid = programmes.create_programme(session, ProgrammeInput(
        name="ワーケーション", fiscal_year=2026, targets=[TargetInput("participants", "参加者数", 20, "名")]),
        [StageInput("申込"), StageInput("滞在"), StageInput("辞退", is_dropout=True)])
    person = create_person(session, PersonInput(name="佐藤 花子", furigana="サトウ ハナコ"))
    enrollments.enroll_persons(session, pid, [person])
    copy = programmes.copy_to_next_year(session, pid)
    loaded = programmes.load_programme_input(session, copy)
    assert loaded.fiscal_year == 2027 and loaded.name == "ワーケーション"
    assert [(t.key, t.target_value) for t in loaded.targets] == [("participants", 20)]
    assert [(s.name, s.is_dropout) for s in programmes.programme_stages(session, copy)] == [
        ("申込", False), ("滞在", False), ("辞退", True)]
    assert enrollments.enrollment_count(session, copy) == 0
    assert programmes.fiscal_years(session) == [2027, 2026]
    named = programmes.create_programme(session, ProgrammeInput(name="おてつだいPlus 2026", kind="おてつだいPlus", fiscal_year=2026))
    assert programmes.load_programme_input(session, programmes.copy_to_next_year(session, named)).name == "おてつだいPlus 2027"
