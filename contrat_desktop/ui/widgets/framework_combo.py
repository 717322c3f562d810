"""The strategic framework in a drop-down list drawn as a tree: each element under its parent
with guide lines, piliers and thématiques at the top in bold, a deactivated one greyed, and
the closed box naming the whole path (« Cohésion sociale › Vie locale »).

Each entry's text is the element's own label, never indented with spaces: typing its first
letters finds it, it reads right aloud, and ``findText("Vie locale")`` finds it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QWidget

from contrat_desktop.domain.framework import FrameworkNode, FrameworkTree

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

DEPTH = int(Qt.ItemDataRole.UserRole) + 1  # 0 for a pilier or a thématique at the top
GUIDES = int(Qt.ItemDataRole.UserRole) + 2  # per level above: does a line go on below?
PATH = int(Qt.ItemDataRole.ToolTipRole)  # « Cohésion sociale › Vie locale »
INACTIVE = QColor("#888888")


class FrameworkCombo(QComboBox):
    def __init__(self, none_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.none_label = none_label  # the first entry, for no element: « Tous », « (non classée) »
        self._tree_drawn = False  # the list's delegate is set when it first opens
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
        """The list drawn as a tree, as wide as its longest entry (indent and bold included),
        not as the box."""
        if not self._tree_drawn:  # its module (and Qt's style classes) loaded now, not at start
            from contrat_desktop.ui.widgets.framework_delegate import TreeDelegate

            self.setItemDelegate(TreeDelegate(self))
            self._tree_drawn = True
        view = self.view()
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )
        super().showPopup()

    def current_path(self) -> str:
        path = self.currentData(PATH)
        return str(path) if path else self.currentText()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The closed box names the whole path, not the element's label alone (drawn by Qt
        when they are the same: « Tous », a pilier; the start-up paints without Qt's style
        classes, some 20 to 40 ms to load)."""
        path = self.current_path()
        if path == self.currentText():
            super().paintEvent(event)
            return
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStylePainter

        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = path  # type: ignore[attr-defined]
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
