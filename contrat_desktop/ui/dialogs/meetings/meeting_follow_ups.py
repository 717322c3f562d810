"""The meeting editor's follow-ups (suites à donner): who does what, by when."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.meetings import FollowUp
from contrat_desktop.ui.widgets.date_edit import DateEdit
from contrat_desktop.ui.widgets.table_editing import (
    editable_table,
    set_cell_widget,
    set_table_editable,
)

HEADERS = ["Qui", "Quoi", "Pour le"]
WHO, WHAT, DUE = 0, 1, 2


class MeetingFollowUpsTab(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FollowUp] = []
        self.editable = True
        self.table = editable_table(HEADERS, "Suites à donner", self)
        self.table.setColumnWidth(WHO, 260)
        self.table.setColumnWidth(DUE, 150)
        self.table.horizontalHeader().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton("&Ajouter une suite à donner", self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton("&Supprimer", self)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._loading = False

    def load(self, rows: tuple[FollowUp, ...]) -> None:
        self.rows = list(rows)
        self._show()

    def collect(self) -> tuple[FollowUp, ...]:
        return tuple(self.rows)

    def errors(self) -> list[str]:
        return [
            f"Suite à donner n° {number} : indiquez ce qui est à faire."
            for number, row in enumerate(self.rows, start=1)
            if not row.what.strip()
        ]

    def _show(self) -> None:
        self._loading = True
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            self.table.setItem(number, WHO, QTableWidgetItem(row.who))
            self.table.setItem(number, WHAT, QTableWidgetItem(row.what))
            due = DateEdit(self.table)
            due.setAccessibleName(f"Échéance de la suite n° {number + 1}")
            due.set_value(row.due_on)
            due.setReadOnly(not self.editable)
            due.dateChanged.connect(lambda _d, edit=due: self._due_changed(edit))
            set_cell_widget(self.table, number, DUE, due)
        self._loading = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row = self.rows[item.row()]
        text = item.text().strip()
        self.rows[item.row()] = (
            replace(row, who=text) if item.column() == WHO else replace(row, what=text)
        )
        self.changed.emit()

    def _due_changed(self, edit: DateEdit) -> None:
        for number in range(self.table.rowCount()):
            if self.table.cellWidget(number, DUE) is edit:
                self.rows[number] = replace(self.rows[number], due_on=edit.value())
        self.changed.emit()

    def add_row(self, who: str = "", what: str = "", due_on: date | None = None) -> None:
        meeting_id = self.rows[0].meeting_id if self.rows else 0
        self.rows.append(FollowUp(meeting_id, who, what, due_on))
        self._show()
        self.table.setCurrentCell(len(self.rows) - 1, WHO)
        if not who:
            self.table.editItem(self.table.item(len(self.rows) - 1, WHO))
        self.changed.emit()

    def remove_current(self) -> None:
        number = self.table.currentRow()
        if 0 <= number < len(self.rows):
            del self.rows[number]
            self._show()
            self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        set_table_editable(self.table, editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        for number in range(self.table.rowCount()):
            due = self.table.cellWidget(number, DUE)
            if isinstance(due, DateEdit):
                due.setReadOnly(not editable)
