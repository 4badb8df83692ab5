"""What a spreadsheet may cost to read, checked before the reader allocates anything.

python-calamine builds the whole used range of a sheet in memory (32 bytes a
cell) and every string in full: a 5 KB .xlsx with one value in XFD1048576 asks
for 512 GiB and the process aborts (no Python exception: the Rust allocator
stops the program), and a 1.5 MB file holding one 1.5 GB cell takes 4.7 GB.
So an .xlsx is inspected as the zip it is, a block at a time, before calamine
sees it:

- the declared uncompressed size of its parts (``MAX_UNCOMPRESSED``);
- the used range of the sheet to read, from the cell and row references
  (``MAX_CELLS`` = rows × columns, Excel's own 1,048,576 × 16,384 as the outer
  bound; the ``<dimension>`` element is not trusted, it may be missing or lie);
- the longest run of text between two XML tags, in the shared strings and the
  sheet (``MAX_CELL_CHARS``, Excel's own limit for a cell);
- whether any cell may hold a control character (escaped as ``_x0000_`` or
  ``&#1;``), so the reader cleans cells only when there is something to clean.

CSV is bounded by its size (``readers.MAX_BYTES``), the number of separators
(``MAX_CELLS``) and csv's field size limit (``MAX_CELL_CHARS``).
Every refusal is an ``ImportFileError`` naming the limit.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from collections import Counter
from dataclasses import dataclass
from xml.etree import ElementTree

from kankei_desktop.domain.errors import KankeiError

MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # all parts of an .xlsx, unpacked (a 100,000-row export is ~150 MB)
MAX_CELLS = 10_000_000  # rows × columns of the used range (100,000 rows × 100 columns)
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
# The text the cells of the sheet resolve to: a shared string is copied into every cell that names
# it, so one 32,767-character string named by a million cells would ask for 32 GB.
MAX_TEXT = 1024 * 1024 * 1024
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384
MAX_PARTS = 10_000  # parts of the zip (sheets, images, styles …); a workbook has tens
# The longest text between two tags, in bytes: a cell of 32,767 characters is at most
# 6 bytes a character in the XML (an "&quot;"), so no file Excel can write is refused.
_MAX_RUN = MAX_CELL_CHARS * 6
_BLOCK = 16 * 1024 * 1024
_MAX_ROW_BYTES = 64 * 1024 * 1024  # one <row> element; beyond it the file is not a sheet
_SMALL_PART = 16 * 1024 * 1024  # workbook.xml and its relationships are read whole

_HALF_RUN = _MAX_RUN // 2
# Excel writes every reference as ` r="B12"`; other whitespace before r= takes the slow, general path.
_CELL_LETTERS = re.compile(rb' r="([A-Z]{1,3})[0-9]')
_ROW_REF = re.compile(rb'<row r="([0-9]{1,7})"')
_ANY_CELL_LETTERS = re.compile(rb"<c\s[^>]*?\br=\"([A-Z]{1,3})[0-9]")
_ANY_CELL_ROW = re.compile(rb"<c\s[^>]*?\br=\"[A-Z]{1,3}([0-9]{1,7})\"")
_ANY_ROW_REF = re.compile(rb"<row\s[^>]*?\br=\"([0-9]{1,7})\"")
_CELL_START = re.compile(rb"<c[\s>/]")
_SI = re.compile(rb"<si[\s>]")
_SHARED_REF = re.compile(rb'<c\s[^>]*?\bt="s"[^>]*>\s*<v>\s*([0-9]{1,10})\s*</v>')
_NOT_CONTROL = bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100)) + b"\t\n\r"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class SheetTooLarge(KankeiError):
    """The file is beyond what the reader may allocate (an ``ImportFileError`` in readers)."""


@dataclass
class SheetCheck:
    rows: int = 0  # the last used row (1-based)
    columns: int = 0  # the last used column (1-based)
    far_cell: str = ""  # the reference that sets the range, for the message
    row_count: int = 0
    may_hold_control: bool = False
    shared_cells: int = 0  # cells that name a shared string (t="s")


def column_number(letters: str) -> int:
    """A → 1, Z → 26, AA → 27, XFD → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


