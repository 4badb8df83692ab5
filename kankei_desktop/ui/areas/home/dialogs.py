"""The records behind a figure: the persons counted in it."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kankei_desktop.domain.calendar import display_date
from kankei_desktop.ui.common import setup_table
from kankei_desktop.ui.widgets import prepare_view

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T][\d:.]+)?$")


class PersonsDialog(QDialog):
    """A list of persons (id, name, のべ or stage, date); double-click opens one in 参加者."""

    person_opened = Signal(str)

    def __init__(self, title: str, rows: list[tuple], headers: list[str], note: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setObjectName("personsTable")
        self.table.setHorizontalHeaderLabels(headers)
        setup_table(self.table, alternating=False, resize=QHeaderView.ResizeMode.ResizeToContents,
                    column_modes={0: QHeaderView.ResizeMode.Stretch}, stretch_last=False)
        for row, (person_id, *values) in enumerate(rows):
            for column, value in enumerate(values):
                if hasattr(value, "isoformat"):
                    value = display_date(value)
                elif isinstance(value, str) and ISO_DATE.match(value):  # SQL hands dates back as text
                    value = display_date(date.fromisoformat(value[:10]))
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value or ""))
                item.setData(Qt.ItemDataRole.UserRole, person_id)
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.doubleClicked.connect(self._open)
        prepare_view(self.table, lambda: self._open(self.table.currentIndex()))  # Enter opens, Tab leaves
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self, index) -> None:
        person_id = self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        self.person_opened.emit(person_id)
        self.accept()
