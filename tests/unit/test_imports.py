"""Importing persons and enrollments: plan, duplicate choices, all-or-nothing commit, round trip."""

from __future__ import annotations

import csv
from datetime import date

import openpyxl
import plain_sql
import pytest
from sqlalchemy import func, select

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.tables import AuditEntry, Enrollment, Person, PersonTag, PersonTie, ProgrammeStage
from kankei_desktop.io.readers import ImportFileError, read_table
from kankei_desktop.services import imports
from kankei_desktop.services.exports import export
from kankei_desktop.services.participants import PersonInput, create_person, load_person_input
from kankei_desktop.services.programmes import ProgrammeInput, create_programme

HEADER = ["No", "お名前", "ふりがな", "生年月日", "TEL", "〒", "ご住所", "E-mail", "関わりのきっかけ", "興味"]


def xlsx(path, rows, title_rows=(("令和7年度 関係人口 参加者名簿",), ("作成: 十日町市",), ())):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名簿"
    for row in (*title_rows, *rows):
        sheet.append(list(row))
    if title_rows:
        sheet.merge_cells("A1:F1")
    book.save(path)
    return path


def dump(database) -> list[str]:
    """The whole content of the file, to prove a refused import changed nothing."""
    connection = plain_sql.connect(database)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def plan_file(database, path, **options):
    with database.session() as session:
        return imports.build_plan(session, read_table(path), **options)


def run_import(database, path, actions=None, **options):
    with database.session() as session:
        plan = imports.build_plan(session, read_table(path), **options)
        for status, action in (actions or {}).items():
            plan.set_action_for_status(status, action)
        return plan, imports.commit_plan(session, plan)


def persons(session) -> dict[str, Person]:
    return {p.name: p for p in session.execute(select(Person).where(Person.deleted_at.is_(None))).scalars()}


def test_messy_sheet_is_read_below_its_title_rows_and_normalised(database, tmp_path):
    with database.session() as session:
        existing = create_person(session, PersonInput(name="佐藤 次郎", furigana="サトウ ジロウ", phone="080-1111-2222"))
    path = xlsx(tmp_path / "meibo.xlsx", [
        HEADER,
        [1, "山田　花子", "やまだ　はなこ", "H13.7.7", 9012345678, 123456, "新潟県十日町市本町1-2", "hanako@example.jp", "大学・ゼミ", "農業、料理"],
        [2, "鈴木 一郎", "ｽｽﾞｷ ｲﾁﾛｳ", 36000, "０３－１２３４－５６７８", "〒９４９－４３９２", "", "", "", ""],
        [3, "山田花子", "ヤマダハナコ", "2001/07/07", "", "", "", "", "", ""],  # same person as row 5
        [4, "佐藤 次郎", "さとう じろう", "令和元年5月1日", "08011112222", "", "", "", "", ""],  # already stored
        [5, "", "", "2025/4/31", "12", "1", "", "mail@", "宇宙人", ""],
    ])
    plan = plan_file(database, path)
    assert plan.header_row == 4 and plan.sheet == "名簿"
    assert plan.notes == ["取り込まない列: No"]
    by_number = {row.number: row for row in plan.rows}
    assert [by_number[n].status for n in (5, 6, 7, 8, 9)] == ["new", "new", "duplicate", "duplicate", "error"]
    assert by_number[7].duplicate_row == 5 and by_number[8].duplicate_ids == [existing]
    texts = [m.text() for m in by_number[9].messages]
    assert "9 行目「お名前」: 氏名を入力してください。" in texts
    assert any(t.startswith("9 行目「生年月日」") and "存在しない" in t for t in texts)
    assert any(t.startswith("9 行目「〒」") for t in texts) and any(t.startswith("9 行目「TEL」") for t in texts)
    assert any(t.startswith("9 行目「E-mail」") for t in texts) and any("宇宙人" in t for t in texts)

    with database.session() as session:
        result = imports.commit_plan(session, plan)
    assert (result.created, result.updated, result.skipped) == (2, 0, 3)
    with database.session() as session:
        stored = persons(session)
        hanako, ichiro = stored["山田 花子"], stored["鈴木 一郎"]
        assert hanako.furigana == "ヤマダ　ハナコ" and hanako.birth_date == date(2001, 7, 7)
        assert hanako.phone == "090-1234-5678" and hanako.postal_code == "0123456"
        assert (hanako.prefecture, hanako.address_line) == ("新潟県", "十日町市本町1-2")
        assert ichiro.furigana == "スズキ　イチロウ" and ichiro.birth_date == date(1998, 7, 24)
        assert ichiro.phone == "03-1234-5678" and ichiro.postal_code == "9494392"
        loaded = load_person_input(session, hanako.id)
        assert loaded.ties == ["大学・ゼミ"] and loaded.interests == ["農業", "料理"]
        assert session.execute(select(func.count()).select_from(Person)).scalar_one() == 3
        assert session.execute(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")).scalar_one() == 1


def test_duplicate_choices_update_merges_and_create_adds(database, tmp_path):
    with database.session() as session:
        existing = create_person(session, PersonInput(name="佐藤 次郎", furigana="サトウ ジロウ", phone="080-1111-2222",
                                                      affiliation="十日町高校"))
    path = xlsx(tmp_path / "dup.xlsx", [
        ["氏名", "フリガナ", "電話", "メール", "所属"],
        ["佐藤 次郎", "サトウ ジロウ", "080-1111-2222", "jiro@example.jp", ""],
        ["田中 三郎", "タナカ サブロウ", "070-1234-5678", "", ""],
        ["田中 三郎", "タナカ サブロウ", "07012345678", "saburo@example.jp", ""],
    ], title_rows=())
    plan, result = run_import(database, path, {"duplicate": "update"})
    assert (result.created, result.updated, result.skipped) == (1, 1, 0)
    with database.session() as session:
        stored = persons(session)
        assert stored["佐藤 次郎"].id == existing
        assert stored["佐藤 次郎"].email == "jiro@example.jp"
        assert stored["佐藤 次郎"].affiliation == "十日町高校"  # a blank cell does not erase
        assert stored["田中 三郎"].email == "saburo@example.jp"  # the second row merged into the first
    plan, result = run_import(database, path, {"duplicate": "create"})
    assert result.created == 3
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Person)).scalar_one() == 5


