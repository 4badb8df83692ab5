"""Issue 16's new fields through the spreadsheets: 金額（円） of 物産購入・寄附 and the host's 中小企業.

Exported, re-imported (checked by the service's own rules, refusals name row and column), shown on
the person's timeline; an older interactions sheet with メモ still maps to 備考.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from kankei_desktop.io.readers import RawTable
from kankei_desktop.services import exports, imports, interactions, timeline
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.interactions import InteractionInput
from kankei_desktop.services.participants import PersonInput, create_person


def _plan(database, rows, kind):
    with database.session() as session:
        plan = imports.build_plan(session, RawTable("sheet.xlsx", "Sheet1", rows), kind=kind)
        messages = [m.text() for row in plan.rows for m in row.messages]
        result = None if messages else imports.commit_plan(session, plan)
    return plan, messages, result


def test_amounts_imported_refused_exported_and_on_the_timeline(database):
    with database.session() as session:
        person = create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ"))
    header = ["氏名", "日付", "種類", "金額（円）", "メモ"]  # メモ: a sheet written before the glossary
    _plan_, messages, _ = _plan(database, [header,
                                           ["山田 花子", date(2026, 5, 1), "訪問", 500, ""],
                                           ["山田 花子", date(2026, 5, 2), "物産購入", "-300", ""],
                                           ["山田 花子", date(2026, 5, 3), "物産購入", "たくさん", ""]],
                                "interactions")
    assert messages[0] == "2 行目「金額（円）」: 金額は 物産購入・寄附（ふるさと納税） の記録にだけ入力できます。"
    assert messages[1].startswith("3 行目「金額（円）」: 金額は0以上の整数")
    assert messages[2].startswith("4 行目「金額（円）」")
    with database.session() as session:
        assert session.execute(text("SELECT count(*) FROM interaction")).scalar() == 0  # nothing written
    plan, messages, result = _plan(database, [header, ["山田 花子", date(2026, 5, 2), "物産購入", "3,000円", "新米"]],
                                   "interactions")
    assert messages == [] and result.created == 1 and plan.mapping[4] == "note"
    with database.session() as session:
        assert session.execute(text("SELECT kind, amount_yen, note FROM interaction")).all() == [("物産購入", 3000, "新米")]
        table = exports.interactions_table(session)
        entry = next(e for e in timeline.person_timeline(session, person) if e.kind == "関わり")
    assert table.headers[-2:] == ["金額（円）", "備考"] and table.rows[0][-2:] == (3000, "新米")
    assert entry.title == "物産購入 3,000円" and entry.detail == "新米"


def test_small_business_flag_imported_exported_and_kept_when_blank(database):
    with database.session() as session:
        create_host(session, HostInput(name="田中農園"))
    _plan_, messages, result = _plan(database, [["名称", "種類", "中小企業"], ["株式会社 山古志", "企業", "可"]], "hosts")
    assert messages == [] and result.created == 1
    with database.session() as session:
        flags = dict(session.execute(text("SELECT name, small_business FROM host")).all())
        table = exports.hosts_table(session)
    assert flags == {"田中農園": 0, "株式会社 山古志": 1}
    at = table.headers.index("中小企業")
    assert {row[1]: row[at] for row in table.rows} == {"田中農園": False, "株式会社 山古志": True}
    host_id = next(row[0] for row in table.rows if row[1] == "株式会社 山古志")
    # A sheet without the column, or with it blank, keeps the stored flag.
    _plan_, messages, result = _plan(database, [["ID", "名称", "中小企業"], [host_id, "株式会社 山古志", ""]], "hosts")
    assert messages == [] and result.unchanged == 1
    _plan_, messages, result = _plan(database, [["ID", "名称", "中小企業"], [host_id, "株式会社 山古志", "不可"]], "hosts")
    assert messages == [] and result.updated == 1
    with database.session() as session:
        assert session.execute(text("SELECT small_business FROM host WHERE id = :i"), {"i": host_id}).scalar() == 0


def test_an_interaction_amount_edited_in_the_window_rules(session):
    person = create_person(session, PersonInput(name="佐藤 太郎"))
    interactions.log_interaction(session, InteractionInput(person, "寄附（ふるさと納税）", date(2026, 6, 1), amount_yen=10000))
    entry = next(e for e in timeline.person_timeline(session, person) if e.kind == "関わり")
    assert entry.title == "寄附（ふるさと納税） 10,000円"


def test_a_segment_and_an_amount_in_english_words(monkeypatch):
    """English mode: a segment's description and a timeline amount in English (no Japanese of ours)."""
    from kankei_desktop.services.segments import NEVER_EXCLUDE, SegmentCriteria
    from kankei_desktop.ui import translation, words

    criteria = SegmentCriteria(ladder_stages=["リピート"], last_touch_before=date(2026, 3, 31),
                               never_contacted=NEVER_EXCLUDE, contact_ok=True)
    japanese = words.segment_description(criteria)
    assert japanese == "段階 リピート・最終関わり日 2026/03/31 以前（関わりの記録がない人は含まない）・連絡可"
    monkeypatch.setattr(translation, "_language", "en")
    assert words.segment_description(criteria) == ("stage Repeater; last contact on or before 2026/03/31 "
                                                    "(persons never contacted left out); contact OK")
    assert words.segment_description(SegmentCriteria()) == "Everyone"
    assert words.timeline_title("物産購入（お米レター2026） 12,000円") == "Bought local products (お米レター2026) ¥12,000"
    assert words.retention_period_text("18か月") == "18 months" and words.retention_period_text("1年") == "1 year"
