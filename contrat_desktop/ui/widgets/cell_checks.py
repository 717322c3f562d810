"""Cells checked as they are typed: what cannot be read (an amount « abc ») is marked at
once, in the cell being typed (red frame, the reason beside it) and, once entered, in the
table (red frame and text that show through the selection, the reason in the tooltip) and in
a line of problems under the table, long before anything is saved."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QToolTip,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import parse_optional_amount
from contrat_desktop.ui.widgets.money_edit import INVALID_STYLE

PROBLEM_ROLE = int(Qt.ItemDataRole.UserRole) + 64  # the reason a cell cannot be read
ERROR_BRUSH = QBrush(QColor("#fdecea"))
ERROR_TEXT = QColor("#b71c1c")
ERROR_FRAME = QColor("#c62828")
SELECTED_ERROR = QColor("#f8c4c0")
PROBLEMS_STYLE = "color: #b71c1c; background: #fdecea; padding: 4px; border: 1px solid #e57373;"

Check = Callable[[int, str], str | None]  # (column, text typed) -> the reason, or None
Index = QModelIndex | QPersistentModelIndex


def amount_problem(text: str) -> str | None:
    """Why ``text`` is not an amount (``None`` when it reads, or is empty)."""
    try:
        parse_optional_amount(text)
    except ValidationError as error:
        return str(error)
    return None


class CheckedCellDelegate(QStyledItemDelegate):
    """Text cells whose typed value ``check`` may refuse: the editor shows the reason while
    typing, and a cell that holds a refused value is drawn in red, selected or not."""

    def __init__(self, check: Check, parent: QWidget) -> None:
        super().__init__(parent)
        self.check = check

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            column = index.column()
            editor.textEdited.connect(
                lambda text, line=editor: show_editor_problem(line, self.check(column, text))
            )
        return editor

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.data(PROBLEM_ROLE):
            super().paint(painter, option, index)
            return
        marked = QStyleOptionViewItem(option)
        palette = marked.palette  # type: ignore[attr-defined]
        palette.setColor(QPalette.ColorRole.Highlight, SELECTED_ERROR)
        palette.setColor(QPalette.ColorRole.HighlightedText, ERROR_TEXT)
        palette.setColor(QPalette.ColorRole.Text, ERROR_TEXT)
        marked.palette = palette  # type: ignore[attr-defined]
        super().paint(painter, marked, index)
        painter.save()
        painter.setPen(QPen(ERROR_FRAME, 2))
        painter.drawRect(option.rect.adjusted(1, 1, -1, -1))  # type: ignore[attr-defined]
        painter.restore()


def show_editor_problem(editor: QLineEdit, problem: str | None) -> None:
    """Frame the cell being typed in red and say why beside it; clear both once it reads."""
    editor.setStyleSheet(INVALID_STYLE if problem else "")
    editor.setToolTip(problem or "")
    if problem:
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), problem, editor)
    else:
        QToolTip.hideText()


def mark_cell(item: QTableWidgetItem, problem: str | None, tooltip: str = "") -> None:
    """Mark ``item`` as holding what cannot be read (``problem``), or clear the mark and put
    back its usual ``tooltip``."""
    item.setData(PROBLEM_ROLE, problem or "")
    item.setBackground(ERROR_BRUSH if problem else QBrush())
    item.setToolTip(problem or tooltip)


def problems_label(name: str, parent: QWidget) -> QLabel:
    """The line under a table that lists its unreadable cells (hidden while there are none)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(PROBLEMS_STYLE)
    label.setAccessibleName(name)
    label.hide()
    return label


def show_problems(label: QLabel, problems: Iterable[str]) -> None:
    lines = [f"⚠ {problem}" for problem in problems]
    label.setText("\n".join(lines))
    label.setVisible(bool(lines))
