"""Charts of the progress summary, drawn with reportlab.graphics in the bundled font.

Every value axis starts at zero (a bar that starts at 40 makes 45 look like twice 42),
and counts under the suppression threshold are drawn as empty bars labelled 「<N」.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from kankei_desktop.reports.summary import number

PRIMARY = colors.HexColor("#2E6DA4")
SECONDARY = colors.HexColor("#9CC3E6")
ACCENT = colors.HexColor("#E07B39")
GRID = colors.HexColor("#D9D9D9")
TEXT = colors.HexColor("#333333")


def _shown(values: list[int], threshold: int) -> tuple[list[int], list[str]]:
    """(bar heights, labels) with small counts hidden."""
    heights, labels = [], []
    for value in values:
        if 0 < value < threshold:
            heights.append(0)
            labels.append(f"<{threshold}")
        else:
            heights.append(value)
            labels.append(number(value))
    return heights, labels


def _style_axes(chart, font: str) -> None:
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda value: number(value)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.strokeColor = GRID
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.strokeColor = TEXT
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = TEXT


def _nice_max(value: int) -> int | None:
    """A round top for the value axis with room for the bar labels, or None for an empty chart."""
    if value <= 0:
        return None
    top = value * 1.12
    magnitude = 10 ** max(len(str(int(top))) - 1, 0)
    for step in (magnitude // 5 or 1, magnitude // 2 or 1, magnitude):
        if top / step <= 10:
            break
    return int(-(-top // step) * step)


def empty_chart(width: float, height: float, font: str, message: str) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, strokeColor=GRID, fillColor=None))
    drawing.add(String(width / 2, height / 2, message, fontName=font, fontSize=9, fillColor=TEXT,
                       textAnchor="middle"))
    return drawing


def monthly_chart(months: list[str], unique: list[int], visits: list[int], width: float, height: float,
                  font: str, threshold: int) -> Drawing:
    """Grouped bars per month: 実人数 and のべ人数."""
    if not any(visits):
        return empty_chart(width, height, font, "この期間の活動はありません")
    drawing = Drawing(width, height)
    unique_heights, unique_labels = _shown(unique, threshold)
    visit_heights, visit_labels = _shown(visits, threshold)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 42, 34, width - 54, height - 58
    chart.data = [unique_heights, visit_heights]
    chart.categoryAxis.categoryNames = months
    _style_axes(chart, font)
    chart.valueAxis.valueMax = _nice_max(max(visit_heights + unique_heights))
    chart.bars[0].fillColor = PRIMARY
    chart.bars[1].fillColor = SECONDARY
    chart.bars.strokeColor = None
    chart.groupSpacing = 6
    chart.barLabelFormat = "values" if len(months) <= 3 else None
    chart.barLabelArray = [unique_labels, visit_labels]
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(_legend(font, width, height, [(PRIMARY, "実人数"), (SECONDARY, "のべ人数")]))
    return drawing


def _legend(font: str, width: float, height: float, items: list[tuple]) -> Legend:
    legend = Legend()
    legend.x, legend.y = width - 150, height - 4
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.dx = legend.dy = 7
    legend.colorNamePairs = items
    legend.strokeColor = None
    return legend


def horizontal_chart(names: list[str], values: list[int], width: float, font: str, threshold: int,
                     color=PRIMARY, empty_message: str = "データはありません") -> Drawing:
    """One bar per name, top to bottom in the given order (ladder stages, funnel stages)."""
    height = 26 + 20 * max(len(names), 1)
    if not any(values):
        return empty_chart(width, height, font, empty_message)
    drawing = Drawing(width, height)
    heights, labels = _shown(values, threshold)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 78, 18, width - 120, height - 26
    # HorizontalBarChart plots the first category at the bottom; reverse so the ladder reads downward.
    chart.data = [list(reversed(heights))]
    chart.categoryAxis.categoryNames = list(reversed(names))
    _style_axes(chart, font)
    chart.valueAxis.valueMax = _nice_max(max(heights))
    chart.bars[0].fillColor = color
    chart.bars.strokeColor = None
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(reversed(labels))]
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    drawing.add(chart)
    return drawing


def progress_bar(progress: float | None, font: str, width: float = 96, height: float = 11) -> Drawing:
    """Achieved ÷ target as a bar with the percentage beside it; from 100% the bar turns the accent colour."""
    drawing = Drawing(width, height)
    bar_width = width - 40
    drawing.add(Rect(0, 1, bar_width, height - 2, fillColor=colors.HexColor("#EEEEEE"), strokeColor=GRID,
                     strokeWidth=0.5))
    if progress:
        filled = min(progress, 1.0) * bar_width
        drawing.add(Rect(0, 1, filled, height - 2, fillColor=ACCENT if progress >= 1 else PRIMARY, strokeColor=None))
    label = "—" if progress is None else f"{progress * 100:.0f}%"
    drawing.add(String(width, 2.5, label, fontName=font, fontSize=8, fillColor=TEXT, textAnchor="end"))
    return drawing
