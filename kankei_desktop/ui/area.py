"""What every area of the main window offers to the window around it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kankei_desktop.store import Database


class AreaPage(QWidget):
    """Base of an area page. The window calls these on shortcuts and navigation."""

    #: "300 件中 42 件" and the like, for the status bar.
    status_message = Signal(str)
    #: Build the page with the window, not on first visit: for areas that run
    #: something on their own from the start (the automatic backups).
    BUILD_AT_START = False

    def __init__(self, database: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database

    def activate(self) -> None:
        """Called each time the area is shown: refresh what may have changed elsewhere."""
        self.refresh()

    def refresh(self) -> None:  # F5
        """Reload from the database. Areas with data override this."""

    def focus_search(self) -> None:  # Ctrl+F
        """Put the cursor in the area's search box, where it has one."""

    def create_new(self) -> None:  # Ctrl+N
        """Start a new record, where the area has records."""

    def open_import(self) -> None:
        """取り込み…: the window's import wizard (the same as ファイル → 取り込み…)."""
        window = self.window()
        if hasattr(window, "open_import"):
            window.open_import()

    def open_export(self, what: str) -> None:
        """書き出し…: the window's export dialog with ``what`` chosen."""
        window = self.window()
        if hasattr(window, "open_export"):
            window.open_export(what)
