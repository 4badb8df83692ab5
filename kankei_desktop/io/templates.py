"""Blank import sheets (ひな形) for every kind the importer reads.

A template is the importer's own column set (``io/columns.py``) with nothing in
between: the headers are exactly ``Column.header``, so a filled template maps
without a single manual choice and imports as it is. Three sheets:

1. the data sheet (first, so it is the one imported): headers only, frozen,
   each column formatted ahead of typing — text for codes that must keep their
   leading zeros (〒, phone, IDs, 伝票番号), yyyy/mm/dd for dates — with a
   drop-down where the values are a fixed list and a note on each header;
2. 入力の手引き: per column whether it is required, an example and what to type;
3. 記入例: the data sheet's headers with filled example rows, to copy from.

The importer reads only the first sheet, so the other two never get imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kankei_desktop.domain.enums import (
    Carrier,
    HostKind,
    InteractionKind,
    LadderStage,
    LetterDirection,
    LetterStatus,
    ShipmentStatus,
    StayKind,
    StayStatus,
)
from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.io.columns import KIND_LABELS, KINDS, Column
from kankei_desktop.io.writers import WriteResult, _atomic, display_width

# Every column set of io/columns.py has a template (services/records.py declares which kinds do;
# a test holds the two equal, as this io module may not import services).
TEMPLATE_KINDS = ("persons", "enrollments", "stays", "shipments", "letters", "interactions", "hosts",
                  "indicator_values")
SHEET_NAMES = {"persons": "参加者", "enrollments": "参加者と参加登録", "stays": "滞在", "shipments": "発送",
               "letters": "手紙", "interactions": "関わり", "hosts": "受入先", "indicator_values": "独自指標の値"}
GUIDANCE_SHEET, EXAMPLE_SHEET = "入力の手引き", "記入例"
# Rows that get the column formats and drop-downs ahead of typing.
PREPARED_ROWS = 2000

# Column keys left out of a template: a record ID is for re-importing an export (it updates that
# record; a template makes new ones), the combined 住所 duplicates the split address columns, and
# 年齢 is never imported.
_LEFT_OUT = {"persons": {"id", "address", "age"}, "enrollments": {"id", "address", "age", "enrollment_id"},
             "stays": {"id"}, "shipments": {"id"}, "letters": {"id"}, "interactions": {"id"}, "hosts": {"id"},
             "indicator_values": {"id"}}
_CODE_KEYS = {"postal_code", "phone", "tracking_number", "id", "person_id", "reply_to", "file_key"}
_YES_NO = ("可", "不可")
_RESIDENCE = ("東京圏", "名古屋圏", "関西圏", "県内都市部", "県内その他", "その他の道府県", "海外")


@dataclass(frozen=True)
class Note:
    required: str = ""  # 必須, or which columns one of must be filled
    example: str = ""
    guidance: str = ""
    choices: tuple[str, ...] = ()


_PERSON_ID = Note("", "", "登録済みの参加者を ID で指定するとき（参加者の一覧から書き出したファイルの ID 列）。"
                          "空欄なら氏名で探します。")
_PROGRAMME = Note("", "お米レター2026", "プログラムの一覧にある名前と同じに。")
_YEAR = Note("", "", "同じ名前のプログラムが毎年あるとき、その年度（2026、令和8年度）。空欄なら行の日付の年度です。")
_HOST_NAME = "受入先の一覧にある名前と同じに（空白の有無・全角半角は区別しません）。"

# Notes on top of (or instead of) ``Column.guidance`` / ``Column.example``, per kind.
NOTES: dict[str, dict[str, Note]] = {
    "persons": {
        "name": Note("必須"),
        "email": Note("", "", "半角英数字。重複の判定にも使います。"),
        "prefecture": Note("", "", "住所は 都道府県・市区町村・番地・建物名 に分けて入力します。"),
        "city": Note("", "", "市区町村（郡部は郡から）。"),
        "address_line": Note("", "", "町名・番地。"),
        "address_building": Note("", "", "マンション・アパート名と部屋番号（なければ空欄）。"),
        "affiliation": Note("", "", "大学・勤務先など。"),
        "found_via": Note("", "", "知ったきっかけ（自由記述）。"),
        "notes": Note("", "", "自由記述のメモ。"),
        "ladder_stage": Note(choices=tuple(s.value for s in LadderStage)),
        "contact_ok": Note(choices=_YES_NO),
        "photo_ok": Note(choices=_YES_NO),
        "residence_area": Note(choices=_RESIDENCE),
    },
    "enrollments": {
        "programme": Note("必須", "お米レター2026", "参加するプログラム。プログラムの一覧にある名前と同じに。"),
        "fiscal_year": Note("", "2026", "同じ名前のプログラムが複数の年度にあるときだけ。2026、令和8年度 など。"),
        "stage": Note("", "申込", "プログラムの段階名（空欄なら最初の段階）。"),
        "applied_on": Note("", "2026/04/10", "申し込んだ日。"),
        "joined_on": Note("", "2026/05/01", "参加した日。"),
        "enrollment_notes": Note("", "", "この参加登録についてのメモ（改行もそのまま残ります）。"),
    },
    "stays": {
        "person_id": _PERSON_ID,
        "person_name": Note("必須（または参加者ID）", "山田 花子", "参加者の一覧にある氏名と同じに。1人1行です。"),
        "furigana": Note("", "ヤマダ ハナコ", "未登録の人を一緒に登録するときだけ（フリガナと、電話番号かメールアドレスが必要）。"),
        "phone": Note("", "090-1234-5678", "未登録の人を一緒に登録するときだけ。"),
        "email": Note("", "", "未登録の人を一緒に登録するときだけ。"),
        "host": Note("受入先か宿泊先のどちらかは必須", "田中農園", _HOST_NAME),
        "lodging": Note("受入先か宿泊先のどちらかは必須", "民宿 いずもざき荘", "泊まる所（受入先と同じなら同じ名前を）。" + _HOST_NAME),
        "start_on": Note("必須", "2026/08/12", "到着日。"),
        "end_on": Note("必須", "2026/08/15", "出発日（日帰りは開始日と同じ日）。"),
        "stay_kind": Note("", "", "空欄のままで構いません（日数から 日帰り・短期滞在・長期滞在 を決めます）。",
                          tuple(k.value for k in StayKind)),
        "purpose": Note("", "稲刈り", "何のための滞在か（自由記述）。"),
        "programme": _PROGRAMME,
        "status": Note("", "確定", "空欄なら 予定。", tuple(s.value for s in StayStatus)),
        "notes": Note("", "", "この人についてのメモ。同じ滞在の行のメモは「氏名: メモ」としてまとめて残ります。"),
        "override_reason": Note("", "", "宿泊先の定員を超えても登録するときだけ、その理由。"),
    },
    "shipments": {
        "person_id": _PERSON_ID,
        "person_name": Note("必須（または参加者ID）", "山田 花子", "届け先の参加者の氏名（参加者の一覧と同じに）。"),
        "host": Note("", "田中農園", "送り主の受入先。" + _HOST_NAME),
        "programme": _PROGRAMME,
        "contents": Note("必須", "お米 5kg", "200文字まで。"),
        "quantity": Note("", "1", "空欄なら 1。"),
        "carrier": Note("", "ゆうパック", "空欄なら ゆうパック。", tuple(c.value for c in Carrier)),
        "tracking_number": Note("", "123456789012", "数字だけ（ハイフンは自動で除きます）。文字列のまま入力してください。"),
        "prepared_on": Note("", "2026/10/01", "荷物を用意した日。"),
        "shipped_on": Note("", "2026/10/02", "出荷した日（未来の日付は入りません）。"),
        "delivered_on": Note("", "", "届いた日。"),
        "returned_on": Note("", "", "戻ってきたときだけ。"),
        "status": Note("", "", "空欄のままで構いません（日付から決めます）。", tuple(s.value for s in ShipmentStatus)),
        "cost_yen": Note("", "1200", "円（数字だけ）。"),
        "notes": Note("", "", "自由記述のメモ。"),
    },
    "letters": {
        "direction": Note("必須", LetterDirection.TO_PERSON.value, "地域から参加者へ送る手紙か、参加者から届いた手紙か。",
                          tuple(d.value for d in LetterDirection)),
        "person_id": _PERSON_ID,
        "person_name": Note("必須（または参加者ID）", "山田 花子", "参加者の一覧にある氏名と同じに。"),
        "sender": Note("", "田中農園", "地域→参加者 の手紙では受入先の名前（" + _HOST_NAME + "）。"),
        "recipient": Note("", "山田 花子", "参加者→地域 の手紙では受入先の名前。"),
        "programme": _PROGRAMME,
        "written_on": Note("", "2026/09/01", "書いた日。"),
        "sent_on": Note("", "2026/09/02", "投函した日（未来の日付は入りません）。"),
        "received_on": Note("", "", "届いた日。"),
        "status": Note("", "", "空欄のままで構いません（日付から決めます）。戻ってきた手紙だけ 返送。",
                       tuple(s.value for s in LetterStatus)),
        "file_key": Note("", "1", "このファイルの中での手紙の番号（返事の行から元の手紙を指すときに使います）。"),
        "reply_to": Note("", "", "返事のとき、元の手紙。このファイルの前の行の「番号」か、登録済みの手紙の ID。"),
        "summary": Note("", "稲刈りのお礼", "手紙の内容を短く。"),
        "fiscal_year": _YEAR,
    },
    "interactions": {
        "person_id": _PERSON_ID,
        "person_name": Note("必須（または参加者ID）", "山田 花子", "参加者の一覧にある氏名と同じに。1人1行です。"),
        "furigana": Note("", "ヤマダ ハナコ", "未登録の人を一緒に登録するときだけ（フリガナと、電話番号かメールアドレスが必要）。"),
        "phone": Note("", "090-1234-5678", "未登録の人を一緒に登録するときだけ。"),
        "email": Note("", "", "未登録の人を一緒に登録するときだけ。"),
        "occurred_on": Note("必須", "2026/07/20", "参加した日（未来の日付は入りません）。"),
        "interaction_kind": Note("必須", InteractionKind.EVENT.value, "関わりの種類。",
                                 tuple(k.value for k in InteractionKind)),
        "programme": _PROGRAMME,
        "fiscal_year": _YEAR,
        "amount_yen": Note("", "", "物産購入・寄附 の記録だけ、その金額（円、数字だけ）。独自指標の販売額などに合計されます。"),
        "note": Note("", "", "自由記述のメモ。"),
    },
    "hosts": {
        "name": Note("必須", "田中農園", "受入先の名前。滞在・発送・手紙のシートはこの名前で受入先を指します。"),
        "host_kind": Note("", HostKind.FARM.value, "空欄なら 農家。", tuple(k.value for k in HostKind)),
        "postal_code": Note("", "958-0261", "7桁。都道府県・市区町村が空欄なら郵便番号から補います。"),
        "capacity_per_night": Note("", "", "泊まれる受入先だけ、1泊の定員（名）。"),
        "email": Note("", "", "半角英数字。"),
        "address_line": Note("", "", "町名・番地（空欄なら郵便番号の町名を補います）。"),
        "address_building": Note("", "", "建物名（なければ空欄）。"),
        "notes": Note("", "", "自由記述のメモ（改行もそのまま残ります）。"),
        "hosts_side_job_talent": Note(choices=_YES_NO),
        "is_active": Note(choices=_YES_NO),
        "small_business": Note("", "", "中小企業の受入先は 可（副業・兼業人材を受け入れた中小企業の数に数えます）。空欄は 不可。",
                               _YES_NO),
    },
    "indicator_values": {
        "indicator": Note("必須"),
        "fiscal_year": Note("必須"),
        "quarter": Note("", "", "1〜4（第1四半期は4〜6月）。年度の値なら空欄。", ("1", "2", "3", "4")),
    },
}
for _kind in ("stays", "shipments"):
    NOTES[_kind]["fiscal_year"] = _YEAR

# The 記入例 sheet, by header. Stays show two persons of one stay (no 滞在ID needed).
EXAMPLES: dict[str, list[dict[str, str]]] = {
    "persons": [{"氏名": "山田 花子", "フリガナ": "ヤマダ ハナコ", "生年月日": "2001/07/07", "電話番号": "090-1234-5678",
                 "郵便番号": "949-4392", "都道府県": "新潟県", "市区町村": "十日町市", "番地": "本町1-2-3",
                 "段階": "関心", "連絡可否": "可"}],
    "enrollments": [{"氏名": "山田 花子", "フリガナ": "ヤマダ ハナコ", "電話番号": "090-1234-5678",
                     "プログラム": "お米レター2026", "ステージ": "申込", "申込日": "2026/04/10"}],
    "stays": [{"氏名": "山田 花子", "受入先": "田中農園", "宿泊先": "民宿 いずもざき荘", "開始日": "2026/08/12",
               "終了日": "2026/08/15", "目的": "稲刈り", "状況": "確定"},
              {"氏名": "佐藤 太郎", "受入先": "田中農園", "宿泊先": "民宿 いずもざき荘", "開始日": "2026/08/12",
               "終了日": "2026/08/15", "目的": "稲刈り", "状況": "確定", "備考": "そばアレルギー"}],
    "shipments": [{"宛先": "山田 花子", "差出人": "田中農園", "内容": "お米 5kg", "数量": "1", "運送会社": "ゆうパック",
                   "伝票番号": "123456789012", "準備日": "2026/10/01", "発送日": "2026/10/02", "送料": "1200"}],
    "letters": [{"番号": "1", "方向": "地域→参加者", "氏名": "山田 花子", "差出人": "田中農園", "宛先": "山田 花子",
                 "作成日": "2026/09/01", "発送日": "2026/09/02", "概要": "稲刈りのお礼"},
                {"番号": "2", "方向": "参加者→地域", "氏名": "山田 花子", "差出人": "山田 花子", "宛先": "田中農園",
                 "発送日": "2026/09/10", "受取日": "2026/09/12", "返信元ID": "1", "概要": "お米のお礼"}],
    "interactions": [{"氏名": "山田 花子", "日付": "2026/07/20", "種類": InteractionKind.EVENT.value,
                      "プログラム": "ふるさとみつけ塾"},
                     {"氏名": "佐藤 太郎", "フリガナ": "サトウ タロウ", "メールアドレス": "taro@example.jp",
                      "日付": "2026/07/20", "種類": InteractionKind.EVENT.value, "プログラム": "ふるさとみつけ塾"},
                     {"氏名": "山田 花子", "日付": "2026/07/25", "種類": InteractionKind.PURCHASE.value,
                      "金額（円）": "3000", "備考": "新米 5kg"}],
    "hosts": [{"名称": "田中農園", "種類": HostKind.FARM.value, "担当者": "田中 一郎", "電話番号": "0254-00-0000",
               "郵便番号": "958-0261", "副業・兼業の受入れ": "可", "受入中": "可"},
              {"名称": "民宿 いずもざき荘", "種類": HostKind.LODGING.value, "郵便番号": "949-4300", "1泊の定員": "8",
               "受入中": "可"}],
    "indicator_values": [{"指標": "地域に誇りを持つ住民の割合", "年度": "2026", "値": "68.5", "目標": "70"},
                         {"指標": "副業・兼業人材を受け入れた地域の中小企業数", "年度": "2026", "四半期": "2", "値": "2",
                          "目標": "3"}],
}

GENERAL_NOTES: dict[str, tuple[str, ...]] = {
    "all": (
        "1行目の見出しは変えずに、2行目から入力してください（列の順番は変えても、使わない列は消しても構いません）。",
        "郵便番号・電話番号・伝票番号・ID は文字列のまま入力してください（先頭の 0 が消えないように、列は文字列の書式にしてあります）。",
        "日付は 2026/8/12、2026-08-12、R8.8.12、令和8年8月12日 のどれでも読み取れます。",
        "取り込まれるのは最初のシートだけです。このシートと「記入例」は取り込まれません。",
    ),
    "persons": ("1人1行です。同じ人が既に登録されていれば、取り込みの確認画面で重複として示されます。",),
    "enrollments": ("1人1行です。プログラムは先にプログラムの一覧で作っておいてください。",),
    "stays": (
        "1人1行です。受入先・宿泊先・プログラム・開始日・終了日・状況がすべて同じ行は、"
        "まとめて 1 つの滞在（複数人）として登録します。",
        "まとめた滞在ごとに、宿泊先の定員と、同じ人の日付の重なりを確かめます。",
        "参加者・受入先・プログラムは、先に登録してある名前と同じにしてください。",
        "ファイルに 1 行でもエラーがあると、何も取り込みません（直してからもう一度取り込みます）。",
    ),
    "shipments": ("1回の発送を1行に。ファイルに 1 行でもエラーがあると、何も取り込みません。",),
    "letters": ("1通を1行に。ファイルに 1 行でもエラーがあると、何も取り込みません。",
                "返事は、元の手紙より後の行に置き、「返信元ID」に元の手紙の「番号」を書きます。"),
    "interactions": ("参加者名簿（出欠表）を1人1行で。未登録の人は、フリガナと電話番号かメールアドレスがあれば"
                     "参加者として一緒に登録します（滞在のシートと同じ決まり）。",
                     "ファイルに 1 行でもエラーがあると、何も取り込みません。"),
    "indicator_values": ("1つの指標の1つの期間（年度、または四半期）を1行に。指標は先に 独自指標 の画面で作っておいてください。",
                         "入力済みの期間の行は、その値を書き換えます。目標が空欄なら入力済みの目標のままです。",
                         "ファイルに 1 行でもエラーがあると、何も取り込みません。"),
    "hosts": ("1つの受入先を1行に。郵便番号があり都道府県・市区町村が空欄なら、郵便番号から補います。",
              "ファイルに 1 行でもエラーがあると、何も取り込みません。"),
}


@dataclass(frozen=True)
class TemplateColumn:
    key: str
    header: str
    format: str  # text, date, int, number
    required: str
    example: str
    guidance: str
    choices: tuple[str, ...]


def template_columns(kind: str) -> list[TemplateColumn]:
    """The columns of ``kind``'s template, in the importer's order."""
    if kind not in TEMPLATE_KINDS:
        raise ValidationError({"kind": f"「{kind}」のひな形はありません（{'、'.join(TEMPLATE_KINDS)}）。"})
    notes = {**NOTES["persons"], **NOTES[kind]} if kind == "enrollments" else NOTES[kind]
    columns = []
    for column in _ordered(KINDS[kind]):
        if column.key in _LEFT_OUT[kind]:
            continue
        note = notes.get(column.key, Note())
        columns.append(TemplateColumn(
            column.key, column.header, _format_of(column), note.required, note.example or column.example,
            note.guidance or column.guidance, note.choices,
        ))
    return columns


def _ordered(columns: tuple[Column, ...]) -> list[Column]:
    """参加者ID after 氏名: most rows name their person, the ID is the exception."""
    ordered = [c for c in columns if c.key != "person_id"]
    by_id = [c for c in columns if c.key == "person_id"]
    at = next((i + 1 for i, c in enumerate(ordered) if c.key == "person_name"), len(ordered))
    return ordered[:at] + by_id + ordered[at:]


def _format_of(column: Column) -> str:
    if column.kind == "date":
        return "date"
    if column.kind == "int" and column.key not in _CODE_KEYS:
        return "int"
    if column.kind == "number":
        return "number"
    return "text"


def default_file_name(kind: str) -> str:
    return f"{KIND_LABELS[kind].replace('＋', 'と')}_取り込み用.xlsx"


def write_template(kind: str, out: Path) -> WriteResult:
    """Write ``kind``'s template to ``out`` (.xlsx), atomically."""
    import xlsxwriter

    columns = template_columns(kind)
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError({"out": f"「{out.name}」: ひな形は .xlsx で保存します。"})
    with _atomic(out) as temp:
        book = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_numbers": False,
                                               "strings_to_urls": False})
        try:
            formats = _formats(book)
            _data_sheet(book, formats, kind, columns)
            _guidance_sheet(book, formats, kind, columns)
            _example_sheet(book, formats, kind, columns)
        finally:
            book.close()
    return WriteResult(out)


