"""Reading a coordinator's spreadsheet into rows of plain cell values.

xlsx and xls go through python-calamine (fast, and it never evaluates
anything); csv and tsv are decoded as UTF-8 (with or without BOM) or CP932,
detected line by line so a file that mixes the two is refused instead of
being read as mojibake. Every refusal is an ``ImportFileError`` whose message
says what the file is and what to do.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from kankei_desktop.domain.errors import KankeiError

# Files beyond these limits are not participant lists (and would hang the preview).
MAX_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 100

ENCODINGS = {"utf-8-sig": "UTF-8（BOM付き）", "utf-8": "UTF-8", "cp932": "Shift_JIS（CP932）"}
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
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise _password_error(path) from None
    except Exception as error:  # calamine raises several unrelated types for damaged files
        raise ImportFileError(
            f"「{path.name}」は Excel のファイルとして読めません（{type(error).__name__}: {str(error)[:120]}）。"
            "Excel で開けるか確かめ、開けるなら .xlsx で保存し直してください。"
        ) from None


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
    try:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as error:
        raise ImportFileError(f"「{path.name}」のシート「{name}」を読めませんでした（{str(error)[:120]}）。") from None
    return RawTable(str(path), name, [list(row) for row in rows], "", names)


# ---------------------------------------------------------------- text files


def detect_encoding(data: bytes, name: str = "") -> str:
    """utf-8-sig, utf-8 or cp932; refuses files that mix UTF-8 and CP932 lines."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if b"\x00" in data[:65536]:
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
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    try:
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        raise ImportFileError(f"「{path.name}」を CSV として読めませんでした（{error}）。") from None
    return RawTable(str(path), path.stem, rows, encoding, [path.stem])


def _sniff_delimiter(text: str) -> str:
    first = text[:4096]
    return "\t" if first.count("\t") > first.count(",") else ","
