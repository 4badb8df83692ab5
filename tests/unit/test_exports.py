"""Exports read back with independent readers: openpyxl for xlsx, the csv module for CSV."""

from __future__ import annotations

import csv
import zipfile
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import AuditEntry, Host, Interaction, Letter, Shipment, Stay, StayParticipant
from kankei_desktop.io.writers import ExportError, Table, write_csv, write_xlsx
from kankei_desktop.services.exports import export
from kankei_desktop.services.participants import PersonInput, create_person

DANGEROUS = ["=HYPERLINK(\"http://x\")", "+81 90", "-1", "@SUM(A1)", "\tタブ", "\r改行", "＝１＋１", "＋８１", "－", "＠人"]


@pytest.fixture
def people(database):
    with database.session() as session:
        ids = {
            "hanako": create_person(session, PersonInput(
                name="髙橋 𠮷郎", furigana="タカハシ キチロウ", postal_code="0123456", phone="090-1234-5678",
                birth_date=date(2001, 7, 7), notes="〜よろしく〜", ties=["出身者", "大学・ゼミ"])),
            "nocontact": create_person(session, PersonInput(name="連絡 不可子", furigana="レンラク フカコ", contact_ok=False)),
        }
        for number, text in enumerate(DANGEROUS):
            ids[f"d{number}"] = create_person(session, PersonInput(name=f"危険{number}", notes=text))
    return ids


def test_persons_xlsx_has_real_dates_text_codes_frozen_header_autofilter_and_widths(database, people, tmp_path):
    with database.session() as session:
        result = export(session, "persons", tmp_path / "persons.xlsx")
    assert result.rows == 12
    sheet = openpyxl.load_workbook(tmp_path / "persons.xlsx")["参加者"]
    headers = [c.value for c in sheet[1]]
    assert headers[:8] == ["ID", "氏名", "フリガナ", "生年月日", "性別", "メールアドレス", "電話番号", "郵便番号"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == people["hanako"])
    cell = {h: c for h, c in zip(headers, row)}
    assert cell["生年月日"].is_date and cell["生年月日"].value.date() == date(2001, 7, 7)
    assert cell["郵便番号"].value == "0123456" and cell["郵便番号"].data_type == "s"
    assert cell["電話番号"].value == "090-1234-5678" and cell["ID"].data_type == "s"
    assert cell["氏名"].value == "髙橋 𠮷郎" and cell["ゆかり"].value == "出身者、大学・ゼミ"
    assert cell["連絡可否"].value == "可"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(headers))}13"
    assert sheet.column_dimensions["A"].width > 30  # a UUID fits