def _formats(book) -> dict:
    base = {"font_name": "BIZ UDPGothic", "font_size": 10}
    header = {**base, "bold": True, "bottom": 1, "valign": "vcenter"}
    return {
        "header": book.add_format({**header, "bg_color": "#E8EEF4"}),
        "required": book.add_format({**header, "bg_color": "#FBE3C8"}),
        "text": book.add_format({**base, "num_format": "@"}),
        "date": book.add_format({**base, "num_format": "yyyy/mm/dd"}),
        "int": book.add_format({**base, "num_format": "0"}),
        "number": book.add_format({**base, "num_format": "General"}),
        "wrap": book.add_format({**base, "num_format": "@", "text_wrap": True, "valign": "top"}),
        "note": book.add_format({**base, "italic": True, "font_color": "#555555"}),
    }


def _width(column: TemplateColumn) -> int:
    widest = max(display_width(column.header), display_width(column.example), 12 if column.format == "date" else 0,
                 max((display_width(c) for c in column.choices), default=0))
    return min(max(widest + 3, 8), 36)


def _header_format(formats: dict, column: TemplateColumn):
    return formats["required"] if "必須" in column.required else formats["header"]


def _data_sheet(book, formats: dict, kind: str, columns: list[TemplateColumn]) -> None:
    sheet = book.add_worksheet(SHEET_NAMES[kind])
    sheet.freeze_panes(1, 0)
    sheet.set_row(0, 20)
    for col, column in enumerate(columns):
        # The column format makes an empty cell text (or a date) before anything is typed in it.
        sheet.set_column(col, col, _width(column), formats[column.format])
        sheet.write_string(0, col, column.header, _header_format(formats, column))
        tip = "\n".join(t for t in (column.required, column.guidance,
                                    f"例: {column.example}" if column.example else "") if t)
        if tip:
            sheet.write_comment(0, col, tip, {"x_scale": 2, "y_scale": 1.5, "font_name": "BIZ UDPGothic"})
        if column.choices:
            sheet.data_validation(1, col, PREPARED_ROWS, col, {
                "validate": "list", "source": list(column.choices), "error_type": "warning",
                "error_title": column.header, "error_message": "一覧にない値です。このまま入力しますか？",
            })
    sheet.autofilter(0, 0, 0, len(columns) - 1)


