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

from kankei_desktop.io.normalise import cell_text


@dataclass(frozen=True)
class Column:
    key: str  # the field it fills
    header: str  # written by exports and templates
    variants: tuple[str, ...] = ()
    kind: str = "text"  # text, note, kana, date, phone, postal, bool, int, number, list, year, address, id, ignore
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
    Column("notes", "備考", ("メモ", "その他"), "note", "", ""),
    Column("age", "年齢", (), "ignore", "年齢は取り込みません（生年月日を入力してください）。"),
)

ENROLLMENT_COLUMNS: tuple[Column, ...] = (
    # Written by exports: a re-imported row updates that enrollment (its stage, dates, 備考).
    Column("enrollment_id", "参加登録ID", (), "id", "書き出したファイルにある参加登録の ID。空欄なら新しい参加登録です。"),
    Column("programme", "プログラム", ("参加プログラム", "事業名"), "text", "年度内のプログラム名。"),
    Column("fiscal_year", "年度", (), "year", "2025 または 令和7年度。"),
    Column("stage", "ステージ", ("段階（プログラム）", "状況", "ステータス"), "text", "プログラムの段階名。空欄は最初の段階。"),
    Column("applied_on", "申込日", ("応募日", "登録日"), "date"),
    Column("joined_on", "参加日", ("実施日",), "date"),
    Column("enrollment_notes", "参加登録の備考", ("参加登録備考",), "note"),
)
# The fiscal year of the row's programme, as exports write it next to プログラム: a name repeats every year.
_PROGRAMME_YEAR = Column("fiscal_year", "年度", ("プログラム年度",), "year",
                         "プログラムの年度（2026 または 令和8年度）。空欄なら行の日付の年度で探します。")

