"""Phone, e-mail and 〒 of a participant or a host: their stored form and their messages, said once."""

from __future__ import annotations

from typing import Any

from kankei_desktop.domain.text import (
    is_plausible_phone,
    is_valid_email,
    normalise_email,
    normalise_phone,
    normalise_postal_code,
)

CONTACT_FIELDS = ("phone", "email", "postal_code")


def normalised_contact(record: Any) -> dict[str, str]:
    """The stored form of ``record``'s phone, e-mail and 〒: half-width phone with the plan's hyphens,
    half-width e-mail without spaces, 7-digit 〒 (empty stays empty)."""
    postal_code = record.postal_code
    return {
        "phone": normalise_phone(record.phone),
        "email": normalise_email(record.email),
        "postal_code": normalise_postal_code(postal_code) if postal_code.strip() else "",
    }


def contact_errors(record: Any, order: tuple[str, ...] = CONTACT_FIELDS, *,
                   email_example: str = "name@example.jp") -> dict[str, str]:
    """Field → message for each of ``record``'s (already normalised) contact fields that is wrong,
    in ``order`` (the order its form shows them). ``email_example``: the address a message suggests."""
    problems = {}
    if record.phone and not is_plausible_phone(record.phone):
        problems["phone"] = f"電話番号「{record.phone}」は桁数が合いません（10桁または11桁）。"
    if record.email and not is_valid_email(record.email):
        problems["email"] = f"メールアドレス「{record.email}」の形式が正しくありません（例: {email_example}）。"
    if record.postal_code and len(record.postal_code) != 7:
        problems["postal_code"] = "郵便番号は7桁の数字で入力してください（例: 949-4392）。"
    return {field: problems[field] for field in order if field in problems}
