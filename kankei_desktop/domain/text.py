"""Japanese text rules: folding for search, フリガナ, phones, postal codes, e-mail.

Folding makes やまだ, ヤマダ and ﾔﾏﾀﾞ the same key, and ０９０ the same as 090.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

_SPACES = re.compile(r"[\s\u3000]+")
_KATAKANA_ONLY = re.compile(r"^[\u30A0-\u30FF\u30FC\s\u3000・]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def fold(text: str) -> str:
    """The search key of a text: NFKC, katakana, lower case, no spaces."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text)
    folded = jaconv.hira2kata(folded)
    return _SPACES.sub("", folded).lower()


def normalise_spaces(text: str) -> str:
    """Trim and collapse runs of half- or full-width spaces into one space."""
    return _SPACES.sub(" ", text or "").strip()


def to_katakana(text: str) -> str:
    """フリガナ as stored: full-width katakana, from hiragana or half-width kana."""
    text = unicodedata.normalize("NFKC", normalise_spaces(text))
    return jaconv.hira2kata(text).replace(" ", "　")


def is_katakana(text: str) -> bool:
    return bool(_KATAKANA_ONLY.match(text))


def furigana_sort_key(furigana: str) -> str:
    return fold(furigana)


_NON_DIGITS = re.compile(r"[^0-9]")


def digits_only(text: str) -> str:
    text = text or ""
    if text.isascii():  # the usual case, and NFKC leaves ASCII alone: skip the per-character walk
        return _NON_DIGITS.sub("", text)
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())


# Area-code lengths for fixed lines; mobiles and IP phones are 3-4-4.
_MOBILE_PREFIXES = ("070", "080", "090", "050", "020")
_FOUR_DIGIT_AREAS = ("0256", "0254", "0255", "0257", "0258", "0259", "0250", "0820", "0833", "0835", "0836", "0837", "0838", "0834", "0827")
_TWO_DIGIT_AREAS = ("03", "06")
_THREE_DIGIT_AREAS_FIRST = ("011", "022", "025", "045", "052", "075", "078", "082", "083", "092", "044", "048", "042", "043", "047", "049", "026", "027", "028", "029", "054", "055", "058", "059", "072", "073", "076", "077", "079", "086", "087", "088", "089", "093", "095", "096", "097", "098", "099")


def normalise_phone(text: str) -> str:
    """Half-width digits with hyphens where the number plan makes them clear.

    Anything that is not a plausible Japanese number is returned as half-width
    text without guessing, so nothing the coordinator typed is lost.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return ""
    digits = digits_only(raw)
    if len(digits) == 10 and not digits.startswith("0") and not raw.startswith("+"):
        digits = "0" + digits  # Excel dropped the leading zero
    if len(digits) == 11 and digits.startswith(_MOBILE_PREFIXES):
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 11 and digits.startswith("0120"):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if len(digits) == 10 and digits.startswith("0"):
        if digits.startswith(_TWO_DIGIT_AREAS):
            return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
        if digits.startswith(_FOUR_DIGIT_AREAS):
            return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
        if digits.startswith("0120"):
            return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
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


def person_search_text(name: str, furigana: str, email: str, phone: str) -> str:
    """What the participants search looks in: folded name, フリガナ, e-mail and phone.

    The phone goes in twice, as written (090-1234-5678) and as bare digits, so
    either form typed in the search box finds it.
    """
    parts = (fold(name), fold(furigana), fold(email), fold(phone), digits_only(phone))
    return "\x1f".join(part for part in parts if part)
