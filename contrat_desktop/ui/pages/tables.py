"""The table view every directory page uses: rows selected whole, sorted by the model
(in Python), amounts aligned right, column widths from the ``Column`` declarations."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from contrat_desktop.ui.models.columns import RowTableModel


class RowTable(QTableView):
    """Enter, Return or a double click on a row asks to open it."""

    open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(self.open_requested)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


def make_table(
    model: RowTableModel,  # type: ignore[type-arg]
    accessible_name: str,
    parent: QWidget,
    *,
    sortable: bool = True,
    stretch: str | None = None,
    on_open: Callable[[QModelIndex], None] | None = None,
) -> RowTable:
    """A read-only table over ``model``, sorted on its first column; the ``stretch`` column
    takes the room left (else the last one). Enter or a double click calls ``on_open``."""
    table = RowTable(parent)
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    if sortable:
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for number, column in enumerate(model.columns):
        header.resizeSection(number, column.width)
        header.setSectionHidden(number, not column.visible)
        if column.key == stretch:
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
    if on_open is not None:
        table.open_requested.connect(on_open)
    return table


def select_row(table: QTableView, row: int | None) -> None:
    if row is None:
        table.clearSelection()
        return
    table.selectRow(row)
    table.scrollTo(table.model().index(row, 0))


def fit_columns(table: QTableView) -> None:
    """Make the table wide enough to show every declared column without scrolling."""
    header = table.horizontalHeader()
    columns = sum(
        header.sectionSize(n) for n in range(header.count()) if not header.isSectionHidden(n)
    )
    scroll_bar = table.verticalScrollBar().sizeHint().width()
    table.setMinimumWidth(columns + 2 * table.frameWidth() + scroll_bar)


def widen_to_content(table: QTableView, key: str, widest: int = 420) -> None:
    """Widen the column ``key`` so that its longest value is read whole (a district's name:
    « Les Portes de Paris – Les Hautes-Noues »): never narrower than declared, at most
    ``widest`` pixels (the value stays whole in its tooltip). Measured on the texts, so that
    it holds before the table is first shown."""
    model = table.model()
    assert isinstance(model, RowTableModel)
    number = [column.key for column in model.columns].index(key)
    metrics = table.fontMetrics()
    margin = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
    texts = (model.data(model.index(row, number)) or "" for row in range(model.rowCount()))
    longest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
    wanted = max(model.columns[number].width, longest + margin)
    table.horizontalHeader().resizeSection(number, min(wanted, widest))
