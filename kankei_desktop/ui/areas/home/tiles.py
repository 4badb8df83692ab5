"""A KPI tile: label, value, note and, with a target, a progress bar. Clickable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from kankei_desktop.reports.summary import SummaryRow, percent


class Tile(QFrame):
    clicked = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("Tile { background: #ffffff; border: 1px solid #d5dbe3; border-radius: 6px; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.label = QLabel()
        self.label.setStyleSheet("color: #4a5568;")
        self.value = QLabel()
        self.value.setObjectName("value")
        self.value.setStyleSheet("font-size: 20pt; font-weight: 600; color: #1F3B57;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5568; font-size: 8.5pt;")
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFixedHeight(18)
        self.bar.setTextVisible(True)
        for widget in (self.label, self.value, self.note, self.bar):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_row(self, row: SummaryRow, target_text: str) -> None:
        self.label.setText(row.label)
        self.value.setText(row.value)
        self.note.setText(_breaking_at_phrases(row.note))
        self.note.setVisible(bool(row.note))
        self.bar.setVisible(bool(row.target))
        if row.target:
            self.bar.setValue(min(100, int(round((row.progress or 0) * 100))))
            self.bar.setFormat(f"{target_text} {row.target}（{percent(row.progress)}）")

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
        super().mousePressEvent(event)


def _breaking_at_phrases(note: str) -> str:
    """The note with line breaks allowed only between its phrases (after 「・」 or a space).

    Qt may break Japanese between any two characters, which on a narrow tile split
    「2日」 or 「56.9%」 from their words. A WORD JOINER (U+2060, invisible) between the
    characters of each phrase keeps it whole.
    """
    phrases = note.replace("・", "・\n").replace(" ", " \n").split("\n")
    return "".join("\u2060".join(phrase) for phrase in phrases)
