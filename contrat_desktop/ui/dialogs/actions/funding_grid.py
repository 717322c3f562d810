"""The co-financing grid of an action: one row per funder (requested, proposed, granted,
paid), totals, and the budget balance check (charges = produits). An amount that cannot be
read is marked in its cell and listed under the grid as soon as it is entered."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.funders import Funder
from contrat_desktop.domain.funding import FundingLine
from contrat_desktop.domain.money import amount_or_none, format_cents, parse_optional_amount
from contrat_desktop.ui.widgets.cell_checks import (
    CheckedCellDelegate,
    amount_problem,
    mark_cell,
    problems_label,
    show_problems,
)
from contrat_desktop.ui.widgets.table_editing import editable_table, set_table_editable

AMOUNT_COLUMNS = ("requested_cents", "proposed_cents", "granted_cents")
HEADERS = ["Financeur", "Demandé", "Proposé", "Accordé", "Versé"]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FundingGrid(QWidget):
    changed = Signal()

    def __init__(self, funders: list[Funder], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.funders = {f.id: f for f in funders if f.id is not None}
        self.table = editable_table(HEADERS, "Plan de cofinancement", self)
        self.table.setItemDelegate(CheckedCellDelegate(self._check, self.table))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the funder's name
        header.setMinimumSectionSize(90)
        for column in range(1, len(HEADERS)):
            self.table.setColumnWidth(column, 130)
        self.table.itemChanged.connect(self._item_changed)
        self.add_combo = QComboBox(self)
        self.add_combo.setAccessibleName("Financeur à ajouter")
        self.add_button = QPushButton("&Ajouter ce financeur", self)
        self.add_button.clicked.connect(self._add_selected)
        self.remove_button = QPushButton("Retirer la &ligne", self)
        self.remove_button.clicked.connect(self._remove_current)
        self.totals = QLabel(self)
        self.totals.setAccessibleName("Totaux du cofinancement")
        self.problems = problems_label("Montants illisibles du cofinancement", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_combo, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        layout.addWidget(self.totals)
        self._lines: dict[int, FundingLine] = {}
        self._paid: dict[int, int] = {}
        self._loading = False
        self.errors: dict[tuple[int, int], str] = {}  # (funder id, column) -> message

    # content ------------------------------------------------------------------
    def set_lines(self, lines: list[FundingLine], paid: dict[int, int]) -> None:
        self._loading = True
        self._lines = {line.funder_id: line for line in lines}
        self._paid = paid
        self.errors = {}
        self.table.setRowCount(0)
        for line in sorted(lines, key=lambda ln: self._position(ln.funder_id)):
            self._append_row(line)
        self._loading = False
        show_problems(self.problems, [])
        self._refresh_combo()
        self._refresh_totals()

    def lines(self, action_id: int) -> list[FundingLine]:
        """The lines as typed (only valid once ``errors`` is empty)."""
        result = []
        for row in range(self.table.rowCount()):
            funder_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            base = self._lines.get(funder_id) or FundingLine(
                action_id=action_id, funder_id=funder_id
            )
            values = [self._cents(row, column) for column in (1, 2, 3)]
            result.append(
                replace(
                    base,
                    action_id=action_id,
                    requested_cents=values[0] or 0,
                    proposed_cents=values[1],
                    granted_cents=values[2],
                )
            )
        return result

    def unreadable_requested(self) -> list[str]:
        """The lines whose amount requested cannot be read (counted as 0 until corrected)."""
        return [
            f"ligne « {self.funders[f].name if f in self.funders else f'n° {f}'} » (demandé)"
            for f, column in self.errors
            if column == 1
        ]

    def paid(self) -> dict[int, int]:
        """Funder id → what was paid on its line (refunds subtracted)."""
        return dict(self._paid)

    def requested_total(self) -> int:
        return sum(self._cents(row, 1) or 0 for row in range(self.table.rowCount()))

    def set_editable(self, editable: bool) -> None:
        set_table_editable(self.table, editable)
        for widget in (self.add_combo, self.add_button, self.remove_button):
            widget.setEnabled(editable)

    # rows ---------------------------------------------------------------------
    def _position(self, funder_id: int) -> tuple[int, str]:
        funder = self.funders.get(funder_id)
        return (funder.position, funder.name) if funder else (999, "")

    def _append_row(self, line: FundingLine) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        funder = self.funders.get(line.funder_id)
        name = QTableWidgetItem(funder.name if funder else f"Financeur n° {line.funder_id}")
        name.setData(Qt.ItemDataRole.UserRole, line.funder_id)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, name)
        for column, value in enumerate(
            (line.requested_cents, line.proposed_cents, line.granted_cents), start=1
        ):
            self.table.setItem(row, column, self._amount_item(value))
        paid = self._amount_item(self._paid.get(line.funder_id, 0))
        paid.setFlags(paid.flags() & ~Qt.ItemFlag.ItemIsEditable)
        paid.setToolTip("Somme des versements enregistrés (avances, acomptes, soldes)")
        self.table.setItem(row, 4, paid)

    @staticmethod
    def _amount_item(cents: int | None) -> QTableWidgetItem:
        item = QTableWidgetItem("" if cents is None else format_cents(cents))
        item.setTextAlignment(RIGHT)
        return item

    def _cents(self, row: int, column: int) -> int | None:
        item = self.table.item(row, column)
        return amount_or_none(item.text()) if item else None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() not in (1, 2, 3):
            return
        funder_id = self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        key = (funder_id, item.column())  # rows move when a line is removed; funders don't
        text = item.text().strip()
        self.errors.pop(key, None)
        self._loading = True  # the cell is restyled below: do not come back here
        try:
            problem = None
            if text:
                try:
                    item.setText(format_cents(parse_optional_amount(text) or 0))
                except ValidationError as error:
                    funder = self.table.item(item.row(), 0).text()
                    problem = f"{funder}, {HEADERS[item.column()].lower()} : {error}"
                    self.errors[key] = problem
            mark_cell(item, problem)
        finally:
            self._loading = False
        show_problems(self.problems, self.errors.values())
        self._refresh_totals()
        self.changed.emit()

    @staticmethod
    def _check(column: int, text: str) -> str | None:
        return amount_problem(text) if column in (1, 2, 3) else None

    def _refresh_combo(self) -> None:
        present = {
            self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            for row in range(self.table.rowCount())
        }
        self.add_combo.clear()
        for funder in sorted(self.funders.values(), key=lambda f: (f.position, f.name)):
            if funder.id not in present and funder.active:
                self.add_combo.addItem(funder.name, funder.id)
        self.add_button.setEnabled(self.add_combo.count() > 0 and self.add_combo.isEnabled())

    def _add_selected(self) -> None:
        funder_id = self.add_combo.currentData()
        if funder_id is None:
            return
        self._loading = True
        self._append_row(FundingLine(action_id=0, funder_id=funder_id))
        self._loading = False
        self._refresh_combo()
        self._refresh_totals()
        self.table.setCurrentCell(self.table.rowCount() - 1, 1)
        self.changed.emit()

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        funder_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if self._paid.get(funder_id):
            self.totals.setText("Impossible de retirer un financeur qui a déjà versé des fonds.")
            return
        self.table.removeRow(row)
        self.errors = {k: v for k, v in self.errors.items() if k[0] != funder_id}
        show_problems(self.problems, self.errors.values())
        self._refresh_combo()
        self._refresh_totals()
        self.changed.emit()

    def _refresh_totals(self) -> None:
        sums = [
            sum(self._cents(row, column) or 0 for row in range(self.table.rowCount()))
            for column in (1, 2, 3)
        ]
        paid = sum(self._paid.values())
        self.totals.setText(
            f"<b>Totaux</b> — demandé : {format_cents(sums[0])} · proposé : "
            f"{format_cents(sums[1])} · accordé : {format_cents(sums[2])} · "
            f"versé : {format_cents(paid)}"
        )
