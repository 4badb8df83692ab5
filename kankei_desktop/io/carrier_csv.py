"""Shipments as the import CSV of the carriers' label software: the layouts, their limits, the bytes.

- ヤマト運輸 B2クラウド, 外部データから発行 → 基本レイアウト (``yamato-b2``, 95 columns)
- 日本郵便 ゆうパックプリントR, 発送予定データ (``yupack``, 115 columns)

This module takes values and writes files; it reads no database (``services.carrier_export``
gathers the parcels and the settings). Every field has its limit in CP932 bytes (a full-width
character is two, so 「16文字/32文字」 in a layout sheet is 32 bytes) and an accepted set of
characters. ``build`` checks every cell of every row before anything is written and returns
what it refused, each naming the row, the field, the limit and the length; ``write_atomically``
puts the finished bytes in place in one rename. Column lists, codes and sources:
``docs/carriers.md``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kankei_desktop.domain.carriers import (
    YAMATO_COOL_CODES,
    YAMATO_SERVICE_CODES,
    YAMATO_TIME_SLOTS,
    YUPACK_COOL_CODES,
)
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.io.files import write_bytes_atomically

FORMATS = ("yamato-b2", "yupack")
FORMAT_NAMES = {"yamato-b2": "ヤマト B2クラウド", "yupack": "ゆうパックプリントR"}

# Kinds of cell: what characters each accepts.
TEXT = "text"  # anything CP932 holds, no control characters
DIGITS = "digits"  # 0-9
ALNUM = "alnum"  # half-width letters and digits
PHONE = "phone"  # digits and hyphens
POSTAL = "postal"  # 123-4567
DATE = "date"
KANA = "kana"  # half-width katakana, space
CODE = "code"  # a value of ours from a fixed list (checked by length only)

_ACCEPTED: dict[str, re.Pattern[str]] = {
    DIGITS: re.compile(r"[0-9]*"),
    ALNUM: re.compile(r"[0-9A-Za-z]*"),
    PHONE: re.compile(r"[0-9][0-9-]*|"),
    POSTAL: re.compile(r"([0-9]{3}-[0-9]{4})?"),
    DATE: re.compile(r"([0-9]{4}/[0-9]{2}/[0-9]{2}|[0-9]{8})?"),
    KANA: re.compile(r"[\uff61-\uff9f ]*"),
}
_ACCEPTED_WORDS = {
    DIGITS: "半角数字のみ", ALNUM: "半角英数字のみ", PHONE: "半角数字とハイフンのみ", POSTAL: "「123-4567」の形",
    DATE: "日付の形", KANA: "半角カタカナのみ",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A cell a spreadsheet would run as a formula if the file were opened in one.
FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Field:
    name: str
    max_bytes: int | None  # None: the layout gives no limit (we leave those columns empty)
    kind: str = TEXT
    required: bool = False  # 必須項目 of the layout for what we send (宅急便 発払い)


@dataclass(frozen=True)
class Party:
    """One end of a parcel."""

    name: str
    postal: str  # 7 digits or 123-4567
    address: str  # 都道府県 + 市区町村 + 町域・番地
    building: str
    phone: str
    prefecture_city: str = ""  # 都道府県 + 市区町村 when known (ゆうプリR 住所1)


@dataclass(frozen=True)
class Parcel:
    shipment_id: str
    ship_on: date
    contents: str
    quantity: int
    recipient: Party
    sender: Party


@dataclass(frozen=True)
class Options:
    """What the coordinator chooses for one export; codes from ``domain.carriers``."""

    service: str = "takkyubin"  # takkyubin | compact (ヤマト only)
    cool: str = "none"  # none | chilled | frozen
    time_slot: str = ""  # "" or one of YAMATO_TIME_SLOTS (ヤマト only)


@dataclass(frozen=True)
class Account:
    """B2クラウド contract values (settings)."""

    customer_code: str = ""
    class_code: str = ""
    freight_number: str = ""


@dataclass(frozen=True)
class Refusal:
    row: int  # 1-based, in the order of the file
    who: str  # the recipient's name
    field: str
    reason: str

    def message(self) -> str:
        return f"{self.row}件目（「{self.who}」さん宛）: {self.field} {self.reason}"


@dataclass
class Built:
    header: list[str]
    rows: list[list[str]]
    refusals: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    adjusted: list[str] = field(default_factory=list)  # addresses split across fields


def byte_length(text: str) -> int:
    """CP932 bytes; raises UnicodeEncodeError for a character CP932 cannot hold."""
    return len(text.encode("cp932"))


def _outside_cp932(text: str) -> str:
    bad = []
    for ch in text:
        try:
            ch.encode("cp932")
        except UnicodeEncodeError:
            bad.append(ch)
    return "".join(dict.fromkeys(bad))


def _limit_words(max_bytes: int, kind: str) -> str:
    if kind == TEXT:
        return f"{max_bytes}バイト（全角{max_bytes // 2}文字）"
    return f"{max_bytes}文字（半角）"


def check_cell(spec: Field, value: str) -> str | None:
    """Why ``value`` cannot go into ``spec``, in Japanese, naming the limit and the length; None when it fits."""
    if not value:
        return "が空です（送り状ソフトの必須項目です）" if spec.required else None
    bad = _outside_cp932(value)
    if bad:
        return f"の「{bad}」は Shift_JIS（CP932）で表せない文字です（住所録で置き換えてください。例: 𠮷→吉）"
    if _CONTROL.search(value):
        return "に改行・タブなどの制御文字があります"
    pattern = _ACCEPTED.get(spec.kind)
    if pattern is not None and not pattern.fullmatch(value):
        return f"は{_ACCEPTED_WORDS[spec.kind]}です（「{value}」）"
    if spec.max_bytes is not None:
        size = byte_length(value)
        if size > spec.max_bytes:
            return (f"は{_limit_words(spec.max_bytes, spec.kind)}までですが、"
                    f"{size}バイト（{len(value)}文字）あります（「{value}」）")
    return None


# ------------------------------------------------------------------ address splitting

_RUN = re.compile(r"[0-9０-９\-－ー‐−]")


def split_to_fit(text: str, head_bytes: int, tail_bytes: int) -> tuple[str, str] | None:
    """``text`` cut in two so the head fits ``head_bytes`` and the tail ``tail_bytes``; None if it cannot.

    The cut is at the last place that fits, moved back so it does not fall inside a run of digits
    and hyphens (「1-2-3」 stays whole) and after a space when there is one.
    """
    if byte_length(text) <= head_bytes:
        return text, ""
    best = None
    used = 0
    for index, ch in enumerate(text):
        used += byte_length(ch)
        if used > head_bytes:
            break
        best = index + 1
    if best is None:
        return None
    candidates = range(best, 0, -1)
    for cut in candidates:
        head, tail = text[:cut], text[cut:]
        if byte_length(tail.strip()) > tail_bytes:
            break  # going further back only makes the tail longer
        if head.endswith((" ", "\u3000")) or not (_RUN.match(head[-1]) and _RUN.match(tail[0])):
            return head.rstrip(" \u3000"), tail.strip(" \u3000")
    head, tail = text[:best], text[best:]
    if byte_length(tail.strip()) <= tail_bytes:
        return head.rstrip(" \u3000"), tail.strip(" \u3000")
    return None


def fit_address(address: str, building: str, address_bytes: int, building_bytes: int) -> tuple[str, str] | None:
    """(住所, 建物名) within the two fields, moving the end of a long address in front of the building."""
    if byte_length(address) <= address_bytes and byte_length(building) <= building_bytes:
        return address, building
    if byte_length(address) <= address_bytes:
        return None  # the building alone is too long
    room = building_bytes - (byte_length(building) + 1 if building else 0)
    if room <= 0:
        return None
    parts = split_to_fit(address, address_bytes, room)
    if parts is None:
        return None
    head, tail = parts
    return head, f"{tail} {building}".strip() if building else tail


def _postal(code: str) -> str:
    digits = code.replace("-", "")
    return f"{digits[:3]}-{digits[3:]}" if len(digits) == 7 and digits.isdigit() else code


# ------------------------------------------------------------------ B2クラウド 基本レイアウト

# 必須項目 for 宅急便 in the sheet (No.): 送り状種類, 出荷予定日, both ends' phone, 〒, address and name,
# 品名１, 請求先顧客コード, 運賃管理番号.
_B2_REQUIRED = {2, 5, 9, 11, 12, 16, 20, 22, 23, 25, 28, 40, 42}


def _b2(*items: tuple[str, int | None, str] | tuple[str, int | None]) -> tuple[Field, ...]:
    return tuple(Field(item[0], item[1], item[2] if len(item) > 2 else TEXT, number in _B2_REQUIRED)
                 for number, item in enumerate(items, start=1))


# No., name, limit and kind from B2クラウド 「送り状発行データレイアウト（入出力用）」 (docs/carriers.md).
YAMATO_B2_LAYOUT: tuple[Field, ...] = _b2(
    ("お客様管理番号", 20, ALNUM), ("送り状種類", 1, CODE), ("クール区分", 1, CODE), ("伝票番号", 12, DIGITS),
    ("出荷予定日", 10, DATE), ("お届け予定日", 10, DATE), ("配達時間帯", 4, DIGITS), ("お届け先コード", 20, ALNUM),
    ("お届け先電話番号", 15, PHONE), ("お届け先電話番号枝番", 2, DIGITS), ("お届け先郵便番号", 8, POSTAL),
    ("お届け先住所", 64), ("お届け先アパートマンション名", 32), ("お届け先会社・部門１", 50),
    ("お届け先会社・部門２", 50), ("お届け先名", 32), ("お届け先名(ｶﾅ)", 50, KANA), ("敬称", 4),
    ("ご依頼主コード", 20, ALNUM), ("ご依頼主電話番号", 15, PHONE), ("ご依頼主電話番号枝番", 2, DIGITS),
    ("ご依頼主郵便番号", 8, POSTAL), ("ご依頼主住所", 64), ("ご依頼主アパートマンション", 32), ("ご依頼主名", 32),
    ("ご依頼主名(ｶﾅ)", 50, KANA), ("品名コード１", 30, ALNUM), ("品名１", 50), ("品名コード２", 30, ALNUM),
    ("品名２", 50), ("荷扱い１", 20), ("荷扱い２", 20), ("記事", 44), ("ｺﾚｸﾄ代金引換額（税込)", 7, DIGITS),
    ("内消費税額等", 7, DIGITS), ("止置き", 1, DIGITS), ("営業所コード", 6, DIGITS), ("発行枚数", 2, DIGITS),
    ("個数口表示フラグ", 1, DIGITS), ("請求先顧客コード", 12, DIGITS), ("請求先分類コード", 3, DIGITS),
    ("運賃管理番号", 2, DIGITS), ("クロネコwebコレクトデータ登録", 1, DIGITS),
    ("クロネコwebコレクト加盟店番号", 9, ALNUM), ("クロネコwebコレクト申込受付番号１", 23, ALNUM),
    ("クロネコwebコレクト申込受付番号２", 23, ALNUM), ("クロネコwebコレクト申込受付番号３", 23, ALNUM),
    ("お届け予定ｅメール利用区分", 1, DIGITS), ("お届け予定ｅメールe-mailアドレス", 60), ("入力機種", 1, DIGITS),
    ("お届け予定ｅメールメッセージ", 148), ("お届け完了ｅメール利用区分", 1, DIGITS),
    ("お届け完了ｅメールe-mailアドレス", 60), ("お届け完了ｅメールメッセージ", 318),
    ("クロネコ収納代行利用区分", 1, DIGITS), ("予備", 1), ("収納代行請求金額(税込)", 7, DIGITS),
    ("収納代行内消費税額等", 7, DIGITS), ("収納代行請求先郵便番号", 8), ("収納代行請求先住所", 64),
    ("収納代行請求先住所（アパートマンション名）", 32), ("収納代行請求先会社・部門名１", 50),
    ("収納代行請求先会社・部門名２", 50), ("収納代行請求先名(漢字)", 32), ("収納代行請求先名(カナ)", 50, KANA),
    ("収納代行問合せ先名(漢字)", 32), ("収納代行問合せ先郵便番号", 8), ("収納代行問合せ先住所", 64),
    ("収納代行問合せ先住所（アパートマンション名）", 32), ("収納代行問合せ先電話番号", 15),
    ("収納代行管理番号", 20, ALNUM), ("収納代行品名", 50), ("収納代行備考", 28), ("複数口くくりキー", 20, ALNUM),
    ("検索キータイトル1", 20), ("検索キー1", 20, ALNUM), ("検索キータイトル2", 20), ("検索キー2", 20, ALNUM),
    ("検索キータイトル3", 20), ("検索キー3", 20, ALNUM), ("検索キータイトル4", 20), ("検索キー4", 20, ALNUM),
    ("検索キータイトル5", None), ("検索キー5", None), ("予備", None), ("予備", None),
    ("投函予定メール利用区分", 1, DIGITS), ("投函予定メールe-mailアドレス", 60), ("投函予定メールメッセージ", 148),
    ("投函完了メール（お届け先宛）利用区分", 1, DIGITS), ("投函完了メール（お届け先宛）e-mailアドレス", 60),
    ("投函完了メール（お届け先宛）メールメッセージ", 318), ("投函完了メール（ご依頼主宛）利用区分", 1, DIGITS),
    ("投函完了メール（ご依頼主宛）e-mailアドレス", 60), ("投函完了メール（ご依頼主宛）メールメッセージ", 318),
)
YAMATO_B2_COLUMNS = tuple(f.name for f in YAMATO_B2_LAYOUT)


def _management_number(shipment_id: str, width: int) -> str:
    return shipment_id.replace("-", "")[:width]


def yamato_b2_values(parcel: Parcel, options: Options, account: Account) -> dict[int, str]:
    """Column index (0-based) → value; addresses as given (``build`` fits them)."""
    r, s = parcel.recipient, parcel.sender
    values = {
        1: _management_number(parcel.shipment_id, 20),
        2: YAMATO_SERVICE_CODES[options.service][0],
        3: YAMATO_COOL_CODES[options.cool][0],
        5: parcel.ship_on.strftime("%Y/%m/%d"),
        7: options.time_slot,
        9: r.phone, 11: _postal(r.postal), 12: r.address, 13: r.building, 16: r.name,
        # 18 敬称: the layout takes it for DM便 only; 宅急便 prints 様 itself.
        20: s.phone, 22: _postal(s.postal), 23: s.address, 24: s.building, 25: s.name,
        28: parcel.contents,
        40: account.customer_code, 41: account.class_code, 42: account.freight_number,
    }
    if options.service == "takkyubin" and parcel.quantity > 1:
        values[38] = str(parcel.quantity)  # 発行枚数: 発払い only
        values[39] = "3"  # 個数口表示フラグ: 枠と口数を印字する
    return {number - 1: value for number, value in values.items()}


# ------------------------------------------------------------------ ゆうパックプリントR 発送予定データ

def _y(name: str, max_bytes: int | None = None, kind: str = TEXT) -> Field:
    return Field(name, max_bytes, kind)


# Column order of the standard 発送予定データ (115 columns); byte limits of 1–27 from the 2014
# layout sheet, the others where we write nothing have none (docs/carriers.md says which are verified).
YUPACK_LAYOUT: tuple[Field, ...] = (
    _y("お客様側管理番号", 15, ALNUM), _y("発送予定日", 8, DATE), _y("発送予定時間区分", 2, DIGITS),
    _y("出荷期限日", 8, DATE), _y("到着期限日", 8, DATE), _y("郵便種別", 1, CODE), _y("保冷種別", 1, CODE),
    _y("元／着払／代引", 1, CODE), _y("書留／セキュリティ／特定記録種別", 1, CODE), _y("配達時間帯指定郵便種別", 1, CODE),
    _y("送り状種別", 20), _y("お届け先 コード", 15, ALNUM), _y("お届け先 郵便番号", 8, POSTAL),
    _y("お届け先 住所１", 50), _y("お届け先 住所２", 50), _y("お届け先 住所３", 50), _y("お届け先 名称１", 50),
    _y("お届け先 名称２", 50), _y("お届け先 敬称区分", 1, CODE), _y("お届け先 電話番号", 20, PHONE),
    _y("お届け先 メールアドレス１", 100), _y("お届け先 局留め区分", 1, CODE), _y("お届け先 局留め郵便局名", 60),
    _y("お届け先 局留めメール使用区分", 1, CODE), _y("お届け先 局留め郵便番号", 8, POSTAL),
    _y("お届け先 配達予告メール使用区分", 1, CODE), _y("お届け先 再配達予告メール使用区分", 1, CODE),
    _y("ご依頼主 コード", 15, ALNUM), _y("ご依頼主 集荷先と同一区分", 1, CODE), _y("ご依頼主 郵便番号", 8, POSTAL),
    _y("ご依頼主 住所１", 50), _y("ご依頼主 住所２", 50), _y("ご依頼主 住所３", 50), _y("ご依頼主 名称１", 50),
    _y("ご依頼主 名称２", 50), _y("ご依頼主 敬称"), _y("ご依頼主 電話番号", 20, PHONE),
    _y("ご依頼主 メールアドレス１", 100), _y("ご依頼主 荷送人指図区分"), _y("ご依頼主 お届け通知メール使用区分"),
    _y("ご依頼主 お届け通知はがき使用区分"), _y("集荷先 コード"), _y("集荷先 連携可否区分"), _y("集荷先 会社コード"),
    _y("集荷先 依頼先店所コード"), _y("集荷先 郵便番号"), _y("集荷先 住所１"), _y("集荷先 住所２"),
    _y("集荷先 住所３"), _y("集荷先 名称１"), _y("集荷先 名称２"), _y("集荷先 敬称"), _y("集荷先 電話番号"),
    _y("受注番号"), _y("こわれもの区分"), _y("なまもの区分"), _y("ビン類区分"), _y("逆さま厳禁区分"),
    _y("下積み厳禁区分"), _y("商品サイズ区分"), _y("重量合計（ｇ）"), _y("25kg超重量物区分"), _y("損害要償額"),
    _y("速達・配達日指定種別"), _y("配達指定日／希望日"), _y("配達時間帯区分"), _y("差出方法区分"),
    _y("ゆうパック複数個割引"), _y("ゆうパック同一割引"), _y("セット商品コード"), _y("セット品名ラベル印字区分"),
    _y("複数個口数", 3, DIGITS), _y("記事名１"), _y("記事名２"),
    *(_y(f"フリー項目{n}") for n in ("０１", "０２", "０３", "０４", "０５", "０６", "０７", "０８", "０９", "１０")),
    _y("空港利用区分"), _y("空港・局／支店名"), _y("航空会社名"), _y("利用便名"), _y("レジャー区分"),
    _y("プレー・搭乗日"), _y("プレー・搭乗時間"), _y("クラブ本数"), _y("復路集貨日"), _y("出荷先登録名"),
    _y("集荷希望区分"), _y("集荷日付"), _y("集荷時間帯区分"), _y("支店連携先選択用名称"), _y("代引金額"),
    _y("代引消費税金額"), _y("送り状発行年月日"), _y("商品番号"), _y("品名", 50), _y("個数", 3, DIGITS),
    _y("重量（ｇ）"), _y("単価"), _y("金額"),
    *(_y(f"商品備考{n}") for n in ("０１", "０２", "０３", "０４", "０５", "０６", "０７", "０８", "０９", "１０")),
)
YUPACK_COLUMNS = tuple(f.name for f in YUPACK_LAYOUT)
_YU = {name: index for index, name in enumerate(YUPACK_COLUMNS)}


def yupack_values(parcel: Parcel, options: Options, account: Account) -> dict[int, str]:
    r, s = parcel.recipient, parcel.sender
    values = {
        "お客様側管理番号": _management_number(parcel.shipment_id, 15),
        "発送予定日": parcel.ship_on.strftime("%Y%m%d"),
        "郵便種別": "0",  # ゆうパック
        "保冷種別": YUPACK_COOL_CODES[options.cool][0],
        "元／着払／代引": "0",  # 元払い
        "お届け先 郵便番号": _postal(r.postal),
        "お届け先 住所１": r.address, "お届け先 住所３": r.building,
        "お届け先 名称１": r.name, "お届け先 敬称区分": "0",
        "お届け先 電話番号": r.phone,
        "ご依頼主 郵便番号": _postal(s.postal),
        "ご依頼主 住所１": s.address, "ご依頼主 住所３": s.building,
        "ご依頼主 名称１": s.name, "ご依頼主 電話番号": s.phone,
        "品名": parcel.contents, "個数": str(parcel.quantity),
    }
    if parcel.quantity > 1:
        values["複数個口数"] = str(parcel.quantity)
    return {_YU[name]: value for name, value in values.items()}


# ------------------------------------------------------------------ checking and writing

@dataclass(frozen=True)
class _Layout:
    fields: tuple[Field, ...]
    values: Callable[[Parcel, Options, Account], dict[int, str]]
    # (address column, building column) pairs that ``fit_address`` may rebalance.
    address_pairs: tuple[tuple[int, int], ...]
    # ゆうプリR: 住所１/２ hold the address in two 50-byte halves.
    two_line_address: bool = False


_LAYOUTS = {
    "yamato-b2": _Layout(YAMATO_B2_LAYOUT, yamato_b2_values, ((11, 12), (22, 23))),
    "yupack": _Layout(YUPACK_LAYOUT, yupack_values, ((_YU["お届け先 住所１"], _YU["お届け先 住所３"]),
                                                     (_YU["ご依頼主 住所１"], _YU["ご依頼主 住所３"])),
                      two_line_address=True),
}


def layout(fmt: str) -> tuple[Field, ...]:
    check_format(fmt)
    return _LAYOUTS[fmt].fields


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError({"format": f"形式「{fmt}」はありません（{' / '.join(FORMATS)}）。"})


def check_options(fmt: str, options: Options) -> None:
    """Refuse a choice the carrier's layout cannot express."""
    errors = {}
    if options.service not in YAMATO_SERVICE_CODES:
        errors["service"] = f"便の種類「{options.service}」はありません（{' / '.join(YAMATO_SERVICE_CODES)}）。"
    elif fmt == "yupack" and options.service != "takkyubin":
        errors["service"] = "ゆうパックプリントR には宅急便コンパクトはありません（ゆうパックとして出力します）。"
    if options.cool not in YAMATO_COOL_CODES:
        errors["cool"] = f"クール区分「{options.cool}」はありません（{' / '.join(YAMATO_COOL_CODES)}）。"
    elif options.service == "compact" and options.cool != "none":
        errors["cool"] = "宅急便コンパクトはクール便にできません（B2クラウドのレイアウトの決まり）。"
    if options.time_slot and options.time_slot not in YAMATO_TIME_SLOTS:
        errors["time_slot"] = (f"配達時間帯「{options.time_slot}」はありません"
                               f"（{' / '.join(YAMATO_TIME_SLOTS)}）。")
    elif options.time_slot and fmt == "yupack":
        errors["time_slot"] = ("ゆうパックプリントR の配達時間帯コードは確かめられていないため、"
                               "時間帯はゆうプリR の画面で指定してください（docs/carriers.md）。")
    if errors:
        raise ValidationError(errors)


