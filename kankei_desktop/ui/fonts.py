"""The bundled Japanese font, registered so text renders the same on every machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from kankei_desktop.paths import font_paths

UI_POINT_SIZE = 10.5


def install_application_font(app) -> str | None:
    """Register BIZ UDPGothic and make it the application font; returns its family."""
    family = None
    for path in font_paths().values():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    if family:
        font = QFont(family)
        font.setPointSizeF(UI_POINT_SIZE)
        app.setFont(font)
    return family