def test_per_row_choice_and_refused_choices(database, tmp_path):
    path = xlsx(tmp_path / "rows.xlsx", [["氏名", "フリガナ"], ["甲", "コウ"], ["", "オツ"]], title_rows=())
    with database.session() as session:
        plan = imports.build_plan(session, read_table(path))
        plan.set_action(0, "skip")
        with pytest.raises(KankeiError, match="3 行目"):
            plan.set_action(1, "create")  # an error row can only be skipped
        result = imports.commit_plan(session, plan)
    assert result.created == 0 and result.skipped == 2


def test_csv_in_cp932_and_with_bom(database, tmp_path):
    text = "氏名,フリガナ,郵便番号,生年月日\r\n高橋 三郎,タカハシ サブロウ,0012345,平成12年4月1日\r\n"
    (tmp_path / "sjis.csv").write_bytes(text.encode("cp932"))
    (tmp_path / "bom.csv").write_bytes(text.replace("高橋 三郎", "髙橋 𠮷郎").replace("0012345", "0012346").encode("utf-8-sig"))
    _plan, first = run_import(database, tmp_path / "sjis.csv")
    _plan, second = run_import(database, tmp_path / "bom.csv", actions={"duplicate": "create"})
    assert first.created == 1 and second.created == 1
    with database.session() as session:
        stored = persons(session)
        assert stored["高橋 三郎"].postal_code == "0012345" and stored["高橋 三郎"].birth_date == date(2000, 4, 1)
        assert stored["髙橋 𠮷郎"].postal_code == "0012346"


def test_mapping_fixed_by_hand_is_reused_for_the_next_file_of_that_shape(database, tmp_path):
    rows = [["会員名", "よみがな2", "好きな野菜"], ["森 花", "モリ ハナ", "なす"]]
    path = xlsx(tmp_path / "odd.xlsx", rows, title_rows=())
    with database.session() as session:
        with pytest.raises(KankeiError, match="氏名"):
            imports.build_plan(session, read_table(path))
        plan = imports.build_plan(session, read_table(path), mapping={0: "name", 1: "furigana", 2: "notes"})
        imports.commit_plan(session, plan)
    again = xlsx(tmp_path / "odd2.xlsx", [rows[0], ["林 竹", "ハヤシ タケ", "ねぎ"]], title_rows=())
    plan = plan_file(database, again)
    assert plan.mapping_source == "saved" and plan.mapping == {0: "name", 1: "furigana", 2: "notes"}
    assert plan.rows[0].data.notes == "ねぎ"


