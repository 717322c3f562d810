"""The strategic framework in a drop-down list drawn as a tree: each element under its parent
with guide lines, piliers and thématiques at the top in bold, a deactivated one greyed, and
the closed box naming the whole path (« Cohésion sociale › Vie locale »).

Each entry's text is the element's own label, never indented with spaces: typing its first
letters finds it, it reads right aloud, and ``findText("Vie locale")`` finds it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QWidget,
)

from contrat_desktop.domain.framework import FrameworkNode, FrameworkTree

DEPTH = int(Qt.ItemDataRole.UserRole) + 1  # 0 for a pilier or a thématique at the top
GUIDES = int(Qt.ItemDataRole.UserRole) + 2  # per level above: does a line go on below?
PATH = int(Qt.ItemDataRole.ToolTipRole)  # « Cohésion sociale › Vie locale »
STEP = 18  # pixels per level
LINES = QColor("#9e9e9e")
INACTIVE = QColor("#888888")
Index = QModelIndex | QPersistentModelIndex


class FrameworkCombo(QComboBox):
    def __init__(self, none_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.none_label = none_label  # the first entry, for no element: « Tous », « (non classée) »
        self.setItemDelegate(_TreeDelegate(self))
        self.addItem(none_label, None)

    def set_tree(
        self, tree: FrameworkTree, keep_root: Callable[[FrameworkNode], bool] = lambda _n: True
    ) -> None:
        """Fill with the branches whose root ``keep_root`` accepts; the chosen element stays
        chosen when it is still there (no signal sent)."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.none_label, None)
        roots = [root for root in tree.roots() if root.id is not None and keep_root(root)]
        for number, root in enumerate(roots):
            self._add(tree, root, (), number == len(roots) - 1)
        self.setCurrentIndex(max(self.findData(chosen), 0) if chosen is not None else 0)
        self.blockSignals(False)

    def _add(
        self, tree: FrameworkTree, node: FrameworkNode, guides: tuple[bool, ...], last: bool
    ) -> None:
        assert node.id is not None
        row = self.count()
        self.addItem(node.label, node.id)
        path = tree.path_label(node.id)
        self.setItemData(row, path if node.active else f"{path} (désactivé)", PATH)
        self.setItemData(row, len(guides), DEPTH)
        self.setItemData(row, (*guides, not last), GUIDES)
        if not node.active:
            self.setItemData(row, INACTIVE, Qt.ItemDataRole.ForegroundRole)
        children = [child for child in tree.children(node.id) if child.id is not None]
        for number, child in enumerate(children):
            self._add(tree, child, (*guides, not last), number == len(children) - 1)

    def showPopup(self) -> None:
        """The list as wide as its longest entry (indent and bold included), not as the box."""
        view = self.view()
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )
        super().showPopup()

    def current_path(self) -> str:
        path = self.currentData(PATH)
        return str(path) if path else self.currentText()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The closed box names the whole path, not the element's label alone."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.current_path()  # type: ignore[attr-defined]
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class _TreeDelegate(QStyledItemDelegate):
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
