"""Turning one spreadsheet cell into the value we store.

Cells arrive as calamine gives them (str, float, int, bool, date, datetime) or
as CSV text. Each function returns the stored value or raises ``ValueError``
with a Japanese reason; the importer adds the row and the column.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from kankei_desktop.domain.calendar import parse_date
from kankei_desktop.domain.text import (
    cp932_round_trip,
    normalise_email,
    normalise_name,
    normalise_phone,
    normalise_postal_code,
    normalise_spaces,
    to_katakana,
)

# Excel's 1900 date system counts from 1899-12-30 (it keeps Lotus's 1900-02-29).
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 2_958_465)  # 1900-01-01 .. 9999-12-31
_TRAILING_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_LIST_SEPARATORS = re.compile(r"[、,，;；/／\n]+")
_PLAIN_DATE = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_FISCAL_YEAR = re.compile(r"^(令和|平成|R|H)?\s*(\d{1,4}|元)\s*年?度?$", re.IGNORECASE)

# What a leading apostrophe protected in an exported CSV (see writers.neutralise).
_DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

_YES = {"可", "はい", "○", "〇", "◯", "yes", "y", "true", "1", "ok", "有", "あり", "許可"}
_NO = {"不可", "いいえ", "×", "✕", "no", "n", "false", "0", "無", "なし", "否", "拒否"}


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _protected(text: str) -> bool:
    """Whether ``text`` (starting with ') is how writers.neutralise wrote a value: '=… or ''=…"""
    rest = text[1:]
    if rest[:1] == "'":
        rest = rest[1:]
    return bool(rest) and rest[0] in _DANGEROUS_FIRST


def cell_text(value) -> str:
    """A cell as text: 12.0 → "12", a date → 2025/05/03, protected CSV text without its apostrophe."""
    if type(value) is str:  # most cells: checked first
        if value[:1] == "'" and _protected(value):
            value = value[1:]
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%Y/%m/%d")
    if isinstance(value, timedelta):
        return str(value)
    text = str(value)
    if text.startswith("'") and _protected(text):
        text = text[1:]
    return text.strip()


_UNTIDY = re.compile(r"\s\s|[\u3000\t\n\r\f\v]")


def to_text(value) -> str:
    text = cell_text(value)
    # Most cells are already tidy; the regex substitution is only for those that are not.
    if text and (_UNTIDY.search(text) or text[0] == " " or text[-1] == " "):
        return normalise_spaces(text)
    return text


def to_date(value) -> date | None:
    """A date from a real date cell, an Excel serial, 20250503, or any form ``parse_date`` reads."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError("日付ではなく真偽値（TRUE/FALSE）が入っています。")
    if isinstance(value, (int, float)):
        return _from_serial(value)
    plain = _PLAIN_DATE.match(value) if isinstance(value, str) else None
    if plain:  # 2001/7/7 or 2001-07-07, the common case, without NFKC and the era patterns
        try:
            return date(int(plain[1]), int(plain[2]), int(plain[3]))
        except ValueError:
            raise ValueError(f"{value} は存在しない日付です。") from None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = _TRAILING_TIME.sub("", text)
    if text.isdigit() and len(text) <= 6:
        return _from_serial(int(text))
    compact = _COMPACT_DATE.match(text)
    if compact:
        try:
            return date(int(compact[1]), int(compact[2]), int(compact[3]))
        except ValueError:
            raise ValueError(f"{text} は存在しない日付です。") from None
    return parse_date(text)


def _from_serial(serial: float) -> date:
    if not float(serial).is_integer() and serial < _SERIAL_RANGE[0]:
        raise ValueError(f"「{serial}」は日付として読めません。")
    whole = int(serial)
    if not _SERIAL_RANGE[0] <= whole <= _SERIAL_RANGE[1]:
        raise ValueError(f"「{serial}」は日付として読めません（Excel の日付の範囲外です）。")
    if whole == 60:
        raise ValueError("「60」は Excel だけにある 1900/2/29 で、日付として使えません。")
    if whole < 60:  # before Excel's phantom leap day the count is one day shorter
        return _EXCEL_EPOCH + timedelta(days=whole + 1)
    return _EXCEL_EPOCH + timedelta(days=whole)


def to_name(value) -> str:
    """氏名: tidy spaces, half-width kana made full-width."""
    return normalise_name(cell_text(value))


def to_email(value) -> str:
    """メールアドレス folded to half-width (ｕｓｅｒ０４＠ｅｘａｍｐｌｅ．ｊｐ → user04@example.jp)."""
    return normalise_email(cell_text(value))


def keep_cp932_originals(stored, values: dict) -> dict[str, str]:
    """Compare an update's text ``values`` with the ``stored`` record (an object with those attributes).

    A value that is the stored text as a CP932 file writes it (〜 as ～) is set back to the
    stored text: it is no change. A value whose ? replaced characters CP932 cannot hold
    gives an error for that field: taking it would destroy them."""
    errors: dict[str, str] = {}
    for key, value in values.items():
        if value.__class__ is not str:
            continue
        old = getattr(stored, key, None)
        if old.__class__ is not str or old == value:
            continue
        found = cp932_round_trip(old, value)
        if found == "same":
            values[key] = old
        elif found == "lost":
            errors[key] = (f"「{value}」の ? は、登録されている「{old}」のうち Shift_JIS（CP932）で表せない文字を"
                           "置き換えたものです。取り込むと元の文字が失われるため、この行は取り込みません"
                           "（UTF-8 の CSV か Excel で書き出し直してください）。")
    return errors


# Fields whose converter depends on the field rather than on the column's kind.
FIELD_CONVERTERS = {"name": to_name, "person_name": to_name, "email": to_email}


def to_phone(value) -> str:
    return normalise_phone(cell_text(value))


def to_postal_code(value) -> str:
    """Seven digits; 〒949-4392, ９４９４３９２ and a number Excel shortened to 6 digits all work."""
    text = cell_text(value)
    if not text:
        return ""
    code = normalise_postal_code(text)
    if len(code) != 7:
        raise ValueError(f"郵便番号「{text}」は7桁ではありません（例: 949-4392）。")
    return code


def to_katakana_text(value) -> str:
    return to_katakana(cell_text(value))


def to_bool(value, default: bool) -> bool:
    if is_blank(value):
        return default
    if isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", cell_text(value)).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"「{cell_text(value)}」は 可／不可 として読めません。")


def to_int(value) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"「{value}」は整数ではありません。")
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", cell_text(value)).replace(",", "").replace("円", "").strip()
    try:
        return int(float(text)) if text.replace(".", "", 1).lstrip("-").isdigit() else int(text)
    except ValueError:
        raise ValueError(f"「{cell_text(value)}」は数として読めません。") from None


