"""Writing tables as xlsx (XlsxWriter) and csv, safely.

- No user text ever becomes a formula: xlsx cells are written with
  ``write_string`` (formula, number and URL guessing switched off) and text that
  a spreadsheet would run (= + - @ TAB CR, also full-width) carries Excel's quote
  prefix; in CSV such text gets a leading apostrophe.
- Dates are real dates (xlsx) or 2025/05/03 (csv); codes stay text.
- Files are written next to the target under a temporary name and renamed, so
  a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import csv
import os
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

# Characters Python's cp932 codec refuses although Windows shows an equivalent.
_CP932_EQUIVALENTS = str.maketrans({
    "\u301c": "\uff5e",  # 〜 → ～
    "\u2212": "\uff0d",  # − → －
    "\u2016": "\u2225",  # ‖ → ∥
    "\u00a2": "\uffe0", "\u00a3": "\uffe1", "\u00ac": "\uffe2",
    "\u2014": "\u2015",  # — → ―
    "\u00a0": " ",
})

SHEET_NAME_MAX = 31


class ExportError(KankeiError):
    pass


@dataclass
class Table:
    """A sheet to write. ``kinds``: text, date, int, number, bool (可/不可) per column."""

    name: str
    headers: list[str]
    kinds: list[str]
    rows: Iterable[Sequence] = ()
    widths: list[int] | None = None


@dataclass
class WriteResult:
    path: Path
    rows: int = 0
    warnings: list[str] = field(default_factory=list)


def neutralise(text: str) -> str:
    """Text a spreadsheet would run, made inert for CSV with a leading apostrophe."""
    return "'" + text if text.startswith(DANGEROUS_FIRST) else text


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@contextmanager
def _atomic(path: Path):
    """Yield a temporary path in the target folder; rename it over ``path`` on success."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"フォルダー「{folder}」がありません。")
    handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, path)
    except PermissionError:
        raise ExportError(
            f"「{path.name}」に書き込めません。Excel などで開いていれば閉じてから、もう一度お試しください。"
        ) from None
    finally:
        temp.unlink(missing_ok=True)


# ---------------------------------------------------------------- xlsx


def write_xlsx(path: Path, tables: list[Table], *, extra=None) -> WriteResult:
    """Write each table as a sheet; ``extra(workbook)`` may add more (the template's guidance)."""
    import xlsxwriter

    result = WriteResult(Path(path))
    with _atomic(path) as temp:
        workbook = xlsxwriter.Workbook(
            str(temp),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        try:
            formats = _formats(workbook)
            for table in tables:
                result.rows += _write_sheet(workbook, formats, table)
            if extra:
                extra(workbook, formats)
        finally:
            workbook.close()
    return result


def _formats(workbook) -> dict:
    base = {"font_name": "BIZ UDPGothic", "font_size": 10}
    return {
        "header": workbook.add_format({**base, "bold": True, "bg_color": "#E8EEF4", "bottom": 1}),
        "text": workbook.add_format({**base, "num_format": "@"}),
        "quoted": workbook.add_format({**base, "num_format": "@", "quote_prefix": True}),
        "date": workbook.add_format({**base, "num_format": "yyyy/mm/dd"}),
        "int": workbook.add_format({**base, "num_format": "0"}),
        "number": workbook.add_format({**base, "num_format": "General"}),
        "wrap": workbook.add_format({**base, "text_wrap": True, "valign": "top"}),
    }


def _write_sheet(workbook, formats: dict, table: Table) -> int:
    sheet = workbook.add_worksheet(table.name[:SHEET_NAME_MAX])
    columns = len(table.headers)
    widths = [display_width(h) + 2 for h in table.headers]
    # constant_memory writes rows in order, so widths come from the header and a sample of rows.
    for col, header in enumerate(table.headers):
        sheet.write_string(0, col, header, formats["header"])
    count = 0
    write_string, write_datetime, write_number = sheet.write_string, sheet.write_datetime, sheet.write_number
    text_format, quoted, date_format = formats["text"], formats["quoted"], formats["date"]
    int_format, number_format = formats["int"], formats["number"]
    kinds = table.kinds
    for count, row in enumerate(table.rows, 1):
        for col in range(columns):
            value = row[col]
            if value is None or value == "":
                continue
            kind = kinds[col]
            if kind == "date" and isinstance(value, date):
                write_datetime(count, col, value, date_format)
                continue
            if kind in ("int", "number") and isinstance(value, (int, float)) and not isinstance(value, bool):
                write_number(count, col, value, int_format if kind == "int" else number_format)
                continue
            if kind == "bool" and isinstance(value, bool):
                value = "可" if value else "不可"
            text = value if isinstance(value, str) else str(value)
            write_string(count, col, text, quoted if text.startswith(DANGEROUS_FIRST) else text_format)
            if count <= 200:
                widths[col] = max(widths[col], display_width(text) + 2)
    if kinds:
        for col in range(columns):
            if kinds[col] == "date":
                widths[col] = max(widths[col], 12)
    for col, width in enumerate(table.widths or widths):
        sheet.set_column(col, col, min(width, 50))
    sheet.freeze_panes(1, 0)
    if columns:
        sheet.autofilter(0, 0, max(count, 1), columns - 1)
    return count


# ---------------------------------------------------------------- csv


def csv_cell(value, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%Y/%m/%d")
    if isinstance(value, bool):
        return "可" if value else "不可"
    if isinstance(value, (int, float)):
        return str(value)
    return neutralise(str(value))


def write_csv(path: Path, table: Table, encoding: str = "utf-8-sig") -> WriteResult:
    """One table as CSV. With cp932, characters it cannot hold become ? and are reported by row."""
    if encoding not in ("utf-8-sig", "utf-8", "cp932"):
        raise ExportError(f"文字コード「{encoding}」には対応していません（utf-8-sig、cp932）。")
    result = WriteResult(Path(path))
    with _atomic(path) as temp:
        with open(temp, "w", encoding=encoding, errors="strict", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(_encodable(table.headers, encoding, 1, table.headers, result))
            for number, row in enumerate(table.rows, 1):
                cells = [csv_cell(value, kind) for value, kind in zip(row, table.kinds)]
                if encoding == "cp932":
                    cells = _encodable(cells, encoding, number + 1, table.headers, result)
                writer.writerow(cells)
                result.rows = number
    return result


def _encodable(cells: list[str], encoding: str, line: int, headers: list[str], result: WriteResult) -> list[str]:
    if encoding != "cp932":
        return list(cells)
    out = []
    for col, cell in enumerate(cells):
        cell = cell.translate(_CP932_EQUIVALENTS)
        try:
            cell.encode("cp932")
        except UnicodeEncodeError:
            bad = "".join(dict.fromkeys(ch for ch in cell if not _fits_cp932(ch)))
            header = headers[col] if col < len(headers) else f"{col + 1} 列目"
            result.warnings.append(
                f"{line} 行目「{header}」: 「{bad}」は Shift_JIS（CP932）で表せないため ? に置き換えました。"
            )
            cell = "".join(ch if _fits_cp932(ch) else "?" for ch in cell)
        out.append(cell)
    return out


def _fits_cp932(ch: str) -> bool:
    try:
        ch.encode("cp932")
        return True
    except UnicodeEncodeError:
        return False
