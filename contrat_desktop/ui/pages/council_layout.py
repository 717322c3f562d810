"""Small read-only tables of the conseil citoyen area that fit their width: one column takes
the room left, the others the width of their content (nothing cut, no sideways scrolling)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableWidget

from contrat_desktop.ui.dialogs.actions.action_tabs import read_only_table


def compact_table(headers: Sequence[str], name: str, stretch: int = 0) -> QTableWidget:
    table = read_only_table(headers, name)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    return table
