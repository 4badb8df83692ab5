"""Custom indicators (例3, 例4) and their values: create, edit, archive, enter, import.

An indicator has a name, a unit, a programme (or all), a source note, optionally the years it
runs, a pair (例4), a kind of interaction whose amounts make its value (物産購入・寄附) and a
programme target key it counts toward. Values (and targets) are entered per fiscal year or
per quarter; ``services.kpis.custom_indicators`` reads them for the figures, the PDF and
``stats``. Bad input is refused naming the field; nothing is written then.

Values are a declared kind of record (``services/records.py``: "indicator_values"): exported,
re-imported and templated like every other kind; ``import_values`` and ``write_values_template``
(the ``indicators import|template`` commands and the indicators dialog) go through that same code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from kankei_desktop.domain.calendar import fiscal_year_label
from kankei_desktop.domain.enums import InteractionKind
from kankei_desktop.domain.errors import NotFoundError, ValidationError
from kankei_desktop.domain.tables import CustomIndicator, CustomIndicatorValue, Programme
from kankei_desktop.domain.tables.base import utc_now
from kankei_desktop.domain.text import normalise_spaces
from kankei_desktop.services import work
from kankei_desktop.services.record_ops import live_or_none, live_rows
from kankei_desktop.store import audit

# The kinds whose amounts an indicator may be summed from (例4's 販売額).
AMOUNT_KINDS = (InteractionKind.PURCHASE.value, InteractionKind.DONATION.value)
VALUE_KIND = "indicator_values"  # the key services/records.py declares the values under


@dataclass
class IndicatorInput:
    name: str
    unit: str = ""
    programme_id: str | None = None
    source_note: str = ""
    first_year: int | None = None
    last_year: int | None = None
    pair_id: str | None = None
    computed_from: str = ""
    target_key: str = ""


@dataclass
class IndicatorRow:
    id: str
    name: str
    unit: str
    programme: str | None
    source_note: str
    first_year: int | None
    last_year: int | None
    pair: str | None
    computed_from: str
    target_key: str
    archived: bool
    values: list[tuple[int, int | None, float | None, float | None]] = field(default_factory=list)


def _clean(data: IndicatorInput) -> IndicatorInput:
    return IndicatorInput(
        name=normalise_spaces(data.name or ""), unit=normalise_spaces(data.unit or ""),
        programme_id=data.programme_id or None, source_note=(data.source_note or "").strip(),
        first_year=data.first_year, last_year=data.last_year, pair_id=data.pair_id or None,
        computed_from=normalise_spaces(data.computed_from or ""), target_key=normalise_spaces(data.target_key or ""),
    )


def _validate(session: Session, data: IndicatorInput, indicator_id: str | None) -> None:
    errors: dict[str, str] = {}
    if not data.name:
        errors["name"] = "指標名を入力してください。"
    elif len(data.name) > 100:
        errors["name"] = "指標名は100文字以内で入力してください。"
    else:
        same = session.exec(select(CustomIndicator.id).where(
            CustomIndicator.name == data.name, CustomIndicator.deleted_at.is_(None))).all()
        if any(other != indicator_id for other in same):
            errors["name"] = f"指標「{data.name}」は既にあります。"
    if len(data.unit) > 20:
        errors["unit"] = "単位は20文字以内で入力してください。"
    if data.programme_id and session.get(Programme, data.programme_id) is None:
        errors["programme"] = "対象のプログラムが見つかりません。"
    for key, year in (("first_year", data.first_year), ("last_year", data.last_year)):
        if year is not None and not 1900 <= year <= 2200:
            errors[key] = f"年度 {year} は範囲外です（例: 2026）。"
    if data.first_year and data.last_year and data.first_year > data.last_year:
        errors["last_year"] = "終わりの年度が始めの年度より前です。"
    if data.computed_from and data.computed_from not in AMOUNT_KINDS:
        errors["computed_from"] = f"計算元は {'・'.join(AMOUNT_KINDS)} のどれかです（「{data.computed_from}」）。"
    if data.pair_id:
        if live_or_none(session, CustomIndicator, data.pair_id) is None or data.pair_id == indicator_id:
            errors["pair"] = "対にする指標が見つかりません。"
    if len(data.target_key) > 30:
        errors["target_key"] = "目標キーは30文字以内で入力してください。"
    if errors:
        raise ValidationError(errors)


def _set_pair(session: Session, indicator: CustomIndicator, pair_id: str | None) -> None:
    """A pair is mutual: linking A to B links B to A and unlinks their former partners."""
    if indicator.pair_id and indicator.pair_id != pair_id:
        former = session.get(CustomIndicator, indicator.pair_id)
        if former is not None and former.pair_id == indicator.id:
            former.pair_id = None
    indicator.pair_id = pair_id
    if pair_id:
        partner = session.get(CustomIndicator, pair_id)
        if partner.pair_id and partner.pair_id != indicator.id:
            other = session.get(CustomIndicator, partner.pair_id)
            if other is not None:
                other.pair_id = None
        partner.pair_id = indicator.id


def create_indicator(session: Session, data: IndicatorInput) -> str:
    data = _clean(data)
    _validate(session, data, None)
    indicator = CustomIndicator(name=data.name, unit=data.unit, programme_id=data.programme_id,
                                source_note=data.source_note, first_year=data.first_year, last_year=data.last_year,
                                computed_from=data.computed_from, target_key=data.target_key)
    session.add(indicator)
    session.flush()
    _set_pair(session, indicator, data.pair_id)
    audit.record(session, "create", "custom_indicator", indicator.id, {"name": [None, data.name]})
    session.flush()
    return indicator.id


def live_indicator(session: Session, indicator: str) -> CustomIndicator:
    """An indicator by id or exact name."""
    found = session.get(CustomIndicator, indicator)
    if found is None or found.deleted_at is not None:
        found = session.exec(select(CustomIndicator).where(
            CustomIndicator.name == normalise_spaces(indicator), CustomIndicator.deleted_at.is_(None))).first()
    if found is None:
        raise NotFoundError(f"指標「{indicator}」が見つかりません（`indicators list` で名前を確かめてください）。")
    return found


def update_indicator(session: Session, indicator_id: str, data: IndicatorInput) -> None:
    indicator = live_indicator(session, indicator_id)
    data = _clean(data)
    _validate(session, data, indicator.id)
    before = {"name": indicator.name, "unit": indicator.unit, "programme_id": indicator.programme_id,
              "source_note": indicator.source_note, "first_year": indicator.first_year,
              "last_year": indicator.last_year, "pair_id": indicator.pair_id,
              "computed_from": indicator.computed_from, "target_key": indicator.target_key}
    for key in ("name", "unit", "programme_id", "source_note", "first_year", "last_year", "computed_from",
                "target_key"):
        setattr(indicator, key, getattr(data, key))
    _set_pair(session, indicator, data.pair_id)
    indicator.updated_at = utc_now()
    after = {key: getattr(indicator, key) for key in before}
    audit.record(session, "update", "custom_indicator", indicator.id, audit.diff(before, after))
    session.flush()


def archive_indicator(session: Session, indicator_id: str, archived: bool = True) -> None:
    """Archive (no new values; listed only for periods with values) or bring back."""
    indicator = live_indicator(session, indicator_id)
    indicator.archived_at = utc_now() if archived else None
    indicator.updated_at = utc_now()
    audit.record(session, "archive" if archived else "unarchive", "custom_indicator", indicator.id,
                 {"name": [indicator.name, indicator.name]})
    session.flush()


def parse_number(value, field_name: str, label: str) -> float | None:
    """A number typed or read from a sheet (全角・桁区切り・％ allowed); blank → None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValidationError({field_name: f"{label}は数で入力してください（「{value}」）。"})
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = normalise_spaces(str(value)).translate(str.maketrans("０１２３４５６７８９．，－", "0123456789.,-"))
        text = text.replace(",", "").removesuffix("%").removesuffix("％").removesuffix("円").strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise ValidationError({field_name: f"{label}は数で入力してください（「{value}」）。"}) from None
    if math.isnan(number) or math.isinf(number):
        raise ValidationError({field_name: f"{label}は数で入力してください（「{value}」）。"})
    return number


