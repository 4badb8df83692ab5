"""Settings that belong to a coordinator file, each declared once with its default.

Stored as JSON in the ``setting`` table, so they travel with the file (the
organisation name on a report belongs to the data, not to the laptop).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.errors import ValidationError
from kankei_desktop.domain.tables import Setting, utc_now
from kankei_desktop.domain.text import digits_only, normalise_phone, normalise_postal_code
from kankei_desktop.store import audit


@dataclass(frozen=True)
class Declared:
    key: str
    default: Any
    label: str  # as shown in 設定
    # Turns what the coordinator typed into the value stored, or raises ValueError with the
    # reason in Japanese. None: any value, text trimmed.
    parse: Callable[[Any], Any] | None = field(default=None, compare=False, repr=False)
    # Settings this one must be greater than (a horizon longer than the waits it looks back over).
    above: tuple[Declared, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.above:
            _ORDERED.append(self)


# Settings with an ``above`` rule, so saving only the smaller one is checked too.
_ORDERED: list[Declared] = []


# ------------------------------------------------------------------ parsers


def _half_width(value: Any) -> str:
    return unicodedata.normalize("NFKC", "" if value is None else str(value)).strip()


def day_count(minimum: int, maximum: int) -> Callable[[Any], int]:
    """A whole number of days from ``minimum`` to ``maximum`` (full-width digits accepted)."""

    def parse(value: Any) -> int:
        text = _half_width(value)
        if not re.fullmatch(r"[0-9]+", text) or not minimum <= int(text) <= maximum:
            raise ValueError(f"{minimum}〜{maximum}の整数（日数）で入力してください")
        return int(text)

    return parse


def postal_code(value: Any) -> str:
    """Seven digits without hyphen, or empty."""
    text = _half_width(value)
    code = normalise_postal_code(text)
    if text and (len(code) != 7 or not re.fullmatch(r"〒?\s*[0-9]{3}-?[0-9]{4}", text.replace("ー", "-"))):
        raise ValueError("郵便番号は7桁の数字で入力してください（例: 123-4567）")
    return code


def phone_number(value: Any) -> str:
    """A Japanese phone number of 10 or 11 digits, half-width, or empty."""
    text = _half_width(value)
    if text and len(digits_only(text)) not in (10, 11):
        raise ValueError("電話番号は市外局番から10桁または11桁で入力してください（例: 0465-12-3456）")
    # Hyphens the coordinator typed are kept: the number plan cannot tell 0465-78 from 046-578.
    return text if "-" in text or not text else normalise_phone(text)


def digit_code(lengths: tuple[int, ...], *, required: bool = False, hint: str = "") -> Callable[[Any], str]:
    """Half-width digits of one of the given lengths (hyphens and spaces dropped); empty unless required."""
    wanted = f"{lengths[0]}桁" if len(lengths) == 1 else f"{min(lengths)}〜{max(lengths)}桁"

    def parse(value: Any) -> str:
        text = re.sub(r"[-\s]", "", _half_width(value))
        if not text and not required:
            return ""
        if not text.isascii() or not text.isdigit() or len(text) not in lengths:
            raise ValueError(f"半角数字{wanted}で入力してください{hint}")
        return text

    return parse


def short_code(max_length: int) -> Callable[[Any], str]:
    """Up to ``max_length`` half-width letters or digits, or empty."""

    def parse(value: Any) -> str:
        text = _half_width(value)
        if text and not re.fullmatch(rf"[0-9A-Za-z]{{1,{max_length}}}", text):
            raise ValueError(f"半角英数字{max_length}文字以内で入力してください")
        return text

    return parse


ORGANISATION_NAME = Declared("organisation_name", "", "団体名")
REPORT_AUTHOR = Declared("report_author", "", "作成者")
HONORIFIC_PERSON = Declared("honorific_person", "様", "敬称（個人）")
HONORIFIC_ORGANISATION = Declared("honorific_organisation", "御中", "敬称（団体）")
SUPPRESSION_THRESHOLD = Declared("suppression_threshold", 3, "少数の秘匿（この数未満は「<3」と表示）")


def get(session: Session, declared: Declared) -> Any:
    """The stored value, or the default when none is stored or the stored one breaks the setting's rule."""
    raw = session.execute(
        select(Setting.value_json).where(Setting.key == declared.key, Setting.deleted_at.is_(None))
    ).scalar_one_or_none()
    if raw is None:
        return declared.default
    value = json.loads(raw)
    if declared.parse is not None:
        try:
            return declared.parse(value)
        except ValueError:
            return declared.default  # a hand-edited or older file must not stop the services
    return value


def put(session: Session, declared: Declared, value: Any) -> None:
    row = session.execute(select(Setting).where(Setting.key == declared.key)).scalar_one_or_none()
    before = get(session, declared)
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=declared.key, value_json=encoded))
    else:
        row.value_json, row.deleted_at, row.updated_at = encoded, None, utc_now()
    if before != value:
        audit.record(session, "update", "setting", declared.key, {declared.key: [before, value]})


def save(session: Session, values: Mapping[Declared, Any]) -> dict[str, Any]:
    """Check every value, then store them all, or refuse all with a message per setting.

    Returns key → the value stored (normalised: half-width, hyphens as the rule wants).
    ``ValidationError.errors`` is keyed by the setting's key; each message names the setting.
    """
    errors: dict[str, str] = {}
    parsed: dict[Declared, Any] = {}
    for declared, value in values.items():
        if declared.parse is None:
            parsed[declared] = value.strip() if isinstance(value, str) else value
            continue
        try:
            parsed[declared] = declared.parse(value)
        except ValueError as refused:
            errors[declared.key] = f"「{declared.label}」: {refused}。"
    by_key = {declared.key: value for declared, value in parsed.items()}

    def current(declared: Declared) -> Any:
        return by_key[declared.key] if declared.key in by_key else get(session, declared)

    for upper in _ORDERED:
        for lower in upper.above:
            touched = upper.key in by_key or lower.key in by_key
            if touched and not ({upper.key, lower.key} & errors.keys()) and not current(upper) > current(lower):
                errors[upper.key if upper.key in by_key else lower.key] = (
                    f"「{upper.label}」（{current(upper)}）は「{lower.label}」（{current(lower)}）より"
                    f"大きくしてください。")
    if errors:
        raise ValidationError(errors)
    for declared, value in parsed.items():
        put(session, declared, value)
    return by_key


def document_author(session: Session) -> str:
    """作成者 on every PDF: the configured author, else the organisation, else empty (never the OS login,
    which says nothing to a supervisor and can be ``root``)."""
    for key in (REPORT_AUTHOR, ORGANISATION_NAME):
        value = str(get(session, key) or "").strip()
        if value:
            return value
    return ""
def read(database, declared: list[Declared] | tuple[Declared, ...]) -> dict[str, Any]:
    """``get`` of each declared setting (by key) in one unit of work, for the window."""
    with database.session() as session:
        return {item.key: get(session, item) for item in declared}