def check_entry_count(path) -> None:
    """Refuse a zip with more parts than a workbook has, before its directory is loaded.

    Opening a zip loads one entry object per part (Python's and calamine's readers alike);
    a 200 MB file can declare millions of them. The count is in the end record."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65_557))
        tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return  # not found: the zip readers will say it is damaged
    entries = struct.unpack_from("<H", tail, at + 10)[0]
    zip64 = tail.rfind(b"PK\x06\x06")
    if zip64 >= 0 and len(tail) - zip64 >= 56:
        entries = max(entries, struct.unpack_from("<Q", tail, zip64 + 32)[0])
    if entries > MAX_PARTS:
        raise SheetTooLarge(
            f"「{path.name}」には {entries:,} 個の部品があり、Excel のブックとしては多すぎます（上限 {MAX_PARTS:,} 個）。"
            "Excel で開けるなら、必要なシートだけを新しいブックにコピーして保存し直してください。"
        )


def check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """The parts' total size, and every string of the shared-string table."""
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNCOMPRESSED:
        raise SheetTooLarge(
            f"「{name}」は展開すると {_mb(total)} になり、読み込める上限（{_mb(MAX_UNCOMPRESSED)}）を超えています。"
            "必要なシートと列だけを新しいブックにコピーして保存し直してください。"
        )
    for info in archive.infolist():
        if info.filename.lower() == "xl/sharedstrings.xml":
            _scan(archive, info, name, "", SheetCheck(), cells=False)


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the part holding it, from workbook.xml and its relationships ({} if unreadable)."""
    try:
        workbook = _small_xml(archive, "xl/workbook.xml")
        rels = _small_xml(archive, "xl/_rels/workbook.xml.rels")
    except (KeyError, ElementTree.ParseError, ValueError):
        return {}
    targets = {}
    for rel in rels.iter(_PKG_REL):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = part
    parts = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet") and sheet.get(f"{_REL_NS}id") in targets:
            parts[sheet.get("name", "")] = targets[sheet.get(f"{_REL_NS}id")]
    return parts


def _small_xml(archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    info = archive.getinfo(part)
    if info.file_size > _SMALL_PART:
        raise ValueError(part)
    return ElementTree.fromstring(archive.read(info))


def check_sheet(archive: zipfile.ZipFile, part: str | None, name: str, sheet: str) -> SheetCheck:
    """The used range of one sheet (every worksheet part when ``part`` is unknown), refused beyond the limits."""
    infos = archive.infolist()
    if part is not None:
        chosen = [info for info in infos if info.filename == part]
    else:
        chosen = [info for info in infos if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")]
    check = SheetCheck()
    for info in chosen:
        _scan(archive, info, name, sheet, check, cells=True)
    if check.shared_cells:
        _check_shared_text(archive, chosen, check, name, sheet)
    return check


def _check_shared_text(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo], check: SheetCheck,
                       name: str, sheet: str) -> None:
    """The shared strings the sheet's cells name, counted once per cell, within ``MAX_TEXT``."""
    table = next((info for info in archive.infolist() if info.filename.lower() == "xl/sharedstrings.xml"), None)
    if table is None:
        return
    lengths = _shared_lengths(archive, table)
    longest = max(lengths, default=0)
    if check.shared_cells * longest <= MAX_TEXT:
        return  # the common case: even if every cell named the longest string
    counts: Counter = Counter()
    for info in parts:
        with archive.open(info) as stream:
            carry = b""
            while True:
                block = stream.read(_BLOCK)
                data = carry + block
                cut = data.rfind(b"</row>") + len(b"</row>") if block else len(data)
                if block and cut < len(b"</row>"):
                    carry = data
                    continue
                counts.update(_SHARED_REF.findall(data[:cut]))
                carry = data[cut:]
                if not block:
                    break
    named = sum(counts.values())
    total = sum(count * (lengths[int(index)] if int(index) < len(lengths) else 0) for index, count in counts.items())
    total += max(check.shared_cells - named, 0) * longest  # cells written some other way: the worst case
    if total > MAX_TEXT:
        raise SheetTooLarge(
            f"「{name}」のシート「{sheet}」のセルの文字は合わせて約 {_mb(total)} になり、"
            f"読み込める上限（{_mb(MAX_TEXT)}）を超えています（長い文字列が多くのセルで繰り返されています）。"
            "必要な範囲だけを新しいブックにコピーして保存し直してください。"
        )


def _shared_lengths(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[int]:
    """The size in bytes of each <si> of the shared-string table, in order."""
    lengths: list[int] = []
    last = None
    start = 0  # where ``data`` begins in the part
    carry = b""
    with archive.open(info) as stream:
        while True:
            block = stream.read(_BLOCK)
            data = carry + block
            limit = len(data) - 3 if block else len(data)  # a "<si" cut at the block's end waits
            for match in _SI.finditer(data):
                if match.start() >= limit:
                    break
                position = start + match.start()
                if last is not None:
                    lengths.append(position - last)
                last = position
            if not block:
                if last is not None:
                    lengths.append(start + len(data) - last)
                return lengths
            carry = data[limit:]
            start += limit


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, sheet: str, check: SheetCheck,
          cells: bool) -> None:
    carry = b""
    seen = 0
    with archive.open(info) as stream:
        while True:
            block = stream.read(_BLOCK)
            seen += len(block)
            if seen > MAX_UNCOMPRESSED:
                raise SheetTooLarge(f"「{name}」は展開すると読み込める上限（{_mb(MAX_UNCOMPRESSED)}）を超えています。")
            data = carry + block
            if block:
                # Only whole rows (or, in the shared strings, whole strings) are looked at; the rest waits.
                marker = b"</row>" if cells else b">"
                cut = data.rfind(marker)
                if cut < 0:
                    if len(data) > _MAX_ROW_BYTES:
                        _too_long(data, name, sheet)
                    carry = data
                    continue
                done, carry = data[: cut + len(marker)], data[cut + len(marker) :]
                if len(carry) > _MAX_ROW_BYTES:
                    _too_long(carry, name, sheet)
            else:
                done, carry = data, b""
            _look(done, name, sheet, check, cells)
            if not block:
                break


