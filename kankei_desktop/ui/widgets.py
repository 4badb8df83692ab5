"""Small widgets every area builds the same way."""

from __future__ import annotations

from datetime import date

from kankei_desktop.domain.calendar import fiscal_year_of
from kankei_desktop.ui import icons as qta
from kankei_desktop.ui.words import fiscal_year_text
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QToolButton

ICON_COLOUR = "#2d3748"
SEARCH_DELAY_MS = 120  # search-as-you-type waits this long: it skips the keystrokes of a fast typist


def tool_button(icon: str, text: str, tip: str = "") -> QToolButton:
    """An area-toolbar button: a qtawesome icon with its label beside it."""
    button = QToolButton()
    button.setIcon(qta.icon(icon, color=ICON_COLOUR))
    button.setText(text)
    button.setToolTip(tip or text)
    if not text:
        button.setAccessibleName(tip)  # icon only: a screen reader reads the tooltip
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


class PeriodPicker(QObject):
    """The 年度 and 期間 combo boxes of ホーム and レポート, built one way.

    Not a widget itself: ホーム puts both combos in its top bar, レポート gives each
    its own form row. The year list runs from next fiscal year back six years, this
    year chosen; the period is the whole year (None) or a quarter 1–4.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, today: date | None = None):
        super().__init__(parent)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("yearCombo")
        current = fiscal_year_of(today or date.today())
        for year in range(current + 1, current - 6, -1):
            self.year_combo.addItem(fiscal_year_text(year), year)
        self.year_combo.setCurrentIndex(1)
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarterCombo")
        self.quarter_combo.addItem(self.tr("Whole year"), None)
        for quarter in range(1, 5):
            self.quarter_combo.addItem(self.tr("Q%1").replace("%1", str(quarter)), quarter)
        self.year_combo.currentIndexChanged.connect(self.changed)
        self.quarter_combo.currentIndexChanged.connect(self.changed)

    def period(self) -> tuple[int, int | None]:
        """(fiscal year, quarter or None for the whole year)."""
        return self.year_combo.currentData(), self.quarter_combo.currentData()
