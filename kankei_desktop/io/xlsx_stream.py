"""A small xlsx writer for the exports: one XML string per row, the cell type chosen per column.

XlsxWriter costs 10–15 µs of Python per cell (argument checks, dimension
bookkeeping, one file write per cell); a 100,000-person export has ~2 million
cells, which put the export at 30+ s (docs/performance.md). This module writes
only what the exports need — text, dates, numbers, a bold header, a frozen first
row, an autofilter, column widths, Excel's quote prefix — straight into the
zip stream, at about 1 µs per cell (docs/performance.md has the figures).

Strings are inline (``t="inlineStr"``), as XlsxWriter writes them in its
constant-memory mode; no cell is ever a formula (there is no code path that
writes ``<f>``). Text is escaped the way Excel expects: XML's & < >, control
characters as ``_xHHHH_`` (a carriage return would otherwise be read back as a
line feed) and a literal ``_xHHHH_`` protected as ``_x005F_xHHHH_``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from math import isfinite
from xml.sax.saxutils import escape as _xml_escape

MAX_ROWS = 1_048_576
STRING_MAX = 32_767  # Excel's limit, in UTF-16 units
WIDTH_MAX = 50
_FAST_MAX = STRING_MAX // 2  # shorter strings cannot exceed the limit in UTF-16 units

# Cell style indexes into <cellXfs> of STYLES below.
HEADER, TEXT, QUOTED, DATE, INT, NUMBER = 1, 2, 3, 4, 5, 6

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FONT = '<sz val="10"/><name val="BIZ UDPGothic"/><family val="3"/><charset val="128"/>'
_XF = '<xf numFmtId="{fmt}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"{extra}/>'

STYLES = (
    _DECLARATION
    + f"<styleSheet {_NS}>"
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></numFmts>'
    f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF4"/><bgColor indexed="64"/></patternFill></fill>'
    "</fills>"
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7">'
    + _XF.format(fmt=0, font=0, fill=0, border=0, extra="")
    + _XF.format(fmt=0, font=1, fill=2, border=1, extra=' applyFont="1" applyFill="1" applyBorder="1"')
    + _XF.format(fmt=49, font=0, fill=0, border=0, extra=' applyNumberFormat="1"')
    + _XF.format(fmt=49, font=0, fill=0, border=0, extra=' applyNumberFormat="1" quotePrefix="1"')
    + _XF.format(fmt=164, font=0, fill=0, border=0, extra=' applyNumberFormat="1"')
    + _XF.format(fmt=1, font=0, fill=0, border=0, extra=' applyNumberFormat="1"')
    + _XF.format(fmt=0, font=0, fill=0, border=0, extra="")
    + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
    "</styleSheet>"
)

_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_EPOCH = date(1899, 12, 30).toordinal()
_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")
_TAB_SELECTED = ' tabSelected="1"'


class TooManyRows(ValueError):
    def __init__(self, sheet: str, rows: int):
        super().__init__(f"{sheet}: {rows:,} rows do not fit in one sheet")
        self.sheet, self.rows = sheet, rows


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _clean(text: str) -> str:
    if len(text) > STRING_MAX // 2 and len(text.encode("utf-16-le")) // 2 > STRING_MAX:
        text = text.encode("utf-16-le")[: STRING_MAX * 2].decode("utf-16-le", "ignore")
    if _SPECIAL.search(text) is None:
        return text
    text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return _xml_escape(text)


def _string_cell(ref: str, text: str, style: int) -> str:
    text = _clean(text)
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _text(ref: str, value, dangerous: tuple[str, ...]) -> str:
    text = value if value.__class__ is str else str(value)
    return _string_cell(ref, text, QUOTED if text.startswith(dangerous) else TEXT)


def _cell_writer(kind: str, dangerous: tuple[str, ...]):
    """The function that turns one value of a column of this kind into its <c> element."""

    def text(ref, value):
        return _text(ref, value, dangerous)

    def as_date(ref, value):
        if not isinstance(value, date):
            return _text(ref, value, dangerous)
        day = value.toordinal() - _EPOCH
        if day < 61:
            if day < 2:  # before 1900: Excel has no serial for it, so it stays readable as text
                return _text(ref, value.strftime("%Y/%m/%d"), dangerous)
            day -= 1  # Excel counts a 29 February 1900 that never was
        if isinstance(value, datetime):
            serial = day + (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
            return f'<c r="{ref}" s="{DATE}"><v>{serial!r}</v></c>'
        return f'<c r="{ref}" s="{DATE}"><v>{day}</v></c>'

    def number(ref, value, style=INT if kind == "int" else NUMBER):
        cls = value.__class__
        if cls is int or (cls is float and isfinite(value)):
            return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'
        return _text(ref, value, dangerous)

    def yes_no(ref, value):
        if value is True or value is False:
            return _string_cell(ref, "可" if value else "不可", TEXT)
        return _text(ref, value, dangerous)

    return {"date": as_date, "int": number, "number": number, "bool": yes_no}.get(kind, text)


def _widths(headers: Sequence[str], kinds: Sequence[str], sample: Sequence[Sequence], measure) -> list[int]:
    """Header width, widened by the text of the first rows; dates get room for 2026/11/27."""
    widths = [measure(h) + 2 for h in headers]
    for row in sample:
        for col, value in enumerate(row[: len(headers)]):
            if value is None or value == "" or (kinds[col] == "date" and isinstance(value, date)):
                continue
            if kinds[col] in ("int", "number") and value.__class__ in (int, float):
                continue
            if kinds[col] == "bool" and isinstance(value, bool):
                value = "可" if value else "不可"
            widths[col] = max(widths[col], measure(value if isinstance(value, str) else str(value)) + 2)
    return [max(w, 12) if kind == "date" else w for w, kind in zip(widths, kinds)]


def _stored_width(width: float) -> float:
    # Excel stores widths in character units padded for its 7-pixel default digit.
    return int((int(width * 7 + 0.5) + 5) / 7 * 256) / 256


def _sheet_head(headers, widths, last_row: int, selected: bool) -> str:
    last_col = column_letter(max(len(headers), 1) - 1)
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{_stored_width(min(w, WIDTH_MAX))}" customWidth="1"/>'
        for i, w in enumerate(widths, 1)
    )
    header = "".join(
        f'<c r="{column_letter(col)}1" s="{HEADER}" t="inlineStr"><is><t>{_clean(h)}</t></is></c>'
        for col, h in enumerate(headers) if h
    )
    return (
        _DECLARATION
        + f"<worksheet {_NS} {_NS_R}>"
        f'<dimension ref="A1:{last_col}{last_row}"/>'
        f"<sheetViews><sheetView{_TAB_SELECTED if selected else ''} workbookViewId=\"0\">"
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f'<sheetData><row r="1">{header}</row>'
    )


def write_sheet(archive: zipfile.ZipFile, name: str, table, *, selected: bool, measure,
                dangerous: tuple[str, ...]) -> int:
    """Write ``table`` (headers, kinds, rows, widths) as the worksheet part ``name``; return its row count."""
    rows = table.rows if isinstance(table.rows, (list, tuple)) else list(table.rows)
    if len(rows) >= MAX_ROWS:
        raise TooManyRows(table.name, len(rows))
    headers, kinds = list(table.headers), list(table.kinds)
    columns = len(headers)
    kinds += ["text"] * (columns - len(kinds))
    widths = list(table.widths) if table.widths else _widths(headers, kinds, rows[:200], measure)
    last_row = max(len(rows), 1) + 1
    # Plain text (most cells) is formatted right here; anything else goes through its column's writer.
    plain_text = [kind not in ("date", "int", "number", "bool") for kind in kinds]
    plan = [(col, column_letter(col), plain_text[col], _cell_writer(kinds[col], dangerous)) for col in range(columns)]
    text_style, quoted_style = f'" s="{TEXT}" t="inlineStr"><is><t>', f'" s="{QUOTED}" t="inlineStr"><is><t>'
    with archive.open(name, "w") as stream:
        stream.write(_sheet_head(headers, widths, last_row, selected).encode())
        chunk: list[str] = []
        for number, row in enumerate(rows, 2):
            at = str(number)
            cells = [f'<row r="{at}">']
            for col, letter, is_text, write in plan:
                value = row[col]
                if value is None or value == "":
                    continue
                # isprintable() is False for control characters (and for some harmless ones such as
                # the full-width space): those, markup characters and edge spaces take the careful path.
                if (is_text and value.__class__ is str and len(value) < _FAST_MAX and value.isprintable()
                        and "&" not in value and "<" not in value and ">" not in value and "_x" not in value
                        and value[0] != " " and value[-1] != " "):
                    style = quoted_style if value.startswith(dangerous) else text_style
                    cells.append(f'<c r="{letter}{at}{style}{value}</t></is></c>')
                else:
                    cells.append(write(letter + at, value))
            cells.append("</row>")
            chunk.append("".join(cells))
            if len(chunk) == 2000:
                stream.write("".join(chunk).encode())
                chunk.clear()
        stream.write("".join(chunk).encode())
        filter_ref = f"A1:{column_letter(max(columns, 1) - 1)}{last_row}"
        stream.write(
            ("</sheetData>" + (f'<autoFilter ref="{filter_ref}"/>' if columns else "")
             + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             "</worksheet>").encode()
        )
    return len(rows)


def sheet_names(wanted: Sequence[str], limit: int = 31) -> list[str]:
    """Names Excel accepts: no []:*?/\\, no edge apostrophe, at most ``limit`` long, unique."""
    names: list[str] = []
    for number, name in enumerate(wanted, 1):
        name = _BAD_SHEET_CHARACTERS.sub("_", name).strip("'")[:limit] or f"Sheet{number}"
        base, extra = name, 1
        while name.casefold() in (n.casefold() for n in names):
            extra += 1
            name = f"{base[: limit - len(str(extra)) - 1]}_{extra}"
        names.append(name)
    return names


def write_workbook(path, tables: Sequence, *, measure, dangerous: tuple[str, ...], sheet_name_max: int = 31) -> int:
    """Write ``tables`` as the sheets of a new workbook at ``path``; return the number of data rows."""
    names = sheet_names([t.name for t in tables], sheet_name_max)
    total = 0
    last_rows = []
    # Level 1 deflate: the XML is repetitive, so it still shrinks ~8×, at a third of the default level's time.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(tables)))
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        for index, table in enumerate(tables, 1):
            count = write_sheet(archive, f"xl/worksheets/sheet{index}.xml", table,
                                selected=index == 1, measure=measure, dangerous=dangerous)
            total += count
            last_rows.append((max(count, 1) + 1, len(table.headers)))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(tables)))
        archive.writestr("xl/workbook.xml", _workbook(names, last_rows))
    return total


_ROOT_RELS = (
    _DECLARATION
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>'
)


def _content_types(sheets: int) -> str:
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{main}.worksheet+xml"/>'
        for i in range(1, sheets + 1)
    )
    return (
        _DECLARATION
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{main}.styles+xml"/>'
        f"{overrides}</Types>"
    )


def _workbook_rels(sheets: int) -> str:
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{base}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, sheets + 1)
    )
    return (
        _DECLARATION
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'{links}<Relationship Id="rId{sheets + 1}" Type="{base}/styles" Target="styles.xml"/></Relationships>'
    )


def _workbook(names: list[str], last_rows: list[tuple[int, int]]) -> str:
    sheets = "".join(
        f'<sheet name="{_xml_escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, 1)
    )
    # Excel keeps each sheet's autofilter range as this hidden name as well.
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{_xml_escape(_quoted_sheet(name))}!$A$1:${column_letter(columns - 1)}${last}</definedName>"
        for i, (name, (last, columns)) in enumerate(zip(names, last_rows)) if columns
    )
    return (
        _DECLARATION
        + f"<workbook {_NS} {_NS_R}>"
        '<workbookPr/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/>'
        f"</bookViews><sheets>{sheets}</sheets>"
        + (f"<definedNames>{filters}</definedNames>" if filters else "")
        + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def _quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"
