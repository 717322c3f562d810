"""Charts drawn with QtCharts (PySide6-Addons), imported only when a chart is first drawn:
QtCharts costs about 0.2–0.3 s to load, which start-up does not pay.

``BarChart`` and ``PieChart`` are made once and shown again with new figures (updated, not
rebuilt); their ``view`` is the ``QChartView``. A click on a bar or a slice calls
``on_click(index)`` with the category's index, so each part opens what lies behind it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from contrat_desktop.domain.document_blocks import PALETTE

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


class BarChart:
    """Bars, one group per category, one colour per series, the value axis titled with
    ``unit``; horizontal (first category on top) unless ``vertical`` (for many series).

    Made once: ``show`` puts new figures in the same chart (values replaced in place when
    the categories and series keep their number), so a campaign change redraws nothing
    else. A click on a bar calls ``on_click(category index)``."""

    def __init__(
        self, on_click: Click, *, unit: str = "", vertical: bool = False, parent: QWidget
    ) -> None:
        charts = _charts()
        self.on_click = on_click
        self.vertical = vertical
        self.count = 0
        self.bars = charts.QBarSeries() if vertical else charts.QHorizontalBarSeries()
        self.chart = charts.QChart()
        self.chart.addSeries(self.bars)
        self.categories = charts.QBarCategoryAxis()
        self.values = charts.QValueAxis()
        self.values.setLabelFormat("%.0f")
        self.values.setTitleText(unit)
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        self.chart.addAxis(self.categories, bottom if vertical else left)
        self.chart.addAxis(self.values, left if vertical else bottom)
        self.bars.attachAxis(self.categories)
        self.bars.attachAxis(self.values)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = _view(self.chart, parent, 130)

    def _position(self, index: int) -> int:
        return index if self.vertical else self.count - 1 - index

    def show(
        self, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]
    ) -> None:
        charts = _charts()
        self.count = len(categories)

        def ordered(values: Sequence[float]) -> list[float]:
            return [float(v) for v in (values if self.vertical else list(reversed(values)))]

        sets = self.bars.barSets()
        same = len(sets) == len(series) and all(
            s.count() == self.count and s.label() == name
            for s, (name, _values) in zip(sets, series, strict=True)
        )
        if same:
            for bar_set, (_name, values) in zip(sets, series, strict=True):
                for index, value in enumerate(ordered(values)):
                    if bar_set.at(index) != value:
                        bar_set.replace(index, value)
        else:
            self.bars.clear()
            for number, (name, values) in enumerate(series):
                bar_set = charts.QBarSet(name)
                bar_set.append(ordered(values))
                bar_set.setColor(QColor(PALETTE[number % len(PALETTE)]))
                bar_set.clicked.connect(lambda index: self.on_click(self._position(index)))
                self.bars.append(bar_set)
        names = [_short(c, 14 if self.vertical else 28) for c in categories]
        shown = names if self.vertical else list(reversed(names))
        if self.categories.categories() != shown:
            self.categories.setCategories(shown)
        top = max((max(values, default=0) for _, values in series), default=0)
        whole = all(float(v).is_integer() for _, values in series for v in values)
        if whole and top <= 10:  # a few actions: one tick per unit, never « 0 0 0 1 1 1 »
            high = max(math.ceil(top), 1)
            self.values.setRange(0, high)
            self.values.setTickCount(high + 1)
        else:
            self.values.setRange(0, max(float(top) * 1.05, 1.0))
            self.values.applyNiceNumbers()
        self.chart.legend().setVisible(len(series) > 1)
        height = 260 if self.vertical else 70 + 26 * self.count * max(len(series), 1)
        self.view.setFixedHeight(max(height, 130))


class PieChart:
    """A ring, one slice per label, each share printed beside its slice (none under 4 %).
    No legend: the table above the ring is its legend (each row has its slice's colour,
    ``PALETTE`` in the same order), so no label is ever cut. Made once, ``show`` puts new
    figures in it; a click on a slice calls ``on_click(index)``."""

    def __init__(self, on_click: Click, *, parent: QWidget, height: int = 210) -> None:
        charts = _charts()
        self.on_click = on_click
        self.pie = charts.QPieSeries()
        self.pie.setHoleSize(0.35)
        self.pie.setPieSize(0.7)  # room for the shares outside
        self.pie.clicked.connect(lambda piece: self.on_click(self.pie.slices().index(piece)))
        self.chart = charts.QChart()
        self.chart.addSeries(self.pie)
        self.chart.legend().setVisible(False)
        self.view = _view(self.chart, parent, height)

    def show(self, labels: Sequence[str], values: Sequence[float]) -> None:
        charts = _charts()
        total = sum(values) or 1
        shares = [round(100 * value / total) for value in values]
        if len(self.pie.slices()) != len(values):
            self.pie.clear()
            for number, value in enumerate(values):
                piece = self.pie.append("", float(value))
                piece.setColor(QColor(PALETTE[number % len(PALETTE)]))
                piece.setLabelPosition(charts.QPieSlice.LabelPosition.LabelOutside)
                piece.setLabelArmLengthFactor(0.08)
        assert len(labels) == len(values)  # named by the table above (see the class)
        for piece, share, value in zip(self.pie.slices(), shares, values, strict=True):
            text = f"{share}\u00a0%"
            if piece.label() != text:
                piece.setLabel(text)
            piece.setLabelVisible(share >= 4)
            if piece.value() != value:
                piece.setValue(float(value))


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