# Stays, shipments and letters name their person by 参加者ID (as exports write it) or by 氏名.
STAY_COLUMNS: tuple[Column, ...] = (
    Column("id", "滞在ID", ("ID", "id"), "id", "書き出したファイルにある滞在の ID。同じ ID の行は 1 つの滞在（複数人）です。"),
    Column("person_id", "参加者ID", (), "id"),
    Column("person_name", "氏名", ("参加者", "参加者名", "お名前", "名前")),
    # With フリガナ and a phone or e-mail, an unknown person is registered (a stays sheet of newcomers).
    Column("furigana", "フリガナ", ("ふりがな", "カナ", "よみ", "ヨミ"), "kana"),
    Column("phone", "電話番号", ("電話", "tel", "携帯", "携帯番号"), "phone"),
    Column("email", "メールアドレス", ("メール", "e-mail", "email", "mail"), "text"),
    Column("host", "受入先", ("受け入れ先", "受入先名")),
    Column("lodging", "宿泊先", ("宿泊施設", "宿")),
    Column("start_on", "開始日", ("到着日", "開始", "チェックイン"), "date"),
    Column("end_on", "終了日", ("出発日", "終了", "チェックアウト"), "date"),
    Column("stay_kind", "種別", ("滞在種別",), "text", "空欄なら日数から決めます。"),
    Column("purpose", "目的", ("滞在目的",)),  # one line, as in the window
    Column("programme", "プログラム", ("参加プログラム", "事業名")),
    _PROGRAMME_YEAR,
    Column("status", "状況", ("状態", "ステータス")),
    Column("notes", "備考", ("メモ",), "note"),
    Column("override_reason", "定員超過の理由", ("定員超過理由",)),
)
SHIPMENT_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", ("発送ID", "id"), "id"),
    Column("person_id", "参加者ID", (), "id"),
    Column("person_name", "宛先", ("氏名", "お届け先", "参加者")),
    Column("host", "差出人", ("ご依頼主", "発送元")),
    Column("programme", "プログラム", ("参加プログラム", "事業名")),
    _PROGRAMME_YEAR,
    Column("contents", "内容", ("品名", "中身")),
    Column("quantity", "数量", ("個数",), "int"),
    Column("carrier", "運送会社", ("配送業者", "運送業者")),
    Column("tracking_number", "伝票番号", ("追跡番号", "お問い合わせ番号", "問い合わせ番号")),
    Column("prepared_on", "準備日", (), "date"),
    Column("shipped_on", "発送日", ("出荷日",), "date"),
    Column("delivered_on", "配達日", ("到着日", "お届け日"), "date"),
    Column("returned_on", "返送日", (), "date"),
    Column("status", "状況", ("状態", "ステータス")),
    Column("cost_yen", "送料", ("運賃",), "int"),
    Column("notes", "備考", ("メモ",), "note"),
)
LETTER_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", ("手紙ID", "id"), "id"),
    # The file's own numbering: a reply's 返信元ID may name the 番号 of an earlier row.
    Column("file_key", "番号", ("No.", "No", "通し番号", "手紙番号"), "id"),
    Column("direction", "方向", ("向き",)),
    Column("person_id", "参加者ID", (), "id"),
    Column("person_name", "氏名", ("参加者", "参加者名")),
    Column("sender", "差出人"),
    Column("recipient", "宛先"),
    Column("programme", "プログラム", ("参加プログラム", "事業名")),
    _PROGRAMME_YEAR,
    Column("written_on", "作成日", ("執筆日",), "date"),
    Column("sent_on", "発送日", (), "date"),
    Column("received_on", "受取日", ("受領日",), "date"),
    Column("status", "状況", ("状態", "ステータス")),
    Column("reply_to", "返信元ID", (), "id"),
    Column("summary", "概要", ("内容", "要旨"), "note"),
)
# An event's attendance list: one row per person and touch. Persons are named as on stays sheets.
INTERACTION_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", ("関わりID", "id"), "id", "書き出したファイルにある関わりの ID。空欄なら新しい記録です。"),
    Column("person_id", "参加者ID", (), "id"),
    Column("person_name", "氏名", ("参加者", "参加者名", "お名前", "名前")),
    Column("furigana", "フリガナ", ("ふりがな", "カナ", "よみ", "ヨミ"), "kana"),
    Column("phone", "電話番号", ("電話", "tel", "携帯", "携帯番号"), "phone"),
    Column("email", "メールアドレス", ("メール", "e-mail", "email", "mail"), "text"),
    Column("occurred_on", "日付", ("参加日", "実施日", "開催日"), "date"),
    Column("interaction_kind", "種類", ("種別", "関わりの種類", "区分")),
    Column("programme", "プログラム", ("参加プログラム", "事業名", "イベント")),
    _PROGRAMME_YEAR,
    # 物産購入・寄附 only (例4's 販売額); checked by the interactions service like an amount typed in the window.
    Column("amount_yen", "金額（円）", ("金額", "販売額", "寄附額", "購入額"), "int",
           "物産購入・寄附 の記録だけ。0以上の整数（円）。", "3000"),
    # 備考 (docs/style.md); files written before the glossary say メモ and still map.
    Column("note", "備考", ("メモ",), "note"),
)
HOST_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", ("受入先ID", "id"), "id", "書き出したファイルにある受入先の ID。空欄なら新しい受入先です。"),
    Column("name", "名称", ("受入先", "受入先名", "受け入れ先", "名前"), "text", "必須。", "田中農園"),
    Column("host_kind", "種類", ("種別", "区分"), "text", "農家、集落・公民館、NPO・団体、企業、宿泊施設、その他。空欄は 農家。", "農家"),
    Column("contact_person", "担当者", ("代表者", "担当"), "text", "", "田中 一郎"),
    Column("phone", "電話番号", ("電話", "tel", "携帯"), "phone", "", "0254-00-0000"),
    Column("email", "メールアドレス", ("メール", "e-mail", "email", "mail"), "text"),
    Column("postal_code", "郵便番号", ("〒", "郵便"), "postal", "7桁。都道府県・市区町村が空欄なら郵便番号から補います。", "958-0261"),
    Column("prefecture", "都道府県", (), "text", "", "新潟県"),
    Column("city", "市区町村", (), "text", "", "村上市"),
    Column("address_line", "番地", ("町名・番地", "住所1"), "text"),
    Column("address_building", "建物名", ("建物", "住所2"), "text"),
    Column("capacity_per_night", "1泊の定員", ("定員", "宿泊定員"), "int", "泊まれる受入先だけ（名）。空欄は宿泊なし。", "6"),
    Column("hosts_side_job_talent", "副業・兼業の受入れ", ("副業兼業", "副業・兼業"), "bool", "可／不可。空欄は 不可。", "不可"),
    Column("is_active", "受入中", ("有効", "受入可"), "bool", "受け入れを続けている受入先は 可。空欄は 可。", "可"),
    Column("small_business", "中小企業", ("中小企業該当",), "bool", "中小企業の受入先は 可。空欄は 不可。", "不可"),
    Column("notes", "備考", ("メモ",), "note"),
)

