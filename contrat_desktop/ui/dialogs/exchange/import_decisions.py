"""The "À trancher" tab of the import preview: one line per row that matches several
actions, with a list to choose the action, "Créer une nouvelle action" or "Ignorer cette
ligne". Each choice goes to ``ImportPlan.decide``; ``decided`` tells the preview to refresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from contrat_desktop.operations.import_plan import Decision, ImportPlan, PlannedRow

SHOWN_DECISIONS = 500  # one list per line; beyond that, the workbook needs correcting
UNDECIDED = "— à trancher —"
CREATE_TEXT = "Créer une nouvelle action"
SKIP_TEXT = "Ignorer cette ligne"
COLUMNS = ["Ligne", "Référence", "N° Dauphin", "Porteur", "Intitulé", "Décision"]
DECISION_COLUMN = len(COLUMNS) - 1
DESCRIBED = ("reference", "dauphin_number", "holder_name", "title")  # the row's own values


class DecisionTable(QTableWidget):
    decided = Signal(int)  # the sheet row number

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.plan = plan
        self.setAccessibleName("Lignes à trancher")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.combos: dict[int, QComboBox] = {}
        for row in plan.decidable_rows()[:SHOWN_DECISIONS]:
            self._add(row)
        for column, width in enumerate((55, 110, 90, 160, 220)):
            header.resizeSection(column, width)

    def _add(self, row: PlannedRow) -> None:
        line = self.rowCount()
        self.insertRow(line)
        values = row.values
        texts = [
            str(row.row),
            *(str(values.get(key) or "") for key in DESCRIBED),
        ]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.setItem(line, column, item)
        combo = QComboBox(self)
        combo.setAccessibleName(f"Décision pour la ligne {row.row}")
        combo.addItem(UNDECIDED, None)
        for candidate in row.candidates:
            combo.addItem(candidate.describe(), candidate.action_id)
            combo.setItemData(combo.count() - 1, candidate.describe(), Qt.ItemDataRole.ToolTipRole)
        combo.addItem(CREATE_TEXT, Decision.CREATE.value)
        combo.addItem(SKIP_TEXT, Decision.SKIP.value)
        combo.setCurrentIndex(max(combo.findData(_data(row.decision)), 0))
        combo.currentIndexChanged.connect(lambda _i, number=row.row: self._chosen(number))
        self.setCellWidget(line, DECISION_COLUMN, combo)
        self.combos[row.row] = combo

    def choose(self, row_number: int, choice: int | Decision | None) -> None:
        """Select ``choice`` in the list of ``row_number`` (as a person would)."""
        combo = self.combos[row_number]
        combo.setCurrentIndex(combo.findData(_data(choice)))

    def _chosen(self, row_number: int) -> None:
        data = self.combos[row_number].currentData()
        choice = Decision(data) if isinstance(data, str) else data
        self.plan.decide(row_number, choice)
        self.decided.emit(row_number)


def _data(choice: int | Decision | None) -> int | str | None:
    return choice.value if isinstance(choice, Decision) else choice