def _fit_two_lines(address: str, building: str) -> tuple[str, str, str] | None:
    """ゆうプリR: 住所１ and 住所２ (50 bytes each) hold the address, 住所３ (50) the building."""
    parts = split_to_fit(address, 50, 150)
    if parts is None:
        return None
    line1, rest = parts
    if byte_length(rest) <= 50:
        return line1, rest, building
    second = fit_address(rest, building, 50, 50)
    return None if second is None else (line1, *second)


def build(fmt: str, parcels: Iterable[Parcel], options: Options = Options(),
          account: Account = Account()) -> Built:
    """Every row of the file, and every cell that cannot go out as it is (nothing is written here)."""
    check_format(fmt)
    check_options(fmt, options)
    spec = _LAYOUTS[fmt]
    header = [f.name for f in spec.fields]
    built = Built(header, [])
    for number, parcel in enumerate(parcels, start=1):
        row = [""] * len(header)
        for index, value in spec.values(parcel, options, account).items():
            row[index] = value or ""
        who = parcel.recipient.name
        if fmt == "yamato-b2" and options.service == "compact" and parcel.quantity > 1:
            # 発行枚数 and 個数口表示フラグ are not for コンパクト in the sheet: one slip, one box.
            built.refusals.append(Refusal(number, who, "発行枚数", f"は宅急便コンパクトでは1個だけです（{parcel.quantity}個あります。"
                                                                 "宅急便にするか、1個ずつの発送に分けてください）"))
        for address_index, building_index in spec.address_pairs:
            address, building = row[address_index], row[building_index]
            if _outside_cp932(address + building):
                continue  # refused below, naming the character
            if spec.two_line_address:
                fitted3 = _fit_two_lines(address, building)
                if fitted3 is not None:
                    row[address_index], row[address_index + 1], row[building_index] = fitted3
                    if fitted3[1] or fitted3[2] != building:
                        built.adjusted.append(f"{number}件目（「{who}」さん宛）: {header[address_index]}〜"
                                              f"{header[building_index]} に分けました")
                continue
            fitted = fit_address(address, building, spec.fields[address_index].max_bytes or 0,
                                 spec.fields[building_index].max_bytes or 0)
            if fitted is not None and fitted != (address, building):
                row[address_index], row[building_index] = fitted
                built.adjusted.append(f"{number}件目（「{who}」さん宛）: {header[address_index]} の末尾を"
                                      f"{header[building_index]} に移しました（「{fitted[1]}」）")
        for field_spec, value in zip(spec.fields, row):
            reason = check_cell(field_spec, value)
            if reason:
                built.refusals.append(Refusal(number, who, field_spec.name, reason))
            elif value.startswith(FORMULA_START) and field_spec.kind == TEXT:
                built.warnings.append(f"{number}件目（「{who}」さん宛）: {field_spec.name} が「{value[0]}」で"
                                      "始まります（そのまま出力しました）")
        built.rows.append(row)
    return built


def render(built: Built) -> bytes:
    """The CSV bytes: CP932, CRLF, every field quoted, one header row."""
    if built.refusals:
        raise ValueError("refused cells must not be written")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(built.header)
    writer.writerows(built.rows)
    return buffer.getvalue().encode("cp932")


def write_atomically(path: Path, data: bytes) -> None:
    """The file appears complete or not at all (a temporary file beside it, then one rename)."""
    write_bytes_atomically(path, data, lambda message: ValidationError({"out": message}))
