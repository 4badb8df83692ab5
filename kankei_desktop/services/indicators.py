"""Custom indicators (例3, 例4) and their values: create, edit, archive, enter, import.

An indicator has a name, a unit, a programme (or all), a source note, optionally the years it
runs, a pair (例4), a kind of interaction whose amounts make its value (物産購入・寄附) and a
programme target key it counts toward. Values (and targets) are entered per fiscal year or
per quarter; ``services.kpis.custom_indicators`` reads them for the figures, the PDF and
``stats``. Bad input is refused naming the field; nothing is written then.

The small sheet importer here (``import_values``, template ``write_values_template``) is to be
folded into the record declarations of the import/export work at merge time.
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
from kankei_desktop.store import audit

# The kinds whose amounts an indicator may be summed from (例4's 販売額).
AMOUNT_KINDS = (InteractionKind.PURCHASE.value, InteractionKind.DONATION.value)
VALUE_COLUMNS = ("指標", "年度", "四半期", "値", "目標")


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
        pair = session.get(CustomIndicator, data.pair_id)
        if pair is None or pair.deleted_at is not None or data.pair_id == indicator_id:
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


def _check_period(indicator: CustomIndicator, fiscal_year, quarter) -> tuple[int, int | None]:
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
    if indicator.archived_at is not None:
        raise ValidationError({"indicator": f"指標「{indicator.name}」はアーカイブ済みです。値を入力するには元に戻してください。"})
    first, last = indicator.first_year, indicator.last_year
    if (first and year < first) or (last and year > last) or not 1900 <= year <= 2200:
        span = f"{first or ''}〜{last or ''}年度"
        raise ValidationError({"fiscal_year": f"{fiscal_year_label(year) if 1900 <= year <= 2200 else year} は"
                                              f"指標「{indicator.name}」の期間（{span}）の外です。"})
    return year, quarter


def set_value(session: Session, indicator_id: str, fiscal_year, quarter, value, target=None,
              keep_target: bool = True) -> None:
    """Enter the value (and target) of one period; a blank value clears it. With ``keep_target``
    a blank target keeps the target already entered for the period."""
    indicator = live_indicator(session, indicator_id)
    year, quarter = _check_period(indicator, fiscal_year, quarter)
    number = parse_number(value, "value", "値")
    goal = parse_number(target, "target", "目標")
    row = session.exec(select(CustomIndicatorValue).where(
        CustomIndicatorValue.indicator_id == indicator.id, CustomIndicatorValue.fiscal_year == year,
        CustomIndicatorValue.quarter == quarter if quarter is not None else CustomIndicatorValue.quarter.is_(None),
        CustomIndicatorValue.deleted_at.is_(None))).first()
    if row is None:
        row = CustomIndicatorValue(indicator_id=indicator.id, fiscal_year=year, quarter=quarter)
        session.add(row)
        before = {"value": None, "target": None}
    else:
        before = {"value": row.value, "target": row.target}
    row.value = number
    if goal is not None or not keep_target:
        row.target = goal
    row.updated_at = utc_now()
    audit.record(session, "update", "custom_indicator_value", row.id,
                 {**audit.diff(before, {"value": row.value, "target": row.target}),
                  "indicator": [indicator.name, indicator.name],
                  "period": [None, f"{year}" + (f" Q{quarter}" if quarter else "")]})
    session.flush()


def list_indicators(session: Session, include_archived: bool = False) -> list[IndicatorRow]:
    indicators = session.exec(select(CustomIndicator).where(CustomIndicator.deleted_at.is_(None))
                              .order_by(CustomIndicator.created_at, CustomIndicator.name)).all()
    names = {i.id: i.name for i in indicators}
    programmes = {p.id: f"{p.name}（{p.fiscal_year}年度）" for p in session.exec(select(Programme)).all()}
    values: dict[str, list] = {}
    for v in session.exec(select(CustomIndicatorValue).where(CustomIndicatorValue.deleted_at.is_(None))
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


# ---------------------------------------------------------------- a sheet of values

def write_values_template(out: Path):
    """An xlsx (or csv by the suffix) with the columns ``import_values`` reads and one example row."""
    from kankei_desktop.io.writers import Table, write_csv, write_xlsx

    table = Table("指標の値", list(VALUE_COLUMNS), ["text", "int", "text", "number", "number"],
                  [["地域に誇りを持つ住民の割合", 2026, "", 68.5, 70]])
    return write_csv(out, table) if Path(out).suffix.lower() == ".csv" else write_xlsx(out, [table])


@dataclass
class ValuesImport:
    written: int = 0
    errors: list[str] = field(default_factory=list)


def import_values(session: Session, path: Path, dry_run: bool = False) -> ValuesImport:
    """Values from a sheet with the columns 指標, 年度, 四半期 (blank: the year), 値, 目標 (optional).

    All or nothing: any bad row (unknown indicator, a value that is not a number, a period outside
    the indicator's years, an archived indicator) is reported with its row number and field, and
    nothing is written.
    """
    from kankei_desktop.io.readers import read_table

    table = read_table(Path(path))
    rows = [row for row in table.rows if any(cell not in (None, "") for cell in row)]
    result = ValuesImport()
    if not rows:
        result.errors.append("シートが空です。")
        return result
    header = [normalise_spaces(str(cell or "")) for cell in rows[0]]
    missing = [name for name in ("指標", "年度", "値") if name not in header]
    if missing:
        result.errors.append(f"1行目に列「{'」「'.join(missing)}」がありません（テンプレート: {'・'.join(VALUE_COLUMNS)}）。")
        return result
    column = {name: header.index(name) for name in VALUE_COLUMNS if name in header}
    labels = {"indicator": "指標", "fiscal_year": "年度", "quarter": "四半期", "value": "値", "target": "目標"}
    for number, row in enumerate(table.rows, start=1):
        if row is rows[0] or not any(cell not in (None, "") for cell in row):
            continue

        def cell(name, row=row):
            index = column.get(name)
            return row[index] if index is not None and index < len(row) else None

        try:  # set_value checks everything before it writes
            set_value(session, str(cell("指標") or ""), cell("年度"), cell("四半期"), cell("値"), cell("目標"))
        except ValidationError as error:
            for key, message in error.errors.items():
                result.errors.append(f"{number}行目 {labels.get(key, key)}: {message}")
        except NotFoundError as error:
            result.errors.append(f"{number}行目 指標: {error.message}")
        else:
            result.written += 1
    if result.errors or dry_run:
        session.rollback()
        result.written = 0 if result.errors else result.written
    return result