def test_mapping_by_header_names(database, tmp_path):
    path = xlsx(tmp_path / "odd.xlsx", [["会員名", "電話"], ["森 花", "0312345678"]], title_rows=())
    plan = plan_file(database, path, header_mapping={"会員名": "氏名", "電話": "phone"})
    assert plan.mapping == {0: "name", 1: "phone"} and plan.rows[0].data.phone == "03-1234-5678"
    with pytest.raises(KankeiError, match="「好み」という項目はありません"):
        plan_file(database, path, header_mapping={"会員名": "好み"})


def test_header_only_and_too_wide_sheets_are_refused_and_change_nothing(database, tmp_path):
    before = dump(database)
    header_only = xlsx(tmp_path / "header.xlsx", [["氏名", "フリガナ"]])
    wide = xlsx(tmp_path / "wide.xlsx", [["氏名"] + [f"列{i}" for i in range(199)], ["山田"] + ["x"] * 199], title_rows=())
    blank = xlsx(tmp_path / "blank.xlsx", [], title_rows=())
    for path, words in ((header_only, "見出しの行だけ"), (wide, "200 列"), (blank, "何も入力されていません")):
        with pytest.raises(ImportFileError, match=words):
            plan_file(database, path)
    assert dump(database) == before


def _big_file(path, count, bad_name_at=None):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("名簿")
    sheet.append(["氏名", "フリガナ", "電話番号"])
    for i in range(count):
        name = "失敗させる行" if i + 1 == bad_name_at else f"参加者{i}"
        kana = "".join("アイウエオカキクケコ"[int(d)] for d in str(i))
        sheet.append([name, f"サンカシャ{kana}", f"090{i:08d}"])
    book.save(path)
    return path


def test_a_failure_at_row_9999_of_10000_leaves_nothing(database, tmp_path):
    path = _big_file(tmp_path / "big.xlsx", 10_000, bad_name_at=9_999)
    # A real database failure on one row, raised by SQLite itself while inserting.
    connection = plain_sql.connect(database)
    if database.is_server:  # the same failure, raised by PostgreSQL
        connection.execute("CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                           "RAISE EXCEPTION 'disk said no'; END $$")
        connection.execute("CREATE TRIGGER fail_one BEFORE INSERT ON person FOR EACH ROW "
                           "WHEN (NEW.name = '失敗させる行') EXECUTE FUNCTION fail_one()")
    else:
        connection.execute("CREATE TRIGGER fail_one BEFORE INSERT ON person WHEN NEW.name = '失敗させる行' "
                           "BEGIN SELECT RAISE(ABORT, 'disk said no'); END")
    connection.commit()
    connection.close()
    before = [line for line in dump(database)]
    with pytest.raises(KankeiError, match="変更していません"):
        run_import(database, path)
    assert dump(database) == before
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Person)).scalar_one() == 0


def test_cancel_and_progress_and_backup_hook(database, tmp_path):
    path = _big_file(tmp_path / "big.xlsx", 5_000)
    before = dump(database)
    seen, calls = [], []
    with pytest.raises(imports.ImportCancelled):
        with database.session() as session:
            plan = imports.build_plan(session, read_table(path))
            imports.commit_plan(session, plan, progress=lambda done, total: seen.append((done, total)),
                                cancelled=lambda: len(seen) >= 2, before_commit=lambda: calls.append("backup"))
    assert calls == ["backup"] and seen[0] == (0, 5_000) and seen[1][0] > 0
    assert dump(database) == before
    with database.session() as session:
        plan = imports.build_plan(session, read_table(path))
        result = imports.commit_plan(session, plan, progress=lambda d, t: seen.append((d, t)))
    assert result.created == 5_000 and seen[-1] == (5_000, 5_000)


