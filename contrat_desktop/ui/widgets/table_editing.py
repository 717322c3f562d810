"""Editable tables: cells open for typing (not on every click or arrow move), the cell being
typed in is committed before a save (Ctrl+S does not take the focus away from it), and Échap
in a cell cancels that cell's edit, never the whole editor around the table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableWidget, QWidget

Trigger = QAbstractItemView.EditTrigger
TYPING = (
    Trigger.DoubleClicked | Trigger.EditKeyPressed | Trigger.AnyKeyPressed | Trigger.SelectedClicked
)
ENTRY_VALUE = "valueOnEntry"  # what a cell widget held when the user entered it
ENTERING = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


def editable_table(headers: Sequence[str], name: str, parent: QWidget) -> QTableWidget:
    """A table of rows edited in place (selected whole, no row numbers), typing opens cells."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    set_table_editable(table, True)
    table.installEventFilter(_escape_filter(table))
    return table


def set_table_editable(view: QAbstractItemView, editable: bool) -> None:
    view.setEditTriggers(TYPING if editable else Trigger.NoEditTriggers)


def set_cell_widget(table: QTableWidget, row: int, column: int, widget: QWidget) -> None:
    """Put ``widget`` (a list, a date) in a cell; Échap in it puts back what it held when the
    user entered it, and only when nothing was changed does Échap reach the dialog."""
    widget.installEventFilter(_escape_filter(table))
    table.setCellWidget(row, column, widget)


def commit_open_editors(root: QWidget) -> None:
    """Write what is being typed in any cell under ``root`` into its table, then close it."""
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.append(root)
    for view in views:
        if view.state() != QAbstractItemView.State.EditingState:
            continue
        editor = view.indexWidget(view.currentIndex())  # an open editor is listed there too
        if editor is not None:
            view.commitData(editor)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class _EscapeInCell(QObject):
    """Échap cancels the edit of one cell: an open editor is closed without writing (even
    when the table, not the editor, has the key), a cell widget gets its entry value back."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if escape and kind == QEvent.Type.KeyPress and not event.modifiers():
            return self._cancel(watched)
        if watched is self.table or not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.FocusOut:
            watched.setProperty(ENTRY_VALUE, None)
        elif kind in ENTERING and watched.property(ENTRY_VALUE) is None:
            watched.setProperty(ENTRY_VALUE, _user_value(watched))  # before the first change
        return False

    def _cancel(self, watched: QObject) -> bool:
        if watched is self.table:
            if self.table.state() != QAbstractItemView.State.EditingState:
                return False
            editor = self.table.indexWidget(self.table.currentIndex())
            if editor is None:
                return False
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            return True
        if not isinstance(watched, QWidget):
            return False
        entered = watched.property(ENTRY_VALUE)
        if entered is None or entered == _user_value(watched):
            return False  # nothing to cancel: Échap closes the dialog as usual
        prop = watched.metaObject().userProperty()
        prop.write(watched, entered)
        return True


def _escape_filter(table: QTableWidget) -> _EscapeInCell:
    found = table.findChild(_EscapeInCell)
    return found if isinstance(found, _EscapeInCell) else _EscapeInCell(table)


def _user_value(widget: QWidget) -> object:
    """The value a widget edits (a list's text, a date), as Qt's item editors read it."""
    prop = widget.metaObject().userProperty()
    return prop.read(widget) if prop.isValid() else None
