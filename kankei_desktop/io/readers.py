"""Reading a coordinator's spreadsheet into rows of plain cell values.

xlsx and xls go through python-calamine (fast, and it never evaluates
anything), after ``io.sheet_limits`` has checked, without unpacking the file
into memory, that the sheet's used range and cells are within what may be
allocated. csv and tsv are decoded as UTF-8 (with or without BOM), UTF-16 with
its BOM (Excel's 「Unicode テキスト」) or CP932, detected line by line so a file
that mixes UTF-8 and CP932 is refused instead of being read as mojibake.
Control characters other than tab and line breaks (a NUL, an escape …) are
removed from every cell and the cells named in ``RawTable.notes``. Every
refusal is an ``ImportFileError`` whose message says what the file is and what
to do.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError
from kankei_desktop.domain.text import CONTROL_CHARACTERS, strip_control
from kankei_desktop.io import sheet_limits

# Files beyond these limits are not participant lists (and would hang the preview).
MAX_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 100

ENCODINGS = {"utf-8-sig": "UTF-8（BOM付き）", "utf-8": "UTF-8", "cp932": "Shift_JIS（CP932）",
             "utf-16": "UTF-16（Unicode テキスト）"}
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


class ImportFileError(KankeiError):
    """The file cannot be read as a table: wrong kind, damaged, encrypted, empty …"""


@dataclass
class RawTable:
    """One sheet as read: ``rows[i]`` is sheet row i+1, cells as str/float/int/bool/date/None."""

    source: str
    sheet: str
    rows: list[list] = field(default_factory=list)
    encoding: str = ""  # for text files: the encoding used
    sheet_names: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what reading changed (control characters removed)


def _head(path: Path, size: int = 8) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def _check_file(path: Path) -> int:
    if not path.exists():
        raise ImportFileError(f"ファイル「{path}」が見つかりません。")
    if not path.is_file():
        raise ImportFileError(f"「{path}」はファイルではありません。")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"ファイル「{path.name}」は空です（0 バイト）。中身のあるファイルを選んでください。")
    if size > MAX_BYTES:
        raise ImportFileError(
            f"ファイル「{path.name}」は {size / 1024 / 1024:.0f} MB あり、大きすぎます（上限 {MAX_BYTES // 1024 // 1024} MB）。"
        )
    return size


def _describe_foreign(head: bytes) -> str | None:
    """What a file that is not a spreadsheet seems to be, from its first bytes."""
    if head.startswith(b"%PDF"):
        return "PDF ファイル"
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff") or head.startswith(b"GIF8"):
        return "画像ファイル"
    if head.startswith(b"SQLite format 3"):
        return "データベースファイル"
    return None


def _is_encrypted_ole(path: Path) -> bool:
    # An encrypted xlsx is an OLE container holding an "EncryptedPackage" stream; its
    # directory sits near the start for the files Excel writes, so the first 64 KiB suffice.
    with open(path, "rb") as handle:
        return _ENCRYPTED_STREAM in handle.read(65536)


def kind_of(path: Path) -> str:
    """"spreadsheet" or "text", from the suffix; anything else is refused."""
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        return "spreadsheet"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise ImportFileError(
        f"「{path.name}」は取り込める形式ではありません。Excel（.xlsx / .xls）か CSV（.csv / .tsv）を選んでください。"
    )


def sheet_names(path: Path) -> list[str]:
    path = Path(path)
    if kind_of(path) == "text":
        return [path.stem]
    return list(_open_workbook(path).sheet_names)


def _open_workbook(path: Path):
    from python_calamine import CalamineWorkbook, PasswordError

    _check_file(path)
    head = _head(path, 8)
    foreign = _describe_foreign(head)
    if foreign:
        raise ImportFileError(
            f"「{path.name}」は拡張子が {path.suffix} ですが、中身は{foreign}です。Excel で開いて .xlsx で保存し直してください。"
        )
    if head.startswith(_OLE) and _is_encrypted_ole(path):
        raise _password_error(path)
    if not (head.startswith(_ZIP) or head.startswith(_OLE)):
        raise ImportFileError(
            f"「{path.name}」は Excel のファイルとして読めません（中身が Excel の形式ではありません）。"
            "ファイルが壊れていないか、別の形式を名前だけ変えていないか確かめてください。"
        )
    if head.startswith(_ZIP):
        _check_archive(path)
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise _password_error(path) from None
    except Exception as error:  # noqa: BLE001 (calamine raises several unrelated types for damaged files)
        raise ImportFileError(
            f"「{path.name}」は Excel のファイルとして読めません（{type(error).__name__}: {str(error)[:120]}）。"
            "Excel で開けるか確かめ、開けるなら .xlsx で保存し直してください。"
        ) from None


def _check_archive(path: Path, sheet: str | None = None) -> sheet_limits.SheetCheck | None:
    """The zip's sizes (and, with ``sheet``, that sheet's range and cells) within the limits."""
    try:
        sheet_limits.check_entry_count(path)
        with zipfile.ZipFile(path) as archive:
            if sheet is None:
                sheet_limits.check_archive(archive, path.name)
                return None
            parts = sheet_limits.sheet_parts(archive)
            return sheet_limits.check_sheet(archive, parts.get(sheet), path.name, sheet)
    except sheet_limits.SheetTooLarge as error:
        raise ImportFileError(error.message) from None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return None  # damaged or unusual zip: calamine's own message says so


def _password_error(path: Path) -> ImportFileError:
    return ImportFileError(
        f"「{path.name}」はパスワードで保護されています。Excel でパスワードを解除して保存し直してから取り込んでください。"
    )


def read_table(path: Path, sheet: str | None = None, encoding: str | None = None) -> RawTable:
    """The cells of one sheet (the first one unless ``sheet`` names another)."""
    path = Path(path)
    if kind_of(path) == "text":
        return _read_text(path, encoding)
    workbook = _open_workbook(path)
    names = list(workbook.sheet_names)
    if not names:
        raise ImportFileError(f"「{path.name}」にはシートがありません。")
    name = sheet or names[0]
    if name not in names:
        raise ImportFileError(f"「{path.name}」にシート「{name}」はありません（あるシート: {'、'.join(names)}）。")
    check = _check_archive(path, name) if _head(path, 4) == _ZIP else None
    try:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as error:  # noqa: BLE001 (calamine raises several unrelated types for a damaged sheet)
        raise ImportFileError(f"「{path.name}」のシート「{name}」を読めませんでした（{str(error)[:120]}）。") from None
    table = RawTable(str(path), name, [list(row) for row in rows], "", names)
    if check is None or check.may_hold_control:  # .xls, or an .xlsx with escaped control characters
        _remove_control(table)
    return table


def _remove_control(table: RawTable) -> None:
    """Control characters (all but tab, LF, CR) taken out of every text cell; the cells noted."""
    where: list[str] = []
    for number, row in enumerate(table.rows, 1):
        for col, value in enumerate(row):
            if type(value) is str and CONTROL_CHARACTERS.search(value):
                row[col] = strip_control(value)
                where.append(f"{number} 行目 {sheet_limits.column_letters(col + 1)} 列")
    if where:
        shown = "、".join(where[:5]) + (f" ほか {len(where) - 5} か所" if len(where) > 5 else "")
        table.notes.append(f"制御文字（NUL など）を取り除きました: {shown}")


# ---------------------------------------------------------------- text files


def detect_encoding(data: bytes, name: str = "") -> str:
    """utf-8-sig, utf-16 (with its BOM), utf-8 or cp932; refuses files that mix UTF-8 and CP932 lines."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:65536]
    zeros = head.count(b"\x00")
    if zeros > 16 and zeros * 100 > len(head):  # a stray NUL is removed later; many mean a binary file
        raise ImportFileError(
            f"「{name}」は文字のファイルではありません（バイナリーデータです）。CSV として保存したファイルを選んでください。"
        )
    utf8_lines: list[int] = []
    other_lines: list[int] = []
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines.append(number)
        except UnicodeDecodeError:
            other_lines.append(number)
    if utf8_lines and other_lines:
        raise ImportFileError(
            f"「{name}」は文字コードが混在しています（UTF-8 の行: {_lines(utf8_lines)}、それ以外の行: {_lines(other_lines)}）。"
            "表計算ソフトで開き、UTF-8 か Shift_JIS のどちらか一方で保存し直してください。"
        )
    if not other_lines:
        return "utf-8"
    try:
        data.decode("cp932")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"「{name}」の文字コードが分かりません（UTF-8 でも Shift_JIS でもない内容が {line} 行目にあります）。"
            "CSV（UTF-8）で保存し直してください。"
        ) from None
    return "cp932"


