"""Charts drawn with QtCharts (PySide6-Addons), imported only when a chart is first drawn:
QtCharts costs about 0.2–0.3 s to load, which start-up does not pay.

``bar_chart`` and ``pie_chart`` return a ``QChartView``; a click on a bar or a slice calls
``on_click(index)`` with the category's index, so each part opens what lies behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

PALETTE = (
    "#1f4e79",
    "#7fa7d1",
    "#e07b39",
    "#6aa84f",
    "#a64d79",
    "#f1c232",
    "#76a5af",
    "#999999",
    "#cc4125",
    "#3d85c6",
)
Click = Callable[[int], None]


def _charts() -> Any:
    from PySide6 import QtCharts

    return QtCharts


def _view(chart: Any, parent: QWidget | None, height: int) -> QWidget:
    charts = _charts()
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    chart.setLocale(QLocale(QLocale.Language.French, QLocale.Country.France))
    chart.setLocalizeNumbers(True)
    view = charts.QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFixedHeight(height)
    return view


def bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    on_click: Click,
    *,
    unit: str = "",
    parent: QWidget | None = None,
    vertical: bool = False,
) -> QWidget:
    """Bars, one group per category, one colour per series; the value axis is titled with
    ``unit``. Horizontal (first category on top) unless ``vertical`` (for many series)."""
    charts = _charts()
    bars = charts.QBarSeries() if vertical else charts.QHorizontalBarSeries()
    count = len(categories)

    def position(index: int) -> int:
        return index if vertical else count - 1 - index

    for number, (name, values) in enumerate(series):
        bar_set = charts.QBarSet(name)
        bar_set.append([float(v) for v in (values if vertical else list(reversed(values)))])
        bar_set.setColor(QColor(PALETTE[number % len(PALETTE)]))
        bar_set.clicked.connect(lambda index: on_click(position(index)))
        bars.append(bar_set)
    chart = charts.QChart()
    chart.addSeries(bars)
    axis_y = charts.QBarCategoryAxis()
    names = [_short(c, 14 if vertical else 28) for c in categories]
    axis_y.append(names if vertical else list(reversed(names)))
    axis_x = charts.QValueAxis()
    axis_x.setLabelFormat("%.0f")
    axis_x.setTitleText(unit)
    top = max((max(values, default=0) for _, values in series), default=0)
    axis_x.setRange(0, max(float(top) * 1.05, 1.0))
    axis_x.applyNiceNumbers()
    left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
    chart.addAxis(axis_y, bottom if vertical else left)
    chart.addAxis(axis_x, left if vertical else bottom)
    bars.attachAxis(axis_y)
    bars.attachAxis(axis_x)
    chart.legend().setVisible(len(series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    height = 260 if vertical else 70 + 26 * count * max(len(series), 1)
    return _view(chart, parent, max(height, 130))


def pie_chart(
    labels: Sequence[str],
    values: Sequence[float],
    on_click: Click,
    *,
    parent: QWidget | None = None,
    height: int = 210,
) -> QWidget:
    """A ring, one slice per label, its share printed; the legend on the right."""
    charts = _charts()
    pie = charts.QPieSeries()
    pie.setHoleSize(0.35)
    total = sum(values) or 1
    for number, (label, value) in enumerate(zip(labels, values, strict=True)):
        share = round(100 * value / total)
        piece = pie.append(f"{share} % – {_short(label, 34)}", float(value))
        piece.setColor(QColor(PALETTE[number % len(PALETTE)]))
        piece.clicked.connect(lambda n=number: on_click(n))
    chart = charts.QChart()
    chart.addSeries(pie)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return _view(chart, parent, height)


def _short(text: str, length: int = 28) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def stacked_years_chart(
    years: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    unit: str,
    parent: QWidget | None = None,
) -> QWidget:
    """One stacked bar per year, one colour per row (the legend names them)."""
    charts = _charts()
    stacked = charts.QStackedBarSeries()
    for number, (name, values) in enumerate(series):
        bar_set = charts.QBarSet(_short(name, 40))
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(PALETTE[number % len(PALETTE)]))
        stacked.append(bar_set)
    chart = charts.QChart()
    chart.addSeries(stacked)
    axis_x = charts.QBarCategoryAxis()
    axis_x.append(list(years))
    axis_y = charts.QValueAxis()
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(unit)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    stacked.attachAxis(axis_x)
    stacked.attachAxis(axis_y)
    axis_y.applyNiceNumbers()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return _view(chart, parent, 280)
