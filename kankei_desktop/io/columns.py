"""The documented columns (docs: shared/design/DATA_EXCHANGE.md) and their header variants.

Headers are compared after folding (NFKC, so full-width letters and brackets
match; katakana; lower case; spaces and marks like ・ - _ removed). Exports
write ``Column.header``; the importer also recognises every variant.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import jaconv


@dataclass(frozen=True)
class Column:
    key: str  # the field it fills
    header: str  # written by exports and templates
    variants: tuple[str, ...] = ()
    kind: str = "text"  # text, kana, date, phone, postal, bool, int, list, year, address, id, ignore
    guidance: str = ""  # for the template's input-guidance sheet
    example: str = ""


PERSON_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", ("id", "参加者ID", "参加者id"), "id", "書き出したファイルにある ID。空欄なら新しい参加者として登録します。"),
    Column("name", "氏名", ("お名前", "名前", "氏名（漢字）", "参加者名", "氏名(漢字)"), "text", "必須。姓と名の間は空白。", "山田 花子"),
    Column("furigana", "フリガナ", ("ふりがな", "カナ", "氏名（カナ）", "よみ", "フリガナ（カナ）", "ヨミ"), "kana",
           "カタカナ（ひらがな・半角カナも可）。重複の判定に使います。", "ヤマダ ハナコ"),
    Column("birth_date", "生年月日", ("誕生日", "生年"), "date", "2001/7/7、H13.7.7、平成13年7月7日 など。", "2001/07/07"),
    Column("gender", "性別", (), "text", "男、女、その他、無回答 など（自由記述）。", "女"),
    Column("email", "メールアドレス", ("メール", "e-mail", "email", "mail", "Eメール", "メールアドレス（PC）"), "text", "", "hanako@example.jp"),
    Column("phone", "電話番号", ("電話", "tel", "携帯", "携帯番号", "連絡先", "携帯電話", "電話番号（携帯）"), "phone",
           "ハイフンの有無は問いません。先頭の 0 が消えていても補います。", "090-1234-5678"),
    Column("postal_code", "郵便番号", ("〒", "郵便"), "postal", "7桁。文字列で入力してください（先頭の 0 を残すため）。", "949-4392"),
    Column("address", "住所", ("ご住所", "現住所"), "address", "都道府県から。分けて入力する場合は 都道府県・市区町村・番地 の列を使います。"),
    Column("prefecture", "都道府県", (), "text", "", "新潟県"),
    Column("city", "市区町村", (), "text", "", "十日町市"),
    Column("address_line", "番地", ("町名・番地", "住所1"), "text", "", "本町1-2-3"),
    Column("address_building", "建物名", ("建物", "住所2", "マンション名"), "text", "", ""),
    Column("residence_area", "居住地区分", ("居住地",), "text", "東京圏、名古屋圏、関西圏、県内都市部、県内その他、その他の道府県、海外", "東京圏"),
    Column("affiliation", "所属", ("所属（大学・勤務先）", "勤務先", "学校", "所属先", "大学"), "text", "", "○○大学"),
    Column("ties", "ゆかり", ("関わりのきっかけ",), "list", "複数は 、 で区切ります（出身者、元居住者、親族が在住 など）。", "大学・ゼミ"),
    Column("interests", "関心・スキル", ("関心", "興味"), "list", "複数は 、 で区切ります。", "農業、料理"),
    Column("skills", "スキル", ("特技",), "list", "複数は 、 で区切ります。", "写真"),
    Column("ladder_stage", "段階", ("関わりの段階",), "text", "関心、参加、リピート、担い手、移住検討、移住。空欄は 関心。", "関心"),
    Column("contact_ok", "連絡可否", ("連絡可", "案内送付"), "bool", "可／不可。空欄は 可。", "可"),
    Column("photo_ok", "写真掲載可否", ("写真掲載", "写真"), "bool", "可／不可。空欄は 不可。", "不可"),
    Column("consent_date", "同意日", ("個人情報同意日",), "date", "個人情報の取り扱いに同意した日。", "2025/04/01"),
    Column("found_via", "知ったきっかけ", ("きっかけ",), "text", "", ""),
    Column("notes", "備考", ("メモ", "その他"), "text", "", ""),
    Column("age", "年齢", (), "ignore", "年齢は取り込みません（生年月日を入力してください）。"),
)

ENROLLMENT_COLUMNS: tuple[Column, ...] = (
    Column("programme", "プログラム", ("参加プログラム", "事業名"), "text", "年度内のプログラム名。"),
    Column("fiscal_year", "年度", (), "year", "2025 または 令和7年度。"),
    Column("stage", "ステージ", ("段階（プログラム）", "状況", "ステータス"), "text", "プログラムの段階名。空欄は最初の段階。"),
    Column("applied_on", "申込日", ("応募日", "登録日"), "date"),
    Column("joined_on", "参加日", ("実施日",), "date"),
)

KINDS = {
    "persons": PERSON_COLUMNS,
    "enrollments": PERSON_COLUMNS + ENROLLMENT_COLUMNS,
}
KIND_LABELS = {"persons": "参加者", "enrollments": "参加者＋参加登録"}

_MARKS = re.compile(r"[\s・\-_:：*＊※]+")


def fold_header(text) -> str:
    folded = unicodedata.normalize("NFKC", "" if text is None else str(text))
    folded = jaconv.hira2kata(folded).lower()
    return _MARKS.sub("", folded)


def _lookup(columns: tuple[Column, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for column in columns:
        for name in (column.header, *column.variants):
            table.setdefault(fold_header(name), column.key)
    return table


def columns_of(kind: str) -> tuple[Column, ...]:
    return KINDS[kind]


def column_by_key(kind: str, key: str) -> Column:
    return next(column for column in KINDS[kind] if column.key == key)


def recognise(header, kind: str = "enrollments") -> str | None:
    """The field a header names, or None."""
    folded = fold_header(header)
    if not folded:
        return None
    return _lookup(KINDS[kind]).get(folded)


def auto_mapping(headers: list, kind: str) -> dict[int, str]:
    """Column index → field key for every recognised header (the first column wins a field)."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = recognise(header, kind)
        if key and key not in taken:
            mapping[index] = key
            taken.add(key)
    return mapping


def header_signature(headers: list) -> str:
    """The shape of a file: its folded, non-empty headers in order."""
    folded = "\x1f".join(fold_header(h) for h in headers if fold_header(h))
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