def _too_long(data: bytes, name: str, sheet: str) -> None:
    if _has_long_run(data):
        _cell_refused(name, sheet)
    where = f"のシート「{sheet}」" if sheet else ""
    raise SheetTooLarge(
        f"「{name}」{where}には 1 行で {_mb(_MAX_ROW_BYTES)} を超える行があり、読み込めません。"
        "Excel で開き、必要な列だけを新しいブックにコピーして保存し直してください。"
    )


def _cell_refused(name: str, sheet: str) -> None:
    where = f"のシート「{sheet}」" if sheet else ""
    raise SheetTooLarge(
        f"「{name}」{where}には {MAX_CELL_CHARS:,} 文字（1 つのセルに入る上限）を超える値があり、読み込めません。"
        "そのセルを短くしてから保存し直してください。"
    )


def _at_least(number: int) -> re.Pattern:
    """Cell references whose row has the first two digits of ``number`` or more (or more digits)."""
    text = str(min(number, 9_999_999))
    alternatives = [rb"[0-9]{%d,7}" % (len(text) + 1)] if len(text) < 7 else []
    if len(text) == 1:
        alternatives.append(b"[%s-9]" % text.encode())
    else:
        first, second, rest = int(text[0]), int(text[1]), len(text) - 2
        same = b"(?:%d[%d-9]%s)" % (first, second, b"|[%d-9][0-9]" % (first + 1) if first < 9 else b"")
        alternatives.append(same + (b"[0-9]{%d}" % rest if rest else b""))
    return re.compile(rb' r="[A-Z]{1,3}(%s)"' % b"|".join(alternatives))


def _has_long_run(data: bytes) -> bool:
    """Whether some text between two tags is longer than ``_MAX_RUN`` bytes.

    Such a run covers a whole aligned window of ``_HALF_RUN`` bytes, so only windows without
    any < or > are measured (a regex over the whole part would take seconds)."""
    for start in range(0, len(data), _HALF_RUN):
        end = start + _HALF_RUN
        if data.find(b"<", start, end) < 0 and data.find(b">", start, end) < 0:
            left = max(data.rfind(b"<", 0, start), data.rfind(b">", 0, start)) + 1
            right = min((i for i in (data.find(b"<", end), data.find(b">", end)) if i >= 0), default=len(data))
            if right - left > _MAX_RUN:
                return True
    return False


def _look(data: bytes, name: str, sheet: str, check: SheetCheck, cells: bool) -> None:
    if _has_long_run(data):
        _cell_refused(name, sheet)
    if not check.may_hold_control and (
            data.translate(None, _NOT_CONTROL) or b"_x00" in data or b"_x007" in data or b"&#" in data):
        check.may_hold_control = True
    if not cells:
        return
    check.shared_cells += data.count(b't="s"')
    references = data.count(b'r="')
    row_elements = data.count(b"<row")
    if references == data.count(b' r="'):
        letters = _CELL_LETTERS.findall(data)
        far_row = max((int(n) for n in _ROW_REF.findall(data)), default=0)
        # Cells further down than their row element: only numbers at least as large can be.
        far_row = max([far_row, *(int(n) for n in _at_least(max(far_row, check.rows, 1)).findall(data))])
        cell_count = data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/>")
    else:
        letters = _ANY_CELL_LETTERS.findall(data)
        far_row = max((int(n) for n in _ANY_ROW_REF.findall(data) + _ANY_CELL_ROW.findall(data)), default=0)
        cell_count = len(_CELL_START.findall(data))
    far_col = max((column_number(found.decode()) for found in set(letters)), default=0)
    if cell_count > len(letters):
        # Cells without a reference take the next column: count the longest row of them.
        for row in data.split(b"</row>"):
            far_col = max(far_col, len(_CELL_START.findall(row)))
    check.row_count += row_elements
    far_row = max(far_row, check.row_count)  # rows without r="" follow one another
    if far_row > check.rows or far_col > check.columns:
        check.rows, check.columns = max(check.rows, far_row), max(check.columns, far_col)
        check.far_cell = f"{column_letters(check.columns)}{check.rows}"
    _refuse_range(check, name, sheet)


def _refuse_range(check: SheetCheck, name: str, sheet: str) -> None:
    rows, columns = check.rows, check.columns
    if rows <= EXCEL_ROWS and columns <= EXCEL_COLUMNS and rows * columns <= MAX_CELLS:
        return
    raise SheetTooLarge(
        f"「{name}」のシート「{sheet}」は使われている範囲が A1:{check.far_cell}（{rows:,} 行 × {columns:,} 列）あり、"
        f"読み込める上限（{MAX_CELLS:,} セル）を超えています。"
        f"離れたセル（{check.far_cell} のあたり）の値や書式を消すか、必要な範囲だけを新しいブックにコピーして保存し直してください。"
    )
