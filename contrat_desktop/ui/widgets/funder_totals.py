"""A compact strip under a table: requested and granted totals per funder, one column each,
updated in place as the rows shown change (not rebuilt at each keystroke)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from contrat_desktop.domain.money import format_cents
from contrat_desktop.domain.programmation import FunderAmounts

ROWS = ("Demandé", "Accordé")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FunderTotals(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(ROWS), 0, parent)
        self.setAccessibleName("Totaux par financeur des actions affichées")
        self.setVerticalHeaderLabels(list(ROWS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._labels: list[str] = []
        self._widths: list[int] = []  # the longest text each column was sized for
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows_height = sum(self.rowHeight(r) for r in range(len(ROWS)))
        header = self.horizontalHeader().sizeHint().height()
        scroll = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(rows_height + header + scroll + 4)

    def show_totals(self, by_funder: dict[int, FunderAmounts], names: dict[int, str]) -> None:
        """One column per funder, in the funders' order (``names`` is ordered). A keystroke
        in a filter changes the amounts, seldom the funders: the cells are updated in place,
        and a column widened only when its text grew."""
        funder_ids = [f for f in names if f in by_funder]
        labels = [names[f] for f in funder_ids]
        if labels != self._labels:
            self.setColumnCount(len(labels))
            self.setHorizontalHeaderLabels(labels)
            for column in range(len(labels)):
                for row in range(len(ROWS)):
                    item = QTableWidgetItem()
                    item.setTextAlignment(RIGHT)
                    self.setItem(row, column, item)
            self._labels = labels
            self._widths = [0] * len(labels)
        for column, funder_id in enumerate(funder_ids):
            amounts = by_funder[funder_id]
            texts = (
                format_cents(amounts.requested_cents),
                format_cents(amounts.granted_cents or 0),
            )
            for row, text in enumerate(texts):
                item = self.item(row, column)
                if item.text() != text:
                    item.setText(text)
            longest = max(len(text) for text in texts)
            if longest > self._widths[column]:
                self._widths[column] = longest
                self.resizeColumnToContents(column)

    def cell_text(self, funder_name: str, row: str) -> str:
        for column in range(self.columnCount()):
            if self.horizontalHeaderItem(column).text() == funder_name:
                return self.item(ROWS.index(row), column).text()
        raise KeyError(funder_name)
