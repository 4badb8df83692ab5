"""Cell normalising: dates in every form coordinators use, codes keeping their zeros, headers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kankei_desktop.io import normalise as cells
from kankei_desktop.io.columns import auto_mapping, fold_header, header_signature, recognise


@pytest.mark.parametrize(
    "value",
    [45780, 45780.0, "45780", "2025/5/3", "2025-05-03", "2025年5月3日", "R7.5.3", "r7.5.3", "令和7年5月3日",
     "２０２５／５／３", "Ｒ７．５．３", "2025/05/03 00:00:00", "20250503", date(2025, 5, 3), datetime(2025, 5, 3, 9, 30)],
)
def test_dates_in_every_form(value):
    assert cells.to_date(value) == date(2025, 5, 3)


@pytest.mark.parametrize("value, expected", [
    ("平成12年4月1日", date(2000, 4, 1)), ("H12.4.1", date(2000, 4, 1)), ("令和元年5月1日", date(2019, 5, 1)),
    ("S60.1.15", date(1985, 1, 15)), (1, date(1900, 1, 1)), (None, None), ("  ", None),
])
def test_era_dates_and_blanks(value, expected):
    assert cells.to_date(value) == expected


@pytest.mark.parametrize("value", ["2025/4/31", "令和7年13月1日", "あした", -3, 3_000_000, True])
def test_impossible_dates_are_refused_with_a_reason(value):
    with pytest.raises(ValueError) as error:
        cells.to_date(value)
    assert str(error.value)


def test_postal_codes_keep_or_regain_their_leading_zero():
    assert cells.to_postal_code("0123456") == "0123456"
    assert cells.to_postal_code(123456.0) == "0123456"  # Excel turned it into a number
    assert cells.to_postal_code("〒０１２－３４５６") == "0123456"
    assert cells.to_postal_code(9494392) == "9494392"
    assert cells.to_postal_code("") == ""
    with pytest.raises(ValueError, match="7桁"):
        cells.to_postal_code("12")


def test_phones_are_half_width_with_hyphens_and_get_their_zero_back():
    assert cells.to_phone(9012345678.0) == "090-1234-5678"
    assert cells.to_phone(312345678.0) == "03-1234-5678"  # a fixed line Excel read as a number
    assert cells.to_phone("０９０－１２３４－５６７８") == "090-1234-5678"
    assert cells.to_phone("025-123-4567") == "025-123-4567"
    assert cells.to_phone(None) == ""


def test_text_cells():
    assert cells.cell_text(12.0) == "12"
    assert cells.cell_text(12.5) == "12.5"
    assert cells.cell_text("'=SUM(A1)") == "=SUM(A1)"  # our own CSV protection comes off
    assert cells.cell_text("'quoted") == "'quoted"
    assert cells.to_text("  山田　　花子 ") == "山田 花子"
    assert cells.to_katakana_text("やまだ はなこ") == "ヤマダ　ハナコ"
    assert cells.to_katakana_text("ﾔﾏﾀﾞ ﾊﾅｺ") == "ヤマダ　ハナコ"


def test_yes_no_fiscal_years_numbers_lists_and_addresses():
    assert cells.to_bool("不可", True) is False and cells.to_bool("○", False) is True
    assert cells.to_bool("", True) is True
    with pytest.raises(ValueError):
        cells.to_bool("たぶん", True)
    assert cells.to_fiscal_year("令和7年度") == cells.to_fiscal_year(2025.0) == cells.to_fiscal_year("R7") == 2025
    assert cells.to_fiscal_year("令和7年度（2025年度）") == 2025
    assert cells.to_fiscal_year("２０２５年度") == 2025
    assert cells.to_int("１，２００円") == 1200
    assert cells.split_list("農業、料理,写真") == ["農業", "料理", "写真"]
    assert cells.split_address("新潟県十日町市本町1-2") == ("新潟県", "十日町市本町1-2")
    assert cells.split_address("十日町市本町1") == ("", "十日町市本町1")


def test_header_variants_are_recognised_after_folding():
    assert recognise("お名前") == "name"
    assert recognise("ふりがな") == recognise("フリガナ") == recognise("ﾌﾘｶﾞﾅ") == "furigana"
    assert recognise("Ｅ－ｍａｉｌ") == recognise("E-mail") == recognise("email") == "email"
    assert recognise("TEL") == recognise("携帯") == "phone"
    assert recognise("〒") == recognise("郵便 番号") == "postal_code"
    assert recognise("参加プログラム") == "programme"
    assert recognise("好きな食べ物") is None
    assert fold_header(" 氏　名 ") == "氏名"
    # The first column wins a field; the second stays unmapped.
    assert auto_mapping(["氏名", "名前", "電話"], "persons") == {0: "name", 2: "phone"}
    assert header_signature(["氏名", "ＴＥＬ"]) == header_signature([" 氏名", "tel", None])
