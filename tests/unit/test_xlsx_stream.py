"""The export's own xlsx writer, read back with two independent readers (openpyxl and calamine)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from xml.dom import minidom

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from kankei_desktop.io.writers import ExportError, Table, write_xlsx
from kankei_desktop.io.xlsx_stream import sheet_names

AWKWARD = [
    "a & b < c > d",
    "tab\tinside",
    "line\nbreak",
    "bell\x07 and nul\x00",
    "_x0041_ stays literal",
    "  edge spaces  ",
    "\u3000全角の空白\u3000",
    "絵文字 😀 と 𠮷",
    "'already quoted",
    '"double" quotes',
]


def _write(tmp_path, rows, kinds=("text",), headers=("値",)):
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [Table("シート", list(headers), list(kinds), rows)])
    return path


def test_awkward_text_comes_back_exactly_and_every_part_is_well_formed_xml(tmp_path):
    path = _write(tmp_path, [(text,) for text in AWKWARD])
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                minidom.parseString(archive.read(name))  # raises on anything malformed
    expected = [t.replace("\x00", "_x0000_").replace("\x07", "_x0007_") for t in AWKWARD]
    values = [r[0] for r in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)]
    # openpyxl leaves Excel's _xHHHH_ escapes as they are; Excel and calamine decode them.
    assert [v.replace("_x005F_x0041_", "_x0041_") for v in values] == expected
    calamine = [r[0] for r in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1:]]
    assert calamine[0] == "a & b < c > d" and calamine[5] == "  edge spaces  " and calamine[7] == "絵文字 😀 と 𠮷"


def test_dates_numbers_booleans_and_the_1900_corner(tmp_path):
    rows = [
        (date(2026, 11, 27), 42, 3.5, True),
        (datetime(2026, 11, 27, 12, 0), -7, 0.1, False),
        (date(1900, 1, 1), None, None, None),
        (date(1899, 12, 31), "12", "x", "はい"),
    ]
    path = _write(tmp_path, rows, ["date", "int", "number", "bool"], ["日付", "整数", "数", "可否"])
    sheet = openpyxl.load_workbook(path).active
    got = list(sheet.iter_rows(min_row=2, values_only=True))
    assert got[0] == (datetime(2026, 11, 27), 42, 3.5, "可")
    assert got[1] == (datetime(2026, 11, 27, 12, 0), -7, 0.1, "不可")
    assert got[2] == (datetime(1900, 1, 1), None, None, None)
    assert got[3] == ("1899/12/31", "12", "x", "はい")  # no serial before 1900; text stays text
    assert sheet["A2"].number_format == "yyyy/mm/dd" and sheet["B5"].data_type == "s"


def test_very_long_text_is_cut_at_excels_limit(tmp_path):
    path = _write(tmp_path, [("あ" * 40_000,)])
    assert len(openpyxl.load_workbook(path).active["A2"].value) == 32_767


def test_sheet_names_are_made_acceptable_to_excel():
    assert sheet_names(["参加者", "a/b:c", "'x'", "", "参加者", "A" * 40, "a" * 40]) == [
        "参加者", "a_b_c", "x", "Sheet4", "参加者_2", "A" * 31, "a" * 29 + "_2",
    ]


def test_empty_table_still_has_header_filter_and_frozen_row(tmp_path):
    path = _write(tmp_path, [], ["text", "date"], ["氏名", "日付"])
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["氏名", "日付"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:B2"


def test_a_sheet_longer_than_excel_allows_is_refused_and_nothing_is_written(tmp_path):
    target = tmp_path / "big.xlsx"
    with pytest.raises(ExportError, match="1,048,575 行"):
        write_xlsx(target, [Table("関わり", ["a"], ["text"], [("x",)] * 1_048_576)])
    assert list(tmp_path.iterdir()) == []
