"""The dashboard's ladder funnel and monthly trend, painted with QPainter (QtCharts is deprecated)."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kankei_desktop.ui.words import shown

PRIMARY = QColor("#2E6DA4")
SECONDARY = QColor("#9CC3E6")
TEXT = QColor("#2d3748")
GRID = QColor("#D9D9D9")


def _value_axis(value: int) -> tuple[int, int]:
    """(top, step) of a value axis from zero: a round step (1, 2 or 5 × 10ⁿ), at most six
    steps, the top a little above ``value``, so every tick label is a round number."""
    wanted = max(value, 1) * 1.05
    magnitude = 1
    while magnitude * 10 * 6 < wanted:
        magnitude *= 10
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude * 6 >= wanted)
    return step * math.ceil(wanted / step), step


class LadderChart(QWidget):
    """Horizontal bars, one per ladder stage, widest at the top like a funnel; a click names the stage."""

    stage_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stages: list[tuple[str, int]] = []
        self.setAccessibleName(self.tr("Persons by stage of involvement"))
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_stages(self, stages: list[tuple[str, int]]) -> None:
        self.stages = stages
        self.setAccessibleDescription("、".join(f"{name} {count:,}" for name, count in stages))
        self.update()

    def _row_rect(self, index: int) -> QRectF:
        row_height = (self.height() - 8) / max(len(self.stages), 1)
        return QRectF(0, 4 + index * row_height, self.width(), row_height)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        names = [shown(name) for name, _count in self.stages]  # English display names in English mode
        label_width = max([80] + [self.fontMetrics().horizontalAdvance(name) + 10 for name in names])
        number_width = 60
        top = max((count for _name, count in self.stages), default=0) or 1
        for index, (_stored, count) in enumerate(self.stages):
            row = self._row_rect(index)
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, row.top(), label_width - 6, row.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, names[index])
            span = self.width() - label_width - number_width
            bar = span * count / top
            x = label_width + (span - bar) / 2  # centred: the ladder reads as a funnel
            painter.fillRect(QRectF(x, row.top() + row.height() * 0.18, bar, row.height() * 0.64), PRIMARY)
            painter.drawText(QRectF(self.width() - number_width, row.top(), number_width, row.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{count:,}")
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        for index, (name, _count) in enumerate(self.stages):
            if self._row_rect(index).contains(event.position()):
                self.stage_clicked.emit(name)
                return


class TrendChart(QWidget):
    """Monthly 実人数 and のべ人数 as grouped bars; the value axis starts at zero."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.months: list[tuple[str, int, int]] = []
        self.legend = ("", "")
        self.setAccessibleName(self.tr("Persons per month"))
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_months(self, months: list[tuple[str, int, int]], legend: tuple[str, str]) -> None:
        """[(label, 実人数, のべ)]"""
        self.months, self.legend = months, legend
        self.setAccessibleDescription("、".join(f"{label} {legend[0]} {a:,} {legend[1]} {b:,}" for label, a, b in months))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top, step = _value_axis(max((max(u, v) for _l, u, v in self.months), default=0))
        metrics = painter.fontMetrics()
        ticks = [f"{value:,}" for value in range(0, top + 1, step)]
        # As wide as the longest tick label (a large file's months run into tens of thousands).
        left = max(44, max(metrics.horizontalAdvance(tick) for tick in ticks) + 10)
        bottom, top_margin = 22, 22
        plot = QRectF(left, top_margin, self.width() - left - 8, self.height() - top_margin - bottom)
        for index, tick in enumerate(ticks):
            y = plot.bottom() - plot.height() * index / (len(ticks) - 1)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             tick)
        slot = plot.width() / max(len(self.months), 1)
        small = painter.font()
        small.setPointSizeF(max(7.0, min(small.pointSizeF(), slot / 4.2)))
        painter.setFont(small)
        for index, (label, unique, visits) in enumerate(self.months):
            x = plot.left() + index * slot
            bar = slot * 0.34
            for offset, value, colour in ((slot * 0.14, unique, PRIMARY), (slot * 0.52, visits, SECONDARY)):
                height = plot.height() * value / top
                painter.fillRect(QRectF(x + offset, plot.bottom() - height, bar, height), colour)
            painter.setPen(TEXT)
            painter.drawText(QRectF(x, plot.bottom() + 2, slot, bottom), Qt.AlignmentFlag.AlignHCenter, label)
        x = self.width() - 8
        for text, colour in ((self.legend[1], SECONDARY), (self.legend[0], PRIMARY)):
            width = metrics.horizontalAdvance(text)
            x -= width
            painter.setPen(TEXT)
            painter.drawText(int(x), 14, text)
            x -= 16
            painter.fillRect(QRectF(x, 5, 11, 11), colour)
            x -= 14
        painter.end()
