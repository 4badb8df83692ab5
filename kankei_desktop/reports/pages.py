"""What every PDF shares: who made it, 「n / N」 on each page, and names that never break.

- 作成者 is handed in by the service that gathers the document's data
  (``services.settings_store.document_author``: the configured author or else the organisation).
- ``numbered_canvas`` keeps the pages until the end so each can carry 「n / N」.
- ``unbroken`` joins a name's parts with no-break spaces, so a table cell wraps between
  names (阿部 啓介 様、 …) and never inside one (阿部 / 啓介 様).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

NO_BREAK_SPACE = "\u00a0"


def unbroken(name: str) -> str:
    """The name with its spaces made unbreakable (use with a paragraph style whose wordWrap is None)."""
    return re.sub(r"[ \u3000]+", NO_BREAK_SPACE, name.strip())


def numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that calls ``footer(canvas, page, total)`` on every page once the total is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def page_of(page: int, total: int) -> str:
    return f"{page} / {total}"
