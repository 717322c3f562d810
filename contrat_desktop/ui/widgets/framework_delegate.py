"""The strategic framework's drop-down list drawn as a tree: each entry indented by its depth,
the tree's guide lines in the margin, piliers and thématiques at the top in bold. Set on a
``FrameworkCombo`` when its list first opens (Qt's style classes are not loaded at start-up)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from contrat_desktop.ui.widgets.framework_combo import DEPTH, GUIDES

STEP = 18  # pixels per level
LINES = QColor("#9e9e9e")
Index = QModelIndex | QPersistentModelIndex


class TreeDelegate(QStyledItemDelegate):
    """Indents each entry by its depth and draws the tree's guide lines in the margin."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        depth = index.data(DEPTH)
        width = size.width() + STEP * int(depth or 0) + 4  # room for the indent
        if depth == 0:  # in bold
            font = QFont(option.font)  # type: ignore[attr-defined]
            font.setBold(True)
            text = str(index.data(Qt.ItemDataRole.DisplayRole))
            width += QFontMetrics(font).horizontalAdvance(
                text
            ) - option.fontMetrics.horizontalAdvance(text)  # type: ignore[attr-defined]
        height = max(size.height(), option.fontMetrics.height() + 8)  # type: ignore[attr-defined]
        return QSize(width, height)  # rows as tall as a menu's

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        depth = index.data(DEPTH)
        if depth is None:  # the first entry (« Tous »)
            super().paint(painter, option, index)
            return
        guides = index.data(GUIDES) or ()
        rect = option.rect  # type: ignore[attr-defined]
        shifted = QStyleOptionViewItem(option)
        shifted.rect = rect.adjusted(STEP * int(depth) + 4, 0, 0, 0)  # type: ignore[attr-defined]
        if depth == 0:
            shifted.font.setBold(True)  # type: ignore[attr-defined]
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(rect, option.palette.brush(QPalette.ColorRole.Highlight))  # type: ignore[attr-defined]
        super().paint(painter, shifted, index)
        if depth:
            self._guides(painter, rect, int(depth), tuple(guides))

    @staticmethod
    def _guides(painter: QPainter, rect: object, depth: int, guides: tuple[bool, ...]) -> None:
        top, bottom = rect.top(), rect.bottom()  # type: ignore[attr-defined]
        middle = (top + bottom) / 2
        left = rect.left()  # type: ignore[attr-defined]
        painter.save()
        painter.setPen(QPen(LINES, 1))
        for level in range(1, depth):  # the lines of the levels above that go on
            if guides[level]:
                x = left + STEP * (level - 1) + STEP / 2
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        x = left + STEP * (depth - 1) + STEP / 2
        painter.drawLine(QPointF(x, top), QPointF(x, bottom if guides[depth] else middle))
        painter.drawLine(QPointF(x, middle), QPointF(x + STEP / 2 + 2, middle))
        painter.restore()
