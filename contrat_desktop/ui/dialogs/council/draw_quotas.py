"""The quotas of a draw, one row each: criterion (sex, age band, district), value, minimum
and maximum seats; a row that cannot be read says why, in French."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.errors import ValidationError
from contrat_desktop.domain.quotas import Dimension, Quota

DIMENSIONS = [
    (Dimension.SEX, "Sexe"),
    (Dimension.AGE, "Tranche d'âge"),
    (Dimension.DISTRICT, "Quartier"),
]
EXAMPLES = {
    Dimension.SEX.value: "F ou M",
    Dimension.AGE.value: "ex. 18-29 ou 60+",
    Dimension.DISTRICT.value: "code QPV",
}
HEADERS = ["Critère", "Valeur", "Minimum", "Maximum"]
NO_MAXIMUM = -1


class QuotaEditor(QWidget):
    quotas_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Quotas du tirage")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 150, 90)):
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton("Ajouter un &quota", self)
        self.parity_button = QPushButton("&Parité femmes-hommes", self)
        self.parity_button.setToolTip("Deux quotas : la moitié des sièges pour chaque sexe")
        self.remove_button = QPushButton("Retirer le quota choisi", self)
        bar = QHBoxLayout()
        for button in (self.add_button, self.parity_button, self.remove_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.seats = 0
        self.add_button.clicked.connect(lambda: self.add_quota(Dimension.SEX, "", 0, None))
        self.parity_button.clicked.connect(self.add_parity)
        self.remove_button.clicked.connect(self.remove_current)

    def add_quota(self, dimension: Dimension, value: str, low: int, high: int | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        criterion = QComboBox(self.table)
        for dim, label in DIMENSIONS:
            criterion.addItem(label, dim.value)
        criterion.setCurrentIndex(criterion.findData(dimension.value))
        text = QLineEdit(value, self.table)
        text.setAccessibleName("Valeur du quota")
        text.setPlaceholderText(EXAMPLES[dimension.value])
        minimum = QSpinBox(self.table)
        minimum.setRange(0, 999)
        minimum.setValue(low)
        maximum = QSpinBox(self.table)
        maximum.setRange(NO_MAXIMUM, 999)
        maximum.setSpecialValueText("sans maximum")
        maximum.setValue(NO_MAXIMUM if high is None else high)
        for column, widget in enumerate((criterion, text, minimum, maximum)):
            self.table.setCellWidget(row, column, widget)
        criterion.currentIndexChanged.connect(
            lambda _n: text.setPlaceholderText(EXAMPLES[str(criterion.currentData())])
        )
        criterion.currentIndexChanged.connect(lambda _n: self.quotas_changed.emit())
        text.textChanged.connect(lambda _t: self.quotas_changed.emit())
        minimum.valueChanged.connect(lambda _v: self.quotas_changed.emit())
        maximum.valueChanged.connect(lambda _v: self.quotas_changed.emit())
        self.quotas_changed.emit()
        return row

    def add_parity(self) -> None:
        half = self.seats // 2
        self.add_quota(Dimension.SEX, "F", half, self.seats - half)
        self.add_quota(Dimension.SEX, "M", half, self.seats - half)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.quotas_changed.emit()

    def set_value(self, row: int, column: int, value: object) -> None:
        """Set one cell (criterion data, text, or number); used by tests and presets."""
        widget = self.table.cellWidget(row, column)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(NO_MAXIMUM if value is None else int(str(value)))

    def read(self) -> tuple[tuple[Quota, ...], list[str]]:
        """The quotas, and a French reason for each row that cannot be read."""
        quotas, problems = [], []
        for row in range(self.table.rowCount()):
            criterion = self.table.cellWidget(row, 0)
            text = self.table.cellWidget(row, 1)
            low = self.table.cellWidget(row, 2)
            high = self.table.cellWidget(row, 3)
            assert isinstance(criterion, QComboBox) and isinstance(text, QLineEdit)
            assert isinstance(low, QSpinBox) and isinstance(high, QSpinBox)
            value = text.text().strip()
            if not value:
                problems.append(
                    f"Quota n° {row + 1} : indiquez la valeur ({criterion.currentText()})."
                )
                continue
            maximum = "" if high.value() == NO_MAXIMUM else str(high.value())
            try:
                quotas.append(
                    Quota.parse(f"{criterion.currentData()}:{value}:{low.value()}:{maximum}")
                )
            except ValidationError as error:
                problems.append(f"Quota n° {row + 1} : {error}")
        return tuple(quotas), problems
