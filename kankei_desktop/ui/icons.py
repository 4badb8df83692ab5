"""Font Awesome 5 icons drawn straight from the font qtawesome ships, without importing qtawesome.

Importing qtawesome pulls in qtpy, whose star imports of QtCore, QtGui and
QtWidgets cost about a fifth of the start-up (issue 9). Every icon we use is a
solid Font Awesome 5 glyph (``fa5s.<name>``, the names qtawesome uses), so this
module reads qtawesome's font and charmap files and paints the glyph itself.
Any other name, or a missing font file, falls back to qtawesome.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

_SOLID_PREFIX = "fa5s."
_SCALE = 0.875  # glyph height within the icon square, as qtawesome draws it


@cache
def _solid_font() -> tuple[str, dict[str, int]] | None:
    """(font family, name → code point) of Font Awesome 5 Solid, or None if not found."""
    spec = importlib.util.find_spec("qtawesome")  # locates the package without running it
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    ttf = sorted(fonts.glob("fontawesome5-solid-webfont-*.ttf"))
    charmaps = sorted(fonts.glob("fontawesome5-solid-webfont-charmap-*.json"))
    if not ttf or not charmaps:
        return None
    font_id = QFontDatabase.addApplicationFont(str(ttf[-1]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    charmap = {name: int(code, 16) for name, code in json.loads(charmaps[-1].read_text("utf-8")).items()}
    return families[0], charmap


class _GlyphEngine(QIconEngine):
    def __init__(self, family: str, glyph: str, colour: QColor):
        super().__init__()
        self._family = family
        self._glyph = glyph
        self._colour = colour

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = QColor(self._colour)
        if mode == QIcon.Mode.Disabled:
            colour.setAlpha(90)
        font = QFont(self._family)
        font.setPixelSize(max(1, round(min(rect.width(), rect.height()) * _SCALE)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._glyph)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self._family, self._glyph, self._colour)


def icon(name: str, color: str = "#2d3748") -> QIcon:
    """The icon qtawesome would give for ``name`` (e.g. ``fa5s.users``) in ``color``."""
    font = _solid_font() if name.startswith(_SOLID_PREFIX) else None
    code = font[1].get(name[len(_SOLID_PREFIX):]) if font else None
    if font is None or code is None:
        import qtawesome

        return qtawesome.icon(name, color=color)
    return QIcon(_GlyphEngine(font[0], chr(code), QColor(color)))
