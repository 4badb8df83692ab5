"""Japanese text rules: folding for search, フリガナ, phones, postal codes, e-mail.

Folding makes やまだ, ヤマダ and ﾔﾏﾀﾞ the same key, and ０９０ the same as 090.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import jaconv

_SPACES = re.compile(r"[\s\u3000]+")
_HALF_WIDTH_KANA = re.compile(r"[\uff61-\uff9f]")
_KATAKANA_ONLY = re.compile(r"^[\u30A0-\u30FF\u30FC\s\u3000・]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# C0 controls but tab, LF and CR; DEL; C1 controls. None belongs in a cell or a field.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def fold(text: str) -> str:
    """The search key of a text: NFKC, katakana, lower case, no spaces."""
    if not text:
        return ""
    if text.isascii():
        # NFKC and hiragana→katakana leave ASCII alone, and str.split() and the regex \s agree on
        # what white space is: the same key at a fraction of the cost (bulk import folds every cell).
        return "".join(text.split()).lower()
    folded = unicodedata.normalize("NFKC", text)
    folded = jaconv.hira2kata(folded)
    return _SPACES.sub("", folded).lower()


def strip_control(text: str) -> str:
    """``text`` without control characters (tab and line breaks stay)."""
    return CONTROL_CHARACTERS.sub("", text)


# Characters Python's cp932 codec refuses although Windows shows an equivalent (written as that).
CP932_EQUIVALENTS = str.maketrans({
    "\u301c": "\uff5e",  # 〜 → ～
    "\u2212": "\uff0d",  # − → －
    "\u2016": "\u2225",  # ‖ → ∥
    "\u00a2": "\uffe0", "\u00a3": "\uffe1", "\u00ac": "\uffe2",
    "\u2014": "\u2015",  # — → ―
    "\u00a0": " ",
})


def fits_cp932(ch: str) -> bool:
    try:
        ch.encode("cp932")
        return True
    except UnicodeEncodeError:
        return False


def cp932_round_trip(stored: str, incoming: str) -> str:
    """How ``incoming`` relates to ``stored`` through a CP932 file.

    "same": ``incoming`` is ``stored`` as CP932 writes it (〜 came back as ～): no change.
    "lost": ``incoming`` is ``stored`` with the characters CP932 cannot hold turned into ?:
    taking it would destroy them. "" for anything else (an ordinary edit).
    """
    if stored == incoming or not stored or not incoming or stored.isascii():
        return "same" if stored == incoming else ""
    written = stored.translate(CP932_EQUIVALENTS)
    if written == incoming:
        return "same"
    if "?" in incoming and "".join(ch if fits_cp932(ch) else "?" for ch in written) == incoming:
        return "lost"
    return ""


def normalise_spaces(text: str) -> str:
    """Trim and collapse runs of half- or full-width spaces into one space."""
    return _SPACES.sub(" ", text or "").strip()


def normalise_name(text: str) -> str:
    """A name as stored: spaces tidied, half-width kana (ﾔﾏﾀﾞ) made full-width (ヤマダ); nothing else changes."""
    text = normalise_spaces(text)
    if not text.isascii() and _HALF_WIDTH_KANA.search(text):
        text = jaconv.h2z(text, kana=True, ascii=False, digit=False)
    return text


def normalise_email(text: str) -> str:
    """An e-mail address as stored: full-width letters and marks (ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｊｐ) made half-width, no spaces."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub("", text)


def to_katakana(text: str) -> str:
    """フリガナ as stored: full-width katakana, from hiragana or half-width kana."""
    text = unicodedata.normalize("NFKC", normalise_spaces(text))
    return jaconv.hira2kata(text).replace(" ", "　")


def is_katakana(text: str) -> bool:
    return bool(_KATAKANA_ONLY.match(text))


_NON_DIGITS = re.compile(r"[^0-9]")


def digits_only(text: str) -> str:
    text = text or ""
    if text.isascii():  # the usual case, and NFKC leaves ASCII alone: skip the per-character walk
        return _NON_DIGITS.sub("", text)
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())


# 11-digit numbers have no area code: mobiles, IP phones, M2M and FMC are 3-4-4.
_ELEVEN_DIGIT_3_4_4 = ("070", "080", "090", "050", "020", "060")


