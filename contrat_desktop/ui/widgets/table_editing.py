"""Editable tables: cells open for typing (not on every click or arrow move), and the cell
being typed in is committed before a save (Ctrl+S does not take the focus away from it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableWidget, QWidget

Trigger = QAbstractItemView.EditTrigger
TYPING = (
    Trigger.DoubleClicked | Trigger.EditKeyPressed | Trigger.AnyKeyPressed | Trigger.SelectedClicked
)


def editable_table(headers: Sequence[str], name: str, parent: QWidget) -> QTableWidget:
    """A table of rows edited in place (selected whole, no row numbers), typing opens cells."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    set_table_editable(table, True)
    return table


def set_table_editable(view: QAbstractItemView, editable: bool) -> None:
    view.setEditTriggers(TYPING if editable else Trigger.NoEditTriggers)


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
