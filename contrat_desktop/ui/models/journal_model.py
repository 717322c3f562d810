"""The journal's table model: lines read a page at a time as the view scrolls down
(``canFetchMore``/``fetchMore``), so a journal of a million changes opens at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from contrat_desktop.domain.journal import JournalLine
from contrat_desktop.ui.models.columns import DISPLAY, TOOLTIP

HEADERS = ("Quand", "Qui", "Quoi", "Champ", "Ancienne valeur", "Nouvelle valeur")
WIDTHS = (120, 110, 280, 160, 240, 240)  # the two values share the room left
_Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[JournalLine | None], list[JournalLine]]


class JournalModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[JournalLine] = []
        self._loader: Loader | None = None
        self._more = False
        self.page_size = 200

    def reset(self, loader: Loader) -> None:
        """Start again from the newest line with ``loader(after)`` giving the next page."""
        self.beginResetModel()
        self._loader = loader
        self._lines = loader(None)
        self._more = len(self._lines) >= self.page_size
        self.endResetModel()

    def line(self, row: int) -> JournalLine:
        return self._lines[row]

    def loaded(self) -> int:
        return len(self._lines)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        role = int(role)
        if not index.isValid() or role not in (DISPLAY, TOOLTIP):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if column == 0:
            return line.when
        return (line.who, line.what, line.field, line.old, line.new)[column - 1]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and int(role) == DISPLAY:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._loader is None:
            return
        page = self._loader(self._lines[-1] if self._lines else None)
        self._more = len(page) >= self.page_size
        if page:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._lines.extend(page)
            self.endInsertRows()