@functools.cache
def _fixed_line_cuts(prefix: str) -> tuple[int, ...]:
    """Where the hyphens go in a 10-digit number starting with ``prefix`` (its first 6 digits).

    Area code plus local exchange are always 6 digits in Japan, so the subscriber's last
    4 digits never move a hyphen: one look-up in libphonenumber's plan per prefix is enough
    (at most 100,000 of them; a region's file has a few hundred). An empty tuple means the
    plan has no such numbers, or the plan could not be loaded: the number is left as typed.
    """
    sample = prefix + "0000"
    try:
        # Imported here: the package costs ~40 ms, which start-up should not pay.
        from phonenumbers import PhoneNumber, PhoneNumberFormat, format_number

        shown = format_number(PhoneNumber(country_code=81, national_number=int(sample[1:])),
                              PhoneNumberFormat.NATIONAL)
    except ImportError:  # a build without the region data; `selftest` reports it
        return ()
    if shown.replace("-", "") != sample:  # 00…, or a plan the library cannot show
        return ()
    cuts, seen = [], 0
    for char in shown:
        if char == "-":
            cuts.append(seen)
        else:
            seen += 1
    return tuple(cuts)


def normalise_phone(text: str) -> str:
    """Half-width digits with hyphens where the number plan puts them.

    Fixed lines follow the national plan (025-751-2345, 0465-78-1234, 04992-2-1234);
    +81 numbers are shown the domestic way. Anything that is not a plausible Japanese
    number is returned as half-width text without guessing, so nothing the coordinator
    typed is lost.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return ""
    digits = digits_only(raw)
    if raw.startswith("+"):
        if not digits.startswith("81"):
            return raw  # another country's number: kept as written
        digits = digits[2:]
        if not digits.startswith("0"):  # "+81 (0)3 …" already has it
            digits = "0" + digits
    elif len(digits) in (9, 10) and not digits.startswith("0"):
        digits = "0" + digits  # Excel dropped the leading zero (a fixed line has 9 digits left)
    if len(digits) == 11:
        if digits.startswith("0800"):  # free dial, before 080 mobiles
            return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
        if digits.startswith(_ELEVEN_DIGIT_3_4_4):
            return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
        return raw
    if len(digits) == 10 and digits.startswith("0"):
        if digits.startswith("0120"):
            return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
        cuts = _fixed_line_cuts(digits[:6])
        if len(cuts) == 2:
            first, second = cuts
            return f"{digits[:first]}-{digits[first:second]}-{digits[second:]}"
        if cuts:
            bounds = (0, *cuts, 10)
            return "-".join(digits[a:b] for a, b in zip(bounds, bounds[1:]))
    return raw


def is_plausible_phone(text: str) -> bool:
    digits = digits_only(text)
    return 10 <= len(digits) <= 11 or (text.startswith("+") and 8 <= len(digits) <= 15)


def normalise_postal_code(text: str) -> str:
    """Seven digits, no hyphen; a code Excel shortened to six digits gets its zero back."""
    digits = digits_only(text)
    if len(digits) == 6:
        digits = "0" + digits
    return digits


def format_postal_code(code: str) -> str:
    return f"〒{code[:3]}-{code[3:]}" if len(code) == 7 else code


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with its wildcards escaped (ESCAPE '\\')."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# The person fields the derived columns below are made of: a writer that changes one re-derives them.
PERSON_SEARCH_SOURCES = ("name", "furigana", "email", "phone")


def person_search_columns(name: str, furigana: str, email: str, phone: str) -> tuple[str, str]:
    """(furigana_sort, search_text) of a person, derived from its stored values. Every writer of a
    person row (the editor, merge, bulk import, the office exchange) sets both through this.

    ``furigana_sort`` is the folded フリガナ the lists sort by. ``search_text`` is what the
    participants search looks in: folded name, フリガナ, e-mail and phone; the phone goes in
    twice, as written (090-1234-5678) and as bare digits, so either form typed in the search
    box finds it.
    """
    kana_key = fold(furigana)
    parts = (fold(name), kana_key, fold(email), fold(phone), digits_only(phone))
    return kana_key, "\x1f".join(part for part in parts if part)


def file_size(size_bytes: int) -> str:
    """A file size as a person reads it: 12 KB, 3.4 MB, 1.2 GB (1 KB = 1,024 bytes, as Explorer)."""
    value, unit = max(size_bytes, 0) / 1024, "KB"
    for bigger in ("MB", "GB", "TB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    if unit == "KB":
        return f"{max(1, round(value)):,} KB"
    return f"{value:,.1f} {unit}"