def _parse_period(fiscal_year, quarter) -> tuple[int, int | None]:
    if isinstance(fiscal_year, str):
        fiscal_year = fiscal_year.strip().removesuffix("年度")
    try:
        year = int(fiscal_year)
    except (TypeError, ValueError):
        raise ValidationError({"fiscal_year": f"年度は数で入力してください（「{fiscal_year}」）。"}) from None
    if quarter in ("", None):
        quarter = None
    else:
        try:
            quarter = int(str(quarter).strip().removeprefix("Q").removeprefix("第").removesuffix("四半期"))
        except ValueError:
            quarter = -1
        if quarter not in (1, 2, 3, 4):
            raise ValidationError({"quarter": "四半期は 1〜4 で入力してください（年度の値なら空欄）。"})
    return year, quarter


def _check_writable(indicator: CustomIndicator, year: int) -> None:
    """A value may be written only for a live indicator and a year of its span."""
    if indicator.archived_at is not None:
        raise ValidationError({"indicator": f"指標「{indicator.name}」はアーカイブ済みです。値を入力するには元に戻してください。"})
    first, last = indicator.first_year, indicator.last_year
    if (first and year < first) or (last and year > last) or not 1900 <= year <= 2200:
        span = f"{first or ''}〜{last or ''}年度"
        raise ValidationError({"fiscal_year": f"{fiscal_year_label(year) if 1900 <= year <= 2200 else year} は"
                                              f"指標「{indicator.name}」の期間（{span}）の外です。"})


