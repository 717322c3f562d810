"""A compact strip under a table: requested and granted totals per funder, one column each."""

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
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows_height = sum(self.rowHeight(r) for r in range(len(ROWS)))
        header = self.horizontalHeader().sizeHint().height()
        scroll = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(rows_height + header + scroll + 4)

    def show_totals(self, by_funder: dict[int, FunderAmounts], names: dict[int, str]) -> None:
        """One column per funder, in the funders' order (``names`` is ordered)."""
        funder_ids = [f for f in names if f in by_funder]
        self.setColumnCount(len(funder_ids))
        self.setHorizontalHeaderLabels([names[f] for f in funder_ids])
        for column, funder_id in enumerate(funder_ids):
            amounts = by_funder[funder_id]
            values = (amounts.requested_cents, amounts.granted_cents or 0)
            for row, cents in enumerate(values):
                item = QTableWidgetItem(format_cents(cents))
                item.setTextAlignment(RIGHT)
                self.setItem(row, column, item)

    def cell_text(self, funder_name: str, row: str) -> str:
        for column in range(self.columnCount()):
            if self.horizontalHeaderItem(column).text() == funder_name:
                return self.item(ROWS.index(row), column).text()
        raise KeyError(funder_name)
