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
        self.note = PhraseLabel()
        self.note.setStyleSheet("color: #4a5568; font-size: 8.5pt;")
        # The target in words beside a thin bar: text drawn over the bar was half white, half dark.
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFixedHeight(6)
        self.bar.setTextVisible(False)
        self.target = QLabel()
        self.target.setObjectName("target")
        self.target.setStyleSheet("color: #4a5568; font-size: 8.5pt;")
        for widget in (self.label, self.value, self.note, self.bar, self.target):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Figure"))

    def show_row(self, row: SummaryRow, target_text: str) -> None:
        self.label.setText(row.label)
        self.value.setText(row.value)
        self.note.set_phrases(phrases_of(row.note))
        self.note.setVisible(bool(row.note))
        # A screen reader reads the tile as one thing: what, how many, and the note.
        self.setAccessibleName(f"{row.label} {row.value}")
        self.setAccessibleDescription(row.note)
        self.bar.setVisible(bool(row.target))
        self.target.setVisible(bool(row.target))
        if row.target:
            self.bar.setValue(min(100, int(round((row.progress or 0) * 100))))
            text = f"{target_text} {row.target}（{percent(row.progress)}）"
            self.bar.setFormat(text)  # what a screen reader says for the bar
            self.target.setText(text)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
        super().mousePressEvent(event)


def phrases_of(note: str) -> list[str]:
    """The note cut after 「・」 and spaces: the places a line may break."""
    return [phrase for phrase in note.replace("・", "・\n").replace(" ", " \n").split("\n") if phrase]


class PhraseLabel(QLabel):
    """A label that breaks lines only between phrases, never inside one.

    Qt may break Japanese between any two characters, which on a narrow tile split
    「2日」 or 「56.9%」 from their words. This label fills each line with whole phrases for
    its current width and puts the breaks itself, so its text holds no invisible characters
    (the earlier WORD JOINERs were read out by screen readers and copied with the text).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._phrases: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_phrases(self, phrases: list[str]) -> None:
        self._phrases = list(phrases)
        self._wrap()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._wrap()

    def _wrap(self) -> None:
        width = max(40, self.contentsRect().width())
        metrics = self.fontMetrics()
        lines: list[str] = []
        line = ""
        for phrase in self._phrases:
            if line and metrics.horizontalAdvance((line + phrase).rstrip()) > width:
                lines.append(line)  # a space before the break stays: the lines joined give the note
                line = phrase
            else:
                line += phrase
        if line:
            lines.append(line)
        text = "\n".join(lines)
        if text != self.text():
            self.setText(text)