# Values of the custom indicators (例3・例4), one period per row; the indicator is named as in its list.
INDICATOR_VALUE_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", ("指標の値ID", "id"), "id", "書き出したファイルにある値の ID。空欄なら 指標・年度・四半期 で探します。"),
    Column("indicator", "指標", ("指標名", "独自指標"), "text", "独自指標の一覧にある名前と同じに。",
           "地域に誇りを持つ住民の割合"),
    Column("fiscal_year", "年度", (), "year", "2026、2026年度、令和8年度 など。", "2026"),
    Column("quarter", "四半期", ("期",), "text", "1〜4（第1四半期は4〜6月）。年度の値なら空欄。"),
    Column("value", "値", ("実績", "実績値"), "number", "数（全角・桁区切り・％ も可）。空欄は未入力に戻します。", "68.5"),
    Column("target", "目標", ("目標値",), "number", "数。空欄なら入力済みの目標のままです。", "70"),
)

# The column sets by kind. services/records.py declares which kind uses which (and everything else
# about a kind); these names stay for the io layer, which may not import services.
KINDS = {
    "persons": PERSON_COLUMNS,
    "enrollments": PERSON_COLUMNS + ENROLLMENT_COLUMNS,
    "stays": STAY_COLUMNS,
    "shipments": SHIPMENT_COLUMNS,
    "letters": LETTER_COLUMNS,
    "interactions": INTERACTION_COLUMNS,
    "hosts": HOST_COLUMNS,
    "indicator_values": INDICATOR_VALUE_COLUMNS,
}
KIND_LABELS = {"persons": "参加者", "enrollments": "参加者＋参加登録", "stays": "滞在", "shipments": "発送",
               "letters": "手紙", "interactions": "関わり", "hosts": "受入先", "indicator_values": "独自指標の値"}
# Kinds planned row by row through their service (services/imports/activities.py), all or nothing.
ACTIVITY_KINDS = ("stays", "shipments", "letters", "interactions", "hosts", "indicator_values")
# Headers only one activity sheet has; two of them decide the kind of a sheet.
_DISTINCTIVE = {
    "stays": ("滞在ID", "受入先", "宿泊先", "開始日", "終了日", "到着日", "出発日", "目的", "種別"),
    "shipments": ("運送会社", "伝票番号", "準備日", "配達日", "返送日", "送料", "数量", "内容"),
    "letters": ("方向", "作成日", "受取日", "返信元ID", "概要"),
    "interactions": ("関わりID", "種類", "種別", "日付", "開催日", "イベント"),
    "hosts": ("受入先ID", "名称", "担当者", "1泊の定員", "定員", "副業・兼業の受入れ", "受入中"),
    "indicator_values": ("指標", "指標名", "四半期", "値", "目標"),
}

_MARKS = re.compile(r"[\s・\-_:：*＊※]+")


def to_note(value) -> str:
    """Free text as typed: line breaks (any convention → \\n) and full-width spaces kept, only the ends trimmed."""
    text = cell_text(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


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


def detect_kind(rows: list[list]) -> str | None:
    """The activity kind (stays, shipments, letters) a sheet's headers name, or None (persons)."""
    best, best_score = None, 1
    for row in rows[:30]:
        folded = {fold_header(value) for value in row}
        for kind, headers in _DISTINCTIVE.items():
            score = sum(fold_header(h) in folded for h in headers)
            if score > best_score:
                best, best_score = kind, score
    return best
