"""How long each text field may be: one table, read by every service's input check.

The limits are the ``max_length`` the tables already declare (``domain/tables``),
so a column and its check cannot disagree; text without one (備考, 目的, 概要 …)
is free text and gets ``FREE_TEXT_MAX``. A value of a list field (ゆかり, 関心,
スキル) is limited like the tag it becomes. Identifiers (``id``, ``*_id``) are
chosen by the program and are not checked here.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

BIRTH_DATE_MIN = date(1900, 1, 1)  # an earlier 生年月日 is a typing slip (S1 for H1, 1889 for 1989)
FREE_TEXT_MAX = 10_000  # 備考, 目的, 概要 …: a long memo fits, a pasted file does not
LIST_ITEM_MAX = 100  # one ゆかり / 関心 / スキル (PersonTag.name)

LABELS = {
    "name": "氏名", "furigana": "フリガナ", "gender": "性別", "email": "メールアドレス", "phone": "電話番号",
    "postal_code": "郵便番号", "prefecture": "都道府県", "city": "市区町村", "address_line": "番地",
    "address_building": "建物名", "residence_area": "居住地区分", "affiliation": "所属", "found_via": "知ったきっかけ",
    "notes": "備考", "ties": "ゆかり", "interests": "関心", "skills": "スキル", "contact_person": "担当者",
    "kind": "種類", "purpose": "目的", "status": "状況", "capacity_override_reason": "定員超過の理由",
    "contents": "内容", "carrier": "運送会社", "tracking_number": "伝票番号", "summary": "概要",
    "direction": "方向", "note": "メモ", "region": "地域", "description": "説明", "unit": "単位",
    "ladder_stage": "段階",
}
_LIST_FIELDS = ("ties", "interests", "skills")


def max_length(table, field: str) -> int | None:
    """The longest text ``field`` of ``table`` may hold (None: not a text field of it)."""
    info = table.model_fields.get(field)
    if info is None:
        return LIST_ITEM_MAX if field in _LIST_FIELDS else None
    if info.annotation is not str and info.annotation != (str | None):
        return None
    for meta in info.metadata:
        limit = getattr(meta, "max_length", None)
        if limit:
            return limit
    return FREE_TEXT_MAX


@functools.cache
def _limits(table) -> tuple[tuple[str, int], ...]:
    fields = [name for name in table.model_fields if name != "id" and not name.endswith("_id")]
    pairs = [(name, max_length(table, name)) for name in (*fields, *_LIST_FIELDS)]
    return tuple((name, limit) for name, limit in pairs if limit is not None)


def length_errors(table, data, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """Field → message for each text of ``data`` (a dataclass or mapping) longer than its limit."""
    values = data if isinstance(data, Mapping) else vars(data)
    errors: dict[str, str] = {}
    for field, limit in _limits(table):
        value = values.get(field)
        if value is None:
            continue
        if value.__class__ is str:
            if len(value) > limit:
                label = (labels or {}).get(field) or LABELS.get(field, field)
                errors[field] = f"{label}は{limit:,}文字以内で入力してください（{len(value):,}文字あります）。"
        elif isinstance(value, (list, tuple)):
            long = [item for item in value if isinstance(item, str) and len(item) > limit]
            if long:
                label = (labels or {}).get(field) or LABELS.get(field, field)
                errors[field] = f"{label}の1つは{limit:,}文字以内で入力してください（「{long[0][:20]}…」）。"
    return errors


def add_length_errors(errors: dict[str, str], table, data, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """``errors`` with the length problems of ``data`` added (a field's first message is kept)."""
    for field, message in length_errors(table, data, labels).items():
        errors.setdefault(field, message)
    return errors
