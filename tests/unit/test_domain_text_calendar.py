from datetime import date

import pytest

from kankei_desktop.domain.calendar import fiscal_year_label, fiscal_year_of, fiscal_year_period, parse_date, wareki_date
from kankei_desktop.domain.text import fold, normalise_phone, normalise_postal_code, to_katakana


def test_folding_makes_kana_and_width_variants_equal():
    assert fold("やまだ") == fold("ヤマダ") == fold("ﾔﾏﾀﾞ")
    assert fold("０９０") == "090"
    assert to_katakana("ﾔﾏﾀﾞ たろう") == "ヤマダ　タロウ"


@pytest.mark.parametrize("raw, expected", [
    ("09012345678", "090-1234-5678"), ("９０１２３４５６７８", "090-1234-5678"),
    ("0312345678", "03-1234-5678"), ("0258783309", "0258-78-3309"), ("0252231234", "025-223-1234"),
])
def test_phone_numbers_are_half_width_with_hyphens(raw, expected):
    assert normalise_phone(raw) == expected


def test_postal_code_gets_back_a_lost_leading_zero():
    assert normalise_postal_code("〒０４０-０００１") == "0400001"
    assert normalise_postal_code("40001") == "40001"  # too short to guess: validation refuses it
    assert normalise_postal_code("400001") == "0400001"


def test_fiscal_years_run_april_to_march():
    assert fiscal_year_of(date(2027, 3, 31)) == 2026
    assert fiscal_year_of(date(2026, 4, 1)) == 2026
    assert fiscal_year_period(2026).start == date(2026, 4, 1)
    assert fiscal_year_period(2026, 4).end == date(2027, 3, 31)
    assert fiscal_year_label(2026) == "令和8年度（2026年度）"
    assert fiscal_year_label(2019) == "令和元年度（2019年度）"
    assert wareki_date(date(2026, 11, 27)) == "令和8年11月27日"


@pytest.mark.parametrize("text, expected", [
    ("2001/7/7", date(2001, 7, 7)), ("2001-07-07", date(2001, 7, 7)), ("H13.7.7", date(2001, 7, 7)),
    ("平成13年7月7日", date(2001, 7, 7)), ("令和元年5月1日", date(2019, 5, 1)), ("R7.5.3", date(2025, 5, 3)),
])
def test_dates_typed_in_western_or_era_form(text, expected):
    assert parse_date(text) == expected


def test_impossible_dates_are_named():
    with pytest.raises(ValueError, match="2025/04/31"):
        parse_date("2025/04/31")


def test_file_sizes_read_as_people_read_them():
    from kankei_desktop.domain.text import file_size

    assert [file_size(n) for n in (0, 300, 2048, 1536 * 1024, 1_032_454_144, 3 * 1024**3)] == [
        "1 KB", "1 KB", "2 KB", "1.5 MB", "984.6 MB", "3.0 GB"]