def test_no_cell_is_ever_a_formula(database, people, tmp_path):
    with database.session() as session:
        export(session, "all", tmp_path / "all.xlsx")
        export(session, "persons", tmp_path / "persons.csv")
    sheet = openpyxl.load_workbook(tmp_path / "all.xlsx")["参加者"]
    notes_col = [c.value for c in sheet[1]].index("備考")
    notes = {}
    for row in sheet.iter_rows(min_row=2):
        assert all(c.data_type != "f" for c in row)
        # Excel's escape for a carriage return, which openpyxl leaves as it is.
        notes[(row[notes_col].value or "").replace("_x000D_", "\r")] = row[notes_col]
    for text in DANGEROUS:
        assert notes[text].data_type == "s" and notes[text].quotePrefix
    with zipfile.ZipFile(tmp_path / "all.xlsx") as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    with open(tmp_path / "persons.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    notes_csv = {row[rows[0].index("氏名")]: row[rows[0].index("備考")] for row in rows[1:]}
    for number, _text in enumerate(DANGEROUS):
        assert notes_csv[f"危険{number}"].startswith("'")


def test_csv_is_utf8_with_bom_by_default_and_cp932_on_request_reporting_rows(database, people, tmp_path):
    with database.session() as session:
        export(session, "persons", tmp_path / "utf8.csv")
        with pytest.raises(ExportError, match="12 行目「氏名」: 「𠮷」"):  # refused unless substitution is chosen
            export(session, "persons", tmp_path / "sjis.csv", encoding="cp932")
        assert not (tmp_path / "sjis.csv").exists()
        result = export(session, "persons", tmp_path / "sjis.csv", encoding="cp932", substitute=True)
    raw = (tmp_path / "utf8.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(tmp_path / "utf8.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    names = [r[1] for r in rows[1:]]
    assert "髙橋 𠮷郎" in names
    hanako = next(r for r in rows if r[1] == "髙橋 𠮷郎")
    assert hanako[rows[0].index("郵便番号")] == "0123456" and hanako[rows[0].index("生年月日")] == "2001/07/07"

    with open(tmp_path / "sjis.csv", encoding="cp932", newline="") as handle:
        rows = list(csv.reader(handle))
    line = next(number for number, r in enumerate(rows, 1) if r[0] == people["hanako"])
    assert rows[line - 1][1] == "髙橋 ?郎"  # 髙 is in CP932, 𠮷 is not
    assert rows[line - 1][rows[0].index("備考")] == "～よろしく～"  # 〜 written as the CP932 wave dash
    assert len(result.warnings) == 1 and f"{line} 行目「氏名」" in result.warnings[0] and "𠮷" in result.warnings[0]


def test_refused_contact_can_be_excluded_and_every_export_is_audited(database, people, tmp_path):
    with database.session() as session:
        result = export(session, "persons", tmp_path / "p.xlsx", exclude_no_contact=True)
        assert result.rows == 11
        entries = session.execute(select(AuditEntry.entity, AuditEntry.changes_json).where(AuditEntry.action == "export")).all()
    assert entries[0][0] == "persons" and '"exclude_no_contact": true' in entries[0][1]
    names = [r[1] for r in openpyxl.load_workbook(tmp_path / "p.xlsx").active.iter_rows(min_row=2, values_only=True)]
    assert "連絡 不可子" not in names


def test_whole_database_one_sheet_per_entity(database, people, tmp_path):
    pid = people["hanako"]
    with database.session() as session:
        host = Host(name="農家民宿やまびこ", kind="宿泊施設")
        session.add(host)
        session.flush()
        stay = Stay(host_id=host.id, lodging_id=host.id, start_on=date(2025, 8, 1), end_on=date(2025, 8, 3), kind="短期滞在")
        session.add(stay)
        session.flush()
        session.add(StayParticipant(stay_id=stay.id, person_id=pid))
        session.add(Letter(direction="地域→参加者", person_id=pid, host_id=host.id, written_on=date(2025, 9, 1), summary="新米です"))
        session.add(Shipment(person_id=pid, host_id=host.id, contents="コシヒカリ 5kg", tracking_number="0123-4567-8901",
                             shipped_on=date(2025, 10, 1), cost_yen=1200))
        session.add(Interaction(person_id=pid, kind="イベント参加", occurred_on=date(2025, 7, 7), note="+1 参加"))
        session.flush()
        export(session, "all", tmp_path / "all.xlsx")
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames == ["参加者", "参加登録", "滞在", "手紙", "発送", "関わり", "受入先", "独自指標の値"]
    stays = list(book["滞在"].iter_rows(values_only=True))
    assert stays[1][1:5] == (pid, "髙橋 𠮷郎", "農家民宿やまびこ", "農家民宿やまびこ") and stays[1][5].date() == date(2025, 8, 1)
    letters = list(book["手紙"].iter_rows(values_only=True))
    assert letters[1][3:5] == ("農家民宿やまびこ", "髙橋 𠮷郎")
    shipment = list(book["発送"].iter_rows(values_only=True))[1]
    assert shipment[9] == "0123-4567-8901" and shipment[15] == 1200  # after プログラム, 年度
    assert list(book["関わり"].iter_rows(values_only=True))[1][7:] == (None, "+1 参加")  # 金額（円）, 備考
    assert book["関わり"]["I2"].quotePrefix
    assert list(book["受入先"].iter_rows(values_only=True))[1][1:3] == ("農家民宿やまびこ", "宿泊施設")


def test_bad_targets_are_refused(database, people, tmp_path):
    with database.session() as session:
        with pytest.raises(ValidationError, match="1つの CSV"):
            export(session, "all", tmp_path / "all.csv")
        with pytest.raises(ValidationError, match=".xlsx か .csv"):
            export(session, "persons", tmp_path / "p.pdf")
        with pytest.raises(ExportError, match="フォルダー"):
            export(session, "persons", tmp_path / "missing" / "p.xlsx")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.xlsx"
    write_xlsx(target, [Table("a", ["x"], ["text"], [("old",)])])
    csv_target = tmp_path / "out.csv"
    write_csv(csv_target, Table("a", ["x"], ["text"], [("old",)]))

    def broken_rows():
        yield ("new",)
        raise RuntimeError("crash while writing")

    for _path, writer in ((target, lambda: write_xlsx(target, [Table("a", ["x"], ["text"], broken_rows())])),
                         (csv_target, lambda: write_csv(csv_target, Table("a", ["x"], ["text"], broken_rows())))):
        with pytest.raises(RuntimeError):
            writer()
    assert openpyxl.load_workbook(target).active["A2"].value == "old"
    assert csv_target.read_text(encoding="utf-8-sig").splitlines()[1] == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.xlsx"]


