"""Writing tables as xlsx (our `io.xlsx_stream`) and csv, safely.

- No user text ever becomes a formula: xlsx text cells are inline strings
  (``io.xlsx_stream`` has no way to write a formula) and text that a
  spreadsheet would run (= + - @ TAB CR, also full-width) carries Excel's quote
  prefix; in CSV such text gets a leading apostrophe.
- Dates are real dates (xlsx) or 2025/05/03 (csv); codes stay text.
- Files are written next to the target under a temporary name and renamed, so
  a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.text import CP932_EQUIVALENTS as _CP932_EQUIVALENTS
from kankei_desktop.domain.text import fits_cp932 as _fits_cp932
from kankei_desktop.io import xlsx_stream
from kankei_desktop.io.files import replaced_atomically

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


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
    """Text a spreadsheet would run, made inert for CSV with a leading apostrophe.

    ``io.normalise.cell_text`` takes one such apostrophe off again, so a value that itself
    starts with an apostrophe before one of these characters gets a second one."""
    if text.startswith(DANGEROUS_FIRST) or (text[:1] == "'" and text[1:2] and text[1] in DANGEROUS_FIRST):
        return "'" + text
    return text


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _atomic(path: Path):
    """Yield a temporary path in the target folder; rename it over ``path`` on success."""
    return replaced_atomically(path, ExportError, held_by="Excel など")


# ---------------------------------------------------------------- xlsx


def write_xlsx(path: Path, tables: list[Table]) -> WriteResult:
    """Write each table as a sheet (``io.xlsx_stream``: the cell type is chosen per column, not per cell)."""
    result = WriteResult(Path(path))
    with _atomic(path) as temp:
        try:
            result.rows = xlsx_stream.write_workbook(
                temp, tables, measure=display_width, dangerous=DANGEROUS_FIRST, sheet_name_max=SHEET_NAME_MAX)
        except xlsx_stream.TooManyRows as error:
            raise ExportError(
                f"「{error.sheet}」は {error.rows:,} 行あり、Excel の 1 シートに入りません（最大 {xlsx_stream.MAX_ROWS - 1:,} 行）。"
                "CSV で書き出してください。"
            ) from None
    return result


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


def write_csv(path: Path, table: Table, encoding: str = "utf-8-sig", *, substitute: bool = False) -> WriteResult:
    """One table as CSV, every cell formula-safe (``neutralise``).

    With cp932, a character it cannot hold (𠮷, ①…⑳ are fine, 髙 is fine, emoji are not)
    refuses the export naming the rows and columns, unless ``substitute``: then it becomes
    ? and each replacement is listed in ``WriteResult.warnings``. The importer refuses a ?
    that stands for a stored character (``domain.text.cp932_round_trip``).
    A first cell starting with "ID" is quoted: a text file starting with the bytes ID is
    opened by Excel as SYLK and refused.
    """
    if encoding not in ("utf-8-sig", "utf-8", "cp932"):
        raise ExportError(f"文字コード「{encoding}」には対応していません（utf-8-sig、cp932）。")
    result = WriteResult(Path(path))
    problems: list[str] = []
    with _atomic(path) as temp:
        with open(temp, "w", encoding=encoding, errors="strict", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            headers = _encodable([neutralise(str(h)) for h in table.headers], encoding, 1, table.headers, result,
                                 problems, substitute)
            if headers and headers[0][:2].upper() == "ID":
                csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerow(headers)
            else:
                writer.writerow(headers)
            for number, row in enumerate(table.rows, 1):
                cells = [csv_cell(value, kind) for value, kind in zip(row, table.kinds)]
                if encoding == "cp932":
                    cells = _encodable(cells, encoding, number + 1, table.headers, result, problems, substitute)
                writer.writerow(cells)
                result.rows = number
            if problems:
                shown = "\n".join(problems[:10]) + (f"\n… ほか {len(problems) - 10} か所" if len(problems) > 10 else "")
                raise ExportError(
                    f"Shift_JIS（CP932）で表せない文字があるため、書き出しませんでした:\n{shown}\n"
                    "UTF-8（BOM 付き）で書き出すか、? に置き換えることを選んでください"
                    "（コマンドでは --substitute。置き換えた文字は一覧で示します）。"
                )
    return result


def _encodable(cells: list[str], encoding: str, line: int, headers: list[str], result: WriteResult,
               problems: list[str], substitute: bool) -> list[str]:
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
            if substitute:
                result.warnings.append(
                    f"{line} 行目「{header}」: 「{bad}」は Shift_JIS（CP932）で表せないため ? に置き換えました。"
                )
            else:  # the file is thrown away at the end; the rest is still looked at, for the list
                problems.append(f"{line} 行目「{header}」: 「{bad}」")
            cell = "".join(ch if _fits_cp932(ch) else "?" for ch in cell)
        out.append(cell)
    return out
