"""Likely duplicates: the same person recorded twice.

The rule (docs/kpi.md, 重複の判定): the same フリガナ after folding (kana and
width, no spaces) **and** at least one of the same birth date, the same e-mail
(folded), the same phone digits or the same postal code. A フリガナ alone is
not enough (two 「サトウ　ハナコ」 are common); without a フリガナ nothing matches.

Each person yields a few *keys* (フリガナ + one other field); two persons
sharing any key are duplicates, and groups are joined transitively. The table
is read once as plain tuples; only persons whose folded フリガナ occurs more than
once are folded and compared.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date

from sqlalchemy import String, cast, select
from sqlmodel import Session

from kankei_desktop.domain.tables import Person
from kankei_desktop.domain.text import digits_only, fold, normalise_postal_code

# Labels of the key kinds, for the review dialog.
KEY_LABELS = {"birth": "生年月日", "email": "メール", "phone": "電話番号", "postal": "郵便番号"}


def _birth_text(birth_date: date | str | None) -> str:
    if not birth_date:
        return ""
    return birth_date.isoformat() if isinstance(birth_date, date) else str(birth_date)[:10]


def duplicate_key_sets(
    furigana: str,
    birth_date: date | str | None,
    email: str,
    phone: str,
    postal_code: str,
) -> set[tuple[str, str, str]]:
    """The keys of one person: (kind, folded フリガナ, value) for each filled field.

    ``furigana`` may be raw or already folded (folding is idempotent).
    """
    kana = fold(furigana)
    if not kana:
        return set()
    keys: set[tuple[str, str, str]] = set()
    birth = _birth_text(birth_date)
    if birth:
        keys.add(("birth", kana, birth))
    mail = fold(email)
    if mail:
        keys.add(("email", kana, mail))
    digits = digits_only(phone)
    if len(digits) >= 6:  # a stray "0" or extension is not a phone number to match on
        keys.add(("phone", kana, digits))
    postal = normalise_postal_code(postal_code) if postal_code else ""
    if len(postal) == 7:
        keys.add(("postal", kana, postal))
    return keys


def match_reasons(keys_a: set[tuple], keys_b: set[tuple]) -> list[str]:
    """Why two persons were paired: the labels of the fields they share."""
    shared = {kind for kind, _kana, _value in keys_a & keys_b}
    return [label for kind, label in KEY_LABELS.items() if kind in shared]


def person_keys(session: Session, person_id: str) -> set[tuple]:
    row = session.execute(
        select(Person.furigana, Person.birth_date, Person.email, Person.phone, Person.postal_code)
        .where(Person.id == person_id)
    ).one_or_none()
    return duplicate_key_sets(*row) if row else set()


def find_duplicates_of(session: Session, person_input, exclude_id: str | None = None) -> list[str]:
    """Live persons that look like ``person_input`` (a PersonInput or anything with its fields).

    Candidates are fetched by the indexed folded フリガナ and checked in Python.
    """
    keys = duplicate_key_sets(
        getattr(person_input, "furigana", ""),
        getattr(person_input, "birth_date", None),
        getattr(person_input, "email", ""),
        getattr(person_input, "phone", ""),
        getattr(person_input, "postal_code", ""),
    )
    if not keys:
        return []
    kana = next(iter(keys))[1]
    statement = select(
        Person.id, Person.furigana, Person.birth_date, Person.email, Person.phone, Person.postal_code
    ).where(Person.furigana_sort == kana, Person.deleted_at.is_(None))
    if exclude_id:
        statement = statement.where(Person.id != exclude_id)
    matches = []
    for person_id, *fields in session.execute(statement.order_by(Person.created_at, Person.id)):
        if keys & duplicate_key_sets(*fields):
            matches.append(person_id)
    return matches


_NOT_DIGITS = re.compile(r"\D")


def _fold_email(email: str) -> str:
    # Nearly every address is ASCII without spaces; full folding (NFKC, kana) only for the rest.
    if email.isascii() and " " not in email and "\t" not in email:
        return email.lower()
    return fold(email)


def _digits(phone: str) -> str:
    # Stored phones are "090-1234-5678": dropping the hyphens is enough for nearly all.
    plain = phone.replace("-", "")
    if plain.isdigit() and plain.isascii():
        return plain
    return _NOT_DIGITS.sub("", phone) if phone.isascii() else digits_only(phone)


def find_duplicate_groups(session: Session) -> list[list[str]]:
    """Every group of two or more live persons that look like one, over the whole table.

    Groups are joined transitively (A~B by phone, B~C by e-mail → A, B, C) and
    returned in フリガナ order; inside a group, the oldest record comes first.
    """
    rows = _live_rows_with_furigana(session)
    fold_cache: dict[str, str] = {}
    kana_of = [sort_key or fold_cache.setdefault(furigana, fold(furigana)) for _id, furigana, sort_key, *_rest in rows]
    # Only a フリガナ that occurs twice can make a pair: skip every other row before any folding.
    shared = {kana for kana, count in Counter(kana_of).items() if count > 1 and kana}
    joined = _Joined()
    # One dict: key → first row that had it. A second row with the key joins the first,
    # so no list is built per key (100,000 persons make ~400,000 keys, nearly all unique).
    first_with: dict[tuple[str, str, str], int] = {}
    for index, (_id, _furigana, _sort, birth, email, phone, postal, _created) in enumerate(rows):
        kana = kana_of[index]
        if kana not in shared:
            continue
        for key in _row_keys(kana, birth, email, phone, postal):
            seen = first_with.setdefault(key, index)
            if seen != index:
                joined.join(seen, index)
    return _ordered_groups(rows, kana_of, joined.groups())


def _live_rows_with_furigana(session: Session) -> list:
    """(id, furigana, furigana_sort, birth, email, phone, postal, created) of every live person with
    a フリガナ: one Core query, no ORM rows and dates left as text, the whole table in one read."""
    return session.connection().execute(
        select(
            Person.id, Person.furigana, Person.furigana_sort, cast(Person.birth_date, String),
            Person.email, Person.phone, Person.postal_code, cast(Person.created_at, String),
        ).where(Person.deleted_at.is_(None), Person.furigana != "")
    ).all()


def _row_keys(kana: str, birth: str | None, email: str | None, phone: str | None,
              postal: str | None) -> Iterator[tuple[str, str, str]]:
    """The same keys as ``duplicate_key_sets``, from stored values with fast paths for the usual
    shapes (an ISO date, an ASCII address, a hyphenated phone, seven digits)."""
    if birth:
        yield "birth", kana, birth[:10]
    if email:
        yield "email", kana, _fold_email(email)
    if phone:
        digits = _digits(phone)
        if len(digits) >= 6:
            yield "phone", kana, digits
    if postal:
        code = postal if len(postal) == 7 and postal.isdigit() else normalise_postal_code(postal)
        if len(code) == 7:
            yield "postal", kana, code


class _Joined:
    """Rows joined into groups transitively (a union-find over row numbers); only joined rows are kept."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        root_a, root_b = self.root(a), self.root(b)
        if root_a != root_b:
            self.parent[root_b] = root_a

    def groups(self) -> list[list[int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for index in self.parent:
            groups[self.root(index)].append(index)
        return list(groups.values())


def _ordered_groups(rows: list, kana_of: list[str], groups: list[list[int]]) -> list[list[str]]:
    """Person ids: inside a group the oldest record first (then by id), the groups in フリガナ order
    (then by their first id), so the same file always gives the same list."""
    result = [
        [rows[i][0] for i in sorted(members, key=lambda i: (rows[i][7] or "", rows[i][0]))]
        for members in groups
    ]
    kana_by_id = {rows[i][0]: kana_of[i] for members in groups for i in members}
    result.sort(key=lambda group: (kana_by_id[group[0]], group[0]))
    return result
