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
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.ui.widgets.charts import PALETTE

WARNING = QColor("#9c2a00")
NOTHING = "Aucune action pour cette campagne."


class FigureTable(QTableWidget):
    """Read-only rows of figures; Entrée or a click opens the row."""

    def __init__(
        self,
        headers: Sequence[str],
        on_open: Callable[[int], None],
        name: str,
        parent: QWidget,
        rows_shown: int = 12,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.on_open = on_open
        self.rows_shown = rows_shown  # rows in view; the table scrolls past them
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

    def fill(
        self,
        rows: Sequence[Sequence[str]],
        warn: Sequence[int] = (),
        colours: Sequence[QColor] = (),
    ) -> None:
        """``warn``: the rows shown in red (an envelope overspent); ``colours``: each row's
        colour in the chart (a square before its name: the ring's legend)."""
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
                if not column and number < len(colours):
                    item.setData(Qt.ItemDataRole.DecorationRole, colours[number])
                self.setItem(number, column, item)
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)
        height = header.height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(n) for n in range(min(len(rows), self.rows_shown)))
        self.setFixedHeight(height + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.on_open(self.currentRow())
            return
        super().keyPressEvent(event)


class FigureCard(QGroupBox):
    """``chart``: "bars" or "pie" (or "" for a table alone). The chart is made the first
    time ``draw_chart`` is called (after the window is shown: QtCharts is not on the
    start-up path), then updated in place with each new set of figures. ``rows_shown``: the
    table's rows in view before it scrolls."""

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
        rows_shown: int = 12,
    ) -> None:
        super().__init__(title, parent)
        self.table = FigureTable(headers, on_open, title, self, rows_shown)
        self.kind, self.unit, self.vertical = chart, unit, vertical
        self.plot: Any = None  # the BarChart or PieChart, once drawn
        self.chart: QWidget | None = None  # its view
        self._figures: tuple[Any, ...] | None = None
        self.empty = QLabel(NOTHING, self)  # instead of an empty table and chart
        self.empty.setObjectName("empty")
        self.empty.setStyleSheet("color: palette(mid); font-style: italic;")
        self.empty.hide()
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if chart_beside else QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1 if chart_beside else 0, Qt.AlignmentFlag.AlignTop)
        if not chart_beside:
            layout.addStretch(1)  # table and chart packed at the top of the card
        self.chart_layout = layout

    def fill(self, rows: Sequence[Sequence[str]], warn: Sequence[int] = ()) -> None:
        """The table's rows; « Aucune action pour cette campagne. » when there are none.
        Beside a ring, each row has its slice's colour (the ring has no legend)."""
        colours = [QColor(PALETTE[n % len(PALETTE)]) for n in range(len(rows))]
        self.table.fill(rows, warn, colours if self.kind == "pie" else ())
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def set_chart(self, *figures: Any) -> None:
        """The chart's figures: (labels, series) for bars, (labels, values) for a pie;
        shown now if the chart is drawn already, else at ``draw_chart``."""
        self._figures = figures
        if self.plot is not None:
            self.draw_chart()

    def draw_chart(self) -> None:
        if not self.kind or self._figures is None:
            return
        if _nothing_to_draw(self.kind, self._figures):  # no axes of zeros, no empty ring
            if self.chart is not None:
                self.chart.hide()
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
            layout = self.chart_layout
            if isinstance(layout, QHBoxLayout):
                layout.addWidget(self.chart, 1)
            else:  # under the table, before the stretch
                layout.insertWidget(layout.count() - 1, self.chart)
        self.plot.show(*self._figures)
        self.chart.show()  # type: ignore[union-attr]


def _nothing_to_draw(kind: str, figures: tuple[Any, ...]) -> bool:
    """No category, or only zeros: (labels, series) for bars, (labels, values) for a pie."""
    labels, values = figures
    if kind == "pie":
        return not labels or not any(values)
    return not labels or not any(any(numbers) for _name, numbers in values)
