"""Finding a sheet row's programme: by name plus the fiscal year of the row's own date.

Programme names repeat every fiscal year (お米レター 2025, お米レター 2026). A row
names its programme by プログラム and, as exports write it, 年度; without a 年度
the fiscal year of the row's own date decides (the date each kind declares in
``services.records``: a stay's start, a letter's sent or received date, an
interaction's date, an enrollment's date). A name found in several years on a
row with neither is an error naming the years.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from kankei_desktop.domain.calendar import fiscal_year_of
from kankei_desktop.domain.tables import Programme
from kankei_desktop.domain.text import normalise_spaces


def _years(found: list[tuple[str, int]]) -> str:
    return "、".join(f"{year}年度" for year in sorted({y for _i, y in found}))


class ProgrammeFinder:
    """Live programmes by name, read once per plan."""

    def __init__(self, session: Session):
        self._by_name: dict[str, list[tuple[str, int]]] = {}
        for pid, name, year in session.execute(
                select(Programme.id, Programme.name, Programme.fiscal_year).where(Programme.deleted_at.is_(None))):
            self._by_name.setdefault(normalise_spaces(name), []).append((pid, year))

    def find(self, name: str, year: int | None = None, on: date | None = None) -> tuple[str | None, str]:
        """(programme id, "") or (None, the reason in Japanese)."""
        name = normalise_spaces(name)
        found = self._by_name.get(name, [])
        if not found:
            return None, f"プログラム「{name}」が見つかりません。"
        if year is not None:
            exact = [pid for pid, y in found if y == year]
            if len(exact) == 1:
                return exact[0], ""
            if not exact:
                return None, f"{year}年度のプログラム「{name}」が見つかりません（あるのは {_years(found)}）。"
            return None, f"{year}年度のプログラム「{name}」が {len(exact)} 件あります。プログラムの名前を区別してください。"
        if len(found) == 1:
            return found[0][0], ""
        if on is not None:
            wanted = fiscal_year_of(on)
            exact = [pid for pid, y in found if y == wanted]
            if len(exact) == 1:
                return exact[0], ""
            if not exact:
                return None, (f"プログラム「{name}」は {_years(found)} にあり、行の日付（{on:%Y/%m/%d}）の "
                              f"{wanted}年度にはありません。「年度」の列で指定してください。")
            return None, f"{wanted}年度のプログラム「{name}」が {len(exact)} 件あります。プログラムの名前を区別してください。"
        return None, (f"プログラム「{name}」は複数の年度（{_years(found)}）にあります。"
                      "「年度」の列か、行の日付で年度を指定してください。")
