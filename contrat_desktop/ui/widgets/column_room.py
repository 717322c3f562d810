"""How the text columns of a table share its width: the columns named share the room the
others leave, in proportion to their weights (what their texts need, or a fixed split), so that
no empty band stays on the right while a name is cut; a long name can be cut in its middle
(« 2016-CS-007 – Ville de Vil…éducative (PRE) » keeps the reference and the end), its tooltip
giving it whole."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

NARROWEST = 80  # a shared column never gets less (the table scrolls sideways instead)


class ElideMiddleDelegate(QStyledItemDelegate):
    """Cells whose text too long for the column is cut in the middle, not at the end."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]


def elide_middle(view: QAbstractItemView, column: int) -> None:
    view.setItemDelegateForColumn(column, ElideMiddleDelegate(view))


class WidthSharing(QObject):
    """Keeps the ``weights`` columns of ``view`` filling the room the other columns leave,
    split in proportion to the weights, whenever the table or another column is resized."""

    def __init__(self, view: QTableView, weights: Mapping[int, float]) -> None:
        super().__init__(view)
        self.view = view
        self.weights = dict(weights)
        self._applying = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in self.weights:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._section_resized)

    def set_weights(self, weights: Mapping[int, float]) -> None:
        self.weights = dict(weights)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self.weights:
            self.apply()

    def apply(self) -> None:
        if self._applying:
            return
        header = self.view.horizontalHeader()
        shared = {c: w for c, w in self.weights.items() if not header.isSectionHidden(c)}
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in shared and not header.isSectionHidden(c)
        )
        room = self.view.viewport().width() - others
        total = sum(shared.values()) or 1.0
        self._applying = True
        try:
            left = room
            for number, (column, weight) in enumerate(shared.items()):
                last = number == len(shared) - 1
                width = left if last else round(room * weight / total)
                header.resizeSection(column, max(width, NARROWEST))
                left -= width
        finally:
            self._applying = False


def content_widths(view: QTableView, columns: Iterable[int]) -> dict[int, float]:
    """What the texts of each column need (its widest cell or its title): weights to share by."""
    header = view.horizontalHeader()
    return {c: max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns}


def share_width(view: QTableView, weights: Mapping[int, float]) -> WidthSharing:
    """Make the ``weights`` columns (column number → weight) share the room left; returns
    the sharing, whose ``set_weights`` changes the split (after the rows changed)."""
    sharing = WidthSharing(view, weights)
    sharing.apply()
    return sharing
