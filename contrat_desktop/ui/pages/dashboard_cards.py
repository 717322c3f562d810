"""A card of the home page: a titled box with a small table of figures and, drawn after the
window is shown, the chart of the same figures. A click (or Entrée) on a row and a click on
its bar or slice call ``on_open(row)``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

ChartMaker = Callable[[Callable[[int], None], QWidget], QWidget]
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
        self.setSortingEnabled(False)
        self.clearContents()
        self.setRowCount(len(rows))
        for number, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if number in warn:
                    item.setForeground(WARNING)
                self.setItem(number, column, item)
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(n) for n in range(min(len(rows), 12)))
        self.setFixedHeight(height + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.on_open(self.currentRow())
            return
        super().keyPressEvent(event)


class FigureCard(QGroupBox):
    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        on_open: Callable[[int], None],
        parent: QWidget,
        *,
        chart_beside: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.table = FigureTable(headers, on_open, title, self)
        self.chart_slot = QWidget(self)
        self.chart_slot.setLayout(QVBoxLayout())
        self.chart_slot.layout().setContentsMargins(0, 0, 0, 0)
        self.chart: QWidget | None = None
        self._maker: ChartMaker | None = None
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if chart_beside else QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart_slot, 1)

    def set_chart(self, maker: ChartMaker | None) -> None:
        """The chart to draw (now if one is shown already, else on ``draw_chart``)."""
        self._maker = maker
        if self.chart is not None:
            self.draw_chart()

    def draw_chart(self) -> None:
        if self.chart is not None:
            self.chart.setParent(None)  # type: ignore[call-overload]
            self.chart.deleteLater()
            self.chart = None
        if self._maker is not None:
            self.chart = self._maker(self.table.on_open, self.chart_slot)
            self.chart_slot.layout().addWidget(self.chart)
