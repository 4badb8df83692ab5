"""Address labels (宛名ラベル) on A4 label sheets, with the bundled font embedded.

Presets are the two common A4 sheets (geometry in ``docs/carriers.md``); any
other sheet is a ``LabelGeometry`` with its own margins, label size and pitch.
``start`` skips the labels already peeled off a partly used sheet. A
calibration page prints every label outline with its measurements, to hold
against a real sheet before wasting one.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kankei_desktop.domain.errors import ValidationError


@dataclass(frozen=True)
class LabelGeometry:
    name: str
    columns: int
    rows: int
    label_width_mm: float
    label_height_mm: float
    left_mm: float  # page edge to the first label's left edge
    top_mm: float  # page edge to the first label's top edge
    pitch_x_mm: float  # left edge to the next label's left edge
    pitch_y_mm: float  # top edge to the next label's top edge
    padding_mm: float = 4.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def problems(self) -> list[str]:
        page_w, page_h = A4[0] / mm, A4[1] / mm
        found = []
        if self.columns < 1 or self.rows < 1:
            found.append("列数と行数は1以上にしてください。")
        if min(self.label_width_mm, self.label_height_mm) <= 2 * self.padding_mm:
            found.append("ラベルが小さすぎます（余白を引くと文字が入りません）。")
        if self.pitch_x_mm < self.label_width_mm or self.pitch_y_mm < self.label_height_mm:
            found.append("ピッチ（次のラベルまでの距離）はラベルの大きさ以上にしてください。")
        right = self.left_mm + (self.columns - 1) * self.pitch_x_mm + self.label_width_mm
        bottom = self.top_mm + (self.rows - 1) * self.pitch_y_mm + self.label_height_mm
        if self.left_mm < 0 or self.top_mm < 0 or right > page_w + 0.05 or bottom > page_h + 0.05:
            found.append(f"ラベルが A4 用紙（{page_w:.0f}×{page_h:.0f} mm）からはみ出します"
                         f"（右端 {right:.1f} mm、下端 {bottom:.1f} mm）。")
        return found


PRESETS: dict[str, LabelGeometry] = {
    # 2 × 6, 86.4 × 42.3 mm, no gaps, centred on A4 (A-one 28179 type and its equivalents).
    "a4-12": LabelGeometry("A4 12面", 2, 6, 86.4, 42.3, 18.6, 21.6, 86.4, 42.3, padding_mm=5.0),
    # 3 × 8, 70 × 33.9 mm, edge to edge across, centred top to bottom.
    "a4-24": LabelGeometry("A4 24面", 3, 8, 70.0, 33.9, 0.0, 12.9, 70.0, 33.9, padding_mm=4.0),
}


@dataclass(frozen=True)
class LabelAddress:
    """What goes on one label."""

    postal_code: str  # seven digits
    line1: str
    line2: str
    name: str
    honorific: str = "様"
    note: str = ""  # a small line above the name, e.g. 差出人


def split_address(prefecture: str, city: str, street: str, building: str) -> tuple[str, str]:
    """Two lines: 都道府県+市区町村+町域・番地 / 建物名.

    Without a building the street goes on the second line when the whole would
    be long, so the name line below keeps its room.
    """
    first = f"{prefecture}{city}{street}".strip()
    if building.strip():
        return first, building.strip()
    if len(first) > 22 and street.strip():
        return f"{prefecture}{city}".strip(), street.strip()
    return first, ""


def format_postal(code: str) -> str:
    return f"〒{code[:3]}-{code[3:]}" if len(code) == 7 else (f"〒{code}" if code else "")


def _fonts() -> tuple[str, str]:
    from kankei_desktop.reports.fonts import register_japanese_fonts

    return register_japanese_fonts()


def _fit(text: str, font: str, size: float, width: float, minimum: float) -> float:
    """The largest size ≤ ``size`` at which ``text`` fits ``width`` (never below ``minimum``)."""
    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def _origin(geometry: LabelGeometry, index: int) -> tuple[float, float]:
    """Bottom-left corner (points) of label ``index`` (0-based, across then down)."""
    column, row = index % geometry.columns, index // geometry.columns
    x = (geometry.left_mm + column * geometry.pitch_x_mm) * mm
    top = A4[1] - (geometry.top_mm + row * geometry.pitch_y_mm) * mm
    return x, top - geometry.label_height_mm * mm


def _draw_label(canvas: Canvas, geometry: LabelGeometry, index: int, label: LabelAddress, fonts: tuple[str, str]) -> None:
    regular, bold = fonts
    x, y = _origin(geometry, index)
    pad = geometry.padding_mm * mm
    width = geometry.label_width_mm * mm - 2 * pad
    height = geometry.label_height_mm * mm - 2 * pad
    scale = min(1.0, height / (32 * mm))  # sizes are tuned for the 12面 label and shrink with it
    top = y + geometry.label_height_mm * mm - pad
    postal_size = 9.5 * scale
    canvas.setFont(regular, postal_size)
    cursor = top - postal_size
    if label.postal_code:
        canvas.drawString(x + pad, cursor, format_postal(label.postal_code))
    address_size = 10 * scale
    for line in (label.line1, label.line2):
        cursor -= address_size * 1.3
        if line:
            size = _fit(line, regular, address_size, width, 5.5)
            canvas.setFont(regular, size)
            canvas.drawString(x + pad, cursor, line)
    if label.note:
        cursor -= 7 * scale * 1.3
        canvas.setFont(regular, 7 * scale)
        canvas.drawString(x + pad, cursor, label.note)
    name_text = f"{label.name}　{label.honorific}".strip()
    name_size = _fit(name_text, bold, 15 * scale, width * 0.92, 7)
    # The name sits in the middle of the room left under the address: easiest to read, hardest to clip.
    name_y = max(y + pad, (cursor + y + pad) / 2 - name_size * 0.35)
    canvas.setFont(bold, name_size)
    canvas.drawRightString(x + pad + width, name_y, name_text)


def _check(geometry: LabelGeometry, start: int) -> None:
    problems = geometry.problems()
    if not 1 <= start <= geometry.per_page:
        problems.append(f"開始位置は 1〜{geometry.per_page} の番号で指定してください（{start} は範囲外です）。")
    if problems:
        raise ValidationError({"geometry": "\n".join(problems)})


def _write_atomically(out: Path, draw, fonts: tuple[str, str], author: str = "") -> None:
    out = Path(out)
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(handle)
    try:
        # The initial font would otherwise be an unembedded Helvetica, listed though unused.
        canvas = Canvas(temp, pagesize=A4, pageCompression=1, initialFontName=fonts[0], initialFontSize=10)
        canvas.setTitle(f"宛名ラベル {out.stem}")
        canvas.setSubject("宛名ラベル")
        canvas.setCreator("関係人口デスク")
        canvas.setAuthor(author)
        # Label sheets must print at 100 %: "fit to page" would move every label off its cut.
        canvas.setViewerPreference("PrintScaling", "None")
        draw(canvas)
        canvas.save()
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def write_labels_pdf(out: Path, labels: list[LabelAddress], geometry: LabelGeometry, *, start: int = 1,
                     calibration_page: bool = False, author: str = "") -> int:
    """Draw the labels from position ``start`` (1-based) on; returns the number of pages."""
    _check(geometry, start)
    if not labels:
        raise ValidationError({"labels": "印刷するラベルがありません。"})
    fonts = _fonts()
    pages = []

    def draw(canvas: Canvas) -> None:
        if calibration_page:
            _draw_calibration(canvas, geometry, fonts)
            canvas.showPage()
        slot = start - 1
        for label in labels:
            if slot == geometry.per_page:
                canvas.showPage()
                slot = 0
            _draw_label(canvas, geometry, slot, label, fonts)
            slot += 1
        canvas.showPage()
        pages.append(canvas.getPageNumber() - 1)

    _write_atomically(out, draw, fonts, author)
    return pages[0]


def _draw_calibration(canvas: Canvas, geometry: LabelGeometry, fonts: tuple[str, str]) -> None:
    regular, _bold = fonts
    canvas.setLineWidth(0.3)
    for index in range(geometry.per_page):
        x, y = _origin(geometry, index)
        canvas.rect(x, y, geometry.label_width_mm * mm, geometry.label_height_mm * mm)
        canvas.setFont(regular, 8)
        canvas.drawCentredString(x + geometry.label_width_mm * mm / 2, y + geometry.label_height_mm * mm / 2,
                                 f"{index + 1}")
    canvas.setFont(regular, 9)
    lines = [
        f"位置合わせ用（{geometry.name}）: この紙をラベル用紙に重ねて、枠がラベルと合うか確かめてください。",
        f"{geometry.columns}列×{geometry.rows}行、ラベル {geometry.label_width_mm:g}×{geometry.label_height_mm:g} mm、"
        f"左余白 {geometry.left_mm:g} mm、上余白 {geometry.top_mm:g} mm、"
        f"ピッチ 横 {geometry.pitch_x_mm:g} mm・縦 {geometry.pitch_y_mm:g} mm",
    ]
    top_room = geometry.top_mm * mm
    y = A4[1] - min(8 * mm, max(3 * mm, top_room / 2))
    if top_room < 9 * mm:  # no room above the first row: write across its middle instead
        y = A4[1] / 2
    for line in lines:
        canvas.drawCentredString(A4[0] / 2, y, line)
        y -= 11


def write_calibration_pdf(out: Path, geometry: LabelGeometry, author: str = "") -> None:
    _check(geometry, 1)
    fonts = _fonts()
    _write_atomically(out, lambda canvas: (_draw_calibration(canvas, geometry, fonts), canvas.showPage()), fonts,
                      author)


def custom_geometry(base: str | LabelGeometry = "a4-12", **changes) -> LabelGeometry:
    """A preset with some measurements changed (e.g. ``left_mm=19.0``), checked for the page."""
    geometry = PRESETS[base] if isinstance(base, str) else base
    geometry = replace(geometry, name=changes.pop("name", "カスタム"), **changes)
    _check(geometry, 1)
    return geometry