def to_fiscal_year(value) -> int | None:
    """2025, 2025年度, 令和7年度, R7 → 2025."""
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _plausible_year(int(value), value)
    text = unicodedata.normalize("NFKC", cell_text(value)).replace(" ", "")
    text = re.sub(r"[（(].*[）)]$", "", text)  # 令和7年度（2025年度）
    match = _FISCAL_YEAR.match(text)
    if not match:
        raise ValueError(f"「{cell_text(value)}」は年度として読めません（例: 2025、令和7年度）。")
    era, number = (match[1] or "").upper(), match[2]
    year = 1 if number == "元" else int(number)
    if era in ("令和", "R"):
        year += 2018
    elif era in ("平成", "H"):
        year += 1988
    return _plausible_year(year, value)


def _plausible_year(year: int, raw) -> int:
    if not 1900 <= year <= 2200:
        raise ValueError(f"「{cell_text(raw)}」は年度として読めません（例: 2025、令和7年度）。")
    return year


def split_list(value) -> list[str]:
    """「農業、料理」「農業,料理」「農業・料理」 (several values in one cell)."""
    text = cell_text(value)
    if not text:
        return []
    if not _LIST_SEPARATORS.search(text):
        return [normalise_spaces(text)]
    parts = _LIST_SEPARATORS.split(text)
    return [normalise_spaces(part) for part in parts if normalise_spaces(part)]


_PREFECTURE = re.compile(r"^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)")


def split_address(value) -> tuple[str, str]:
    """(都道府県, the rest) from a one-cell address."""
    text = to_text(value)
    match = _PREFECTURE.match(text)
    if not match:
        return "", text
    return match[1], text[match.end():].strip()


# ---------------------------------------------------------------- rows that are not records

# The numbering column of a roster: a row with only its number is an empty line of the form.
_NUMBER_HEADERS = frozenset(("no", "no.", "№", "#", "番号", "連番", "通し番号", "項番", "整理番号", "ナンバー"))
_SUMMARY_WORDS = frozenset(("合計", "計", "小計", "総計", "累計", "集計", "総数", "以上", "人数", "合計人数", "件数", "total", "subtotal"))
_COUNT = re.compile(r"^(?:合計|小計|総計|累計|総数|計)?[:：]?[0-9][0-9,.]*(?:名|人|件|組|世帯|通|個|泊|日|円|名様)?$")


def number_columns(headers: list) -> set[int]:
    """Columns whose header is a numbering (No., 番号, 連番 …)."""
    found = set()
    for index, header in enumerate(headers):
        text = unicodedata.normalize("NFKC", cell_text(header)).replace(" ", "").lower()
        if text in _NUMBER_HEADERS:
            found.add(index)
    return found


def _summary_cell(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if not isinstance(value, str):
        return False
    text = unicodedata.normalize("NFKC", value).replace(" ", "").rstrip(":：").lower()
    return text in _SUMMARY_WORDS or bool(_COUNT.match(text))


def row_kind(row: list, numbering: set[int]) -> str:
    """"blank" (nothing, or only its No.), "summary" (合計, 計, 以上, 「33名」, a lone number) or "data"."""
    seen = False
    for index, value in enumerate(row):
        if value is None or value == "" or index in numbering or is_blank(value):
            continue
        if not _summary_cell(value):
            return "data"  # most rows stop at their first filled cell
        seen = True
    return "summary" if seen else "blank"


def split_rows(rows: list[list], first_number: int, headers: list) -> tuple[list[tuple[int, list]], list[tuple[int, str]]]:
    """(data rows, summary rows) below the header: blank rows and No.-only rows left out,
    summary rows as (row number, their cells joined by " / ")."""
    numbering = number_columns(headers)
    data: list[tuple[int, list]] = []
    summary: list[tuple[int, str]] = []
    for number, row in enumerate(rows, first_number):
        kind = row_kind(row, numbering)
        if kind == "data":
            data.append((number, row))
        elif kind == "summary":
            shown = [cell_text(value) for index, value in enumerate(row) if index not in numbering and not is_blank(value)]
            summary.append((number, " / ".join(shown)))
    return data, summary


def summary_note(summary: list[tuple[int, str]]) -> str:
    shown = "、".join(f"{number} 行目「{text}」" for number, text in summary[:5])
    more = f" ほか {len(summary) - 5} 行" if len(summary) > 5 else ""
    return f"集計行（取り込みません）: {shown}{more}"
