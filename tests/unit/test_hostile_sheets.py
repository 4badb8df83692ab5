"""Hostile spreadsheets: bounded before the reader allocates, control characters removed, lengths limited.

The files are written by hand (zip + XML) so that each one is exactly the attack: one value
in XFD1048576, one enormous cell in the sheet or in the shared strings, cells without
references, a NUL escaped as _x0000_. Each would make calamine abort or take gigabytes.
"""

from __future__ import annotations

import zipfile

import pytest

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.limits import FREE_TEXT_MAX, length_errors, max_length
from kankei_desktop.domain.tables import Host, Person, Stay
from kankei_desktop.io import sheet_limits
from kankei_desktop.io.readers import ImportFileError, read_table, sheet_names
from kankei_desktop.services import imports
from kankei_desktop.services.hosts import HostInput, create_host
from kankei_desktop.services.participants import PersonInput, create_person

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="名簿" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
    ' Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"'
    ' Target="sharedStrings.xml"/></Relationships>'
)


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx(path, rows_xml: str, shared: list[str] = ()):
    """A workbook whose one sheet 名簿 holds ``rows_xml`` (the inside of <sheetData>)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{_MAIN}" count="{len(shared)}">'
                         + "".join(f"<si><t>{s}</t></si>" for s in shared) + "</sst>")
        archive.writestr("xl/worksheets/sheet1.xml",
                         f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>{rows_xml}</sheetData></worksheet>')
    return path


HEADER_ROW = '<row r="1">' + inline("A1", "氏名") + inline("B1", "フリガナ") + "</row>"


def test_a_normal_hand_written_file_reads(tmp_path):
    path = xlsx(tmp_path / "ok.xlsx", HEADER_ROW + '<row r="2">' + inline("A2", "山田 花子")
                + '<c r="B2" t="s"><v>0</v></c></row>', shared=["ヤマダ ハナコ"])
    assert sheet_names(path) == ["名簿"]
    assert read_table(path).rows == [["氏名", "フリガナ"], ["山田 花子", "ヤマダ ハナコ"]]


def test_one_value_in_the_last_cell_is_refused_before_reading(tmp_path):
    path = xlsx(tmp_path / "far.xlsx", HEADER_ROW + '<row r="1048576">' + inline("XFD1048576", "x") + "</row>")
    assert path.stat().st_size < 5000
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    message = caught.value.message
    assert "A1:XFD1048576（1,048,576 行 × 16,384 列）" in message and f"{sheet_limits.MAX_CELLS:,} セル" in message


def test_a_far_cell_in_a_near_row_is_seen(tmp_path):
    # The row element says row 1, the cell says row 1,048,576: calamine believes the cell.
    path = xlsx(tmp_path / "lie.xlsx", '<row r="1">' + inline("A1", "氏名") + inline("XFD1048576", "x") + "</row>")
    with pytest.raises(ImportFileError, match="XFD1048576"):
        read_table(path)


def test_cells_without_references_are_counted(tmp_path):
    path = xlsx(tmp_path / "noref.xlsx", "<row>" + "<c/>" * 20_000 + '</row><row r="1048576"><c t="inlineStr"><is><t>x</t></is></c></row>')
    with pytest.raises(ImportFileError, match="16,384 列|20,000 列|セル"):
        read_table(path)


def test_a_huge_cell_in_the_sheet_is_refused_without_reading_it(tmp_path):
    path = xlsx(tmp_path / "big.xlsx", HEADER_ROW + '<row r="2">' + inline("A2", "y" * 20_000_000) + "</row>")
    assert path.stat().st_size < 100_000
    with pytest.raises(ImportFileError, match="32,767 文字（1 つのセルに入る上限）を超える値"):
        read_table(path)


def test_a_huge_shared_string_is_refused_when_the_file_is_opened(tmp_path):
    path = xlsx(tmp_path / "shared.xlsx", HEADER_ROW + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>',
                shared=["z" * 300_000])
    with pytest.raises(ImportFileError, match="32,767 文字"):
        sheet_names(path)


def test_a_cell_at_excels_own_limit_is_read(tmp_path):
    path = xlsx(tmp_path / "limit.xlsx", HEADER_ROW + '<row r="2">' + inline("A2", "あ" * 32_767) + "</row>")
    assert len(read_table(path).rows[1][0]) == 32_767


def test_the_unpacked_size_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_limits, "MAX_UNCOMPRESSED", 50_000)
    path = xlsx(tmp_path / "wide.xlsx", HEADER_ROW + "".join(
        f'<row r="{n}">' + inline(f"A{n}", "山田 花子" * 10) + "</row>" for n in range(2, 400)))
    with pytest.raises(ImportFileError, match="展開すると .* MB"):
        read_table(path)


def test_escaped_control_characters_are_removed_and_noted(database, tmp_path):
    path = xlsx(tmp_path / "ctrl.xlsx", HEADER_ROW + '<row r="2">' + inline("A2", "山田_x0000_花子")
                + inline("B2", "ヤマダ_x001B_ハナコ") + "</row>")
    table = read_table(path)
    assert table.rows[1] == ["山田花子", "ヤマダハナコ"]
    assert table.notes == ["制御文字（NUL など）を取り除きました: 2 行目 A 列、2 行目 B 列"]
    with database.session() as session:
        plan = imports.build_plan(session, table)
    assert table.notes[0] in plan.notes


def test_a_nul_in_a_csv_with_a_bom_never_reaches_a_name(database, tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("\ufeff氏名,フリガナ,備考\r\n山田\x00花子,ヤマダ ハナコ,\"一行目\r\n二行目\tタブ\"\r\n".encode("utf-8"))
    table = read_table(path)
    assert table.rows[1] == ["山田花子", "ヤマダ ハナコ", "一行目\r\n二行目\tタブ"]  # tab and line break stay
    assert table.notes == ["制御文字（NUL など）を取り除きました: 2 行目 A 列"]
    with database.session() as session:
        plan = imports.build_plan(session, table)
        assert plan.rows[0].data.name == "山田花子"


def test_a_csv_cell_beyond_the_limit_and_too_many_cells_are_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("氏名,備考\n山田," + "x" * 40_000 + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="32,767 文字"):
        read_table(path)
    monkeypatch.setattr(sheet_limits, "MAX_CELLS", 100)
    path.write_text("氏名,備考\n" + "山田,x\n" * 200, encoding="utf-8")
    with pytest.raises(ImportFileError, match="上限（100 セル）"):
        read_table(path)


def test_column_letters_round_trip():
    for number in (1, 26, 27, 702, 703, 16_384):
        assert sheet_limits.column_number(sheet_limits.column_letters(number)) == number
    assert sheet_limits.column_letters(16_384) == "XFD"


# ---------------------------------------------------------------- maximum lengths


def test_limits_come_from_the_tables():
    assert max_length(Person, "email") == 254 and max_length(Person, "name") == 100
    assert max_length(Person, "notes") == FREE_TEXT_MAX and max_length(Stay, "purpose") == 200
    assert max_length(Person, "birth_date") is None
    assert length_errors(Host, {"email": "a" * 250 + "@x.jp"}) == {
        "email": "メールアドレスは254文字以内で入力してください（255文字あります）。"}


def test_every_text_field_of_a_person_is_bounded(session):
    with pytest.raises(ValidationError) as caught:
        create_person(session, PersonInput(name="山田 花子", email="a" * 250 + "@example.jp", affiliation="大" * 201,
                                           notes="x" * (FREE_TEXT_MAX + 1), interests=["長" * 101]))
    assert set(caught.value.errors) == {"email", "affiliation", "notes", "interests"}
    assert "254文字以内" in caught.value.errors["email"]


def test_a_host_name_and_notes_are_bounded(session):
    with pytest.raises(ValidationError) as caught:
        create_host(session, HostInput(name="農家", notes="x" * (FREE_TEXT_MAX + 1), contact_person="人" * 101))
    assert set(caught.value.errors) == {"notes", "contact_person"}


def test_an_import_row_with_a_too_long_email_is_an_error_naming_row_and_column(database, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("氏名,メールアドレス\n山田 花子," + "a" * 300 + "@example.jp\n", encoding="utf-8-sig")
    with database.session() as session:
        plan = imports.build_plan(session, read_table(path))
    [row] = plan.rows
    assert row.status == "error" and row.messages[0].text().startswith("2 行目「メールアドレス」: メールアドレスは254文字以内")


def test_a_stray_nul_without_bom_is_removed_but_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("氏名,フリガナ\n山田\x00 花子,ヤマダ ハナコ\n".encode())
    table = read_table(path)
    assert table.rows[1] == ["山田 花子", "ヤマダ ハナコ"] and table.notes
    path.write_bytes(b"\x00\x01\x02\x03" * 1000)
    with pytest.raises(ImportFileError, match="バイナリー"):
        read_table(path)


def test_one_long_shared_string_named_by_many_cells_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_limits, "MAX_TEXT", 5_000_000)
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}" t="s"><v>1</v></c></row>'
                   for n in range(2, 1_002))
    path = xlsx(tmp_path / "many.xlsx", HEADER_ROW + rows, shared=["長" * 30_000, "短い"])
    with pytest.raises(ImportFileError, match="合わせて約 .* MB"):
        read_table(path)
    # The same cells naming only the short string are fine: the exact count is used, not the worst case.
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>1</v></c></row>' for n in range(2, 1_002))
    path = xlsx(tmp_path / "short.xlsx", HEADER_ROW + rows + '<row r="1002"><c r="A1002" t="s"><v>0</v></c></row>',
                shared=["長" * 30_000, "短い"])
    assert len(read_table(path).rows) == 1002


def test_shared_string_lengths_across_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_limits, "_BLOCK", 7)
    path = xlsx(tmp_path / "s.xlsx", HEADER_ROW, shared=["a", "bbbbbbbbbb", "c"])
    with zipfile.ZipFile(path) as archive:
        lengths = sheet_limits._shared_lengths(archive, archive.getinfo("xl/sharedStrings.xml"))
    assert lengths[:2] == [len("<si><t>a</t></si>"), len("<si><t>bbbbbbbbbb</t></si>")] and len(lengths) == 3


def test_a_part_that_inflates_past_its_declared_size_is_refused(tmp_path):
    import struct
    import zlib

    rows = HEADER_ROW + '<row r="2">' + inline("A2", "山田 花子") + "</row>" + "".join(
        f'<row r="{n}">' + inline(f"A{n}", "x" * 50) + "</row>" for n in range(3, 20_000))
    path = xlsx(tmp_path / "forged.xlsx", rows)
    # Declare the sheet as its first 2,000 bytes, with the CRC of those bytes: zipfile stops there.
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        real = archive.read(info)
    prefix = real[:2000]
    raw = bytearray(path.read_bytes())
    central = 0
    for start in [i for i in range(len(raw)) if raw.startswith(b"PK\x01\x02", i)]:
        name_length = struct.unpack_from("<H", raw, start + 28)[0]
        if raw[start + 46: start + 46 + name_length] == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", raw, start + 16, zlib.crc32(prefix))
            struct.pack_into("<I", raw, start + 24, len(prefix))
            central = start
    assert central
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as archive:
        assert archive.read("xl/worksheets/sheet1.xml") == prefix  # what a zipfile reader alone would see
    # The limits are checked on those 2,000 bytes; calamine's zip reader stops at the declared size too.
    with pytest.raises(ImportFileError, match="larger than its declared uncompressed size"):
        read_table(path)


def test_programme_names_and_targets_are_bounded(session):
    from kankei_desktop.services.programmes import ProgrammeInput, TargetInput, create_programme

    with pytest.raises(ValidationError) as caught:
        create_programme(session, ProgrammeInput(name="ワーホリ", fiscal_year=2025, region="地" * 101,
                                                 targets=[TargetInput("x", "目" * 101, 10, "人")]))
    assert set(caught.value.errors) == {"region", "targets"} and "目標名は100文字以内" in caught.value.errors["targets"]


def test_a_zip_with_too_many_parts_is_refused_before_its_directory_is_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_limits, "MAX_PARTS", 50)
    path = xlsx(tmp_path / "parts.xlsx", HEADER_ROW)
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(60):
            archive.writestr(f"xl/media/image{number}.png", b"")
    with pytest.raises(ImportFileError, match="66 個の部品があり"):
        sheet_names(path)
