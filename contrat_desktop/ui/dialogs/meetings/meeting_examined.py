"""The meeting editor's table of actions examined: for each, the avis, the amounts per funder
(proposed by a comité technique, granted by a COPIL), conditions and comment; below, the
totals per funder set live against the funders' envelopes. An amount that cannot be read is
marked in its cell and listed under the table as soon as it is entered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.decisions import ExaminedAction, FunderAmount, starting_amounts
from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.money import format_cents, parse_optional_amount
from contrat_desktop.domain.opinions import Opinion
from contrat_desktop.operations.meeting_context import MeetingContext
from contrat_desktop.ui.widgets.cell_checks import (
    CheckedCellDelegate,
    amount_problem,
    mark_cell,
    problems_label,
    show_problems,
)
from contrat_desktop.ui.widgets.envelope_table import envelope_table, show_checks
from contrat_desktop.ui.widgets.table_editing import editable_table, set_table_editable

# the avis first, where the eye is; the amounts per funder follow "Demandé"
FIXED = ["Réf.", "Action", "Porteur", "Avis", "Demandé"]
OPINION, REQUESTED = 3, 4
TRAILING = ["Conditions", "Commentaire"]
NO_OPINION = "(à rendre)"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
Index = QModelIndex | QPersistentModelIndex


class OpinionDelegate(CheckedCellDelegate):
    """The avis column edits with a list (one editor at a time, fine for 300 rows); the
    other columns with the usual text field, amounts checked as they are typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != OPINION:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem(NO_OPINION, None)
        for opinion in Opinion:
            combo.addItem(opinion.label, opinion.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if not isinstance(editor, QComboBox):
            super().setEditorData(editor, index)
            return
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.UserRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if not isinstance(editor, QComboBox):
            super().setModelData(editor, model, index)
            return
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class MeetingExaminedTab(QWidget):
    changed = Signal()

    def __init__(
        self,
        pick_actions: Callable[[set[int]], list[int]],
        context_for: Callable[[list[int]], MeetingContext],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pick_actions = pick_actions
        self.context_for = context_for
        self.context: MeetingContext | None = None
        self.rows: list[ExaminedAction] = []
        self.funder_ids: list[int] = []
        self.errors_found: dict[tuple[int, int], str] = {}  # (action id, funder id) -> message
        self.editable = True
        self.table = editable_table([], "Actions examinées", self)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._item_changed)
        self.delegate = OpinionDelegate(self._check, self.table)
        self.table.setItemDelegate(self.delegate)
        self.add_button = QPushButton("&Ajouter des actions…", self)
        self.add_button.clicked.connect(lambda: self.add_actions())
        self.remove_button = QPushButton("&Retirer de l'ordre du jour", self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.kind_label = QLabel(self)
        self.totals = QLabel(self)
        self.totals.setAccessibleName("Totaux de la réunion")
        self.problems = problems_label("Montants illisibles", self)
        self.envelopes = envelope_table()
        self.envelopes.setMaximumHeight(200)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.kind_label)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.problems)
        layout.addWidget(self.totals)
        layout.addWidget(self.envelopes, 1)
        self._loading = False

    # content -------------------------------------------------------------------------
    def load(self, rows: tuple[ExaminedAction, ...], context: MeetingContext) -> None:
        self.context = context
        self.rows = sorted(rows, key=lambda e: e.position)
        self.errors_found = {}
        kind = context.amount_kind.label
        self.kind_label.setText(f"Montants saisis : <b>{kind}s</b> ({context.kind_label})")
        self._show()

    def collect(self) -> tuple[ExaminedAction, ...]:
        return tuple(replace(row, position=n) for n, row in enumerate(self.rows, start=1))

    def errors(self) -> list[str]:
        found = list(self.errors_found.values())
        for row in self.rows:
            for problem in row.problems():
                found.append(f"{self._reference(row.action_id)} : {problem}")
        return found

    def _reference(self, action_id: int) -> str:
        line = self.context.actions.get(action_id) if self.context else None
        return line.reference if line else f"Action n° {action_id}"

    def _show(self) -> None:
        assert self.context is not None
        context = self.context
        used = {f for line in context.actions.values() for f in line.requested} | {
            a.funder_id for row in self.rows for a in row.amounts
        }
        self.funder_ids = [f.id for f in context.funders if f.id in used]
        names = {f.id: f.short_name or f.name for f in context.funders}
        headers = [*FIXED, *(names[f] for f in self.funder_ids), *TRAILING]
        self.errors_found = {}  # every amount is shown again as stored in the rows
        show_problems(self.problems, [])
        self._loading = True
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.rows))
        for row_number, row in enumerate(self.rows):
            self._fill_row(row_number, row)
        self._loading = False
        for column, width in enumerate((95, 230, 150, 150, 95)):
            self.table.setColumnWidth(column, width)
        for column in range(len(FIXED), self._conditions_column()):
            self.table.setColumnWidth(column, 105)
        self.table.setColumnWidth(self._conditions_column(), 200)
        self._refresh_totals()

    def _conditions_column(self) -> int:
        return len(FIXED) + len(self.funder_ids)

    def _fill_row(self, row_number: int, row: ExaminedAction) -> None:
        assert self.context is not None
        line = self.context.actions.get(row.action_id)
        requested = sum(line.requested.values()) if line else 0
        fixed = (
            line.reference if line else "?",
            line.title if line else "",
            line.holder if line else "",
        )
        for column, text in enumerate(fixed):
            cell = QTableWidgetItem(text)
            cell.setFlags(READ_ONLY)
            cell.setToolTip(text)
            self.table.setItem(row_number, column, cell)
        opinion = QTableWidgetItem(row.opinion.label if row.opinion else NO_OPINION)
        opinion.setData(Qt.ItemDataRole.UserRole, row.opinion.value if row.opinion else None)
        opinion.setToolTip("Double-clic ou F2 pour choisir l'avis")
        self.table.setItem(row_number, OPINION, opinion)
        total = QTableWidgetItem(format_cents(requested))
        total.setFlags(READ_ONLY)
        total.setTextAlignment(RIGHT)
        self.table.setItem(row_number, REQUESTED, total)
        for offset, funder_id in enumerate(self.funder_ids):
            cents = row.amount_for(funder_id)
            cell = QTableWidgetItem("" if cents is None else format_cents(cents))
            cell.setTextAlignment(RIGHT)
            cell.setToolTip(self._stages_tip(row.action_id, funder_id))
            self.table.setItem(row_number, len(FIXED) + offset, cell)
        conditions = self._conditions_column()
        self.table.setItem(row_number, conditions, QTableWidgetItem(row.conditions))
        self.table.setItem(row_number, conditions + 1, QTableWidgetItem(row.comment))

    def _stages_tip(self, action_id: int, funder_id: int) -> str:
        """What the funder was asked for and proposed earlier, shown over the amount."""
        line = self.context.actions.get(action_id) if self.context else None
        if line is None:
            return ""
        stages = [
            ("demandé", line.requested),
            ("proposé", line.proposed),
            ("accordé", line.granted),
        ]
        return " · ".join(
            f"{label} : {format_cents(stage[funder_id])}"
            for label, stage in stages
            if funder_id in stage
        )

    def _check(self, column: int, text: str) -> str | None:
        amounts = len(FIXED) <= column < self._conditions_column()
        return amount_problem(text) if amounts else None

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        row_number, column = cell.row(), cell.column()
        row = self.rows[row_number]
        conditions = self._conditions_column()
        if column == OPINION:
            value = cell.data(Qt.ItemDataRole.UserRole)
            row = replace(row, opinion=Opinion(value) if value else None)
        elif column == conditions:
            row = replace(row, conditions=cell.text().strip())
        elif column == conditions + 1:
            row = replace(row, comment=cell.text().strip())
        elif len(FIXED) <= column < conditions:
            row = self._amount_changed(row, cell, self.funder_ids[column - len(FIXED)])
        self.rows[row_number] = row
        self._refresh_totals()
        self.changed.emit()

    def _amount_changed(
        self, row: ExaminedAction, cell: QTableWidgetItem, funder_id: int
    ) -> ExaminedAction:
        key = (row.action_id, funder_id)
        self.errors_found.pop(key, None)
        self._loading = True
        try:
            cents = parse_optional_amount(cell.text())
            cell.setText("" if cents is None else format_cents(cents))
            mark_cell(cell, None, self._stages_tip(row.action_id, funder_id))
        except ValidationError as error:
            funder = self.table.horizontalHeaderItem(cell.column()).text()
            self.errors_found[key] = f"{self._reference(row.action_id)}, {funder} : {error}"
            mark_cell(cell, self.errors_found[key])
            return row
        finally:
            self._loading = False
            show_problems(self.problems, self.errors_found.values())
        others = tuple(a for a in row.amounts if a.funder_id != funder_id)
        if cents is not None:
            others = (*others, FunderAmount(funder_id, cents))
        return replace(row, amounts=tuple(sorted(others, key=lambda a: a.funder_id)))

    def _refresh_totals(self) -> None:
        if self.context is None:
            return
        names = {f.id: f.display_name for f in self.context.funders}
        checks = self.context.baseline.checks(self.rows)
        show_checks(self.envelopes, [(names.get(c.funder_id, "?"), c) for c in checks])
        total = sum(c.in_meeting_cents for c in checks)
        decided = sum(1 for row in self.rows if row.opinion is not None)
        self.totals.setText(
            f"<b>{len(self.rows)} action(s)</b> à l'ordre du jour, {decided} avis rendu(s) — "
            f"total {self.context.amount_kind.label} : <b>{format_cents(total)}</b>"
        )

    # editing -------------------------------------------------------------------------
    def set_opinion(self, row_number: int, opinion: Opinion | None) -> None:
        """What the avis list does when the user picks one."""
        cell = self.table.item(row_number, OPINION)
        cell.setData(Qt.ItemDataRole.UserRole, opinion.value if opinion else None)
        cell.setText(opinion.label if opinion else NO_OPINION)

    def conditions_cell(self, row_number: int) -> QTableWidgetItem:
        return self.table.item(row_number, self._conditions_column())

    def set_context(self, context: MeetingContext) -> None:
        """Another year (the meeting moved): the same rows against that year's envelopes."""
        self.context = context
        self._refresh_totals()

    def amount_cell(self, row_number: int, funder_id: int) -> QTableWidgetItem:
        return self.table.item(row_number, len(FIXED) + self.funder_ids.index(funder_id))

    def add_actions(self, action_ids: list[int] | None = None) -> None:
        present = {row.action_id for row in self.rows}
        if action_ids is None:
            action_ids = self.pick_actions(present)
        new = [a for a in action_ids if a not in present]
        if not new or self.context is None:
            return
        self.context = self.context_for([*present, *new])
        meeting_id = self.rows[0].meeting_id if self.rows else 0
        for action_id in new:
            line = self.context.actions[action_id]
            amounts = starting_amounts(self.context.amount_kind, line.proposed, line.granted)
            self.rows.append(ExaminedAction(meeting_id, action_id, amounts=amounts))
        self._show()
        self.changed.emit()

    def remove_selected(self) -> None:
        chosen = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not chosen:
            return
        for row_number in chosen:
            removed = self.rows.pop(row_number)
            self.errors_found = {
                k: v for k, v in self.errors_found.items() if k[0] != removed.action_id
            }
        self._show()
        self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        set_table_editable(self.table, editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