def _guidance_sheet(book, formats: dict, kind: str, columns: list[TemplateColumn]) -> None:
    sheet = book.add_worksheet(GUIDANCE_SHEET)
    sheet.freeze_panes(1, 0)
    for col, (title, width) in enumerate((("列", 18), ("必須", 22), ("入力例", 20), ("説明", 80))):
        sheet.write_string(0, col, title, formats["header"])
        sheet.set_column(col, col, width)
    for row, column in enumerate(columns, 1):
        for col, value in enumerate((column.header, column.required, column.example,
                                     _choices_text(column))):
            sheet.write_string(row, col, value, formats["wrap"])
    row = len(columns) + 2
    for line in (*GENERAL_NOTES[kind], *GENERAL_NOTES["all"]):
        sheet.write_string(row, 3, line, formats["wrap"])
        row += 1


def _choices_text(column: TemplateColumn) -> str:
    if not column.choices:
        return column.guidance
    listed = f"選択肢: {'、'.join(column.choices)}"
    return f"{column.guidance} {listed}" if column.guidance else listed


def _example_sheet(book, formats: dict, kind: str, columns: list[TemplateColumn]) -> None:
    sheet = book.add_worksheet(EXAMPLE_SHEET)
    sheet.freeze_panes(1, 0)
    for col, column in enumerate(columns):
        sheet.set_column(col, col, _width(column), formats["text"])
        sheet.write_string(0, col, column.header, _header_format(formats, column))
    examples = EXAMPLES[kind]
    for row, example in enumerate(examples, 1):
        for col, column in enumerate(columns):
            value = example.get(column.header, "")
            if value:
                sheet.write_string(row, col, value, formats["text"])
    sheet.write_string(len(examples) + 2, 0, "この記入例は取り込まれません。最初のシートに入力してください。", formats["note"])
