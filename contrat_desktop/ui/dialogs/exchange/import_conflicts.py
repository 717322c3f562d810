"""The "Conflits" tab of the import preview: one line per value the workbook would overwrite
although the dossier changed it after the export (who, when, what the workbook did with it),
with a list to keep the dossier's value or take the workbook's, and two buttons for all.
Each choice goes to ``ImportPlan.resolve``; ``resolved`` tells the preview to refresh.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.operations.import_changes import FieldConflict, Resolution, french_time
from contrat_desktop.operations.import_plan import ImportPlan, PlannedRow

SHOWN_CONFLICTS = 2_000  # one list per line; « Tout garder » settles any number
UNDECIDED = "— à choisir —"
CHOICES = {Resolution.KEEP: "Garder celle du dossier", Resolution.TAKE: "Prendre celle du classeur"}
COLUMNS = [
    "Ligne",
    "Action",
    "Colonne",
    "Dans le dossier",
    "Modifiée le, par",
    "Dans le classeur",
    "Depuis l'export",
    "Choix",
]
WIDTHS = (45, 95, 140, 170, 150, 170, 130)
CHOICE_COLUMN = len(COLUMNS) - 1


class ConflictPanel(QWidget):
    resolved = Signal()

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        exported = plan.export_mark.exported_at if plan.export_mark else ""
        intro = QLabel(
            "Ces valeurs ont été modifiées dans le dossier après l'export du classeur"
            + (f" (le {french_time(exported)})" if exported else "")
            + " : l'import les remplacerait. Choisissez pour chacune, ou pour toutes.",
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName("Valeurs en conflit")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.combos: dict[tuple[int, str], QComboBox] = {}
        for row, conflict in plan.conflicts()[:SHOWN_CONFLICTS]:
            self._add(row, conflict)
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width)
        self.table.resizeRowsToContents()
        self.keep_all = QPushButton("Tout &garder (valeurs du dossier)", self)
        self.take_all = QPushButton("Tout &prendre (valeurs du classeur)", self)
        self.keep_all.clicked.connect(lambda: self.choose_all(Resolution.KEEP))
        self.take_all.clicked.connect(lambda: self.choose_all(Resolution.TAKE))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_all)
        buttons.addWidget(self.take_all)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _add(self, row: PlannedRow, conflict: FieldConflict) -> None:
        line = self.table.rowCount()
        self.table.insertRow(line)
        change = conflict.change
        side = conflict.workbook_side()
        texts = [
            str(row.row),
            row.label,
            change.column,
            change.old,
            conflict.when_who(),
            change.new,
            _short_side(side),
        ]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(side or text if column == len(texts) - 1 else text)
            self.table.setItem(line, column, item)
        combo = QComboBox(self.table)
        combo.setAccessibleName(f"Choix pour « {change.column} », ligne {row.row}")
        combo.addItem(UNDECIDED, None)
        for resolution, text in CHOICES.items():
            combo.addItem(text, resolution.value)
        chosen = row.resolutions.get(change.key)
        combo.setCurrentIndex(combo.findData(chosen.value) if chosen else 0)
        combo.currentIndexChanged.connect(
            lambda _i, number=row.row, key=change.key: self._chosen(number, key)
        )
        self.table.setCellWidget(line, CHOICE_COLUMN, combo)
        self.combos[(row.row, change.key)] = combo

    def choose(self, row_number: int, key: str, resolution: Resolution | None) -> None:
        """Select ``resolution`` in the list of one conflict (as a person would)."""
        combo = self.combos[(row_number, key)]
        combo.setCurrentIndex(combo.findData(resolution.value) if resolution else 0)

    def choose_all(self, resolution: Resolution) -> None:
        self.plan.resolve_all(resolution)
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(resolution.value))
            combo.blockSignals(False)
        self.resolved.emit()

    def _chosen(self, row_number: int, key: str) -> None:
        data = self.combos[(row_number, key)].currentData()
        self.plan.resolve(row_number, key, Resolution(data) if data else None)
        self.resolved.emit()


def _short_side(side: str) -> str:
    """« modifiée dans le classeur (exportée : X) » → « modifiée, exportée : X »."""
    if not side:
        return "—"
    short = side.replace(" dans le classeur", "").replace(" depuis l'export", "")
    return (
        short.replace(" (exportée : ", ", exportée : ").removesuffix(")") if "(" in short else short
    )
