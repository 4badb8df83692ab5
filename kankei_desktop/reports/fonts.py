"""The bundled Japanese faces (BIZ UDPGothic), registered once for every PDF we make.

reportlab's built-in CID fonts are not embedded, so a PDF opened on a machine without
them shows boxes; a TrueType font registered with ``TTFont`` is subset and embedded.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kankei_desktop.paths import font_paths

REGULAR = "BIZUDPGothic"
BOLD = "BIZUDPGothic-Bold"

_lock = threading.Lock()


def register_japanese_fonts() -> tuple[str, str]:
    """Register the faces (idempotent, thread-safe) and return (regular, bold) font names."""
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        paths = font_paths()
        if REGULAR not in registered:
            pdfmetrics.registerFont(TTFont(REGULAR, str(paths["regular"])))
        if BOLD not in registered:
            pdfmetrics.registerFont(TTFont(BOLD, str(paths["bold"])))
            # <b> inside a Paragraph in the regular face picks the bold file.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