def test_round_trip_export_edit_reimport_updates_the_same_records(database, tmp_path):
    with database.session() as session:
        a = create_person(session, PersonInput(name="髙橋 𠮷郎", furigana="タカハシ キチロウ", postal_code="0123456",
                                               phone="090-1234-5678", birth_date=date(2001, 7, 7), ties=["出身者"],
                                               interests=["農業"], notes="=1+1 は式ではない"))
        b = create_person(session, PersonInput(name="山田 花子", furigana="ヤマダ ハナコ", postal_code="9494392",
                                               contact_ok=False))
        export(session, "persons", tmp_path / "persons.xlsx")
    book = openpyxl.load_workbook(tmp_path / "persons.xlsx")
    sheet = book["参加者"]
    headers = [c.value for c in sheet[1]]
    row_of = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(row_of[b], headers.index("所属") + 1, "新潟大学")
    sheet.cell(row_of[b], headers.index("連絡可否") + 1, "可")
    book.save(tmp_path / "edited.xlsx")

    plan, result = run_import(database, tmp_path / "edited.xlsx")
    # The untouched row is 変更なし already in the plan: the dry run and the import agree.
    assert (plan.counts()["update"], plan.counts()["unchanged"], plan.counts()["new"]) == (1, 1, 0)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Person)).scalar_one() == 2
        first, second = load_person_input(session, a), load_person_input(session, b)
        assert first.name == "髙橋 𠮷郎" and first.postal_code == "0123456" and first.birth_date == date(2001, 7, 7)
        assert first.phone == "090-1234-5678" and first.ties == ["出身者"] and first.interests == ["農業"]
        assert first.notes == "=1+1 は式ではない"
        assert second.affiliation == "新潟大学" and second.contact_ok is True and second.postal_code == "9494392"
        assert session.execute(select(func.count()).select_from(PersonTie).where(PersonTie.deleted_at.is_(None))).scalar_one() == 1
        assert session.execute(select(func.count()).select_from(PersonTag).where(PersonTag.deleted_at.is_(None))).scalar_one() == 1


def test_unknown_id_is_an_error_row(database, tmp_path):
    path = xlsx(tmp_path / "ids.xlsx", [["ID", "氏名"], ["00000000-0000-0000-0000-000000000000", "誰か"]], title_rows=())
    plan = plan_file(database, path)
    assert plan.rows[0].status == "error" and "見つかりません" in plan.rows[0].messages[0].message


def test_persons_with_enrollment(database, tmp_path):
    with database.session() as session:
        create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2025))
        create_programme(session, ProgrammeInput(name="お米レター", kind="お米レター", fiscal_year=2026))
    path = xlsx(tmp_path / "enrol.xlsx", [
        ["氏名", "フリガナ", "参加プログラム", "年度", "状況", "申込日"],
        ["山田 花子", "ヤマダ ハナコ", "お米レター", "令和7年度", "発送済", "2025/6/1"],
        ["鈴木 一郎", "スズキ イチロウ", "お米レター", 2025, "", "R7.6.2"],
        ["林 竹", "ハヤシ タケ", "お米レター", "", "", ""],
        ["森 花", "モリ ハナ", "お米レター", 2025, "存在しない段階", ""],
        ["田中 三郎", "タナカ サブロウ", "無いプログラム", 2025, "", ""],
    ], title_rows=())
    plan = plan_file(database, path)
    assert plan.kind == "enrollments"
    messages = {row.number: " ".join(m.text() for m in row.messages) for row in plan.rows}
    assert [row.status for row in plan.rows] == ["new", "new", "error", "error", "error"]
    assert "複数の年度" in messages[4] and "存在しない段階" in messages[5] and "無いプログラム" in messages[6]
    _plan, result = run_import(database, path)
    assert result.created == 2 and result.enrolled == 2
    with database.session() as session:
        rows = session.execute(
            select(Person.name, ProgrammeStage.name, Enrollment.applied_on)
            .join(Enrollment, Enrollment.person_id == Person.id).join(ProgrammeStage, ProgrammeStage.id == Enrollment.stage_id)
            .order_by(Enrollment.applied_on)
        ).all()
    assert rows == [("山田 花子", "発送済", date(2025, 6, 1)), ("鈴木 一郎", "対象者登録", date(2025, 6, 2))]


