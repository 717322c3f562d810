"""A card of the home page: a titled box with a small table of figures and, drawn after the
window is shown, the chart of the same figures. A click (or Entrée) on a row and a click on
its bar or slice call ``on_open(row)``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

WARNING = QColor("#9c2a00")


class FigureTable(QTableWidget):
    """Read-only rows of figures; Entrée or a click opens the row."""

    def __init__(
        self, headers: Sequence[str], on_open: Callable[[int], None], name: str, parent: QWidget
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.on_open = on_open
        self.setHorizontalHeaderLabels(list(headers))
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.cellClicked.connect(lambda row, _column: self.on_open(row))
        self.setToolTip("Cliquez une ligne pour ouvrir la programmation correspondante")

    def fill(self, rows: Sequence[Sequence[str]], warn: Sequence[int] = ()) -> None:
        """``warn``: the rows shown in red (an envelope overspent)."""
        header = self.horizontalHeader()
        modes = [header.sectionResizeMode(c) for c in range(self.columnCount())]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # measured once, below
        self.setSortingEnabled(False)
        self.clearContents()
        self.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for number, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(right)
                if number in warn:
                    item.setForeground(WARNING)
                self.setItem(number, column, item)
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)
        height = header.height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(n) for n in range(min(len(rows), 12)))
        self.setFixedHeight(height + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.on_open(self.currentRow())
            return
        super().keyPressEvent(event)


class FigureCard(QGroupBox):
    """``chart``: "bars" or "pie" (or "" for a table alone). The chart is made the first
    time ``draw_chart`` is called (after the window is shown: QtCharts is not on the
    start-up path), then updated in place with each new set of figures."""

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        on_open: Callable[[int], None],
        parent: QWidget,
        *,
        chart: str = "",
        unit: str = "",
        vertical: bool = False,
        chart_beside: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.table = FigureTable(headers, on_open, title, self)
        self.kind, self.unit, self.vertical = chart, unit, vertical
        self.plot: Any = None  # the BarChart or PieChart, once drawn
        self.chart: QWidget | None = None  # its view
        self._figures: tuple[Any, ...] | None = None
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if chart_beside else QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        self.chart_layout = layout

    def set_chart(self, *figures: Any) -> None:
        """The chart's figures: (labels, series) for bars, (labels, values) for a pie;
        shown now if the chart is drawn already, else at ``draw_chart``."""
        self._figures = figures
        if self.plot is not None:
            self.draw_chart()

    def draw_chart(self) -> None:
        if not self.kind or self._figures is None:
            return
        if self.plot is None:
            from contrat_desktop.ui.widgets.charts import BarChart, PieChart

            on_open = self.table.on_open
            self.plot = (
                PieChart(on_open, parent=self)
                if self.kind == "pie"
                else BarChart(on_open, unit=self.unit, vertical=self.vertical, parent=self)
            )
            self.chart = self.plot.view
            self.chart_layout.addWidget(self.chart, 1)
        self.plot.show(*self._figures)
