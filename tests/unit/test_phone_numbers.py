"""Phone numbers are shown with hyphens where Japan's number plan puts them.

The expected splits were read from libphonenumber's plan (phonenumberslite 9.0.42),
not from a hand-made list of area codes.
"""

import sys

import pytest

from kankei_desktop.domain.text import digits_only, normalise_phone


@pytest.mark.parametrize("raw, expected", [
    ("0257512345", "025-751-2345"),   # 十日町: area code 025, exchange 75x (not 0257)
    ("0257-51-2345", "025-751-2345"),  # the old wrong split, typed back in, is corrected
    ("0465781234", "0465-78-1234"),   # 小田原: four-digit area code (not 046-578)
    ("0312345678", "03-1234-5678"),
    ("0612345678", "06-1234-5678"),
    ("0111234567", "011-123-4567"),
    ("0258783309", "0258-78-3309"),   # 長岡
    ("0499221234", "04992-2-1234"),   # 伊豆大島: five-digit area code
    ("0145621234", "01456-2-1234"),
    ("0996921234", "09969-2-1234"),
    ("0120123456", "0120-123-456"),
    ("08001234567", "0800-123-4567"),  # free dial, not an 080 mobile
    ("0570123456", "0570-123-456"),
    ("05012345678", "050-1234-5678"),
    ("09012345678", "090-1234-5678"),
    ("08012345678", "080-1234-5678"),
    ("07012345678", "070-1234-5678"),
])
def test_numbers_are_split_by_the_national_plan(raw, expected):
    assert normalise_phone(raw) == expected


def test_the_split_does_not_depend_on_the_subscriber_digits():
    # The split is remembered per 6-digit prefix: other numbers of the same exchange agree.
    assert normalise_phone("0257519999") == "025-751-9999"
    assert normalise_phone("0465780000") == "0465-78-0000"
    assert normalise_phone("0499225555") == "04992-2-5555"


@pytest.mark.parametrize("raw, expected", [
    ("０２５－７５１－２３４５", "025-751-2345"),
    ("０９０ー１２３４ー５６７８", "090-1234-5678"),
    (" 0465 78 1234 ", "0465-78-1234"),
    ("(0465)78-1234", "0465-78-1234"),
])
def test_full_width_and_spaced_input_is_normalised(raw, expected):
    assert normalise_phone(raw) == expected


def test_a_number_that_lost_its_leading_zero_gets_it_back():
    assert normalise_phone("9012345678") == "090-1234-5678"  # Excel read a mobile as a number
    assert normalise_phone("312345678") == "03-1234-5678"  # and a fixed line
    assert normalise_phone("257512345") == "025-751-2345"
    assert normalise_phone("200000000") == "200000000"  # 020… is no fixed line in the plan: kept as typed


@pytest.mark.parametrize("raw, expected", [
    ("+81 3-1234-5678", "03-1234-5678"),
    ("+81-90-1234-5678", "090-1234-5678"),
    ("+81 (0)465 78 1234", "0465-78-1234"),
    ("＋８１ ４９９２ ２ １２３４", "04992-2-1234"),
])
def test_international_japanese_numbers_are_shown_the_domestic_way(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("不明", "不明"),
    ("自宅なし", "自宅なし"),
    ("+1 212 555 0123", "+1 212 555 0123"),      # another country: as written
    ("03-1234-5678 内線12", "03-1234-5678 内線12"),  # an extension: too many digits to guess
    ("０３－１２３４", "03-1234"),                  # too short: half-width, unchanged
    ("0901234567", "0901234567"),                 # a mobile with a digit missing is not split
    ("0000000000", "0000000000"),
    ("01201234567", "01201234567"),               # free dial has 10 digits, not 11
    ("", ""),
])
def test_anything_else_is_returned_half_width_and_unchanged(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["0257512345", "０４９９２２１２３４", "+81 90 1234 5678", "9012345678", "不明 03-12"])
def test_no_digit_is_ever_lost(raw):
    shown = normalise_phone(raw)
    kept = digits_only(shown)
    typed = digits_only(raw)
    assert kept == typed or kept == "0" + typed or kept == "0" + typed[2:]  # lost zero / +81 only


def test_selftest_says_ng_when_the_plan_of_japan_is_not_shipped(monkeypatch, capsys):
    from kankei_desktop.cli.selftest import Report, check_phone_plan

    report = Report()
    check_phone_plan(report)
    assert report.failed == []
    # What a frozen build without phonenumbers' lazily imported region module looks like.
    monkeypatch.setitem(sys.modules, "phonenumbers.data.region_JP", None)
    check_phone_plan(report)
    assert report.failed == ["電話番号の区切り（phonenumbers）"]
    assert "[NG] 電話番号の区切り（phonenumbers）: 日本の番号計画が読めません" in capsys.readouterr().out