def test_result_report_and_preview_are_saved_as_xlsx_and_csv(database, tmp_path):
    path = xlsx(tmp_path / "r.xlsx", [["氏名", "電話"], ["甲", "1"], ["乙", ""]], title_rows=())
    with database.session() as session:
        plan = imports.build_plan(session, read_table(path))
        imports.write_report(imports.preview_table(plan), tmp_path / "preview.xlsx")
        result = imports.commit_plan(session, plan)
    imports.write_report(imports.report_table(result), tmp_path / "report.csv")
    imports.write_report(imports.report_table(result), tmp_path / "report.xlsx")
    preview = list(openpyxl.load_workbook(tmp_path / "preview.xlsx").active.iter_rows(values_only=True))
    assert preview[1][:3] == (2, "エラー", "取り込まない") and "電話" in preview[1][4]
    with open(tmp_path / "report.csv", encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["行", "列", "内容"] and "新規 1 件" in lines[1][2]
    assert lines[2][:2] == ["2", "電話"] and "桁数" in lines[2][2]
    report = list(openpyxl.load_workbook(tmp_path / "report.xlsx").active.iter_rows(values_only=True))
    assert report[2][0] == 2


def test_imported_and_updated_ties_keep_the_list_sort_key(database, tmp_path):
    """The bulk insert writes person.first_tie itself; the person_tie triggers must agree with it,
    and an update through the import must move it."""
    rows = [(n, f"参加者{n}", "さんかしゃ", None, None, None, None, None, ties, None)
            for n, ties in ((1, "出身者、大学・ゼミ"), (2, "大学・ゼミ"), (3, None))]
    run_import(database, xlsx(tmp_path / "ties.xlsx", [HEADER, *rows]), {"duplicate": "create"})

    def stored_and_expected():
        connection = plain_sql.connect(database)
        try:
            return connection.execute("""
                SELECT p.name, p.first_tie, (SELECT min(t.tie) FROM person_tie t
                                             WHERE t.person_id = p.id AND t.deleted_at IS NULL)
                FROM person p ORDER BY p.name""").fetchall()
        finally:
            connection.close()

    assert stored_and_expected() == [("参加者1", "出身者", "出身者"), ("参加者2", "大学・ゼミ", "大学・ゼミ"),
                                      ("参加者3", None, None)]
    with database.session() as session:
        export(session, "persons", tmp_path / "persons.xlsx")
    book = openpyxl.load_workbook(tmp_path / "persons.xlsx")
    sheet = book["参加者"]
    headers = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, headers.index("氏名") + 1).value == "参加者1":
            sheet.cell(row, headers.index("ゆかり") + 1, "大学・ゼミ")
    book.save(tmp_path / "edited.xlsx")
    run_import(database, tmp_path / "edited.xlsx")
    assert stored_and_expected()[0] == ("参加者1", "大学・ゼミ", "大学・ゼミ")


def test_reimporting_an_unedited_export_changes_nothing(database, tmp_path):
    """ゆかり and 関心 are sets: the order they come back in from a spreadsheet is not an edit."""
    with database.session() as session:
        create_person(session, PersonInput(name="髙橋 𠮷郎", furigana="タカハシ キチロウ", phone="025-751-2345",
                                           ties=["元居住者", "ふるさと納税寄附者", "出身者"], interests=["農業", "祭り"]))
        export(session, "persons", tmp_path / "persons.xlsx")
    book = openpyxl.load_workbook(tmp_path / "persons.xlsx")
    sheet = book["参加者"]
    headers = [c.value for c in sheet[1]]
    for header in ("ゆかり", "関心・スキル"):  # the coordinator re-sorts the words in the cell
        cell = sheet.cell(2, headers.index(header) + 1)
        cell.value = "、".join(reversed(str(cell.value).split("、")))
    book.save(tmp_path / "resorted.xlsx")
    before = dump(database)
    _plan, result = run_import(database, tmp_path / "resorted.xlsx")
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    persons_part = lambda lines: [line for line in lines if line.startswith('INSERT INTO "person')]  # noqa: E731
    assert persons_part(dump(database)) == persons_part(before)
