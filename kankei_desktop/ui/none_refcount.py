"""Workaround: PySide6 6.12 on Python 3.11 takes a reference from ``None`` on every void call.

Each call of a Qt method that returns nothing (``QPainter.setPen``, ``QLabel.setText``,
``QRect.setWidth`` …) lowers ``None``'s reference count by one without having raised it,
so after enough calls (a few ten thousand: one busy calendar repaint) the interpreter
aborts with "none_dealloc: deallocating None". Python 3.12 made ``None`` immortal, which
hides the bug there; on 3.11 we do the same by hand: a count of 2**40 cannot be worn
down in any session, and ``None`` is never freed anyway.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL = 1 << 40
_done = False


def make_none_immortal() -> None:
    """Idempotent; a no-op on Python 3.12+ (None is immortal there)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _IMMORTAL
    _done = True
