"""Columns declared once: header, display text, sort key, alignment, default visibility.

Models index ``COLUMNS[column]`` and never branch on column numbers; roles are compared as
plain ints (an enum compare costs ~5 µs a call in ``data()``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from contrat_desktop.domain.money import format_cents

R = TypeVar("R")

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
USER = int(Qt.ItemDataRole.UserRole)  # the row object
SORT = USER + 1  # the sort key
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a table: header, text, sort key, alignment, visibility, width."""

    key: str
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    numeric: bool = False
    visible: bool = True
    width: int = 110
    tooltip: Callable[[R], str] | None = None  # None: the cell's text


def money_column(
    key: str, header: str, cents: Callable[[R], int], width: int = 120, visible: bool = True
) -> Column[R]:
    """An amount in cents: shown ``1 234,56 €``, sorted by value, aligned right."""
    return Column(
        key,
        header,
        lambda r: format_cents(cents(r)),
        cents,
        numeric=True,
        visible=visible,
        width=width,
    )


_Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a Python list of rows, sorted in Python."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # read --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == TOOLTIP and column.tooltip is not None:
            return column.tooltip(row)
        if role in (DISPLAY, TOOLTIP):
            return column.text(row)
        if role == ALIGN:
            return RIGHT if column.numeric else LEFT
        if role == USER:
            return row
        if role == SORT:
            return (column.sort_key or column.text)(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if int(role) == DISPLAY:
                return self.columns[section].header
            if int(role) == ALIGN:
                return RIGHT if self.columns[section].numeric else LEFT
        return None

    def row(self, index: int) -> R:
        return self._rows[index]

    def rows(self) -> list[R]:
        return list(self._rows)

    # write -------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def declared_layout(model: object) -> str:
    """The columns a table model declares, keys and default widths (``name:170;...``): a
    saved header layout is restored only onto the declaration it was saved from."""
    if not isinstance(model, RowTableModel):
        return ""
    return ";".join(f"{column.key}:{column.width}" for column in model.columns)
