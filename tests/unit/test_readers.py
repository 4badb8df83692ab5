"""Reading spreadsheets: xlsx through calamine, CSV in UTF-8 / BOM / CP932, and bad files refused."""

from __future__ import annotations

import os
from datetime import date

import openpyxl
import pytest

from kankei_desktop.io.readers import ImportFileError, detect_encoding, read_table, sheet_names

ROWS = [["氏名", "フリガナ", "郵便番号"], ["山田 花子", "ヤマダ ハナコ", "0123456"], ["髙橋 𠮷郎", "タカハシ キチロウ", "9494392"]]


def write_csv(path, text: str, encoding: str) -> None:
    path.write_bytes(text.encode(encoding))


def test_xlsx_cells_keep_their_types_and_row_numbers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名簿"
    sheet["A3"] = "氏名"
    sheet["B3"] = "生年月日"
    sheet["A4"] = "山田 花子"
    sheet["B4"] = date(2001, 7, 7)
    book.create_sheet("その他")["A1"] = "x"
    book.save(tmp_path / "list.xlsx")

    assert sheet_names(tmp_path / "list.xlsx") == ["名簿", "その他"]
    table = read_table(tmp_path / "list.xlsx")
    assert table.sheet == "名簿" and table.sheet_names == ["名簿", "その他"]
    assert table.rows[2][:2] == ["氏名", "生年月日"]  # sheet row 3 stays row index 2
    assert table.rows[3][1] == date(2001, 7, 7)
    assert read_table(tmp_path / "list.xlsx", "その他").rows == [["x"]]
    with pytest.raises(ImportFileError, match="シート「無い」はありません"):
        read_table(tmp_path / "list.xlsx", "無い")


@pytest.mark.parametrize("encoding, expected", [("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8"), ("cp932", "cp932")])
def test_csv_encoding_is_detected(tmp_path, encoding, expected):
    rows = ROWS[:2]  # CP932 cannot hold 𠮷
    write_csv(tmp_path / "list.csv", "\r\n".join(",".join(r) for r in rows) + "\r\n", encoding)
    table = read_table(tmp_path / "list.csv")
    assert table.encoding == expected
    assert table.rows == rows


def test_utf8_csv_keeps_characters_outside_cp932_and_tsv_is_tab_separated(tmp_path):
    write_csv(tmp_path / "list.tsv", "\n".join("\t".join(r) for r in ROWS), "utf-8")
    assert read_table(tmp_path / "list.tsv").rows == ROWS


def test_encoding_can_be_overridden_and_a_wrong_choice_is_explained(tmp_path):
    write_csv(tmp_path / "list.csv", "氏名\n山田\n", "cp932")
    assert read_table(tmp_path / "list.csv", encoding="cp932").rows == [["氏名"], ["山田"]]
    with pytest.raises(ImportFileError, match="UTF-8 として読めません"):
        read_table(tmp_path / "list.csv", encoding="utf-8")


def test_mixed_encodings_are_refused_naming_lines(tmp_path):
    data = "氏名,住所\n".encode() + "山田,新潟\n".encode("cp932") + "佐藤,東京\n".encode()
    (tmp_path / "mixed.csv").write_bytes(data)
    with pytest.raises(ImportFileError) as error:
        read_table(tmp_path / "mixed.csv")
    assert "混在" in error.value.message and "2 行目" in error.value.message
    with pytest.raises(ImportFileError, match="混在"):
        detect_encoding(data, "mixed.csv")


def test_bad_files_get_a_clear_message(tmp_path):
    cases = {
        "renamed.xlsx": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
        "empty.xlsx": b"",
        "empty.csv": b"",
        "photo.xlsx": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        "broken.xlsx": b"PK\x03\x04" + b"\x00" * 200,
        "random.xlsx": os.urandom(1 << 20),
        "random.csv": os.urandom(1 << 20),
        # An encrypted workbook is an OLE container holding an "EncryptedPackage" stream.
        "locked.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512,
    }
    expected = {
        "renamed.xlsx": "PDF", "empty.xlsx": "空", "empty.csv": "空", "photo.xlsx": "画像",
        "broken.xlsx": "読めません", "random.xlsx": "読めません", "random.csv": "", "locked.xlsx": "パスワード",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ImportFileError) as error:
            read_table(tmp_path / name)
        assert name in error.value.message and expected[name] in error.value.message, error.value.message


def test_unknown_suffix_and_missing_file(tmp_path):
    (tmp_path / "list.pdf").write_bytes(b"%PDF")
    with pytest.raises(ImportFileError, match="取り込める形式ではありません"):
        read_table(tmp_path / "list.pdf")
    with pytest.raises(ImportFileError, match="見つかりません"):
        read_table(tmp_path / "nothing.xlsx")