def _lines(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:5])
    return f"{shown} 行目" + (f" ほか {len(numbers) - 5} 行" if len(numbers) > 5 else "")


def _read_text(path: Path, encoding: str | None) -> RawTable:
    _check_file(path)
    data = path.read_bytes()
    foreign = _describe_foreign(data[:8])
    if foreign or data.startswith(_ZIP) or data.startswith(_OLE):
        what = foreign or "Excel などの圧縮ファイル"
        raise ImportFileError(f"「{path.name}」は拡張子が {path.suffix} ですが、中身は{what}です。")
    if encoding is None:
        encoding = detect_encoding(data, path.name)
    elif encoding not in ENCODINGS:
        raise ImportFileError(f"文字コード「{encoding}」には対応していません（{'、'.join(ENCODINGS)}）。")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"「{path.name}」は {ENCODINGS[encoding]} として読めません（{line} 行目）。別の文字コードを選んでください。"
        ) from None
    text = text.lstrip("\ufeff")
    delimiter = "\t" if path.suffix.lower() == ".tsv" or encoding == "utf-16" else _sniff_delimiter(text)
    separators = text.count(delimiter) + text.count("\n")
    if separators > sheet_limits.MAX_CELLS:
        raise ImportFileError(
            f"「{path.name}」は区切りが {separators:,} 個あり、読み込める上限（{sheet_limits.MAX_CELLS:,} セル）を超えています。"
            "必要な列と行だけにして保存し直してください。"
        )
    csv.field_size_limit(sheet_limits.MAX_CELL_CHARS)
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(
                f"「{path.name}」には {sheet_limits.MAX_CELL_CHARS:,} 文字（1 つのセルに入る上限）を超える値があり、"
                "読み込めません（引用符 \" の閉じ忘れでも起こります）。そのセルを直して保存し直してください。"
            ) from None
        raise ImportFileError(f"「{path.name}」を CSV として読めませんでした（{error}）。") from None
    table = RawTable(str(path), path.stem, rows, encoding, [path.stem])
    if CONTROL_CHARACTERS.search(text):
        _remove_control(table)
    return table


def _sniff_delimiter(text: str) -> str:
    first = text[:4096]
    return "\t" if first.count("\t") > first.count(",") else ","