def _check_period(indicator: CustomIndicator, fiscal_year, quarter) -> tuple[int, int | None]:
    year, quarter = _parse_period(fiscal_year, quarter)
    _check_writable(indicator, year)
    return year, quarter


def _value_row(session: Session, indicator_id: str, year: int, quarter: int | None) -> CustomIndicatorValue | None:
    return session.exec(select(CustomIndicatorValue).where(
        CustomIndicatorValue.indicator_id == indicator_id, CustomIndicatorValue.fiscal_year == year,
        CustomIndicatorValue.quarter == quarter if quarter is not None else CustomIndicatorValue.quarter.is_(None),
        CustomIndicatorValue.deleted_at.is_(None))).first()


def set_value(session: Session, indicator_id: str, fiscal_year, quarter, value, target=None,
              keep_target: bool = True) -> tuple[str, bool]:
    """Enter the value (and target) of one period; a blank value clears it. With ``keep_target``
    a blank target keeps the target already entered for the period.

    Returns (the value's id, whether anything changed). A period entered again as it is stays
    untouched (no audit entry), even for an archived indicator or a year its span no longer has."""
    indicator = live_indicator(session, indicator_id)
    year, quarter = _parse_period(fiscal_year, quarter)
    number = parse_number(value, "value", "値")
    goal = parse_number(target, "target", "目標")
    row = _value_row(session, indicator.id, year, quarter)
    new_target = goal if goal is not None or not keep_target else (row.target if row is not None else None)
    if row is not None and (row.value, row.target) == (number, new_target):
        return row.id, False
    _check_writable(indicator, year)
    if row is None:
        row = CustomIndicatorValue(indicator_id=indicator.id, fiscal_year=year, quarter=quarter)
        session.add(row)
        before = {"value": None, "target": None}
    else:
        before = {"value": row.value, "target": row.target}
    row.value, row.target = number, new_target
    row.updated_at = utc_now()
    audit.record(session, "update", "custom_indicator_value", row.id,
                 {**audit.diff(before, {"value": row.value, "target": row.target}),
                  "indicator": [indicator.name, indicator.name],
                  "period": [None, f"{year}" + (f" Q{quarter}" if quarter else "")]})
    session.flush()
    return row.id, True


# ---------------------------------------------------------------- values as a kind of record

@dataclass
class ValueInput:
    """One period's value as a sheet row gives it (services/records.py "indicator_values")."""

    indicator: str = ""  # name or id
    fiscal_year: object = None
    quarter: object = None
    value: object = None
    target: object = None


def load_value_input(session: Session, value_id: str) -> ValueInput:
    row = session.get(CustomIndicatorValue, value_id)
    indicator = session.get(CustomIndicator, row.indicator_id) if row is not None else None
    if row is None or row.deleted_at is not None or indicator is None or indicator.deleted_at is not None:
        raise NotFoundError(f"ID「{value_id}」の指標の値が見つかりません。")
    return ValueInput(indicator.name, row.fiscal_year, row.quarter, row.value, row.target)


def value_period(session: Session, data: ValueInput) -> tuple[str, int, int | None, str | None]:
    """(indicator id, year, quarter, id of the value already entered for that period or None);
    refuses an unknown indicator (NotFoundError) or a period that is not one (ValidationError)."""
    if not normalise_spaces(data.indicator or ""):
        raise ValidationError({"indicator": "指標を入力してください。"})
    indicator = live_indicator(session, data.indicator)
    year, quarter = _parse_period(data.fiscal_year, data.quarter)
    row = _value_row(session, indicator.id, year, quarter)
    return indicator.id, year, quarter, row.id if row is not None else None


