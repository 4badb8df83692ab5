"""Tracking-number (お問い合わせ番号・伝票番号) formats per carrier.

Only digits and length are enforced: they are what each carrier publishes on
its tracking page (sources in ``docs/carriers.md``). A check digit is offered
as a hint (``check_digit_hint``) and never used to refuse a number, because the
rule is not published by the carriers themselves.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kankei_desktop.domain.enums import Carrier
from kankei_desktop.domain.text import digits_only


@dataclass(frozen=True)
class TrackingFormat:
    carrier: Carrier
    lengths: tuple[int, ...]  # allowed digit counts; empty: anything goes
    example: str
    tracking_url: str = ""

    def describe(self) -> str:
        if not self.lengths:
            return "形式の決まりはありません"
        counts = "または".join(f"{n}桁" for n in self.lengths)
        return f"数字{counts}"


TRACKING_FORMATS: dict[Carrier, TrackingFormat] = {
    Carrier.YAMATO: TrackingFormat(Carrier.YAMATO, (12,), "4012-3456-7890",
                                   "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko"),
    Carrier.YUPACK: TrackingFormat(Carrier.YUPACK, (11, 12), "1234-5678-9012",
                                   "https://trackings.post.japanpost.jp/services/srv/search/"),
    Carrier.SAGAWA: TrackingFormat(Carrier.SAGAWA, (10, 12), "1234-5678-9012",
                                   "https://k2k.sagawa-exp.co.jp/p/sagawa/web/okurijoinput.jsp"),
    Carrier.JAPAN_POST_OTHER: TrackingFormat(Carrier.JAPAN_POST_OTHER, (11, 12), "1234-5678-9012",
                                             "https://trackings.post.japanpost.jp/services/srv/search/"),
    Carrier.OTHER: TrackingFormat(Carrier.OTHER, (), ""),
}


def tracking_format(carrier: str) -> TrackingFormat:
    try:
        return TRACKING_FORMATS[Carrier(carrier)]
    except ValueError:
        raise ValueError(f"運送会社「{carrier}」は選択肢にありません。") from None


def normalise_tracking_number(text: str, carrier: str) -> str:
    """Half-width digits without hyphens or spaces; for その他 the trimmed text as typed."""
    if Carrier(carrier) == Carrier.OTHER:
        return (text or "").strip()
    text = unicodedata.normalize("NFKC", text or "")
    stripped = "".join(ch for ch in text if ch not in " -ー−‐―\u3000")
    digits = digits_only(stripped)
    # Anything beyond digits is kept so the check can name it rather than silently drop it.
    return digits if len(digits) == len(stripped) else stripped


def tracking_number_problem(number: str, carrier: str) -> str | None:
    """A Japanese message when ``number`` cannot be a number of ``carrier``; None when it fits."""
    if not number:
        return None
    fmt = tracking_format(carrier)
    if not fmt.lengths:
        return None if len(number) <= 30 else "伝票番号は30文字以内で入力してください。"
    if not number.isdigit():
        return f"{carrier}の伝票番号「{number}」には数字以外が含まれています（{fmt.describe()}）。"
    if len(number) not in fmt.lengths:
        return (f"{carrier}の伝票番号「{number}」は{len(number)}桁です。"
                f"{carrier}の伝票番号は{fmt.describe()}です。")
    return None


def check_digit_hint(number: str, carrier: str) -> bool | None:
    """For 12-digit ヤマト numbers: does the last digit equal the first eleven mod 7?

    Widely reported for ヤマト運輸 but not published by it, so this only feeds a
    hint in the editor; None when no rule is known for the carrier or length.
    """
    if Carrier(carrier) != Carrier.YAMATO or len(number) != 12 or not number.isdigit():
        return None
    return int(number[:11]) % 7 == int(number[11])


def display_tracking_number(number: str) -> str:
    """1234-5678-9012 for twelve digits (as on the carriers' slips), else as stored."""
    if len(number) == 12 and number.isdigit():
        return f"{number[:4]}-{number[4:8]}-{number[8:]}"
    return number


# ------------------------------------------------------------------ carrier CSV codes
# From the carriers' layout sheets (docs/carriers.md). Key → (code, name shown).

# B2クラウド 送り状種類. コレクト (2) needs an amount per parcel, which a shipment does not hold.
YAMATO_SERVICE_CODES: dict[str, tuple[str, str]] = {
    "takkyubin": ("0", "宅急便（発払い）"),
    "compact": ("8", "宅急便コンパクト（発払い）"),
}
# B2クラウド クール区分.
YAMATO_COOL_CODES: dict[str, tuple[str, str]] = {
    "none": ("0", "通常"),
    "frozen": ("1", "クール冷凍"),
    "chilled": ("2", "クール冷蔵"),
}
# ゆうプリR 保冷種別 (same keys as above).
YUPACK_COOL_CODES: dict[str, tuple[str, str]] = {
    "none": ("0", "保冷なし"),
    "chilled": ("1", "チルド"),
    "frozen": ("2", "冷凍"),
}
# B2クラウド 配達時間帯 since 19 June 2017 (12–14 withdrawn, 20–21 became 19–21).
YAMATO_TIME_SLOTS: dict[str, str] = {
    "0812": "午前中",
    "1416": "14〜16時",
    "1618": "16〜18時",
    "1820": "18〜20時",
    "1921": "19〜21時",
}
