"""What opening the file found, shown above the areas until the coordinator closes it.

``Database.notes`` (a lock taken over after a crash, the full check that then ran,
another file's -wal set aside) and ``Database.warnings`` (USB or removable drive,
cloud-synced folder) are set by the store while opening; this banner is where the
coordinator reads them. Warnings come first, on an amber band; notes alone are blue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from kankei_desktop.store import Database

_WARNING_STYLE = "#open_findings { background: #fff4d6; border: 1px solid #c98a00; border-radius: 4px; }"
_NOTE_STYLE = "#open_findings { background: #e8f1fb; border: 1px solid #4a7fb5; border-radius: 4px; }"


class OpenFindingsBanner(QFrame):
    def __init__(self, warnings: list[str], notes: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("open_findings")
        self.setStyleSheet(_WARNING_STYLE if warnings else _NOTE_STYLE)
        self.setAccessibleName(self.tr("What opening the file found"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        symbol = QLabel("⚠" if warnings else "ℹ")
        symbol.setAccessibleName(self.tr("Warning") if warnings else self.tr("Note"))
        symbol.setStyleSheet("font-size: 16pt; color: #7a5200;" if warnings else "font-size: 16pt; color: #1f4e80;")
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(symbol)
        self.text = QLabel("\n".join(f"・{line}" for line in [*warnings, *notes]))
        self.text.setObjectName("open_findings_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("color: #1a202c;")
        layout.addWidget(self.text, 1)
        self.close_button = QPushButton(self.tr("&Dismiss"))
        self.close_button.setObjectName("open_findings_close")
        self.close_button.setToolTip(self.tr("Hide this message (Ctrl+Shift+D)"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)


def findings(database: Database) -> tuple[list[str], list[str]]:
    """(warnings, notes) of the open, each once, in the order the store found them."""
    warnings = list(dict.fromkeys(database.warnings))
    notes = [note for note in dict.fromkeys(database.notes) if note not in warnings]
    return warnings, notes


def show_open_findings(window: QMainWindow, database: Database) -> OpenFindingsBanner | None:
    """Put the banner above the window's areas (None when opening found nothing to say)."""
    warnings, notes = findings(database)
    if not warnings and not notes:
        return None
    banner = OpenFindingsBanner(warnings, notes)
    areas = window.takeCentralWidget()
    holder = QWidget()
    holder.setObjectName("open_findings_holder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(6, 6, 6, 0)
    layout.setSpacing(6)
    layout.addWidget(banner)
    layout.addWidget(areas, 1)
    window.setCentralWidget(holder)
    QShortcut(QKeySequence("Ctrl+Shift+D"), window, activated=banner.hide)
    return banner
