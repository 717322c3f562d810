"""« Vue pluriannuelle »: the figures of every year of the contract side by side, per
funder, pillar, district, holder kind or holder (what a holder received year by year), as a
table with a total column and line, and a stacked bar chart of the largest rows. An amount
nobody entered shows « — », an amount of zero « 0,00 € »; the totals are the dossier's own
(an action in two districts counted once in the total line)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contrat_desktop.domain.across_years import (
    EMPTY,
    AcrossYears,
    Dimension,
    Measure,
    SeriesRow,
    YearCell,
    sort_key,
)
from contrat_desktop.domain.holder_activity import fold
from contrat_desktop.domain.money import AMOUNT_LEGEND, format_amount
from contrat_desktop.operations.across_years import across_years
from contrat_desktop.ui.formats import format_count
from contrat_desktop.ui.models.columns import ALIGN, DISPLAY, LEFT, RIGHT
from contrat_desktop.ui.session import DossierSession

CHARTED = 7  # rows drawn in the chart; the others add up as « Autres »
_Index = QModelIndex | QPersistentModelIndex


class YearTableModel(QAbstractTableModel):
    """Rows of one dimension, a column per year, then the total; the last row sums them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.data_: AcrossYears | None = None
        self.rows: list[SeriesRow] = []
        self.measure = Measure.GRANTED

    def show(self, data: AcrossYears, rows: list[SeriesRow], measure: Measure) -> None:
        self.beginResetModel()
        self.data_, self.rows, self.measure = data, rows, measure
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.data_ is None else len(self.rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.data_ is None else len(self.data_.years) + 2

    def _text(self, value: int | None) -> str:
        return format_amount(value) if self.measure.money else format_count(value or 0)

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        role = int(role)
        if not index.isValid() or self.data_ is None:
            return None
        if role == ALIGN:
            return LEFT if index.column() == 0 else RIGHT
        if role != DISPLAY:
            return None
        years = self.data_.years
        if index.row() == len(self.rows):  # the total line
            whole = len(self.rows) == len(self.data_.rows)  # else the rows filtered, summed
            cells = self.data_.year_totals() if whole else _sums(self.rows, years)
            if index.column() == 0:
                return "Total"
            if index.column() <= len(years):
                return self._text(cells[years[index.column() - 1]].value(self.measure))
            total = self.data_.total() if whole else sum(cells.values(), EMPTY)
            return self._text(total.value(self.measure))
        row = self.rows[index.row()]
        if index.column() == 0:
            return row.label
        if index.column() <= len(years):
            return self._text(row.by_year.get(years[index.column() - 1], EMPTY).value(self.measure))
        return self._text(row.total.value(self.measure))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or int(role) != DISPLAY or not self.data_:
            return None
        years = self.data_.years
        if section == 0:
            return self.data_.dimension.label
        return str(years[section - 1]) if section <= len(years) else "Total"


def _sums(rows: list[SeriesRow], years: tuple[int, ...]) -> dict[int, YearCell]:
    """Each year's sums of the rows shown (a filtered list)."""
    sums = dict.fromkeys(years, EMPTY)
    for row in rows:
        for year, cell in row.by_year.items():
            if year in sums:
                sums[year] = sums[year] + cell
    return sums


class AcrossYearsPage(QWidget):
    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: AcrossYears | None = None
        self.dimension = QComboBox(self)
        self.dimension.setAccessibleName("Vue pluriannuelle : par")
        for dimension in Dimension:
            self.dimension.addItem(dimension.label, dimension.value)
        self.measure = QComboBox(self)
        self.measure.setAccessibleName("Vue pluriannuelle : montant ou nombre")
        for measure in Measure:
            self.measure.addItem(measure.label, measure.value)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filtrer les lignes (nom d'un porteur, d'un financeur…)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filtrer les lignes de la vue pluriannuelle")
        self.model = YearTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Vue pluriannuelle")
        # a column per year: a layout saved with other years (or another dossier) would
        # leave empty « Total » columns, so the window does not keep this one
        self.table.setProperty("savedColumns", False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.chart_slot = QVBoxLayout()
        self.chart: QWidget | None = None
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        for text, widget in (("&Par", self.dimension), ("&Valeur", self.measure)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Vue pluriannuelle</b> — toutes les campagnes du contrat", self))
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.note)
        layout.addLayout(self.chart_slot, 2)
        self.dimension.currentIndexChanged.connect(lambda _i: self.reload())
        self.measure.currentIndexChanged.connect(lambda _i: self.show_rows())
        self.search.textChanged.connect(lambda _t: self.show_rows())
        session.changed.connect(lambda _entity: self.reload())
        self.reload()

    def reload(self) -> None:
        dimension = Dimension(self.dimension.currentData())
        self.data = across_years(self.session.dossier, dimension, self.session.references)
        self.show_rows()

    def show_rows(self) -> None:
        if self.data is None:
            return
        measure = Measure(self.measure.currentData())
        words = fold(self.search.text()).split()
        rows = [r for r in self.data.rows if all(w in fold(r.label) for w in words)]
        rows.sort(key=lambda r: sort_key(r, measure))
        self.model.show(self.data, rows, measure)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):  # measuring 1 600 holders is slow
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 118 if self.model.measure.money else 70)
        notes = [AMOUNT_LEGEND] if measure.money else []
        if len(rows) > CHARTED:
            notes.append(
                f"{format_count(len(rows))} ligne(s) ; le graphique montre les {CHARTED}"
                " premières (les autres réunies dans « Autres »)."
            )
        self.note.setText(" ".join(notes))
        if self.isVisible():
            self.draw_chart()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None:
            QTimer.singleShot(0, self.draw_chart)

    def draw_chart(self) -> None:
        from contrat_desktop.ui.widgets.charts import stacked_years_chart

        if self.chart is not None:
            self.chart.setParent(None)  # type: ignore[call-overload]
            self.chart.deleteLater()
            self.chart = None
        if self.data is None or not self.data.years:
            return
        measure = self.model.measure
        rows = self.model.rows
        scale = 100_000 if measure.money else 1
        series = [
            (
                row.label,
                [(row.by_year.get(y, EMPTY).value(measure) or 0) / scale for y in self.data.years],
            )
            for row in rows[:CHARTED]
        ]
        if len(rows) > CHARTED:
            rest = _sums(rows[CHARTED:], self.data.years)
            series.append(
                ("Autres", [(rest[y].value(measure) or 0) / scale for y in self.data.years])
            )
        unit = "milliers d'euros" if measure.money else "actions"
        self.chart = stacked_years_chart([str(y) for y in self.data.years], series, unit, self)
        self.chart_slot.addWidget(self.chart)