def write_value(session: Session, data: ValueInput, value_id: str | None = None) -> tuple[str, bool]:
    """Write one period's value; with ``value_id`` the row must be that value's own period."""
    indicator_id, year, quarter, found = value_period(session, data)
    if value_id and found != value_id:
        stored = load_value_input(session, value_id)
        period = f"{stored.fiscal_year}年度" + (f" 第{stored.quarter}四半期" if stored.quarter else "")
        raise ValidationError({"fiscal_year": f"ID「{value_id}」は指標「{stored.indicator}」{period}の値です。"
                                              "別の期間の値にするときは ID を空欄にしてください。"})
    return set_value(session, indicator_id, year, quarter, data.value, data.target)


def list_indicators(session: Session, include_archived: bool = False) -> list[IndicatorRow]:
    indicators = session.exec(live_rows(CustomIndicator)
                              .order_by(CustomIndicator.created_at, CustomIndicator.name)).all()
    names = {i.id: i.name for i in indicators}
    programmes = {p.id: f"{p.name}（{p.fiscal_year}年度）" for p in session.exec(select(Programme)).all()}
    values: dict[str, list] = {}
    for v in session.exec(live_rows(CustomIndicatorValue)
                          .order_by(CustomIndicatorValue.fiscal_year, CustomIndicatorValue.quarter)).all():
        values.setdefault(v.indicator_id, []).append((v.fiscal_year, v.quarter, v.value, v.target))
    return [IndicatorRow(i.id, i.name, i.unit, programmes.get(i.programme_id) if i.programme_id else None,
                         i.source_note, i.first_year, i.last_year, names.get(i.pair_id) if i.pair_id else None,
                         i.computed_from, i.target_key, i.archived_at is not None, values.get(i.id, []))
            for i in indicators if include_archived or i.archived_at is None]


def indicator_input(session: Session, indicator_id: str) -> IndicatorInput:
    i = live_indicator(session, indicator_id)
    return IndicatorInput(i.name, i.unit, i.programme_id, i.source_note, i.first_year, i.last_year, i.pair_id,
                          i.computed_from, i.target_key)



# ---------------------------------------------------------------- for the window
# Each read below opens its own unit of work and returns plain data (the dialogs never hold a session).


def indicator_rows(database, include_archived: bool = False) -> list[IndicatorRow]:
    with work.unit(database) as session:
        return list_indicators(session, include_archived)


@dataclass(frozen=True)
class IndicatorForm:
    """What the indicator editor offers and shows: programmes (``list_programmes`` rows), the
    indicators it may pair with, and the indicator's fields (None for a new one)."""

    programmes: list[tuple]
    others: list[IndicatorRow]
    data: IndicatorInput | None


def indicator_form(database, indicator_id: str | None) -> IndicatorForm:
    from kankei_desktop.services.programmes import list_programmes

    with work.unit(database) as session:
        return IndicatorForm(
            list_programmes(session, None, include_archived=True),
            [row for row in list_indicators(session, include_archived=True) if row.id != indicator_id],
            indicator_input(session, indicator_id) if indicator_id else None,
        )


# ---------------------------------------------------------------- a sheet of values

def write_values_template(out: Path):
    """The declared kind's template (.xlsx), or its headers and example row as a CSV."""
    from kankei_desktop.io.templates import EXAMPLES, template_columns, write_template
    from kankei_desktop.io.writers import Table, write_csv

    out = Path(out)
    if out.suffix.lower() != ".csv":
        return write_template(VALUE_KIND, out)
    headers = [column.header for column in template_columns(VALUE_KIND)]
    return write_csv(out, Table("指標の値", headers, ["text"] * len(headers),
                                [[example.get(h, "") for h in headers] for example in EXAMPLES[VALUE_KIND]]))


@dataclass
class ValuesImport:
    written: int = 0
    errors: list[str] = field(default_factory=list)


def import_values(session: Session, path: Path, dry_run: bool = False) -> ValuesImport:
    """Values from a sheet (指標, 年度, 四半期 — blank: the year —, 値, 目標), through the importer
    of every declared kind: all or nothing, each bad row reported with its row number and column."""
    from kankei_desktop.io.readers import read_table
    from kankei_desktop.services import imports

    plan = imports.build_plan(session, read_table(Path(path)), kind=VALUE_KIND)
    result = ValuesImport(errors=[m.text() for row in plan.rows for m in row.messages])
    if result.errors or dry_run:
        session.rollback()
        result.written = 0 if result.errors else sum(1 for r in plan.rows if r.action in (imports.CREATE, imports.UPDATE))
        return result
    done = imports.commit_plan(session, plan)
    result.written = done.created + done.updated
    return result
