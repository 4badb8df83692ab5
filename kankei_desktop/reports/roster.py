"""A roster (参加者名簿) on A4 portrait: 氏名, フリガナ, 連絡先, 段階, one line a person.

Every page says 取扱注意（個人情報） at its top and "page / pages" at its foot; the font is the
bundled BIZ UDPGothic, embedded. Long cells are shrunk to fit their column (never below 6 pt),
so a name never breaks inside itself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kankei_desktop.domain.calendar import wareki_date
from kankei_desktop.reports.fonts import register_japanese_fonts

NOTICE = "取扱注意（個人情報）"
MARGIN = 15 * mm
ROW_HEIGHT = 7.5 * mm
BODY_SIZE = 10.0
# Column widths (mm) of No., 氏名, フリガナ, 連絡先, 段階: 180 mm, A4 less the margins.
WIDTHS_MM = (12, 38, 40, 62, 28)


def _fit(text: str, font: str, size: float, width: float) -> float:
    while size > 6 and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def _clip(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class _Numbered(Canvas):
    """Keeps every page until the end, then writes "x / y" on each (y known only then)."""

    def __init__(self, *args, footer_font: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer_font = footer_font

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(self._footer_font, 9)
            self.drawCentredString(A4[0] / 2, MARGIN / 2, f"{number} / {total}")
            super().showPage()
        super().save()


def write_roster_pdf(out: Path, title: str, stage_header: str, rows: list[tuple[str, str, str, str]], *,
                     organisation: str = "", made_on: date) -> int:
    """Write ``rows`` (氏名, フリガナ, 連絡先, 段階) to ``out``; returns the number of pages."""
    import os
    import tempfile

    regular, bold = register_japanese_fonts()
    out = Path(out)
    # Written beside the target and renamed over it: a reader never sees half a roster.
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(handle)
    try:
        canvas = _roster_canvas(temp, title, organisation, regular)
        made = f"作成日　{wareki_date(made_on)}（{made_on:%Y/%m/%d}）　{len(rows):,}名"
        sheet = _Sheet(canvas, regular, bold, title, f"{organisation}　{made}" if organisation else made,
                       ["No.", "氏名", "フリガナ", "連絡先", stage_header])
        y = sheet.page_head()
        canvas.setLineWidth(0.3)
        for number, row in enumerate(rows, start=1):
            if y - ROW_HEIGHT < MARGIN + 6 * mm:
                canvas.showPage()
                y = sheet.page_head()
            y = sheet.row(y, (f"{number:,}", *row))
        canvas.showPage()
        pages = len(canvas._pages)
        canvas.save()
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return pages


def _roster_canvas(path: str, title: str, organisation: str, regular: str) -> _Numbered:
    """The canvas with the document's properties; the initial font is the embedded one (else an
    unembedded Helvetica would be listed in the file though never used)."""
    canvas = _Numbered(path, pagesize=A4, pageCompression=1, initialFontName=regular, initialFontSize=10,
                       footer_font=regular)
    canvas.setTitle(title)
    canvas.setAuthor(organisation or "関係人口デスク")
    canvas.setCreator("関係人口デスク")
    canvas.setSubject(NOTICE)
    return canvas


class _Sheet:
    """Draws the roster's parts on the canvas: each page's head and one row a person."""

    def __init__(self, canvas: _Numbered, regular: str, bold: str, title: str, subtitle: str, headers: list[str]):
        self.canvas = canvas
        self.regular, self.bold = regular, bold
        self.title, self.subtitle, self.headers = title, subtitle, headers
        self.widths = [w * mm for w in WIDTHS_MM]

    def page_head(self) -> float:
        """The notice, title, organisation and date, then the column headers; returns where rows start.
        Repeated on every page, so a page read alone still says what it is and how to handle it."""
        canvas, bold, top = self.canvas, self.bold, A4[1] - MARGIN
        canvas.setFillColorRGB(0.75, 0.1, 0.1)
        canvas.setFont(bold, 11)
        canvas.drawRightString(A4[0] - MARGIN, top - 4, NOTICE)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(bold, 14)
        canvas.drawString(MARGIN, top - 4, _clip(self.title, bold, 14, A4[0] - 2 * MARGIN - 45 * mm))
        canvas.setFont(self.regular, 9)
        canvas.drawString(MARGIN, top - 20, self.subtitle)
        y = top - 30
        canvas.setFillColorRGB(0.9, 0.92, 0.95)
        canvas.rect(MARGIN, y - ROW_HEIGHT, sum(self.widths), ROW_HEIGHT, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(bold, BODY_SIZE)
        x = MARGIN
        for header, width in zip(self.headers, self.widths):
            canvas.drawString(x + 2 * mm, y - ROW_HEIGHT + 2.3 * mm, header)
            x += width
        return y - ROW_HEIGHT

    def row(self, y: float, cells: tuple[str, ...]) -> float:
        """One person's cells and the rule under them; returns where the next row starts."""
        x = MARGIN
        for column, (text, width) in enumerate(zip(cells, self.widths)):
            self._cell(x, y, column, text, width - 4 * mm)
            x += width
        self.canvas.setStrokeColorRGB(0.7, 0.7, 0.7)
        self.canvas.line(MARGIN, y - ROW_HEIGHT, MARGIN + sum(self.widths), y - ROW_HEIGHT)
        return y - ROW_HEIGHT

    def _cell(self, x: float, y: float, column: int, text: str, room: float) -> None:
        """A cell shrunk to fit its column (never below 6 pt), and clipped with … when even that is too
        wide; a two-line 連絡先 (phone above e-mail) gets one size for both lines."""
        canvas, regular = self.canvas, self.regular
        lines = text.split("\n")[:2]
        if len(lines) == 1:
            size = _fit(text, regular, 8.0 if column == 3 else BODY_SIZE, room)
            canvas.setFont(regular, size)
            canvas.drawString(x + 2 * mm, y - ROW_HEIGHT + 2.3 * mm, _clip(text, regular, size, room))
            return
        size = min(_fit(line, regular, 8.0, room) for line in lines)
        canvas.setFont(regular, size)
        for line, baseline in zip(lines, (y - 3.2 * mm, y - 6.6 * mm)):
            canvas.drawString(x + 2 * mm, baseline, _clip(line, regular, size, room))
